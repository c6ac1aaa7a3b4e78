import type { ApiError, ErrorCode } from '../../../shared/errors'

/** What a failed call throws: the envelope's error, kept whole. */
export class ApiCallError extends Error implements ApiError {
  readonly code: ErrorCode
  readonly details: unknown

  constructor(error: ApiError) {
    super(error.message)
    this.name = 'ApiCallError'
    this.code = error.code
    this.details = error.details
  }
}

export function isApiCallError(value: unknown): value is ApiCallError {
  return value instanceof ApiCallError
}
