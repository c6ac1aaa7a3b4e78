import { z } from 'zod'
import type { Locale } from '../../../shared/enums'

/**
 * Why a file, or a sheet in it, cannot be imported. Stable codes for the
 * import dialog and the CLI; the sentences say what to do next.
 */
export const ImportFailureCode = z.enum([
  'ENCRYPTED',
  'CORRUPT',
  'NOT_SPREADSHEET',
  'UNSUPPORTED_FORMAT',
  'EMPTY_WORKBOOK',
  'TOO_LARGE',
  'TIMEOUT',
  'CANCELLED',
  'SHEET_EMPTY',
  'TOO_MANY_ROWS',
  'NO_HEADER_ROW',
  'NO_DATA_ROWS',
  'UNREADABLE',
])
export type ImportFailureCode = z.infer<typeof ImportFailureCode>

export const ImportFailureMessages: Record<ImportFailureCode, Record<Locale, string>> = {
  ENCRYPTED: {
    'zh-CN': '文件设置了打开密码。请在 Excel 中打开并取消密码（文件 → 信息 → 保护工作簿）后另存，再导入。',
    en: 'The file is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook), save, and import again.',
  },
  CORRUPT: {
    'zh-CN': '文件已损坏或不完整，无法读取。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。',
    en: 'The file is damaged or incomplete. Open it in Excel or WPS, save it as .xlsx, and import that.',
  },
  NOT_SPREADSHEET: {
    'zh-CN': '这不是表格文件（例如 Word 文档或文本）。请选择 .xlsx、.xls、.csv 或 .ods 文件。',
    en: 'This is not a spreadsheet (it may be a Word document or plain text). Choose an .xlsx, .xls, .csv or .ods file.',
  },
  UNSUPPORTED_FORMAT: {
    'zh-CN': '暂不支持该文件格式（如 Apple Numbers）。请另存为 .xlsx 后再导入。',
    en: 'This file format is not supported (for example Apple Numbers). Export it as .xlsx and import that.',
  },
  EMPTY_WORKBOOK: { 'zh-CN': '文件中没有任何数据。', en: 'The file holds no data.' },
  TOO_LARGE: {
    'zh-CN': '文件太大，超出一次导入的上限。请拆分成多个文件后分别导入。',
    en: 'The file is larger than one import can take. Split it into several files and import them one by one.',
  },
  TIMEOUT: {
    'zh-CN': '读取文件用时过长，已停止。文件可能过大或结构异常，请另存为 .xlsx 或拆分后再试。',
    en: 'Reading the file took too long and was stopped. It may be too large or oddly built; save it as .xlsx or split it and try again.',
  },
  CANCELLED: { 'zh-CN': '已取消读取文件。', en: 'Reading the file was cancelled.' },
  SHEET_EMPTY: { 'zh-CN': '该工作表是空的。', en: 'This sheet is empty.' },
  TOO_MANY_ROWS: {
    'zh-CN': '该工作表的行数超出一次导入的上限，请拆分后再导入。',
    en: 'This sheet has more rows than one import can take; split it and import the parts.',
  },
  NO_HEADER_ROW: {
    'zh-CN': '找不到表头行。请确保数据上方有一行列名（如“客户名称”“联系人”）。',
    en: 'No header row was found. Put one row of column names (such as “Company”, “Contact”) above the data.',
  },
  NO_DATA_ROWS: {
    'zh-CN': '表头下方没有数据行，只有表头或填写说明。',
    en: 'There are no data rows below the header, only the header or filling instructions.',
  },
  UNREADABLE: {
    'zh-CN': '无法读取该文件。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。',
    en: 'The file could not be read. Open it in Excel or WPS, save it as .xlsx, and import that.',
  },
}

export function importFailureMessage(code: ImportFailureCode, locale: Locale): string {
  return ImportFailureMessages[code][locale]
}

/** A refusal with its code, plus technical detail for logs (never shown as the message). */
export interface ImportFailure {
  readonly code: ImportFailureCode
  readonly detail?: string
}

/** Thrown inside the reader, caught once at its boundary and returned as an ImportFailure. */
export class WorkbookRefusal extends Error {
  constructor(
    readonly code: ImportFailureCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code)
    this.name = 'WorkbookRefusal'
  }
}
