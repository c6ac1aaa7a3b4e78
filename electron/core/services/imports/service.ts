import path from 'node:path'
import type { CallMeta, ParsedInput } from '../../../../shared/api'
import type { Currency, Locale } from '../../../../shared/enums'
import {
  ImportBatch,
  TemplateColumn,
  type ColumnMapping,
  type ImportInspection,
  type ImportReport,
  type ImportRequest,
  type ImportSource,
  type MappingTemplate,
  type WrittenFile,
} from '../../../../shared/methods/imports'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import {
  deleteTemplate,
  getTemplate,
  insertTemplate,
  listBatches,
  listTemplates,
  templateNamed,
  updateTemplate,
  withBulkCache,
  type TemplateRecord,
} from '../../store/imports'
import { listFields } from '../../store/customFields'
import { listPicklists, listPipelines, listUsers } from '../../store/reference'
import { commitRows } from './commit'
import { writeErrorRows } from './errorRows'
import { asJob, newJobId, prepareInWorker, throwIfCancelled } from './jobs'
import { templateColumnsOf } from './mapping'
import { Planner, type Plan } from './plan'
import type { Prepared, PrepareRequest, SavedLayout } from './prepare'
import { ImportWorkspace } from './workspace'

function toTemplate(record: TemplateRecord): MappingTemplate {
  return {
    id: record.id,
    entity: record.entity as MappingTemplate['entity'],
    name: record.name,
    fingerprint: record.fingerprint,
    columns: TemplateColumn.array().parse(JSON.parse(record.mapping)),
    updatedAt: record.updatedAt,
  }
}

const toLayout = (t: MappingTemplate): SavedLayout => ({ id: t.id, name: t.name, fingerprint: t.fingerprint, columns: t.columns })

/** What the worker needs to read rows as the workspace would: its people, pipelines, lists and saved layouts. */
function prepareRequest(core: Core, input: ImportSource & Partial<ImportRequest>, keepCells: boolean, locale: Locale): PrepareRequest {
  const template = input.templateId === undefined ? undefined : getTemplate(core.db, input.templateId)
  if (input.templateId !== undefined && !template) throw new AppError('NOT_FOUND', { templateId: input.templateId })
  return {
    fileName: path.basename(input.path),
    sheet: input.sheet,
    entity: input.entity,
    mapping: input.mapping,
    template: template && toLayout(toTemplate(template)),
    layouts: listTemplates(core.db, input.entity).map((t) => toLayout(toTemplate(t))),
    dateOrder: input.dateOrder ?? 'mdy',
    onUnknown: input.onUnknown ?? 'error',
    reference: {
      users: listUsers(core.db),
      pipelines: listPipelines(core.db),
      picklists: listPicklists(core.db),
      customFields: listFields(core.db, input.entity),
    },
    keepCells,
    locale,
  }
}

/** Reads the file in the worker under the job's id, so it reports progress and can be cancelled. */
function prepare(
  core: Core,
  jobId: string,
  signal: AbortSignal,
  input: ImportSource & Partial<ImportRequest>,
  locale: Locale,
  options: { withRows: boolean; keepCells?: boolean },
): Promise<Prepared> {
  const file = core.paths.check(input.path)
  return prepareInWorker(core, jobId, signal, file, prepareRequest(core, input, options.keepCells ?? false, locale), options.withRows)
}

function plannerFor(core: Core, input: ImportRequest, meta: CallMeta, prepared: Prepared): Planner {
  const amountCurrency = (prepared.mapping.find((m) => m.target === 'amount')?.currency ?? null) as Currency | null
  return new Planner(new ImportWorkspace(core, input, meta), input.entity, prepared.mapping, meta.locale, amountCurrency)
}

const plainMapping = (prepared: Prepared): ColumnMapping[] =>
  prepared.mapping.map(({ index, header, target, unitMultiplier, currency }) => ({ index, header, target, unitMultiplier, currency }))

function report(jobId: string, input: ImportRequest, prepared: Prepared, plan: Plan, batchId: string | null): ImportReport {
  return {
    jobId,
    fileName: prepared.inspection.fileName,
    sheet: prepared.inspection.sheet,
    entity: input.entity,
    counts: plan.counts,
    issues: plan.issues.slice(0, 1000),
    issueCount: plan.issues.length,
    skipped: plan.skipped.slice(0, 1000),
    creates: plan.creates,
    fills: plan.fills,
    mapping: plainMapping(prepared),
    batchId,
  }
}

const progress = (core: Core, jobId: string, phase: string) => (done: number, total: number) =>
  core.events.emit('progress', { jobId, phase, done, total })

export function inspectImport(core: Core, input: ImportSource, locale: Locale): Promise<ImportInspection> {
  const jobId = input.jobId ?? newJobId()
  return asJob(jobId, async (signal) => (await prepare(core, jobId, signal, input, locale, { withRows: false })).inspection)
}

/** Every row checked against the workspace, nothing written. */
export function previewImport(core: Core, input: ImportRequest, meta: CallMeta): Promise<ImportReport> {
  const jobId = input.jobId ?? newJobId()
  return asJob(jobId, async (signal) => {
    const prepared = await prepare(core, jobId, signal, input, meta.locale, { withRows: true })
    throwIfCancelled(signal)
    progress(core, jobId, 'matching')(0, prepared.drafts.length)
    const plan = withBulkCache(core.db, () => plannerFor(core, input, meta, prepared).plan(prepared.drafts))
    return report(jobId, input, prepared, plan, null)
  })
}

function batchId(core: Core): string {
  const stamp = core.clock().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  return `${stamp}-${crypto.randomUUID().slice(0, 4)}`
}

/**
 * Reads, checks and writes the import. Reading and checking run in a
 * worker (progress, cancel); the plan and its one transaction then run
 * without a pause, so no other write can slip between them.
 */
export function commitImport(core: Core, input: ParsedInput<'imports.commit'>, meta: CallMeta): Promise<ImportReport> {
  const jobId = input.jobId ?? newJobId()
  return asJob(jobId, async (signal) => {
    const prepared = await prepare(core, jobId, signal, input, meta.locale, { withRows: true })
    throwIfCancelled(signal)
    const id = batchId(core)
    const mapping = plainMapping(prepared)
    const batch = {
      id,
      entity: input.entity,
      fileName: prepared.inspection.fileName,
      fileHash: prepared.fileHash,
      sheet: prepared.inspection.sheet,
      fingerprint: prepared.inspection.fingerprint,
      mapping,
      policy: { onDuplicate: input.onDuplicate, onUnknown: input.onUnknown },
      userId: meta.userId,
      createdAt: core.clock().toISOString(),
    }
    const plan = withBulkCache(core.db, () =>
      commitRows(core, plannerFor(core, input, meta, prepared), prepared.drafts, {
        batch,
        entity: input.entity,
        meta,
        onProgress: progress(core, jobId, 'writing'),
        onFinishing: () => progress(core, jobId, 'finishing')(1, 1),
      }),
    )
    if (input.saveTemplateAs) {
      saveTemplate(core, { entity: input.entity, name: input.saveTemplateAs, fingerprint: prepared.inspection.fingerprint, columns: templateColumnsOf(mapping) }, meta)
    }
    core.events.emit('data-changed', { entities: [input.entity, 'account', 'contact', 'user'], reason: 'import' })
    return report(jobId, input, prepared, plan, id)
  })
}

/** The rejected rows with a reason column, to fix in Excel and import on their own. */
export function errorRowsFile(core: Core, input: ParsedInput<'imports.errorRows'>, meta: CallMeta): Promise<WrittenFile> {
  const jobId = input.jobId ?? newJobId()
  return asJob(jobId, async (signal) => {
    const prepared = await prepare(core, jobId, signal, input, meta.locale, { withRows: true, keepCells: true })
    throwIfCancelled(signal)
    // The workbook needs the rows after planning, which consumes what it is given.
    const plan = withBulkCache(core.db, () => plannerFor(core, input, meta, prepared).plan([...prepared.drafts]))
    return writeErrorRows(core, input.outPath, prepared, plan, meta.locale)
  })
}

export function importHistory(core: Core, limit: number): ImportBatch[] {
  return listBatches(core.db, limit).map((b) => {
    const policy = JSON.parse(b.policy) as ImportBatch['policy']
    const counts = { rows: 0, create: 0, update: 0, unchanged: 0, skip: 0, reject: 0, ...(JSON.parse(b.counts) as object) }
    return ImportBatch.parse({ ...b, mapping: JSON.parse(b.mapping), policy, counts })
  })
}

export function listMappingTemplates(core: Core, input: ParsedInput<'imports.templates.list'>): MappingTemplate[] {
  return listTemplates(core.db, input.entity).map(toTemplate)
}

/** Saves a mapping under its name: a new template, or (same id, or same entity and name) a replaced one. */
export function saveTemplate(core: Core, input: Omit<ParsedInput<'imports.templates.save'>, 'id'> & { id?: number }, meta: CallMeta): MappingTemplate {
  const now = core.clock().toISOString()
  const values = { entity: input.entity, name: input.name, fingerprint: input.fingerprint, mapping: input.columns }
  const id = core.db.transaction(() => {
    const existing = input.id !== undefined ? getTemplate(core.db, input.id) : templateNamed(core.db, input.entity, input.name)
    if (input.id !== undefined && !existing) throw new AppError('NOT_FOUND', { templateId: input.id })
    if (!existing) return insertTemplate(core.db, values, meta.userId, now)
    updateTemplate(core.db, existing.id, values, now)
    return existing.id
  })()
  return toTemplate(getTemplate(core.db, id)!)
}

export function removeTemplate(core: Core, id: number): { ok: true } {
  if (!deleteTemplate(core.db, id)) throw new AppError('NOT_FOUND', { templateId: id })
  return { ok: true }
}
