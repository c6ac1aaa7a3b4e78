import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemoWorkspace, type DemoSummary } from '../../electron/core/demo'
import { missingForStage, type StageFacts } from '../../electron/core/domain/stageRules'
import { AppError } from '../../electron/core/errors'
import { openDatabase } from '../../electron/core/store/database'
import { listStages } from '../../electron/core/store/reference'

const anchor = new Date('2026-11-20T08:00:00.000Z')
const anchorIso = anchor.toISOString()

let dir: string
const opened: Database[] = []

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-demo-'))
})

afterAll(() => {
  for (const db of opened) db.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function workspace(name: string): Promise<Database> {
  // The workspace clock stands at the anchor, so what the schema stamps at creation is the same each time.
  const { db } = await openDatabase(path.join(dir, `${name}.db`), { now: () => anchor })
  opened.push(db)
  return db
}

async function demo(name: string, scale?: number): Promise<{ db: Database; summary: DemoSummary }> {
  const db = await workspace(name)
  const summary = loadDemoWorkspace(db, { scale, anchor })
  return { db, summary }
}

const count = (db: Database, sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number

/** A digest of every row of every table, in id order. */
/**
 * Hashes every ordinary table in a fixed row order (all columns, so tables
 * without rowids work too). Virtual tables and their shadow tables (the
 * search index) are derived from these and left out.
 */
function contentHash(db: Database): string {
  const hash = createHash('sha256')
  const tables = db
    .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[]
  for (const table of tables) {
    hash.update(table)
    const columns = (db.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(table) as number)
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ')
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).raw().iterate()) hash.update(JSON.stringify(row))
  }
  return hash.digest('hex')
}

describe('default demo workspace', () => {
  let db: Database
  let summary: DemoSummary

  beforeAll(async () => {
    ;({ db, summary } = await demo('default'))
  })

  it('has the expected volumes', () => {
    const rows = (table: string) => count(db, `SELECT count(*) FROM ${table}`)
    expect(rows('users')).toBe(6)
    expect(rows('accounts')).toBe(400)
    expect(rows('contacts')).toBe(900)
    expect(rows('leads')).toBe(1500)
    expect(rows('opportunities')).toBe(2500)
    expect(rows('activities')).toBeGreaterThan(13_000)
    expect(rows('activities')).toBeLessThan(18_000)
    expect(rows('tasks')).toBeGreaterThan(2_400)
    expect(rows('tasks')).toBeLessThan(3_600)
    expect(rows('contracts')).toBeGreaterThan(0)
    expect(rows('payments')).toBeGreaterThan(0)
    expect(summary.counts.opportunities).toBe(2500)
    expect(summary.counts.activities).toBe(rows('activities'))
  })

  it('has a team of reps and managers with bilingual names', () => {
    const users = db.prepare('SELECT name, name_en AS nameEn, role, team FROM users').all() as {
      name: string
      nameEn: string
      role: string
      team: string
    }[]
    const managers = users.filter((u) => u.role === 'manager').length
    expect(managers).toBeGreaterThanOrEqual(1)
    expect(managers).toBeLessThanOrEqual(2)
    for (const user of users) {
      expect(user.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/)
      expect(user.nameEn).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/)
      expect(user.team).toBeTruthy()
    }
  })

  it('walks every deal through stages that end where the deal stands', () => {
    const mismatched = count(
      db,
      `SELECT count(*) FROM opportunities o
       WHERE o.stage_id IS NOT (SELECT h.to_stage_id FROM stage_history h WHERE h.opportunity_id = o.id
                                ORDER BY h.changed_at DESC, h.id DESC LIMIT 1)
          OR o.stage_entered_at IS NOT (SELECT max(h.changed_at) FROM stage_history h WHERE h.opportunity_id = o.id)`,
    )
    expect(mismatched).toBe(0)
    const badStarts = count(
      db,
      `SELECT count(*) FROM stage_history h JOIN opportunities o ON o.id = h.opportunity_id
       WHERE h.from_stage_id IS NULL AND h.changed_at <> o.created_at`,
    )
    expect(badStarts).toBe(0)
    const backwards = count(
      db,
      `SELECT count(*) FROM stage_history h JOIN stages f ON f.id = h.from_stage_id JOIN stages t ON t.id = h.to_stage_id
       WHERE t.kind = 'open' AND t.sort_order < f.sort_order`,
    )
    expect(backwards).toBeGreaterThan(0)
  })

  it('closes won deals with a signing date, an amount and a contract, and lost ones with a reason', () => {
    expect(
      count(
        db,
        `SELECT count(*) FROM opportunities o JOIN stages s ON s.id = o.stage_id
         WHERE s.kind = 'won' AND (o.signed_date IS NULL OR o.amount IS NULL OR o.closed_at IS NULL
           OR NOT EXISTS (SELECT 1 FROM contracts c WHERE c.opportunity_id = o.id))`,
      ),
    ).toBe(0)
    expect(
      count(
        db,
        `SELECT count(*) FROM opportunities o JOIN stages s ON s.id = o.stage_id
         WHERE s.kind = 'lost' AND (o.closed_at IS NULL OR o.loss_reason NOT IN
           (SELECT value FROM picklists WHERE list_key = 'loss_reason'))`,
      ),
    ).toBe(0)
    expect(count(db, "SELECT count(*) FROM opportunities WHERE loss_reason = 'competitor' AND competitor IS NULL")).toBe(0)
    expect(count(db, "SELECT count(*) FROM opportunities WHERE loss_reason = 'competitor'")).toBeGreaterThan(0)
  })

  it('meets each stage’s required fields and carries its probability', () => {
    const stages = new Map(listStages(db).map((s) => [s.id, s]))
    const deals = db
      .prepare(
        `SELECT stage_id AS stageId, probability, amount, expected_close_date AS expectedCloseDate,
           signed_date AS signedDate, loss_reason AS lossReason, competitor, contact_id AS contactId,
           next_step AS nextStep FROM opportunities`,
      )
      .all() as (StageFacts & { stageId: number; probability: number })[]
    for (const deal of deals) {
      const stage = stages.get(deal.stageId)!
      expect(missingForStage(stage, deal)).toEqual([])
      expect(deal.probability).toBe(stage.probability)
    }
  })

  it('keeps open deals alive: next steps, follow-up dates, some of them overdue', () => {
    const open = `FROM opportunities WHERE closed_at IS NULL`
    expect(count(db, `SELECT count(*) ${open} AND (next_step IS NULL OR next_follow_up_date IS NULL)`)).toBe(0)
    const overdue = count(db, `SELECT count(*) ${open} AND next_follow_up_date < ?`, anchorIso.slice(0, 10))
    expect(overdue).toBeGreaterThan(0)
    expect(overdue).toBeLessThan(count(db, `SELECT count(*) ${open}`) / 2)
  })

  it('spreads deals over the 18 months before the anchor, mostly new business, some in USD', () => {
    expect(count(db, 'SELECT count(*) FROM opportunities WHERE created_at > ? OR created_at < ?', anchorIso, '2025-05-01')).toBe(0)
    expect(count(db, 'SELECT count(*) FROM activities WHERE occurred_at > ?', anchorIso)).toBe(0)
    const byPipeline = Object.fromEntries(
      db
        .prepare('SELECT p.key, count(*) AS n FROM opportunities o JOIN pipelines p ON p.id = o.pipeline_id GROUP BY p.key')
        .raw()
        .all() as [string, number][],
    )
    expect(byPipeline.new_business).toBeGreaterThan(2500 * 0.6)
    expect(byPipeline.renewal).toBeGreaterThan(0)
    expect(byPipeline.project).toBeGreaterThan(0)
    expect(count(db, "SELECT count(*) FROM opportunities WHERE currency = 'USD'")).toBeGreaterThan(0)
    expect(count(db, "SELECT count(*) FROM opportunities WHERE currency = 'CNY' AND (amount < 50000 OR amount > 5000000)")).toBe(0)
  })

  it('keeps last_activity_at equal to the latest follow-up', () => {
    for (const [table, entity] of [
      ['opportunities', 'opportunity'],
      ['leads', 'lead'],
    ]) {
      const stale = count(
        db,
        `SELECT count(*) FROM ${table} r WHERE r.last_activity_at IS NOT
           (SELECT max(a.occurred_at) FROM activities a WHERE a.entity_type = ? AND a.entity_id = r.id)`,
        entity,
      )
      expect(stale).toBe(0)
    }
  })

  it('derives account lifecycles from won deals', () => {
    const wrong = count(
      db,
      `SELECT count(*) FROM accounts a WHERE a.lifecycle IS NOT
         CASE (SELECT count(*) FROM opportunities o JOIN stages s ON s.id = o.stage_id
               WHERE o.account_id = a.id AND s.kind = 'won')
         WHEN 0 THEN 'prospect' WHEN 1 THEN 'customer' ELSE 'repeat_customer' END`,
    )
    expect(wrong).toBe(0)
    expect(count(db, "SELECT count(*) FROM accounts WHERE lifecycle = 'repeat_customer'")).toBeGreaterThan(0)
  })

  it('links converted leads to their account, contact and deal, and leaves some leads in the pool', () => {
    const broken = count(
      db,
      `SELECT count(*) FROM leads l LEFT JOIN opportunities o ON o.id = l.converted_opportunity_id
       WHERE l.status = 'converted' AND (o.id IS NULL OR o.lead_id IS NOT l.id
         OR o.account_id IS NOT l.converted_account_id OR o.contact_id IS NOT l.converted_contact_id
         OR l.created_at > o.created_at)`,
    )
    expect(broken).toBe(0)
    expect(count(db, "SELECT count(*) FROM leads WHERE status = 'converted'")).toBeGreaterThan(0)
    expect(count(db, 'SELECT count(*) FROM leads WHERE owner_id IS NULL')).toBeGreaterThan(0)
    expect(count(db, "SELECT count(*) FROM leads WHERE grade NOT IN ('A', 'B', 'C')")).toBe(0)
  })

  it('uses only values from the workspace’s picklists', () => {
    const outside = (table: string, column: string, list: string) =>
      count(
        db,
        `SELECT count(*) FROM ${table} WHERE ${column} IS NOT NULL
         AND ${column} NOT IN (SELECT value FROM picklists WHERE list_key = ?)`,
        list,
      )
    expect(outside('accounts', 'industry', 'industry')).toBe(0)
    expect(outside('accounts', 'region', 'region')).toBe(0)
    expect(outside('accounts', 'source', 'source')).toBe(0)
    expect(outside('leads', 'source', 'source')).toBe(0)
    expect(outside('leads', 'region', 'region')).toBe(0)
    expect(outside('opportunities', 'source', 'source')).toBe(0)
    expect(outside('opportunities', 'product_line', 'product_line')).toBe(0)
  })

  it('writes realistic, bilingual people and companies', () => {
    const accounts = db.prepare('SELECT name FROM accounts').pluck().all() as string[]
    const chinese = accounts.filter((name) => /有限公司$/.test(name)).length
    expect(chinese / accounts.length).toBeGreaterThan(0.75)
    expect(chinese / accounts.length).toBeLessThan(0.95)
    expect(count(db, 'SELECT count(DISTINCT name_norm) FROM accounts')).toBe(accounts.length)
    const phones = db.prepare("SELECT phone FROM contacts WHERE phone NOT LIKE '+%'").pluck().all() as string[]
    expect(phones.length).toBeGreaterThan(0)
    for (const phone of phones) expect(phone).toMatch(/^1[358]\d{9}$/)
    expect(count(db, 'SELECT count(*) FROM contacts WHERE birthday IS NOT NULL')).toBeGreaterThan(0)
    expect(count(db, "SELECT count(*) FROM activities WHERE content GLOB '*[a-z]*'")).toBeGreaterThan(0)
  })

  it('audits each created record once, in the demo batch', () => {
    for (const [table, entity] of [
      ['accounts', 'account'],
      ['leads', 'lead'],
      ['opportunities', 'opportunity'],
      ['activities', 'activity'],
      ['tasks', 'task'],
      ['payments', 'payment'],
    ]) {
      const audited = count(
        db,
        "SELECT count(DISTINCT entity_id) FROM audit_log WHERE entity_type = ? AND action = 'create' AND batch_id = 'demo' AND field IS NULL",
        entity,
      )
      expect(audited).toBe(count(db, `SELECT count(*) FROM ${table}`))
    }
    expect(summary.counts.audit_log).toBe(count(db, 'SELECT count(*) FROM audit_log'))
  })

  it('has valid foreign keys', () => {
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it('is identical when generated again with the same anchor', async () => {
    const { db: again } = await demo('default-again')
    expect(contentHash(again)).toBe(contentHash(db))
  })

  it('refuses to load into a workspace that already has records', () => {
    const before = count(db, 'SELECT count(*) FROM opportunities')
    expect(() => loadDemoWorkspace(db, { anchor })).toThrow(expect.objectContaining({ code: 'WORKSPACE_NOT_EMPTY' }))
    expect(count(db, 'SELECT count(*) FROM opportunities')).toBe(before)
  })
})

describe('scaled demo workspace', () => {
  it('grows everything in proportion to the number of deals, and leaves the schema’s indexes as it found them', async () => {
    const db = await workspace('scale-100')
    const indexes = () => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all()
    const before = indexes()
    loadDemoWorkspace(db, { scale: 100, anchor })
    expect(indexes()).toEqual(before)
    const rows = (table: string) => count(db, `SELECT count(*) FROM ${table}`)
    expect(rows('opportunities')).toBe(100)
    expect(rows('users')).toBe(6)
    expect(rows('accounts')).toBe(16)
    expect(rows('contacts')).toBe(36)
    expect(rows('leads')).toBe(60)
    expect(rows('activities')).toBeGreaterThan(400)
    expect(rows('activities')).toBeLessThan(900)
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it('differs with another anchor', async () => {
    const a = await demo('anchor-a', 50)
    const b = await workspace('anchor-b')
    loadDemoWorkspace(b, { scale: 50, anchor: new Date('2026-06-01T00:00:00.000Z') })
    expect(contentHash(b)).not.toBe(contentHash(a.db))
  })

  it('refuses a workspace holding only a lead, and a scale that is not a positive integer', async () => {
    const db = await workspace('one-lead')
    db.prepare("INSERT INTO leads (company, company_norm, created_at, updated_at) VALUES ('x', 'x', ?, ?)").run(anchorIso, anchorIso)
    expect(() => loadDemoWorkspace(db, { anchor })).toThrow(AppError)
    expect(() => loadDemoWorkspace(db, { anchor })).toThrow(expect.objectContaining({ code: 'WORKSPACE_NOT_EMPTY' }))
    const empty = await workspace('bad-scale')
    expect(() => loadDemoWorkspace(empty, { scale: 0, anchor })).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    expect(count(empty, 'SELECT count(*) FROM users')).toBe(0)
  })
})
