import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { buildMetaCsp } from './electron/main/csp'

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url))
const { version } = JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')) as { version: string }

/**
 * Writes the packaged app's Content-Security-Policy into the built index.html.
 * Main also sends it as a header, but a file:// page may get no headers to
 * carry it; the dev server's page gets the header only, which allows hot reload.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'workbench:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: buildMetaCsp() }, injectTo: 'head-prepend' },
    ],
  }
}

/**
 * Three builds into out/{main,preload,renderer}. package.json says "type":
 * "module", so main is emitted as ESM (out/main/index.js).
 */
export default defineConfig({
  main: {
    // The core reports this as app.info's version (see electron/core/version.ts).
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      // better-sqlite3 is a native addon: it must stay a runtime require, never bundled.
      // The other runtime dependencies are left external too (electron-vite's default).
      externalizeDeps: { include: ['better-sqlite3'] },
      rolldownOptions: {
        // Worker-thread entries, each loaded from beside index.js (see electron/core/workerThread.ts).
        input: {
          index: fromRoot('electron/main/index.ts'),
          parseWorker: fromRoot('electron/core/excel/parseWorker.ts'),
          prepareWorker: fromRoot('electron/core/services/imports/prepareWorker.ts'),
          schedulerWorker: fromRoot('electron/core/services/loop/schedulerWorker.ts'),
          chartWorker: fromRoot('electron/core/services/analytics/chartWorker.ts'),
        },
        // Shared chunks sit beside the entries, so a module in any of them finds the workers at ./<name>.js.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require anything but 'electron', so every
      // import (shared/, zod) is bundled into one CommonJS file: out/preload/index.cjs.
      // With a single entry there are no shared chunks; a second preload entry
      // would need `isolatedEntries: true` to keep each one self-contained.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: fromRoot('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('renderer'),
    plugins: [react(), cspMetaTag()],
    build: {
      rolldownOptions: {
        input: { index: fromRoot('renderer/index.html') },
      },
    },
  },
})
