import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const rendererRoot = fileURLToPath(new URL('.', import.meta.url))

/**
 * The same renderer as the Electron window, built for the web host.
 * base './' keeps asset URLs relative so the host can serve out/web from any path.
 */
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
})
