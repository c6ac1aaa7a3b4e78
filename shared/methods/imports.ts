import { z } from 'zod'
import { CoerceMessages, CoerceReason } from '../coerce/reasons'
import { Currency, GridEntity, type Locale } from '../enums'
import { Id, IsoDateTime, Name } from '../primitives'
import { FilePath } from './backups'
import { ById, Done, method } from './define'

/** The entities a workbook can be imported into. */
export const ImportEntity = GridEntity.extract(['opportunity', 'lead', 'account', 'contact'])
export type ImportEntity = z.infer<typeof ImportEntity>

/** What to do with a row that matches a record already there (or an earlier row of the file). */
export const DuplicatePolicy = z.enum(['skip', 'update', 'create'])
export type DuplicatePolicy = z.infer<typeof DuplicatePolicy>

/** What to do with a stage, owner or picklist value the workspace does not know. */
export const UnknownPolicy = z.enum(['error', 'create'])
export type UnknownPolicy = z.infer<typeof UnknownPolicy>

/**
 * The header of the column an export carries with each record's id (hidden
 * in .xlsx). A re-import matches rows to records by it.
 */
export const RECORD_ID_HEADER = 'workbench_id'

/**
 * A field a column fills: an entity field key (`name`, `amount`, `stageId` …,
 * as `imports.inspect` lists them), `custom:<name>` for a custom field, or
 * null to leave the column out.
 */
export const ImportTargetKey = z.string().regex(/^(?:[a-zA-Z]{1,40}|custom:[^\n\r]{1,64})$/)

export const ColumnMapping = z
  .object({
    /** Column index in the sheet (0-based). */
    index: z.number().int().min(0).max(16_383),
    header: z.string().max(500),
    target: ImportTargetKey.nullable(),
    /** Amount columns: the unit the numbers are in, e.g. 10000 under 预计金额（万元）. */
    unitMultiplier: z.number().positive().max(1e12).nullable().default(null),
    /** Amount columns: the currency the numbers are in when the cells do not say. */
    currency: Currency.nullable().default(null),
  })
  .strict()
export type ColumnMapping = z.infer<typeof ColumnMapping>

/** Lets the caller follow a long job's `progress` events and cancel it with `imports.cancel`. */
export const JobId = z.string().regex(/^[\w-]{1,64}$/)

/** A file to import: a path picked in a dialog (Electron) or returned by the web host's upload route. */
export const ImportSource = z
  .object({
    path: FilePath,
    /** The sheet to read; by default the first visible sheet holding a table. */
    sheet: z.string().max(200).optional(),
    entity: ImportEntity,
    jobId: JobId.optional(),
  })
  .strict()
export type ImportSource = z.infer<typeof ImportSource>

export const ImportRequest = ImportSource.extend({
  /** The columns' fields. Absent: a saved template recognised by the file's layout, else automatic. */
  mapping: z.array(ColumnMapping).max(1000).optional(),
  /** Use this saved template's mapping. */
  templateId: Id.optional(),
  onDuplicate: DuplicatePolicy.default('skip'),
  onUnknown: UnknownPolicy.default('error'),
  /** Opportunities: the pipeline whose stages the stage column names (default: the first). */
  pipelineId: Id.optional(),
  /** How to read 03/01/2025: month first (US, Excel's CSV) or day first. */
  dateOrder: z.enum(['mdy', 'dmy']).default('mdy'),
  /** The currency of amounts whose cells and headers name none (default: the workspace's base currency). */
  currency: Currency.optional(),
}).strict()
export type ImportRequest = z.infer<typeof ImportRequest>

/** A field the wizard offers for a column. */
export const ImportTargetInfo = z.object({
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  type: z.string(),
  /** Creating a record needs a value here (the opportunity's name may instead come from its account and product). */
  required: z.boolean(),
})
export type ImportTargetInfo = z.infer<typeof ImportTargetInfo>

export const InspectedColumn = ColumnMapping.extend({
  /** 0–1: how surely the header names the field (1 for an exact synonym, a template or an export's own header). */
  confidence: z.number().min(0).max(1),
  /** The first few values as text, for the wizard's preview. */
  samples: z.array(z.string()),
})
export type InspectedColumn = z.infer<typeof InspectedColumn>

export const ImportInspection = z.object({
  fileName: z.string(),
  format: z.string(),
  /** CSV and text files: how the bytes were decoded (utf-8, gb18030 …). */
  encoding: z.string().nullable(),
  sheets: z.array(z.object({ name: z.string(), hidden: z.boolean() })),
  sheet: z.string(),
  /** 1-based, as Excel numbers rows. */
  headerRow: z.number().int(),
  dataRows: z.number().int(),
  columns: z.array(InspectedColumn),
  /** Identifies the layout (headers, not their order): templates are found by it. */
  fingerprint: z.string(),
  /** The saved template whose layout this file has, when one was recognised. */
  template: z.object({ id: Id, name: z.string() }).nullable(),
  targets: z.array(ImportTargetInfo),
})
export type ImportInspection = z.infer<typeof ImportInspection>

/**
 * Why a row was rejected: a value that could not be read (the coercion
 * reasons) or a rule the row breaks.
 */
export const ImportIssueReason = z.enum([
  ...CoerceReason.options,
  'NAME_MISSING',
  'STAGE_MISSING',
  'STAGE_REQUIREMENTS',
  'VALUE_INVALID',
  'VALUE_OUT_OF_RANGE',
  'ACCOUNT_AMBIGUOUS',
  'RECORD_ID_UNKNOWN',
  'COLUMN_REPEATED',
])
export type ImportIssueReason = z.infer<typeof ImportIssueReason>

export const RowIssue = z.object({
  /** The row number Excel shows. */
  row: z.number().int(),
  /** The column's header, or null for a rule about the whole row. */
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: ImportIssueReason,
  /** The reason in the caller's language. */
  message: z.string(),
})
export type RowIssue = z.infer<typeof RowIssue>

export const SkippedRow = z.object({
  row: z.number().int(),
  /** An earlier row of the file it repeats, or the record already in the workspace. */
  ofRow: z.number().int().nullable(),
  recordId: Id.nullable(),
})
export type SkippedRow = z.infer<typeof SkippedRow>

export const ImportCounts = z.object({
  rows: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  /** Matched a record and would change nothing: a re-imported export that nobody edited. */
  unchanged: z.number().int(),
  /** Duplicates skipped by the policy. */
  skip: z.number().int(),
  reject: z.number().int(),
})
export type ImportCounts = z.infer<typeof ImportCounts>

/** Values the import supplied because the file did not say them, with how many rows got each. */
export const ImportFill = z.enum(['SIGNED_DATE_FROM_CLOSE_DATE', 'LOSS_REASON_NOT_RECORDED', 'NAME_FROM_ACCOUNT_AND_PRODUCT'])
export type ImportFill = z.infer<typeof ImportFill>

export const ImportReport = z.object({
  jobId: JobId,
  fileName: z.string(),
  sheet: z.string(),
  entity: ImportEntity,
  counts: ImportCounts,
  /** At most the first 1000; `issueCount` has them all. */
  issues: z.array(RowIssue),
  issueCount: z.number().int(),
  /** At most the first 1000 skipped duplicates. */
  skipped: z.array(SkippedRow),
  /** What `onUnknown: create` adds (or, in a preview, would add) to the workspace. */
  creates: z.object({
    stages: z.array(z.string()),
    users: z.array(z.string()),
    picklistValues: z.array(z.object({ list: z.string(), label: z.string() })),
    accounts: z.number().int(),
    contacts: z.number().int(),
  }),
  fills: z.array(z.object({ fill: ImportFill, rows: z.number().int(), message: z.string() })),
  mapping: z.array(ColumnMapping),
  /** Set once committed; `imports.undo` takes it. */
  batchId: z.string().nullable(),
})
export type ImportReport = z.infer<typeof ImportReport>

export const ImportBatch = z.object({
  id: z.string(),
  entity: ImportEntity,
  fileName: z.string(),
  fileHash: z.string(),
  sheet: z.string().nullable(),
  mapping: z.array(ColumnMapping),
  policy: z.object({ onDuplicate: DuplicatePolicy, onUnknown: UnknownPolicy }),
  counts: ImportCounts,
  userId: Id.nullable(),
  userName: z.string().nullable(),
  createdAt: IsoDateTime,
  undoneAt: IsoDateTime.nullable(),
})
export type ImportBatch = z.infer<typeof ImportBatch>

export const UndoReport = z.object({
  batchId: z.string(),
  /** Records the batch created, now gone. */
  deleted: z.number().int(),
  /** Records the batch updated, back to their earlier values. */
  restored: z.number().int(),
  /** Created records that others came to depend on (forced undo only): moved to the trash instead. */
  trashed: z.number().int(),
})
export type UndoReport = z.infer<typeof UndoReport>

/** A saved mapping: headers (not positions) to fields, so it still fits when columns move. */
export const TemplateColumn = z
  .object({
    header: z.string().max(500),
    target: ImportTargetKey.nullable(),
    unitMultiplier: z.number().positive().max(1e12).nullable().default(null),
    currency: Currency.nullable().default(null),
  })
  .strict()
export type TemplateColumn = z.infer<typeof TemplateColumn>

export const MappingTemplate = z.object({
  id: Id,
  entity: ImportEntity,
  name: z.string(),
  fingerprint: z.string().nullable(),
  columns: z.array(TemplateColumn),
  updatedAt: IsoDateTime,
})
export type MappingTemplate = z.infer<typeof MappingTemplate>

/** A file the workbench wrote: in the exports folder (the web host's download route serves it by name) or where the user chose. */
export const WrittenFile = z.object({
  path: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
})
export type WrittenFile = z.infer<typeof WrittenFile>

/** Import from Excel and CSV: inspect, map, preview, commit, undo; saved mappings; the blank template. */
export const importsMethods = {
  /** Reads the file (in a worker): its sheets, header row, columns with samples, and the mapping it would use. */
  'imports.inspect': method(ImportSource, ImportInspection),
  /** Checks every row without writing: counts to create, update, skip and reject, and each rejected row's reason. */
  'imports.preview': method(ImportRequest, ImportReport),
  /** Imports in one transaction, recorded as a batch; optionally saves the mapping as a template. */
  'imports.commit': method(ImportRequest.extend({ saveTemplateAs: Name.optional() }).strict(), ImportReport),
  /** Stops a running inspect, preview or commit; nothing is written. */
  'imports.cancel': method(z.object({ jobId: JobId }).strict(), Done),
  /** The rejected rows as a workbook with a reason column, to fix in Excel and import again. */
  'imports.errorRows': method(ImportRequest.extend({ outPath: FilePath.optional() }).strict(), WrittenFile),
  /** Import batches, newest first. */
  'imports.history': method(z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(), z.array(ImportBatch)),
  /** Reverts a batch in one transaction; refuses (IMPORT_EDITED_SINCE) when its records changed since, unless forced. */
  'imports.undo': method(z.object({ batchId: z.string().min(1).max(100), force: z.boolean().default(false) }).strict(), UndoReport),
  'imports.templates.list': method(z.object({ entity: ImportEntity.optional() }).strict(), z.array(MappingTemplate)),
  /** Creates or (by id, or by entity and name) replaces a saved mapping. */
  'imports.templates.save': method(
    z
      .object({
        id: Id.optional(),
        entity: ImportEntity,
        name: Name,
        fingerprint: z.string().max(64).nullable().default(null),
        columns: z.array(TemplateColumn).min(1).max(1000),
      })
      .strict(),
    MappingTemplate,
  ),
  'imports.templates.delete': method(ById, Done),
  /** The downloadable import template: headers, an example row, dropdowns for stage and source. */
  'imports.blankTemplate': method(z.object({ entity: ImportEntity, outPath: FilePath.optional() }).strict(), WrittenFile),
} as const

const issueMessages: Record<Exclude<ImportIssueReason, CoerceReason>, Record<Locale, string>> = {
  NAME_MISSING: { 'zh-CN': '缺少名称，这一列是必填的。', en: 'The name is missing; it is required.' },
  STAGE_MISSING: { 'zh-CN': '缺少阶段。', en: 'The stage is missing.' },
  STAGE_REQUIREMENTS: { 'zh-CN': '进入该阶段需要先填写：{fields}。', en: 'This stage needs these fields filled in first: {fields}.' },
  VALUE_INVALID: { 'zh-CN': '该值格式不正确或过长。', en: 'This value is malformed or too long.' },
  VALUE_OUT_OF_RANGE: { 'zh-CN': '该值超出允许范围（例如金额不能为负数）。', en: 'This value is out of range (an amount cannot be negative, for example).' },
  ACCOUNT_AMBIGUOUS: {
    'zh-CN': '有多个客户与该名称相同，无法确定关联哪一个。',
    en: 'Several accounts have this name; it is unclear which one to link.',
  },
  RECORD_ID_UNKNOWN: {
    'zh-CN': '记录 ID 不存在（记录可能已被删除），请清空该单元格以新建。',
    en: 'No record has this id (it may have been deleted); clear the cell to create a new one.',
  },
  COLUMN_REPEATED: { 'zh-CN': '多列映射到了同一字段。', en: 'Several columns are mapped to this field.' },
}

/** A rejected row's reason in the user's language; `{fields}` is filled with the missing fields' names. */
export function importIssueMessage(reason: ImportIssueReason, locale: Locale, fields: readonly string[] = []): string {
  const text = (CoerceReason.safeParse(reason).success ? CoerceMessages[reason as CoerceReason] : issueMessages[reason as keyof typeof issueMessages])[locale]
  return text.replace('{fields}', fields.join(locale === 'en' ? ', ' : '、'))
}

export const ImportFillMessages: Record<ImportFill, Record<Locale, string>> = {
  SIGNED_DATE_FROM_CLOSE_DATE: {
    'zh-CN': '赢单商机没有签约日期，已使用成交日期。',
    en: 'Won deals without a signed date took their close date.',
  },
  LOSS_REASON_NOT_RECORDED: {
    'zh-CN': '输单商机没有输单原因，已记为“未记录”。',
    en: 'Lost deals without a loss reason were recorded as “Not recorded”.',
  },
  NAME_FROM_ACCOUNT_AND_PRODUCT: {
    'zh-CN': '文件没有商机名称列，名称由客户与产品组成。',
    en: 'The file has no opportunity name column; names were made from account and product.',
  },
}
