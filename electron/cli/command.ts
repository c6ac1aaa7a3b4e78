import type { ParseArgsConfig } from 'node:util'
import type { Locale, MethodInput, MethodName, MethodOutput } from '../../shared'
import type { Core } from '../core'

export type OptionSpec = NonNullable<ParseArgsConfig['options']>

/** What a command gets: the open workspace, its arguments, and the API door. */
export interface Session {
  core: Core
  locale: Locale
  /** Positional arguments after the command name. */
  args: string[]
  flags: Record<string, string | boolean | (string | boolean)[] | undefined>
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
}

export interface Command {
  /** One line per form, shown in the help text. */
  readonly usage: string[]
  readonly options?: OptionSpec
  run(session: Session): Promise<void>
}

/** Prints JSON for automation, or readable lines for people. */
export function print(session: Session, value: unknown, human: () => string): void {
  console.log(session.flags.json ? JSON.stringify(value, null, 2) : human())
}
