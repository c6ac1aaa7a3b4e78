import type { GridEntity } from './enums'

/** How a column's values are typed, edited, filtered and exported. */
export type ColumnType =
  | 'text'
  | 'number'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'picklist'
  | 'enum'
  | 'user'
  | 'stage'
  | 'account'
  | 'pipeline'
  | 'boolean'

export interface ColumnDef {
  readonly key: string
  readonly type: ColumnType
  readonly labelZh: string
  readonly labelEn: string
  /** Picklist key or enum name the values come from. */
  readonly options?: string
  /** Whether a person may edit it in place (computed columns are read-only). */
  readonly editable: boolean
  readonly width: number
}

const col = (
  key: string,
  type: ColumnType,
  labelZh: string,
  labelEn: string,
  width: number,
  extra: { options?: string; editable?: boolean } = {},
): ColumnDef => ({ key, type, labelZh, labelEn, width, editable: extra.editable ?? true, options: extra.options })

const audit = [
  col('createdAt', 'datetime', '创建时间', 'Created', 150, { editable: false }),
  col('updatedAt', 'datetime', '更新时间', 'Updated', 150, { editable: false }),
] as const

/**
 * The whitelist of grid columns per entity. Sorting and filtering accept
 * these keys and nothing else; the store maps each to one SQL expression.
 */
export const GridColumns = {
  opportunity: [
    col('name', 'text', '商机名称', 'Opportunity', 220),
    col('accountName', 'account', '客户', 'Account', 180),
    col('stageId', 'stage', '阶段', 'Stage', 110),
    col('pipelineId', 'pipeline', '业务流程', 'Pipeline', 100, { editable: false }),
    col('stageKind', 'enum', '状态', 'Status', 80, { options: 'stageKind', editable: false }),
    col('amount', 'currency', '金额', 'Amount', 120),
    col('currency', 'enum', '币种', 'Currency', 70, { options: 'currency' }),
    col('probability', 'percent', '赢率', 'Probability', 80),
    col('weightedAmount', 'currency', '加权金额', 'Weighted', 120, { editable: false }),
    col('expectedCloseDate', 'date', '预计成交日期', 'Expected close', 120),
    col('ownerId', 'user', '负责人', 'Owner', 100),
    col('source', 'picklist', '来源', 'Source', 100, { options: 'source' }),
    col('productLine', 'picklist', '产品线', 'Product line', 110, { options: 'product_line' }),
    col('nextStep', 'text', '下一步', 'Next step', 180),
    col('nextFollowUpDate', 'date', '下次跟进', 'Next follow-up', 120),
    col('lastActivityAt', 'datetime', '最近活动', 'Last activity', 150, { editable: false }),
    col('isRotting', 'boolean', '停滞', 'Stale', 70, { editable: false }),
    col('lossReason', 'picklist', '输单原因', 'Loss reason', 120, { options: 'loss_reason' }),
    col('competitor', 'text', '竞争对手', 'Competitor', 120),
    col('closedAt', 'datetime', '关闭时间', 'Closed', 150, { editable: false }),
    ...audit,
  ],
  lead: [
    col('company', 'text', '公司', 'Company', 200),
    col('contactName', 'text', '联系人', 'Contact', 100),
    col('phone', 'text', '电话', 'Phone', 130),
    col('email', 'text', '邮箱', 'Email', 180),
    col('source', 'picklist', '来源', 'Source', 100, { options: 'source' }),
    col('region', 'picklist', '地区', 'Region', 90, { options: 'region' }),
    col('industry', 'picklist', '行业', 'Industry', 100, { options: 'industry' }),
    col('productInterest', 'text', '意向产品', 'Product interest', 140),
    // A lead's status moves through the loop's actions (claim, qualify, convert), its next follow-up through follow-ups.
    col('status', 'enum', '状态', 'Status', 90, { options: 'leadStatus', editable: false }),
    col('grade', 'enum', '等级', 'Grade', 60, { options: 'leadGrade', editable: false }),
    col('score', 'number', '评分', 'Score', 70, { editable: false }),
    col('ownerId', 'user', '负责人', 'Owner', 100),
    col('nextFollowUpDate', 'date', '下次跟进', 'Next follow-up', 120, { editable: false }),
    col('lastActivityAt', 'datetime', '最近活动', 'Last activity', 150, { editable: false }),
    ...audit,
  ],
  account: [
    col('name', 'text', '客户名称', 'Account name', 220),
    col('industry', 'picklist', '行业', 'Industry', 100, { options: 'industry' }),
    col('region', 'picklist', '地区', 'Region', 90, { options: 'region' }),
    col('source', 'picklist', '来源', 'Source', 100, { options: 'source' }),
    col('lifecycle', 'enum', '生命周期', 'Lifecycle', 100, { options: 'accountLifecycle', editable: false }),
    col('ownerId', 'user', '负责人', 'Owner', 100),
    col('phone', 'text', '电话', 'Phone', 130),
    col('email', 'text', '邮箱', 'Email', 180),
    col('website', 'text', '网址', 'Website', 160),
    ...audit,
  ],
  contact: [
    col('name', 'text', '姓名', 'Name', 120),
    col('accountName', 'account', '客户', 'Account', 200),
    col('title', 'text', '职位', 'Title', 110),
    col('phone', 'text', '电话', 'Phone', 130),
    col('email', 'text', '邮箱', 'Email', 180),
    col('wechat', 'text', '微信', 'WeChat', 110),
    col('birthday', 'date', '生日', 'Birthday', 110),
    col('ownerId', 'user', '负责人', 'Owner', 100),
    ...audit,
  ],
  activity: [
    col('occurredAt', 'datetime', '时间', 'Time', 150),
    col('type', 'enum', '方式', 'Type', 80, { options: 'activityType' }),
    col('content', 'text', '内容', 'Content', 280),
    col('feedback', 'text', '客户反馈', 'Feedback', 200),
    col('nextPlan', 'text', '下一步计划', 'Next plan', 180),
    col('nextDate', 'date', '下次跟进', 'Next date', 110),
    col('ownerId', 'user', '记录人', 'Logged by', 100, { editable: false }),
    col('createdAt', 'datetime', '创建时间', 'Created', 150, { editable: false }),
  ],
  task: [
    col('title', 'text', '任务', 'Task', 240),
    col('dueDate', 'date', '截止日期', 'Due', 110),
    col('assigneeId', 'user', '执行人', 'Assignee', 100),
    col('priority', 'enum', '优先级', 'Priority', 80, { options: 'taskPriority' }),
    col('status', 'enum', '状态', 'Status', 80, { options: 'taskStatus' }),
    col('doneAt', 'datetime', '完成时间', 'Done', 150, { editable: false }),
    ...audit,
  ],
} as const satisfies Record<GridEntity, readonly ColumnDef[]>

export type GridColumnKey<E extends GridEntity> = (typeof GridColumns)[E][number]['key']

export function columnKeys<E extends GridEntity>(entity: E): [GridColumnKey<E>, ...GridColumnKey<E>[]] {
  return GridColumns[entity].map((c) => c.key) as [GridColumnKey<E>, ...GridColumnKey<E>[]]
}

export function findColumn(entity: GridEntity, key: string): ColumnDef | undefined {
  return (GridColumns[entity] as readonly ColumnDef[]).find((c) => c.key === key)
}

/** Custom fields appear in grids as `custom.<key>`; the key is checked against the field definitions. */
export const CUSTOM_COLUMN_PREFIX = 'custom.'
export const CUSTOM_FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/
export const CUSTOM_COLUMN_PATTERN = /^custom\.[a-z][a-z0-9_]{0,39}$/

export const customColumnKey = (fieldKey: string) => `${CUSTOM_COLUMN_PREFIX}${fieldKey}`

/** The field key of a `custom.<key>` column, or null for a built-in column. */
export function customFieldKeyOf(column: string): string | null {
  return CUSTOM_COLUMN_PATTERN.test(column) ? column.slice(CUSTOM_COLUMN_PREFIX.length) : null
}

/** Column types a grid can group by (dates group by month). */
export const groupableTypes: ReadonlySet<ColumnType> = new Set(['stage', 'pipeline', 'user', 'picklist', 'enum', 'account', 'date', 'boolean'])
