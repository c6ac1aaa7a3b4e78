import path from 'node:path'
import { ErrorCode } from '../../shared/errors'
import { openCore, type Core } from '../core'

type CoreListener = Parameters<Core['events']['subscribe']>[0]

export interface WorkspaceOptions {
  /** The app's own folders; paths inside them need no dialog. */
  ownFolders: string[]
  /** Receives every event of whichever core is open. */
  onEvent: CoreListener
}

/**
 * The one open workspace (a core over one SQLite file) and the paths the user
 * picked in dialogs since the app started. Swapping workspaces keeps those
 * picks, so a file chosen before the swap is still usable after it.
 */
export class Workspace {
  private core: Core | null = null
  private unsubscribe: () => void = () => {}
  private readonly picked = new Set<string>()

  constructor(private readonly options: WorkspaceOptions) {}

  get current(): Core | null {
    return this.core
  }

  /**
   * Opens `dbPath` and only then closes the previous workspace, so a file that
   * fails to open leaves the current one untouched. Throws what openCore threw.
   */
  async open(dbPath: string): Promise<void> {
    const next = await openCore({
      dbPath,
      surface: 'electron',
      ownFolders: this.options.ownFolders,
      trustAllPaths: false,
    })
    for (const picked of this.picked) next.paths.allow(picked)
    const previous = this.core
    this.unsubscribe()
    this.core = next
    this.unsubscribe = next.events.subscribe(this.options.onEvent)
    previous?.close()
  }

  isOpen(dbPath: string): boolean {
    return this.core !== null && this.core.dbPath === path.resolve(dbPath)
  }

  /** Records a path the user chose in a native dialog. */
  allow(filePath: string): void {
    this.picked.add(filePath)
    this.core?.paths.allow(filePath)
  }

  close(): void {
    this.unsubscribe()
    this.core?.close()
    this.core = null
  }
}

/** The stable code of whatever openCore threw; anything unexpected is INTERNAL. */
export function failureCode(err: unknown): ErrorCode {
  const parsed = ErrorCode.safeParse((err as { code?: unknown } | null)?.code)
  return parsed.success ? parsed.data : 'INTERNAL'
}
