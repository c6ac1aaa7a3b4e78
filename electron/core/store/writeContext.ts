/** Who is writing, when, and as part of which batch: stamped on every audit row. */
export interface WriteContext {
  readonly userId: number | null
  readonly now: string
  readonly batchId?: string | null
}
