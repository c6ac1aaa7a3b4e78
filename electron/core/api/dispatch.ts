import { z } from 'zod'
import { Api, CallMeta, isMethodName, type MethodName } from '../../../shared/api'
import type { Envelope } from '../../../shared/envelope'
import { errorMessage, type ApiError, type FieldIssue } from '../../../shared/errors'
import type { Core } from '../core'
import { AppError, fromSqliteError } from '../errors'
import { handlers } from './handlers'

/**
 * The one door into the core, shared by IPC, the web host, the CLI and the
 * tests: look the method up, validate its input with the contract, run it,
 * and answer with an envelope. Nothing thrown escapes, and no stack trace
 * leaves this function.
 */
export async function dispatch(core: Core, method: unknown, rawInput: unknown, rawMeta: unknown): Promise<Envelope<unknown>> {
  const metaResult = CallMeta.safeParse(rawMeta ?? {})
  const meta = metaResult.success ? metaResult.data : CallMeta.parse({})
  if (!metaResult.success) return failure(new AppError('VALIDATION', { issues: issuesOf(metaResult.error) }), meta.locale)
  if (!isMethodName(method)) {
    // String() throws on objects without a prototype; only a string is worth echoing back.
    return failure(new AppError('UNKNOWN_METHOD', { method: typeof method === 'string' ? method.slice(0, 100) : typeof method }), meta.locale)
  }

  const parsed = Api[method].input.safeParse(rawInput ?? {})
  if (!parsed.success) return failure(new AppError('VALIDATION', { issues: issuesOf(parsed.error) }), meta.locale)
  try {
    const value = await runHandler(core, method, parsed.data, meta)
    return { ok: true, value }
  } catch (err) {
    return failure(toAppError(err), meta.locale)
  }
}

function runHandler<M extends MethodName>(core: Core, method: M, input: unknown, meta: CallMeta): unknown {
  const handler = handlers[method] as (core: Core, input: unknown, meta: CallMeta) => unknown
  return handler(core, input, meta)
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err
  if (err instanceof z.ZodError) return new AppError('VALIDATION', { issues: issuesOf(err) })
  const sqlite = fromSqliteError(err)
  if (sqlite) return sqlite
  // Kept for the developer's terminal only; the caller gets a code and a sentence.
  console.error('[workbench] internal error:', err)
  return new AppError('INTERNAL')
}

function failure(err: AppError, locale: CallMeta['locale']): { ok: false; error: ApiError } {
  return { ok: false, error: { code: err.code, message: errorMessage(err.code, locale), details: err.details } }
}

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 50).map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    code: issue.code,
    message: issue.message,
  }))
}
