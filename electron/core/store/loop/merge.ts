import type { Database } from 'better-sqlite3'
import type { MergeEntity, MergeRecord } from '../../../../shared/methods/loop'
import type { EntityType } from '../../../../shared/enums'
import { writeAudit } from '../audit'
import type { WriteContext } from '../writeContext'

/** One kind of record that points at a merged record and moves to the survivor. */
interface Relation {
  /** Name shown in the preview's counts. */
  kind: string
  table: string
  column: string
  /** Condition on the row besides the pointer, e.g. the entity type of a follow-up. */
  where?: string
  /** Entity whose audit trail records the move; null for link rows. */
  audited: EntityType | null
  versioned: boolean
}

const attached = (entity: MergeEntity): Relation[] => [
  { kind: 'activities', table: 'activities', column: 'entity_id', where: `entity_type = '${entity}'`, audited: 'activity', versioned: true },
  { kind: 'tasks', table: 'tasks', column: 'entity_id', where: `entity_type = '${entity}'`, audited: 'task', versioned: true },
]

const relations: Record<MergeEntity, Relation[]> = {
  lead: [
    ...attached('lead'),
    { kind: 'opportunities', table: 'opportunities', column: 'lead_id', audited: 'opportunity', versioned: true },
  ],
  contact: [
    ...attached('contact'),
    { kind: 'opportunities', table: 'opportunities', column: 'contact_id', audited: 'opportunity', versioned: true },
    { kind: 'leads', table: 'leads', column: 'converted_contact_id', audited: 'lead', versioned: true },
  ],
  account: [
    ...attached('account'),
    { kind: 'contacts', table: 'contacts', column: 'account_id', audited: 'contact', versioned: true },
    { kind: 'opportunities', table: 'opportunities', column: 'account_id', audited: 'opportunity', versioned: true },
    { kind: 'contracts', table: 'contracts', column: 'account_id', audited: 'contract', versioned: true },
    { kind: 'leads', table: 'leads', column: 'converted_account_id', audited: 'lead', versioned: true },
  ],
}

/** What a merge moved, kept so that the merge can be undone exactly. */
export interface MergeUndo {
  /** Survivor columns as they were before the merge. */
  survivorBefore: Record<string, unknown>
  moved: { kind: string; ids: number[] }[]
  tagsMoved: number[]
  /** Tags both had: the merged record's link was dropped. */
  tagsDropped: number[]
}

function relationWhere(relation: Relation): string {
  return `${relation.column} = ?${relation.where ? ` AND ${relation.where}` : ''}`
}

/** How many records of each kind point at the record (trashed ones included: they move too). */
export function countRelated(db: Database, entity: MergeEntity, id: number): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const relation of relations[entity]) {
    counts[relation.kind] = db.prepare(`SELECT count(*) FROM ${relation.table} WHERE ${relationWhere(relation)}`).pluck().get(id) as number
  }
  counts.tags = db.prepare('SELECT count(*) FROM entity_tags WHERE entity_type = ? AND entity_id = ?').pluck().get(entity, id) as number
  return counts
}

function repoint(db: Database, ctx: WriteContext, relation: Relation, ids: readonly number[], from: number, to: number): void {
  const bump = relation.versioned ? ', version = version + 1, updated_at = ?' : ''
  const update = db.prepare(`UPDATE ${relation.table} SET ${relation.column} = ?${bump} WHERE id = ? AND ${relation.column} = ?`)
  for (const id of ids) {
    const changed = update.run(...(relation.versioned ? [to, ctx.now, id, from] : [to, id, from])).changes
    if (changed === 1 && relation.audited) {
      writeAudit(db, ctx, relation.audited, id, 'merge', [{ field: relation.column, oldValue: from, newValue: to }])
    }
  }
}

/** Moves every related record and tag of `mergedId` to `survivorId`; returns what moved. */
export function moveRelated(db: Database, ctx: WriteContext, entity: MergeEntity, mergedId: number, survivorId: number) {
  const moved = relations[entity].map((relation) => {
    const ids = db.prepare(`SELECT id FROM ${relation.table} WHERE ${relationWhere(relation)}`).pluck().all(mergedId) as number[]
    repoint(db, ctx, relation, ids, mergedId, survivorId)
    return { kind: relation.kind, ids }
  })
  const tags = db.prepare('SELECT tag_id FROM entity_tags WHERE entity_type = ? AND entity_id = ?').pluck().all(entity, mergedId) as number[]
  const survivorTags = new Set(
    db.prepare('SELECT tag_id FROM entity_tags WHERE entity_type = ? AND entity_id = ?').pluck().all(entity, survivorId) as number[],
  )
  const tagsDropped = tags.filter((tag) => survivorTags.has(tag))
  const tagsMoved = tags.filter((tag) => !survivorTags.has(tag))
  db.prepare('DELETE FROM entity_tags WHERE entity_type = ? AND entity_id = ?').run(entity, mergedId)
  const link = db.prepare('INSERT INTO entity_tags (tag_id, entity_type, entity_id) VALUES (?, ?, ?)')
  for (const tag of tagsMoved) link.run(tag, entity, survivorId)
  return { moved, tagsMoved, tagsDropped }
}

/** Puts back what `moveRelated` moved, leaving alone anything that has moved on since. */
export function moveRelatedBack(db: Database, ctx: WriteContext, entity: MergeEntity, undo: MergeUndo, mergedId: number, survivorId: number): void {
  for (const { kind, ids } of undo.moved) {
    const relation = relations[entity].find((r) => r.kind === kind)
    if (relation) repoint(db, ctx, relation, ids, survivorId, mergedId)
  }
  const unlink = db.prepare('DELETE FROM entity_tags WHERE tag_id = ? AND entity_type = ? AND entity_id = ?')
  const link = db.prepare('INSERT OR IGNORE INTO entity_tags (tag_id, entity_type, entity_id) VALUES (?, ?, ?)')
  for (const tag of undo.tagsMoved) {
    unlink.run(tag, entity, survivorId)
    link.run(tag, entity, mergedId)
  }
  for (const tag of undo.tagsDropped) link.run(tag, entity, mergedId)
}

export function insertMerge(db: Database, ctx: WriteContext, entity: MergeEntity, survivorId: number, mergedId: number): number {
  return Number(
    db
      .prepare('INSERT INTO merges (entity_type, survivor_id, merged_id, user_id, at) VALUES (?, ?, ?, ?, ?)')
      .run(entity, survivorId, mergedId, ctx.userId, ctx.now).lastInsertRowid,
  )
}

export function completeMerge(db: Database, id: number, survivorVersion: number, undo: MergeUndo): void {
  db.prepare('UPDATE merges SET survivor_version = ?, undo = ? WHERE id = ?').run(survivorVersion, JSON.stringify(undo), id)
}

export function markMergeUndone(db: Database, id: number, now: string): void {
  db.prepare('UPDATE merges SET undone_at = ? WHERE id = ?').run(now, id)
}

const mergeColumns = `id, entity_type AS entityType, survivor_id AS survivorId, merged_id AS mergedId, at,
  user_id AS userId, undone_at AS undoneAt`

export interface StoredMerge extends MergeRecord {
  survivorVersion: number
  undo: MergeUndo
}

export function getMerge(db: Database, id: number): StoredMerge | undefined {
  const row = db
    .prepare(`SELECT ${mergeColumns}, survivor_version AS survivorVersion, undo FROM merges WHERE id = ?`)
    .get(id) as (MergeRecord & { survivorVersion: number; undo: string }) | undefined
  return row ? { ...row, undo: JSON.parse(row.undo) as MergeUndo } : undefined
}

export function listMerges(db: Database, entity: MergeEntity, id: number): MergeRecord[] {
  return db
    .prepare(`SELECT ${mergeColumns} FROM merges WHERE entity_type = ? AND (survivor_id = ? OR merged_id = ?) ORDER BY id DESC`)
    .all(entity, id, id) as MergeRecord[]
}

const tableOf: Record<MergeEntity, string> = { lead: 'leads', contact: 'contacts', account: 'accounts' }

/** Whether a record is live, in the trash, or gone for good. */
export function recordState(db: Database, entity: MergeEntity, id: number): 'live' | 'trashed' | 'gone' {
  const row = db.prepare(`SELECT deleted_at AS deletedAt FROM ${tableOf[entity]} WHERE id = ?`).get(id) as { deletedAt: string | null } | undefined
  if (!row) return 'gone'
  return row.deletedAt === null ? 'live' : 'trashed'
}
