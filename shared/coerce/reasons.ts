import { z } from 'zod'
import type { Locale } from '../enums'

/**
 * Why a value could not be turned into what its column holds. The code is the
 * contract (the import report groups by it); the sentences may be reworded.
 */
export const CoerceReason = z.enum([
  'CELL_ERROR',
  'WRONG_KIND',
  'NUMBER_UNRECOGNISED',
  'NUMBER_NOT_INTEGER',
  'AMOUNT_UNRECOGNISED',
  'AMOUNT_OUT_OF_RANGE',
  'PERCENT_UNRECOGNISED',
  'PERCENT_OUT_OF_RANGE',
  'BOOLEAN_UNRECOGNISED',
  'DATE_UNRECOGNISED',
  'DATE_NONEXISTENT',
  'DATE_OUT_OF_RANGE',
  'TIME_INVALID',
  'OPTION_UNKNOWN',
  'OPTION_AMBIGUOUS',
  'STAGE_UNKNOWN',
  'PIPELINE_UNKNOWN',
  'PIPELINE_AMBIGUOUS',
  'STAGE_AMBIGUOUS',
  'USER_UNKNOWN',
  'USER_AMBIGUOUS',
])
export type CoerceReason = z.infer<typeof CoerceReason>

export const CoerceMessages: Record<CoerceReason, Record<Locale, string>> = {
  CELL_ERROR: {
    'zh-CN': '单元格是公式错误值（如 #DIV/0!、#N/A），请先在表格中修正公式。',
    en: 'The cell holds a formula error (such as #DIV/0! or #N/A); fix the formula in the workbook first.',
  },
  WRONG_KIND: {
    'zh-CN': '单元格的类型与该列不符（例如在日期列中填了是/否）。',
    en: 'The cell holds the wrong kind of value for this column (for example a yes/no in a date column).',
  },
  NUMBER_UNRECOGNISED: { 'zh-CN': '无法识别为数字。', en: 'This is not a number we can read.' },
  NUMBER_NOT_INTEGER: { 'zh-CN': '这里需要整数，不能有小数。', en: 'A whole number is needed here, without decimals.' },
  AMOUNT_UNRECOGNISED: {
    'zh-CN': '无法识别为金额，可写成 120000、¥120,000、12万 或 1.2亿。',
    en: 'This is not an amount we can read; write it like 120000, ¥120,000, 12万 or 1.2M.',
  },
  AMOUNT_OUT_OF_RANGE: { 'zh-CN': '金额超出允许范围。', en: 'The amount is outside the allowed range.' },
  PERCENT_UNRECOGNISED: {
    'zh-CN': '无法识别为百分比，可写成 35%、35 或 0.35。',
    en: 'This is not a percentage we can read; write it like 35%, 35 or 0.35.',
  },
  PERCENT_OUT_OF_RANGE: { 'zh-CN': '百分比必须在 0 到 100 之间。', en: 'A percentage must be between 0 and 100.' },
  BOOLEAN_UNRECOGNISED: {
    'zh-CN': '无法识别为是/否，可写成 是、否、TRUE、FALSE、Y、N、1、0 或 √。',
    en: 'This is not a yes/no we can read; write 是, 否, TRUE, FALSE, Y, N, 1, 0 or √.',
  },
  DATE_UNRECOGNISED: {
    'zh-CN': '无法识别为日期，可写成 2025-03-01、2025/3/1 或 2025年3月1日。',
    en: 'This is not a date we can read; write it like 2025-03-01, 2025/3/1 or 3/1/2025.',
  },
  DATE_NONEXISTENT: { 'zh-CN': '该日期不存在（例如 2 月 30 日）。', en: 'That date does not exist (for example 30 February).' },
  DATE_OUT_OF_RANGE: { 'zh-CN': '日期超出可用范围。', en: 'The date is outside the usable range.' },
  TIME_INVALID: { 'zh-CN': '时间部分无效（例如 25:00）。', en: 'The time of day is not valid (for example 25:00).' },
  OPTION_UNKNOWN: {
    'zh-CN': '不是该列表中的选项，请从下拉列表中选择或先添加该选项。',
    en: 'This is not one of the list’s options; pick one from the list or add it first.',
  },
  OPTION_AMBIGUOUS: {
    'zh-CN': '该值同时对应多个选项，请写出完整名称。',
    en: 'This matches more than one option; write the full name.',
  },
  STAGE_UNKNOWN: { 'zh-CN': '找不到该阶段。', en: 'No stage has this name.' },
  STAGE_AMBIGUOUS: {
    'zh-CN': '该阶段名称对应多个阶段（可能属于不同的销售流程），请写出完整名称。',
    en: 'This stage name matches several stages (perhaps in different pipelines); write the full name.',
  },
  PIPELINE_UNKNOWN: { 'zh-CN': '找不到该业务流程。', en: 'No pipeline has this name.' },
  PIPELINE_AMBIGUOUS: { 'zh-CN': '该名称对应多个业务流程，请写出完整名称。', en: 'This name matches several pipelines; write the full name.' },
  USER_UNKNOWN: { 'zh-CN': '找不到该成员。', en: 'No team member has this name.' },
  USER_AMBIGUOUS: {
    'zh-CN': '有多名成员同名，请改用邮箱区分。',
    en: 'Several team members have this name; use their e-mail address instead.',
  },
}

export function coerceMessage(reason: CoerceReason, locale: Locale): string {
  return CoerceMessages[reason][locale]
}
