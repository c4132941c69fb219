/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';

/** Fontsource CSS lists a .woff beside each .woff2; every browser we serve reads woff2. */
const woff2Only: Plugin = {
  name: 'fontsource-woff2-only',
  enforce: 'pre',
  transform(code, id) {
    if (!/@fontsource\/.+\.css$/.test(id)) return null;
    return code.replace(/,\s*url\([^)]+\.woff\) format\('woff'\)/g, '');
  },
};

export default defineConfig({
  root: 'web',
  plugins: [svelte({ configFile: '../svelte.config.js' }), woff2Only],
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: { proxy: { '/socket.io': { target: 'http://127.0.0.1:8080', ws: true } } },
  test: {
    root: '.',
    include: [
      'bin/**/*.test.ts',
      'core/**/*.test.ts',
      'server/**/*.test.ts',
      'web/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    // Generous: CI shares 2 cores with other work, and a real server process, tcpdump or tshark
    // can take seconds to start there. A test that hangs still fails; none asserts on speed.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
