import { z } from 'zod'
import type { GridEntity } from '../enums'
import { Id } from '../primitives'
import { gridColumnOf, WindowQueries } from '../query'
import { FilePath } from './backups'
import { method } from './define'
import { JobId, WrittenFile } from './imports'

export const ExportFormat = z.enum(['xlsx', 'csv'])
export type ExportFormat = z.infer<typeof ExportFormat>

/**
 * A grid as it is shown: its filters, sort and quick search (the same as the
 * grid's window query), its visible columns in their order, or a saved view.
 * Explicit fields win over the view's.
 */
function gridExport<E extends GridEntity>(entity: E) {
  const query = WindowQueries[entity].shape
  return z
    .object({
      entity: z.literal(entity),
      viewId: Id.optional(),
      filters: query.filters.optional(),
      sort: query.sort.optional(),
      search: query.search,
      /** Visible columns in order; by default the view's, else every column. */
      columns: z.array(gridColumnOf(entity)).min(1).max(200).optional(),
      format: ExportFormat.default('xlsx'),
      /** Where to write (a path from a save dialog); by default the workspace's exports folder. */
      outPath: FilePath.optional(),
      jobId: JobId.optional(),
    })
    .strict()
}

export const GridExport = z.discriminatedUnion('entity', [
  gridExport('opportunity'),
  gridExport('lead'),
  gridExport('account'),
  gridExport('contact'),
  gridExport('activity'),
  gridExport('task'),
])
export type GridExport = z.infer<typeof GridExport>

/** Exports: any grid view to .xlsx or .csv, as it is shown. */
export const exportsMethods = {
  'exports.grid': method(GridExport, WrittenFile),
} as const

/**
 * How the contract's enums read in a workbook, per language. Exports write
 * these labels and imports read them back (either language, or the value).
 */
export const EnumLabels: Record<string, Record<string, { zh: string; en: string }>> = {
  leadStatus: {
    new: { zh: '新线索', en: 'New' },
    contacted: { zh: '已联系', en: 'Contacted' },
    qualified: { zh: '已确认', en: 'Qualified' },
    converted: { zh: '已转化', en: 'Converted' },
    disqualified: { zh: '无效', en: 'Disqualified' },
  },
  leadGrade: { A: { zh: 'A', en: 'A' }, B: { zh: 'B', en: 'B' }, C: { zh: 'C', en: 'C' } },
  accountLifecycle: {
    prospect: { zh: '潜在客户', en: 'Prospect' },
    customer: { zh: '成交客户', en: 'Customer' },
    repeat_customer: { zh: '复购客户', en: 'Repeat customer' },
    churned: { zh: '已流失', en: 'Churned' },
  },
  stageKind: { open: { zh: '进行中', en: 'Open' }, won: { zh: '赢单', en: 'Won' }, lost: { zh: '输单', en: 'Lost' } },
  activityType: {
    call: { zh: '电话', en: 'Call' },
    visit: { zh: '拜访', en: 'Visit' },
    meeting: { zh: '会议', en: 'Meeting' },
    wechat: { zh: '微信', en: 'WeChat' },
    email: { zh: '邮件', en: 'Email' },
    other: { zh: '其他', en: 'Other' },
  },
  taskPriority: { low: { zh: '低', en: 'Low' }, normal: { zh: '普通', en: 'Normal' }, high: { zh: '高', en: 'High' } },
  taskStatus: { open: { zh: '待办', en: 'Open' }, done: { zh: '已完成', en: 'Done' } },
  currency: {
    CNY: { zh: '人民币', en: 'CNY' },
    USD: { zh: '美元', en: 'USD' },
    EUR: { zh: '欧元', en: 'EUR' },
    HKD: { zh: '港币', en: 'HKD' },
    JPY: { zh: '日元', en: 'JPY' },
    GBP: { zh: '英镑', en: 'GBP' },
  },
}
