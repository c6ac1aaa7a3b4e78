import { errorMessage, type Locale } from '../../shared'
import type { Envelope } from '../../shared/envelope'
import { AppError } from '../core'

/** The CLI speaks the user's language: --lang, else the system locale. */
export function cliLocale(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Locale {
  const lang = flag ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? ''
  return lang.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'
}

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}

/** Unwraps an envelope or fails with the sentence the core wrote for the user. */
export function valueOf<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  const details = envelope.error.details === undefined ? '' : `\n${JSON.stringify(envelope.error.details, null, 2)}`
  throw new CliFailure(`${envelope.error.message} [${envelope.error.code}]${details}`)
}

export function describeFailure(err: unknown, locale: Locale): string {
  if (err instanceof CliFailure) return err.message
  if (err instanceof AppError) return `${errorMessage(err.code, locale)} [${err.code}]`
  return err instanceof Error ? err.message : String(err)
}
