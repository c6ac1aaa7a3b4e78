/** Who is writing, when, and as part of which batch: stamped on every audit row. */
export interface WriteContext {
  readonly userId: number | null
  readonly now: string
  readonly batchId?: string | null
  /**
   * Where a batch collects its stage-history rows to write them after its
   * records (writeLaterHistory); absent, each row is written at once.
   */
  readonly laterHistory?: unknown[][]
}
