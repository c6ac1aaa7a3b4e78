import type { ErrorCode } from '../../shared/errors'

/** A failure the user can understand. Everything else is INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? code)
    this.name = 'AppError'
  }
}

const sqliteCodes: Record<string, ErrorCode> = {
  SQLITE_BUSY: 'DB_BUSY',
  SQLITE_LOCKED: 'DB_BUSY',
  SQLITE_READONLY: 'DB_READONLY',
  SQLITE_FULL: 'DISK_FULL',
  SQLITE_CORRUPT: 'DB_CORRUPT',
  SQLITE_NOTADB: 'DB_CORRUPT',
  SQLITE_IOERR: 'DB_CORRUPT',
}

/** Maps SQLite's error codes (including extended ones like SQLITE_BUSY_SNAPSHOT) to ours. */
export function fromSqliteError(err: unknown): AppError | undefined {
  const code = (err as { code?: unknown })?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined
  const base = code.split('_').slice(0, 2).join('_')
  const mapped = sqliteCodes[base]
  return mapped ? new AppError(mapped, { sqlite: code }) : undefined
}
