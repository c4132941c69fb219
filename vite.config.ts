/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  root: 'web',
  plugins: [svelte({ configFile: '../svelte.config.js' })],
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: { proxy: { '/socket.io': { target: 'http://127.0.0.1:8080', ws: true } } },
  test: {
    root: '.',
    include: ['core/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 20000,
    hookTimeout: 20000,
  },
});
