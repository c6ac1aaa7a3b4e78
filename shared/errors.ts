import { z } from 'zod'
import type { Locale } from './enums'

/**
 * Stable error codes. The code is the contract; the sentences are for people
 * and may be reworded without breaking any caller.
 */
export const ErrorCode = z.enum([
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_METHOD',
  'UNKNOWN_COLUMN',
  'STAGE_REQUIREMENTS',
  'PATH_NOT_ALLOWED',
  'DB_NEWER_VERSION',
  'DB_NOT_WORKBENCH',
  'DB_CORRUPT',
  'DB_BUSY',
  'DB_READONLY',
  'DISK_FULL',
  'WORKSPACE_NOT_EMPTY',
  'INTERNAL',
  'BACKUP_NOT_FOUND',
  'BACKUP_SAME_FILE',
  'NO_SNAPSHOT',
  'DUPLICATE_FOUND',
  'CLAIM_LIMIT',
  'MERGE_UNDO_BLOCKED',
  'IMPORT_FILE_REFUSED',
  'IMPORT_MAPPING_INVALID',
  'JOB_CANCELLED',
  'IMPORT_EDITED_SINCE',
  'IMPORT_ALREADY_UNDONE',
  'CUSTOM_FIELD_UNKNOWN',
  'CUSTOM_FIELD_KEY_TAKEN',
  'CUSTOM_FIELD_UNCONVERTIBLE',
  'CUSTOM_VALUE_INVALID',
  'CUSTOM_FIELD_REQUIRED',
  'PICKLIST_VALUE_IN_USE',
  'PICKLIST_UNKNOWN',
  'PIPELINE_KEY_TAKEN',
  'CONFIG_FILE_INVALID',
])
export type ErrorCode = z.infer<typeof ErrorCode>

export const ErrorMessages: Record<ErrorCode, Record<Locale, string>> = {
  VALIDATION: { 'zh-CN': '输入不正确，请检查标出的字段。', en: 'Some input is not valid; check the marked fields.' },
  NOT_FOUND: { 'zh-CN': '找不到该记录，它可能已被删除。', en: 'The record was not found; it may have been deleted.' },
  CONFLICT: {
    'zh-CN': '该记录已被他人或其他窗口修改，请查看最新值后再保存。',
    en: 'This record was changed elsewhere since you loaded it; review the latest values and save again.',
  },
  UNKNOWN_METHOD: { 'zh-CN': '不支持的操作。', en: 'This operation is not supported.' },
  UNKNOWN_COLUMN: { 'zh-CN': '不能按该列排序或筛选。', en: 'That column cannot be used for sorting or filtering.' },
  STAGE_REQUIREMENTS: {
    'zh-CN': '进入该阶段前需要先填写必填字段。',
    en: 'Fill in the required fields before moving to this stage.',
  },
  PATH_NOT_ALLOWED: {
    'zh-CN': '只能使用在对话框中选择的文件。',
    en: 'Only files chosen in a file dialog can be used.',
  },
  DB_NEWER_VERSION: {
    'zh-CN': '该数据库由更新版本的商机工作台创建，请升级后再打开。文件未被修改。',
    en: 'This database was made by a newer version of the workbench; upgrade to open it. The file was not changed.',
  },
  DB_NOT_WORKBENCH: {
    'zh-CN': '该文件不是商机工作台的数据库。文件未被修改。',
    en: 'This file is not a workbench database. The file was not changed.',
  },
  DB_CORRUPT: {
    'zh-CN': '数据库文件已损坏。文件未被修改，可从备份恢复。',
    en: 'The database file is damaged. It was not changed; you can restore a backup.',
  },
  DB_BUSY: { 'zh-CN': '数据库正忙，请稍后重试。', en: 'The database is busy; try again in a moment.' },
  DB_READONLY: { 'zh-CN': '数据库文件是只读的，无法保存。', en: 'The database file is read-only; nothing can be saved.' },
  DISK_FULL: { 'zh-CN': '磁盘已满，未能保存。已保存的数据不受影响。', en: 'The disk is full; nothing was saved. Saved data is safe.' },
  WORKSPACE_NOT_EMPTY: {
    'zh-CN': '演示数据只能加载到空的工作区。',
    en: 'The demo workspace can only be loaded into an empty workspace.',
  },
  INTERNAL: { 'zh-CN': '发生内部错误，操作未完成。', en: 'An internal error stopped the operation.' },
  BACKUP_NOT_FOUND: { 'zh-CN': '找不到该备份文件。', en: 'The backup file was not found.' },
  BACKUP_SAME_FILE: {
    'zh-CN': '备份文件不能是正在使用的工作区文件，请选择其他文件。',
    en: 'The backup cannot be the open workspace file itself; choose another file.',
  },
  NO_SNAPSHOT: {
    'zh-CN': '还没有可以比较的商机快照，请先生成一份快照。',
    en: 'There is no pipeline snapshot to compare with yet; take a snapshot first.',
  },
  DUPLICATE_FOUND: {
    'zh-CN': '可能与已有记录重复：请打开已有记录、合并，或确认仍要保存。',
    en: 'This looks like an existing record: open it, merge, or confirm that you want to save anyway.',
  },
  CLAIM_LIMIT: {
    'zh-CN': '已达到可领取线索的上限，请先跟进或释放手中的线索。',
    en: 'You hold as many leads as you may claim; work or release some first.',
  },
  MERGE_UNDO_BLOCKED: {
    'zh-CN': '合并后记录已被修改或删除，无法撤销该合并。',
    en: 'The records changed or were deleted after the merge, so it cannot be undone.',
  },
  IMPORT_FILE_REFUSED: {
    'zh-CN': '无法导入该文件，原因见详情。数据库未被修改。',
    en: 'This file cannot be imported; the details say why. The database was not changed.',
  },
  IMPORT_MAPPING_INVALID: {
    'zh-CN': '列映射不正确：有字段被映射了多次，或映射到了不存在的字段。',
    en: 'The column mapping is not valid: a field is mapped more than once, or to a field that does not exist.',
  },
  JOB_CANCELLED: { 'zh-CN': '已取消，未做任何更改。', en: 'Cancelled; nothing was changed.' },
  IMPORT_EDITED_SINCE: {
    'zh-CN': '该批次导入的记录之后又被修改过，撤销会丢失这些修改。确认后可强制撤销。',
    en: 'Records from this import were edited afterwards, and undoing it would lose those edits. Confirm to undo anyway.',
  },
  IMPORT_ALREADY_UNDONE: { 'zh-CN': '该批次导入已经撤销过了。', en: 'This import has already been undone.' },
  CUSTOM_FIELD_UNKNOWN: {
    'zh-CN': '没有这个自定义字段，它可能已被删除。',
    en: 'There is no such custom field; it may have been deleted.',
  },
  CUSTOM_FIELD_KEY_TAKEN: {
    'zh-CN': '该字段标识已被使用（包括回收站中的字段），请换一个。',
    en: 'That field key is already in use (fields in the trash count too); choose another.',
  },
  CUSTOM_FIELD_UNCONVERTIBLE: {
    'zh-CN': '部分记录的值无法转换为新类型，详情列出了这些记录。未做任何更改。',
    en: 'Some records hold values that cannot be converted to the new type; the details list them. Nothing was changed.',
  },
  CUSTOM_VALUE_INVALID: {
    'zh-CN': '该值不符合字段的类型，请检查后重试。',
    en: 'That value does not fit the field\'s type; check it and try again.',
  },
  CUSTOM_FIELD_REQUIRED: {
    'zh-CN': '请先填写必填的自定义字段。',
    en: 'Fill in the required custom fields first.',
  },
  PICKLIST_VALUE_IN_USE: {
    'zh-CN': '该选项仍被记录使用，请先合并到其他选项或停用它。',
    en: 'Records still use this value; merge it into another value or deactivate it instead.',
  },
  PICKLIST_UNKNOWN: { 'zh-CN': '没有这个选项列表或选项。', en: 'There is no such picklist or value.' },
  PIPELINE_KEY_TAKEN: { 'zh-CN': '该业务流程标识已被使用，请换一个。', en: 'That pipeline key is already in use; choose another.' },
  CONFIG_FILE_INVALID: {
    'zh-CN': '该文件不是有效的配置文件，或来自不支持的版本。工作区未被修改。',
    en: 'This is not a valid configuration file, or its version is not supported. The workspace was not changed.',
  },
}

/** One problem with one field, as shown next to that field. */
export const FieldIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
})
export type FieldIssue = z.infer<typeof FieldIssue>

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
})
export type ApiError = z.infer<typeof ApiError>

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return ErrorMessages[code][locale]
}
