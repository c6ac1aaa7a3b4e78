import type { Bridge } from '../../../shared/client'

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser. */
    workbench?: Bridge
  }
}
