import type { ParseArgsConfig } from 'node:util'
import type { Locale, MethodInput, MethodName, MethodOutput } from '../../shared'
import type { Core } from '../core'

export type OptionSpec = NonNullable<ParseArgsConfig['options']>

/** What every command gets: the workspace file, its arguments and the user's language. */
export interface FileSession {
  dbPath: string
  locale: Locale
  /** Positional arguments after the command name. */
  args: string[]
  flags: Record<string, string | boolean | (string | boolean)[] | undefined>
}

/** What a workspace command gets: the open workspace and the API door as well. */
export interface Session extends FileSession {
  core: Core
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
}

interface CommandHelp {
  /** One line per form, shown in the help text. */
  readonly usage: string[]
  readonly options?: OptionSpec
}

/** Works on the open workspace. */
export interface WorkspaceCommand extends CommandHelp {
  run(session: Session): Promise<void>
}

/** Works on the workspace file before anything opens it, because it may not open at all (restore). */
export interface FileCommand extends CommandHelp {
  runOnFile(session: FileSession): Promise<void>
}

export type Command = WorkspaceCommand | FileCommand

/** Prints JSON for automation, or readable lines for people. */
export function print(session: FileSession, value: unknown, human: () => string): void {
  console.log(session.flags.json ? JSON.stringify(value, null, 2) : human())
}
