import path from 'node:path'
import { AppError } from './errors'

/**
 * A file path reaching a handler must be one the user picked in a dialog
 * during this run, or lie inside one of the app's own folders.
 */
export class PathGuard {
  private readonly picked = new Set<string>()

  constructor(
    private readonly ownFolders: readonly string[],
    private readonly trustAll = false,
  ) {}

  /** Records a path the user chose in a native dialog. */
  allow(filePath: string): void {
    this.picked.add(path.resolve(filePath))
  }

  check(filePath: string): string {
    const resolved = path.resolve(filePath)
    if (this.trustAll || this.picked.has(resolved) || this.ownFolders.some((dir) => isInside(resolved, dir))) {
      return resolved
    }
    throw new AppError('PATH_NOT_ALLOWED', { path: filePath })
  }
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(path.resolve(dir), file)
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)
}
