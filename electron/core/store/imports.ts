import type { Database } from 'better-sqlite3'
import type { TrashableEntity } from '../../../shared/enums'
import { writeAudit } from './audit'
import { tables, type Row } from './records'
import { insertRows } from './multiRowInsert'
import { cachedStatement } from './statementCache'
import type { WriteContext } from './writeContext'

/** What an import batch kept about a record it created or changed. */
export type BatchRowKind = 'opportunity' | 'lead' | 'account' | 'contact' | 'user' | 'stage' | 'picklist'
export type ImportableEntity = 'opportunity' | 'lead' | 'account' | 'contact'

export interface BatchValues {
  id: string
  entity: string
  fileName: string
  fileHash: string
  sheet: string | null
  fingerprint: string | null
  mapping: unknown
  policy: unknown
  userId: number | null
  createdAt: string
}

export interface BatchRecord {
  id: string
  entity: string
  fileName: string
  fileHash: string
  sheet: string | null
  mapping: string
  policy: string
  counts: string
  userId: number | null
  userName: string | null
  createdAt: string
  undoneAt: string | null
}

export interface BatchRow {
  seq: number
  kind: BatchRowKind
  entityId: number
  action: 'create' | 'update'
  before: string | null
  versionAfter: number | null
}

// ───────────────────────────── batches ─────────────────────────────

export function insertBatch(db: Database, b: BatchValues): void {
  db.prepare(
    `INSERT INTO import_batches (id, entity, file_name, file_hash, sheet, fingerprint, mapping, policy, counts, user_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?)`,
  ).run(b.id, b.entity, b.fileName, b.fileHash, b.sheet, b.fingerprint, JSON.stringify(b.mapping), JSON.stringify(b.policy), b.userId, b.createdAt)
}

export function setBatchCounts(db: Database, id: string, counts: unknown): void {
  db.prepare('UPDATE import_batches SET counts = ? WHERE id = ?').run(JSON.stringify(counts), id)
}

const batchSelect = `SELECT b.id, b.entity, b.file_name AS fileName, b.file_hash AS fileHash, b.sheet, b.mapping, b.policy,
  b.counts, b.user_id AS userId, u.name AS userName, b.created_at AS createdAt, b.undone_at AS undoneAt
  FROM import_batches b LEFT JOIN users u ON u.id = b.user_id`

export function getBatch(db: Database, id: string): BatchRecord | undefined {
  return db.prepare(`${batchSelect} WHERE b.id = ?`).get(id) as BatchRecord | undefined
}

export function listBatches(db: Database, limit: number): BatchRecord[] {
  return db.prepare(`${batchSelect} ORDER BY b.created_at DESC, b.rowid DESC LIMIT ?`).all(limit) as BatchRecord[]
}

export function markBatchUndone(db: Database, id: string, ctx: WriteContext, counts: unknown): void {
  db.prepare('UPDATE import_batches SET undone_at = ?, undone_by = ?, undo_counts = ? WHERE id = ?').run(
    ctx.now,
    ctx.userId,
    JSON.stringify(counts),
    id,
  )
}

/** Batch rows per INSERT statement: 7 parameters each, well under SQLite's limit. */
const BATCH_ROWS_PER_INSERT = 256

/**
 * A batch's rows, written a few hundred per statement in the order they
 * were added. Flush before the batch's transaction ends (or before reading them).
 */
export class BatchRowWriter {
  private pending: unknown[][] = []

  constructor(
    private readonly db: Database,
    private readonly batchId: string,
  ) {}

  add(row: BatchRow): void {
    this.pending.push([this.batchId, row.seq, row.kind, row.entityId, row.action, row.before, row.versionAfter])
    if (this.pending.length === BATCH_ROWS_PER_INSERT) this.flush()
  }

  flush(): void {
    insertRows(this.db, 'import_batch_rows (batch_id, seq, kind, entity_id, action, before, version_after)', this.pending, BATCH_ROWS_PER_INSERT)
    this.pending = []
  }
}

// ───────────────────────────── templates ─────────────────────────────

export interface TemplateRecord {
  id: number
  entity: string
  name: string
  fingerprint: string | null
  mapping: string
  updatedAt: string
}

const templateSelect = 'SELECT id, entity, name, fingerprint, mapping, updated_at AS updatedAt FROM import_templates'

export function listTemplates(db: Database, entity?: string): TemplateRecord[] {
  return (
    entity === undefined
      ? db.prepare(`${templateSelect} ORDER BY entity, name`).all()
      : db.prepare(`${templateSelect} WHERE entity = ? ORDER BY name`).all(entity)
  ) as TemplateRecord[]
}

export function getTemplate(db: Database, id: number): TemplateRecord | undefined {
  return db.prepare(`${templateSelect} WHERE id = ?`).get(id) as TemplateRecord | undefined
}

export function templateNamed(db: Database, entity: string, name: string): TemplateRecord | undefined {
  return db.prepare(`${templateSelect} WHERE entity = ? AND name = ?`).get(entity, name) as TemplateRecord | undefined
}

/** The most recently saved template for this layout. */
export function templateForLayout(db: Database, entity: string, fingerprint: string): TemplateRecord | undefined {
  return db
    .prepare(`${templateSelect} WHERE entity = ? AND fingerprint = ? ORDER BY updated_at DESC, id DESC LIMIT 1`)
    .get(entity, fingerprint) as TemplateRecord | undefined
}

export interface TemplateValues {
  entity: string
  name: string
  fingerprint: string | null
  mapping: unknown
}

export function insertTemplate(db: Database, values: TemplateValues, userId: number | null, now: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO import_templates (entity, name, fingerprint, mapping, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(values.entity, values.name, values.fingerprint, JSON.stringify(values.mapping), userId, now, now).lastInsertRowid,
  )
}

export function updateTemplate(db: Database, id: number, values: TemplateValues, now: string): void {
  db.prepare('UPDATE import_templates SET entity = ?, name = ?, fingerprint = ?, mapping = ?, updated_at = ? WHERE id = ?').run(
    values.entity,
    values.name,
    values.fingerprint,
    JSON.stringify(values.mapping),
    now,
    id,
  )
}

export function deleteTemplate(db: Database, id: number): boolean {
  return db.prepare('DELETE FROM import_templates WHERE id = ?').run(id).changes === 1
}

// ───────────────────────────── duplicate lookups ─────────────────────────────

/** The keys a record of each entity is recognised by; column names never come from callers. */
const keyColumns = {
  opportunity: ['external_id'],
  lead: ['external_id', 'company_norm', 'phone_norm', 'email_norm'],
  account: ['external_id', 'name_norm'],
  contact: ['external_id', 'phone_norm', 'email_norm'],
} as const satisfies Record<ImportableEntity, readonly string[]>

export type KeyColumn<E extends ImportableEntity> = (typeof keyColumns)[E][number]

/** Live records whose key column equals `value`, oldest first. */
export function liveIdsByKey<E extends ImportableEntity>(db: Database, entity: E, column: KeyColumn<E>, value: string): number[] {
  if (!(keyColumns[entity] as readonly string[]).includes(column)) throw new Error(`not a key column: ${entity}.${column}`)
  return cachedStatement(db, `SELECT id FROM ${tables[entity]} WHERE ${column} = ? AND deleted_at IS NULL ORDER BY id`)
    .pluck()
    .all(value) as number[]
}

/** Live deals with exactly this name, with their account's normalised name. */
export function opportunitiesNamed(db: Database, name: string): { id: number; accountNorm: string | null }[] {
  return cachedStatement(
    db,
    `SELECT o.id, a.name_norm AS accountNorm FROM opportunities o LEFT JOIN accounts a ON a.id = o.account_id
     WHERE o.name = ? AND o.deleted_at IS NULL ORDER BY o.id`,
  ).all(name) as { id: number; accountNorm: string | null }[]
}

/**
 * Live deals whose name is among `names`, by name, oldest first, with their
 * account's normalised name: what opportunitiesNamed gives for each name,
 * in one pass over the table instead of one lookup per imported row.
 */
export function opportunitiesNamedAmong(db: Database, names: ReadonlySet<string>): Map<string, { id: number; accountNorm: string | null }[]> {
  const hits: [id: number, name: string, accountId: number | null][] = []
  for (const row of db.prepare('SELECT id, name, account_id FROM opportunities WHERE deleted_at IS NULL ORDER BY id').raw().iterate()) {
    if (names.has((row as [number, string])[1])) hits.push(row as [number, string, number | null])
  }
  const accountNorm = cachedStatement(db, 'SELECT name_norm FROM accounts WHERE id = ?').pluck()
  const norms = new Map<number, string | null>()
  const normOf = (accountId: number) => {
    if (!norms.has(accountId)) norms.set(accountId, (accountNorm.get(accountId) as string | undefined) ?? null)
    return norms.get(accountId)!
  }
  const byName = new Map<string, { id: number; accountNorm: string | null }[]>()
  for (const [id, name, accountId] of hits) {
    let deals = byName.get(name)
    if (!deals) byName.set(name, (deals = []))
    deals.push({ id, accountNorm: accountId === null ? null : normOf(accountId) })
  }
  return byName
}

/** Where the oldest live contact with a key is: by normalised phone, by normalised email, by `name|accountId` ('' for none). */
export interface ContactIndex {
  readonly byPhone: Map<string, number>
  readonly byEmail: Map<string, number>
  readonly byNameAt: Map<string, number>
}

/**
 * The oldest live contact for each of these phones, emails and names (at
 * each account), in one pass over the table: what liveIdsByKey and
 * contactsNamed give, for the keys an import's rows carry.
 */
export function contactsAmong(db: Database, keys: { phones: ReadonlySet<string>; emails: ReadonlySet<string>; names: ReadonlySet<string> }): ContactIndex {
  const index: ContactIndex = { byPhone: new Map(), byEmail: new Map(), byNameAt: new Map() }
  const keep = (map: Map<string, number>, key: string, id: number) => map.has(key) || map.set(key, id)
  const rows = db.prepare('SELECT id, phone_norm, email_norm, name, account_id FROM contacts WHERE deleted_at IS NULL ORDER BY id').raw().iterate()
  for (const row of rows) {
    const [id, phone, email, name, accountId] = row as [number, string | null, string | null, string, number | null]
    if (phone !== null && keys.phones.has(phone)) keep(index.byPhone, phone, id)
    if (email !== null && keys.emails.has(email)) keep(index.byEmail, email, id)
    if (keys.names.has(name)) keep(index.byNameAt, `${name}|${accountId ?? ''}`, id)
  }
  return index
}

/** Live contacts with this name at this account (or with no account). */
export function contactsNamed(db: Database, name: string, accountId: number | null): number[] {
  return cachedStatement(db, 'SELECT id FROM contacts WHERE name = ? AND account_id IS ? AND deleted_at IS NULL ORDER BY id')
    .pluck()
    .all(name, accountId) as number[]
}

/** One live record's row (snake_case columns), or undefined. */
export function liveRecord(db: Database, entity: ImportableEntity, id: number): Row | undefined {
  return cachedStatement(db, `SELECT * FROM ${tables[entity]} WHERE id = ? AND deleted_at IS NULL`).get(id) as Row | undefined
}

// ───────────────────────────── configuration an import creates ─────────────────────────────

export function insertUser(db: Database, name: string, now: string): number {
  return Number(db.prepare("INSERT INTO users (name, role, active, created_at) VALUES (?, 'rep', 1, ?)").run(name, now).lastInsertRowid)
}

export function insertPicklistValue(db: Database, listKey: string, value: string, labelZh: string, labelEn: string): number {
  const next = db.prepare('SELECT coalesce(max(sort_order), 0) + 1 FROM picklists WHERE list_key = ?').pluck().get(listKey) as number
  return Number(
    db
      .prepare('INSERT INTO picklists (list_key, value, label_zh, label_en, sort_order) VALUES (?, ?, ?, ?, ?)')
      .run(listKey, value, labelZh, labelEn, next).lastInsertRowid,
  )
}

/** Where a new open stage goes: after the pipeline's last open stage, before won and lost. */
export function openStageEnd(db: Database, pipelineId: number): number {
  return db
    .prepare("SELECT coalesce(max(sort_order), 0) + 1 FROM stages WHERE pipeline_id = ? AND kind = 'open'")
    .pluck()
    .get(pipelineId) as number
}

const entityTables: Record<ImportableEntity, string> = {
  opportunity: 'opportunities',
  lead: 'leads',
  account: 'accounts',
  contact: 'contacts',
}

// ───────────────────────────── undo ─────────────────────────────

/** Record kinds in the order an undo erases them: what points at others (deals, then leads, contacts) before what they point at. */
export const undoOrder = ['opportunity', 'lead', 'contact', 'account'] as const satisfies readonly ImportableEntity[]

/** Whether the record `r.entity_id` (of kind `r.kind`) has live follow-ups or tasks: work that an undo would orphan. */
const hasAttachedWork = `(EXISTS (SELECT 1 FROM activities a WHERE a.entity_type = r.kind AND a.entity_id = r.entity_id AND a.deleted_at IS NULL)
  OR EXISTS (SELECT 1 FROM tasks t WHERE t.entity_type = r.kind AND t.entity_id = r.entity_id AND t.deleted_at IS NULL))`

/**
 * The batch's records that moved on since it wrote them (edited, deleted,
 * or, for those it created, given follow-ups or tasks), last written first.
 * One query for the whole batch.
 */
export function editedSinceBatch(db: Database, batchId: string): { kind: ImportableEntity; entityId: number }[] {
  const perKind = undoOrder.map(
    (kind) => `SELECT r.seq, r.kind, r.entity_id AS entityId FROM import_batch_rows r LEFT JOIN ${entityTables[kind]} x ON x.id = r.entity_id
      WHERE r.batch_id = ? AND r.kind = '${kind}'
        AND (x.id IS NULL OR x.deleted_at IS NOT NULL OR x.version IS NOT r.version_after OR (r.action = 'create' AND ${hasAttachedWork}))`,
  )
  return cachedStatement(db, `SELECT kind, entityId FROM (${perKind.join(' UNION ALL ')}) ORDER BY seq DESC`).all(
    ...undoOrder.map(() => batchId),
  ) as { kind: ImportableEntity; entityId: number }[]
}

/** The batch's rows an undo reverts one by one, last written first: record updates, and the owners, stages and picklist values it created. */
export function batchRowsToRevert(db: Database, batchId: string): BatchRow[] {
  return db
    .prepare(
      `SELECT seq, kind, entity_id AS entityId, action, before, version_after AS versionAfter FROM import_batch_rows
       WHERE batch_id = ? AND (action = 'update' OR kind IN ('user', 'stage', 'picklist')) ORDER BY seq DESC`,
    )
    .all(batchId) as BatchRow[]
}

/** Records of one kind the batch created, with or without attached work, last created first. */
export function batchCreations(db: Database, batchId: string, kind: ImportableEntity, withWork: boolean): number[] {
  return cachedStatement(
    db,
    `SELECT r.entity_id FROM import_batch_rows r WHERE r.batch_id = ? AND r.kind = ? AND r.action = 'create' AND ${withWork ? '' : 'NOT '}${hasAttachedWork}
     ORDER BY r.seq DESC`,
  )
    .pluck()
    .all(batchId, kind) as number[]
}

const erasable = `SELECT r.entity_id FROM import_batch_rows r WHERE r.batch_id = ? AND r.kind = ? AND r.action = 'create' AND NOT ${hasAttachedWork}`

/**
 * Erases, in a few statements, every record of one kind the batch created
 * that has no attached work, a deal's stage history with it. All or nothing:
 * false, with nothing removed, when another record still points at one of
 * them (the caller then goes one by one). Writes no audit: see auditErasures.
 */
export function eraseCreations(db: Database, batchId: string, kind: ImportableEntity): boolean {
  try {
    db.transaction(() => {
      if (kind === 'opportunity') db.prepare(`DELETE FROM stage_history WHERE opportunity_id IN (${erasable})`).run(batchId, kind)
      db.prepare(`DELETE FROM ${entityTables[kind]} WHERE id IN (${erasable})`).run(batchId, kind)
    })()
    return true
  } catch (err) {
    if (isForeignKeyFailure(err)) return false
    throw err
  }
}

/** One 'undo' audit row for each record of these kinds that eraseCreations removed, last created first; returns how many. */
export function auditErasures(db: Database, ctx: WriteContext, batchId: string, kinds: readonly ImportableEntity[]): number {
  return db
    .prepare(
      `INSERT INTO audit_log (at, user_id, entity_type, entity_id, action, batch_id)
       SELECT ?, ?, r.kind, r.entity_id, 'undo', ? FROM import_batch_rows r
       WHERE r.batch_id = ? AND r.kind IN (SELECT value FROM json_each(?)) AND r.action = 'create' AND NOT ${hasAttachedWork}
       ORDER BY r.seq DESC`,
    )
    .run(ctx.now, ctx.userId, ctx.batchId ?? null, batchId, JSON.stringify(kinds)).changes
}

/** Puts back the columns an update changed, as one more audited version of the record. */
export function restoreColumns(db: Database, ctx: WriteContext, entity: ImportableEntity, id: number, before: Row): number {
  const current = cachedStatement(db, `SELECT * FROM ${entityTables[entity]} WHERE id = ?`).get(id) as Row | undefined
  if (!current) return 0
  const columns = Object.keys(before).filter((c) => Object.hasOwn(current, c) && (current[c] ?? null) !== (before[c] ?? null))
  if (columns.length === 0) return 0
  db.prepare(`UPDATE ${entityTables[entity]} SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, version = version + 1 WHERE id = ?`).run(
    ...columns.map((c) => before[c]),
    ctx.now,
    id,
  )
  writeAudit(
    db,
    ctx,
    entity,
    id,
    'undo',
    columns.map((c) => ({ field: c, oldValue: current[c], newValue: before[c] })),
  )
  return columns.length
}

/**
 * Removes a record the batch created, with its stage history, leaving an
 * 'undo' audit row. False (and nothing removed) when another record still
 * points at it.
 */
export function eraseRecord(db: Database, ctx: WriteContext, entity: ImportableEntity, id: number): boolean {
  const erase = () => cachedStatement(db, `DELETE FROM ${entityTables[entity]} WHERE id = ?`).run(id)
  try {
    // A failed statement undoes only itself; a deal's history goes with it, so those two share a savepoint.
    if (entity === 'opportunity') {
      db.transaction(() => {
        cachedStatement(db, 'DELETE FROM stage_history WHERE opportunity_id = ?').run(id)
        erase()
      })()
    } else erase()
  } catch (err) {
    if (isForeignKeyFailure(err)) return false
    throw err
  }
  writeAudit(db, ctx, entity, id, 'undo')
  return true
}

/** Moves a created record that others now use to the trash, as the undo of its creation. */
export function trashRecord(db: Database, ctx: WriteContext, entity: TrashableEntity, id: number): void {
  db.prepare(`UPDATE ${tables[entity]} SET deleted_at = ?, version = version + 1 WHERE id = ? AND deleted_at IS NULL`).run(ctx.now, id)
  writeAudit(db, ctx, entity, id, 'undo')
}

/** Where each picklist's values are used. */
const picklistUses: Record<string, readonly string[]> = {
  source: ['leads.source', 'accounts.source', 'opportunities.source'],
  industry: ['leads.industry', 'accounts.industry'],
  region: ['leads.region', 'accounts.region'],
  product_line: ['opportunities.product_line'],
  loss_reason: ['opportunities.loss_reason'],
}

/** Removes a user, stage or picklist value the batch created, unless something uses it. */
export function eraseConfiguration(db: Database, kind: 'user' | 'stage' | 'picklist', id: number): boolean {
  if (kind === 'picklist') {
    const item = db.prepare('SELECT list_key AS listKey, value FROM picklists WHERE id = ?').get(id) as { listKey: string; value: string } | undefined
    if (!item) return true
    const used = (picklistUses[item.listKey] ?? []).some((use) => {
      const [table, column] = use.split('.')
      return db.prepare(`SELECT 1 FROM ${table} WHERE ${column} = ? LIMIT 1`).get(item.value) !== undefined
    })
    if (used) return false
  }
  const table = kind === 'user' ? 'users' : kind === 'stage' ? 'stages' : 'picklists'
  const stage = kind === 'stage' ? (db.prepare('SELECT pipeline_id AS pipelineId, sort_order AS sortOrder FROM stages WHERE id = ?').get(id) as
    | { pipelineId: number; sortOrder: number }
    | undefined) : undefined
  try {
    db.transaction(() => {
      db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id)
      // The stages after it move back up, as they were before the import put it there.
      if (stage) db.prepare('UPDATE stages SET sort_order = sort_order - 1 WHERE pipeline_id = ? AND sort_order > ?').run(stage.pipelineId, stage.sortOrder)
    })()
    return true
  } catch (err) {
    if (isForeignKeyFailure(err)) return false
    throw err
  }
}

function isForeignKeyFailure(err: unknown): boolean {
  return (err as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
}

/** Stage moves an import made on deals it updated; an undo takes them back with the values. */
export function deleteBatchStageHistory(db: Database, batchId: string): void {
  db.prepare('DELETE FROM stage_history WHERE batch_id = ?').run(batchId)
}

/** Page cache for bulk work, in KiB: a 100k-row batch touches every index of three tables over and over. */
const BULK_CACHE_KIB = 65_536

/**
 * Runs `work` with a larger page cache on this connection, then restores
 * it. SQLite's default 2 MB makes a big transaction spill and re-read
 * pages; an import or undo of 100k rows runs several times faster with this.
 */
export function withBulkCache<T>(db: Database, work: () => T): T {
  const previous = db.pragma('cache_size', { simple: true }) as number
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`)
  try {
    return work()
  } finally {
    db.pragma(`cache_size = ${previous}`)
  }
}
