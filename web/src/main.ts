/** Entry point of the page: global styles and the App component. */
import { mount } from 'svelte';
import App from './App.svelte';
// Chinese glyphs of our own (no system CJK font needed), in unicode-range slices loaded on use.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './app.css';
import { reshapeOnFontLoad } from './lib/font-epoch.svelte.ts';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

reshapeOnFontLoad(document);

export default mount(App, { target });
