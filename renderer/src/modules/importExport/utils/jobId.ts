/** An id for a long job, so its progress events can be followed and the job cancelled. */
export function newJobId(): string {
  return `ui-${crypto.randomUUID()}`
}
