import path from 'node:path'
import type { MethodInput } from '../../../shared/api'
import type { GridEntity, Locale } from '../../../shared/enums'
import { GridEntity as GridEntities } from '../../../shared/enums'
import type { ImportEntity, ImportReport, UndoReport, WrittenFile } from '../../../shared/methods/imports'
import { print, type Command, type Session } from '../command'
import { CliFailure } from '../output'

/** `opportunities`, `opportunity`, `商机` … → the entity. */
const entityNames: Record<string, GridEntity> = {
  opportunities: 'opportunity',
  deals: 'opportunity',
  leads: 'lead',
  accounts: 'account',
  customers: 'account',
  contacts: 'contact',
  activities: 'activity',
  'follow-ups': 'activity',
  tasks: 'task',
  商机: 'opportunity',
  线索: 'lead',
  客户: 'account',
  联系人: 'contact',
  跟进记录: 'activity',
  任务: 'task',
}

function entityOf(name: string | undefined): GridEntity | null {
  if (name === undefined) return null
  const key = name.trim().toLowerCase()
  if (GridEntities.safeParse(key).success) return key as GridEntity
  return entityNames[key] ?? null
}

const importable = new Set<GridEntity>(['opportunity', 'lead', 'account', 'contact'])

function flag(session: Session, name: string): string | undefined {
  const value = session.flags[name]
  return typeof value === 'string' ? value : undefined
}

function choice<T extends string>(session: Session, name: string, allowed: readonly T[], fallback: T): T {
  const value = flag(session, name) ?? fallback
  if (!(allowed as readonly string[]).includes(value)) throw new CliFailure(`--${name} must be one of ${allowed.join(', ')}`, 2)
  return value as T
}

const zh = {
  batch: '导入批次',
  dry: '预检（未写入）',
  rows: '行数',
  create: '新建',
  update: '更新',
  unchanged: '无变化',
  skip: '跳过重复',
  reject: '拒绝',
  created: '将新建',
  more: '…另有 {n} 条',
  row: '第 {n} 行',
  undone: '已撤销批次',
  deleted: '删除新建记录',
  restored: '恢复更新记录',
  trashed: '移入回收站',
  wrote: '已写入',
}

const text: Record<Locale, typeof zh> = {
  'zh-CN': zh,
  en: {
    batch: 'Import batch',
    dry: 'Dry run (nothing written)',
    rows: 'rows',
    create: 'create',
    update: 'update',
    unchanged: 'unchanged',
    skip: 'skip (duplicate)',
    reject: 'reject',
    created: 'creates',
    more: '… and {n} more',
    row: 'row {n}',
    undone: 'Undone batch',
    deleted: 'created records deleted',
    restored: 'updated records restored',
    trashed: 'moved to the trash',
    wrote: 'Wrote',
  },
}

function describeReport(report: ImportReport, locale: Locale): string {
  const t = text[locale]
  const c = report.counts
  const lines = [
    report.batchId ? `${t.batch}: ${report.batchId}` : t.dry,
    `${t.rows} ${c.rows} · ${t.create} ${c.create} · ${t.update} ${c.update} · ${t.unchanged} ${c.unchanged} · ${t.skip} ${c.skip} · ${t.reject} ${c.reject}`,
  ]
  const { stages, users, picklistValues, accounts, contacts } = report.creates
  const creates = [
    ...stages.map((s) => `stage ${s}`),
    ...users.map((u) => `user ${u}`),
    ...picklistValues.map((p) => `${p.list} ${p.label}`),
    ...(accounts > 0 ? [`${accounts} accounts`] : []),
    ...(contacts > 0 ? [`${contacts} contacts`] : []),
  ]
  if (creates.length > 0) lines.push(`${t.created}: ${creates.join(', ')}`)
  for (const fill of report.fills) lines.push(`${fill.message} (${fill.rows})`)
  for (const issue of report.issues.slice(0, 50)) {
    const where = [t.row.replace('{n}', String(issue.row)), issue.column, issue.value === null ? null : `"${issue.value}"`].filter(Boolean)
    lines.push(`  ${where.join(' · ')}: ${issue.message}`)
  }
  if (report.issueCount > 50) lines.push(`  ${t.more.replace('{n}', String(report.issueCount - 50))}`)
  return lines.join('\n')
}

/** Progress on a terminal's stderr for people, as the worker reports it. */
function showProgress(session: Session): () => void {
  if (session.flags.json || !process.stderr.isTTY) return () => {}
  return session.core.events.subscribe((event, payload) => {
    if (event !== 'progress') return
    const { phase, done, total } = payload as { phase: string; done: number; total: number }
    process.stderr.write(`\r${phase} ${total > 0 ? Math.round((done / total) * 100) : 0}%   `)
  })
}

async function templateId(session: Session, entity: ImportEntity, name: string | undefined): Promise<number | undefined> {
  if (name === undefined || name === 'auto') return undefined
  const templates = await session.call('imports.templates.list', { entity })
  const found = templates.find((t) => t.name === name || String(t.id) === name)
  if (!found) throw new CliFailure(`No saved mapping template "${name}" for ${entity}`, 2)
  return found.id
}

const written = (session: Session, file: WrittenFile) =>
  print(session, file, () => `${text[session.locale].wrote} ${file.rows} → ${file.path}`)

export const importExportCommands: Record<string, Command> = {
  import: {
    usage: [
      'import FILE --db PATH [--sheet NAME] [--entity opportunities|leads|accounts|contacts] [--mapping TEMPLATE|auto]',
      '       [--on-duplicate skip|update|create] [--on-unknown error|create] [--dry-run] [--save-template NAME] [--json]',
    ],
    options: {
      sheet: { type: 'string' },
      entity: { type: 'string' },
      mapping: { type: 'string' },
      'on-duplicate': { type: 'string' },
      'on-unknown': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'save-template': { type: 'string' },
      'date-order': { type: 'string' },
    },
    run: async (session) => {
      const [file] = session.args
      if (!file) throw new CliFailure('import needs a FILE', 2)
      const entity = entityOf(flag(session, 'entity') ?? 'opportunities')
      if (!entity || !importable.has(entity)) throw new CliFailure('--entity must be opportunities, leads, accounts or contacts', 2)
      const request = {
        path: path.resolve(file),
        sheet: flag(session, 'sheet'),
        entity: entity as ImportEntity,
        templateId: await templateId(session, entity as ImportEntity, flag(session, 'mapping')),
        onDuplicate: choice(session, 'on-duplicate', ['skip', 'update', 'create'] as const, 'skip'),
        onUnknown: choice(session, 'on-unknown', ['error', 'create'] as const, 'error'),
        dateOrder: choice(session, 'date-order', ['mdy', 'dmy'] as const, 'mdy'),
      }
      const stop = showProgress(session)
      try {
        const report = session.flags['dry-run']
          ? await session.call('imports.preview', request)
          : await session.call('imports.commit', { ...request, saveTemplateAs: flag(session, 'save-template') })
        if (!session.flags.json && process.stderr.isTTY) process.stderr.write('\r\x1b[K')
        print(session, report, () => describeReport(report, session.locale))
      } finally {
        stop()
      }
    },
  },
  'undo-import': {
    usage: ['undo-import BATCH --db PATH [--force]     revert an import batch (refuses if its records were edited since)'],
    options: { force: { type: 'boolean', default: false } },
    run: async (session) => {
      const [batchId] = session.args
      if (!batchId) throw new CliFailure('undo-import needs a BATCH id', 2)
      const report: UndoReport = await session.call('imports.undo', { batchId, force: Boolean(session.flags.force) })
      const t = text[session.locale]
      print(session, report, () =>
        [`${t.undone}: ${report.batchId}`, `${t.deleted} ${report.deleted} · ${t.restored} ${report.restored} · ${t.trashed} ${report.trashed}`].join('\n'),
      )
    },
  },
  export: {
    usage: ['export ENTITY|VIEW --db PATH [--out FILE.xlsx|FILE.csv] [--format xlsx|csv]   a grid or saved view, as shown'],
    options: { out: { type: 'string' }, format: { type: 'string' } },
    run: async (session) => {
      const [target] = session.args
      if (!target) throw new CliFailure('export needs an ENTITY or a saved VIEW', 2)
      const out = flag(session, 'out')
      const byExtension = out && path.extname(out).toLowerCase() === '.csv' ? 'csv' : 'xlsx'
      const format = choice(session, 'format', ['xlsx', 'csv'] as const, byExtension)
      const outPath = out && path.resolve(out)
      const entity = entityOf(target)
      if (entity) {
        written(session, await session.call('exports.grid', { entity, format, outPath } as MethodInput<'exports.grid'>))
        return
      }
      for (const candidate of GridEntities.options) {
        const view = (await session.call('views.list', { entity: candidate })).find((v) => v.name === target || String(v.id) === target)
        if (view) {
          written(session, await session.call('exports.grid', { entity: candidate, viewId: view.id, format, outPath } as MethodInput<'exports.grid'>))
          return
        }
      }
      throw new CliFailure(`No entity or saved view named "${target}"`, 2)
    },
  },
  template: {
    usage: ['template ENTITY --db PATH [--out FILE.xlsx] [--lang zh-CN|en]   the import template with dropdowns'],
    options: { out: { type: 'string' } },
    run: async (session) => {
      const entity = entityOf(session.args[0] ?? 'opportunities')
      if (!entity || !importable.has(entity)) throw new CliFailure('template takes opportunities, leads, accounts or contacts', 2)
      const out = flag(session, 'out')
      written(session, await session.call('imports.blankTemplate', { entity: entity as ImportEntity, outPath: out && path.resolve(out) }))
    },
  },
}
