import type { WebContents } from 'electron'

/**
 * The webContents the app created for its own windows. IPC is answered and
 * events are sent only to these; anything else (a devtools page, a future
 * embedded view) is a stranger.
 */
export class AppContents {
  private readonly byId = new Map<number, WebContents>()

  add(contents: WebContents): void {
    const id = contents.id
    this.byId.set(id, contents)
    contents.once('destroyed', () => this.byId.delete(id))
  }

  has(contents: WebContents): boolean {
    // Ids are never reused within a run, so the id alone identifies the window.
    return this.byId.has(contents.id)
  }

  /** The ones still alive, for broadcasting. */
  list(): WebContents[] {
    return [...this.byId.values()].filter((contents) => !contents.isDestroyed())
  }
}
