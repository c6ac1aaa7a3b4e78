import { z } from 'zod'
import { Id, IsoDateTime, Version } from '../../primitives'
import { method } from '../define'

export const MergeEntity = z.enum(['lead', 'contact', 'account'])
export type MergeEntity = z.infer<typeof MergeEntity>

const FieldValue = z.union([z.string(), z.number(), z.null()])

export const MergePreview = z.object({
  entityType: MergeEntity,
  survivorId: Id,
  mergedId: Id,
  survivorVersion: Version,
  mergedVersion: Version,
  /** Every field a person may choose, with both values. */
  fields: z.array(z.object({ field: z.string(), survivorValue: FieldValue, mergedValue: FieldValue, differs: z.boolean() })),
  /** Related records that will move to the survivor, per kind. */
  related: z.record(z.string(), z.number().int()),
})
export type MergePreview = z.infer<typeof MergePreview>

export const MergeRecord = z.object({
  id: Id,
  entityType: MergeEntity,
  survivorId: Id,
  mergedId: Id,
  at: IsoDateTime,
  userId: Id.nullable(),
  undoneAt: IsoDateTime.nullable(),
})
export type MergeRecord = z.infer<typeof MergeRecord>

const Pair = { entityType: MergeEntity, survivorId: Id, mergedId: Id }

/** Merge two leads, contacts or accounts with a per-field choice; audited and undoable. */
export const loopMergeMethods = {
  'merge.preview': method(z.object(Pair).strict(), MergePreview),
  'merge.apply': method(
    z
      .object({
        ...Pair,
        survivorVersion: Version,
        mergedVersion: Version,
        /** Fields whose value comes from the merged record; every other field keeps the survivor's. */
        take: z.array(z.string().max(64)).max(50).default([]),
      })
      .strict(),
    MergeRecord,
  ),
  'merge.undo': method(z.object({ mergeId: Id }).strict(), MergeRecord),
  'merge.list': method(z.object({ entityType: MergeEntity, entityId: Id }).strict(), z.array(MergeRecord)),
} as const
