import type { MergePreview } from '../../../../../shared/methods/loop'

/**
 * The fields whose value should come from the merged record unless the
 * person says otherwise: those the survivor leaves blank and the other fills.
 */
export function defaultTake(preview: Pick<MergePreview, 'fields'>): string[] {
  return preview.fields
    .filter((f) => f.differs && (f.survivorValue === null || f.survivorValue === '') && f.mergedValue !== null && f.mergedValue !== '')
    .map((f) => f.field)
}

/** The related records that will move, as [kind, count] pairs worth mentioning. */
export function movingRelated(related: Record<string, number>): [string, number][] {
  return Object.entries(related).filter(([, count]) => count > 0)
}
