import { isApiCallError } from '../../../api/ApiCallError'

/**
 * A failure as the person reads it: the error's sentence, plus the reason
 * the core gives in its details (why a file was refused, for instance).
 */
export function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  const reason = isApiCallError(err) ? (err.details as { message?: unknown } | undefined)?.message : undefined
  return typeof reason === 'string' && reason !== err.message ? `${err.message} ${reason}` : err.message
}
