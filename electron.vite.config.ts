import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The dev server's React refresh preamble is an inline script, which the page's
 * CSP forbids. Relax the CSP for `electron-vite dev` only; builds keep it strict.
 */
function allowInlineScriptsInDev(): Plugin {
  return {
    name: 'parallax:dev-csp',
    apply: 'serve',
    // Vite's dev server injects inline scripts and <style> tags; the built app needs neither.
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          // The Electron main process.
          index: resolve(__dirname, 'src/main/electron/main.ts'),
          // The same services under plain Node: the `parallax` CLI and browser mode.
          cli: resolve(__dirname, 'src/main/cli/main.ts'),
          // Engine work (alignment of long texts) on a worker thread.
          engineWorker: resolve(__dirname, 'src/main/engine/engineWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require 'electron': bundle everything else.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // Minified: browser mode serves it, and a smaller bundle parses faster on school desktops.
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
    plugins: [react(), allowInlineScriptsInDev()],
  },
});
