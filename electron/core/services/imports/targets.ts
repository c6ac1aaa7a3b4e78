import { matchKey, type OptionItem, currencyOptions } from '../../../../shared/coerce'
import { GridColumns, type ColumnDef } from '../../../../shared/columns'
import { EnumLabels } from '../../../../shared/methods/exports'
import { RECORD_ID_HEADER, type ImportEntity, type ImportTargetInfo } from '../../../../shared/methods/imports'
import { importTargets, type ImportTarget } from '../../excel/fields'

/**
 * The fields a column can fill, per entity: the reader's mapping targets,
 * plus what an import of history needs besides (the other system's key, the
 * day a record was created there, the pipeline, and the record id an export
 * carries), plus custom fields.
 */
export interface Target extends ImportTarget {
  /** Exact headers (any language) that name it, compared by match key. */
  readonly headers?: readonly string[]
}

const externalIdHeaders: Record<ImportEntity, readonly string[]> = {
  opportunity: ['opportunity id', 'deal id', '商机编号', '商机id', '项目编号'],
  lead: ['lead id', '线索编号', '线索id'],
  account: ['account id', 'customer id', '客户编号', '客户id'],
  contact: ['contact id', '联系人编号', '联系人id'],
}

function extraTargets(entity: ImportEntity): Target[] {
  const extras: Target[] = [
    { key: 'recordId', type: 'number', labelZh: '记录ID', labelEn: 'Record id', headers: [RECORD_ID_HEADER] },
    {
      key: 'externalId',
      type: 'text',
      labelZh: '外部编号',
      labelEn: 'External id',
      headers: ['外部编号', '外部id', '原系统编号', '编号', 'id', 'external id', ...externalIdHeaders[entity]],
    },
    {
      key: 'createdDate',
      type: 'date',
      labelZh: '创建日期',
      labelEn: 'Created date',
      headers: [
        '创建日期', '创建时间', '录入日期', '录入时间', '建档日期', 'created', 'created date', 'create date', 'creation date',
        'created at', 'date created', 'engage date', 'engaged date', 'engagement date', 'open date', 'opened date',
      ],
    },
  ]
  if (entity === 'opportunity') {
    extras.push({
      key: 'pipelineId',
      type: 'pipeline',
      labelZh: '业务流程',
      labelEn: 'Pipeline',
      headers: ['业务流程', '销售流程', 'pipeline', 'sales pipeline', 'pipeline name'],
    })
  }
  return extras
}

const cache = new Map<ImportEntity, readonly Target[]>()

/** Every target of an entity, the reader's first. */
export function targetsOf(entity: ImportEntity): readonly Target[] {
  let targets = cache.get(entity)
  if (!targets) cache.set(entity, (targets = [...importTargets(entity).map((t) => t.target), ...extraTargets(entity)]))
  return targets
}

export const CUSTOM_PREFIX = 'custom:'

/** The target a mapping names, or null for a key the entity does not have. Custom fields are text. */
export function findTarget(entity: ImportEntity, key: string): Target | null {
  if (key.startsWith(CUSTOM_PREFIX)) {
    const name = key.slice(CUSTOM_PREFIX.length).trim()
    return name ? { key, type: 'text', labelZh: name, labelEn: name } : null
  }
  return targetsOf(entity).find((t) => t.key === key) ?? null
}

/** Fields without which a record cannot be created. */
const requiredKeys: Record<ImportEntity, readonly string[]> = {
  opportunity: ['name'],
  lead: ['company'],
  account: ['name'],
  contact: ['name'],
}

export function targetInfos(entity: ImportEntity): ImportTargetInfo[] {
  return targetsOf(entity).map((t) => ({
    key: t.key,
    labelZh: t.labelZh,
    labelEn: t.labelEn,
    type: t.type,
    required: requiredKeys[entity].includes(t.key),
  }))
}

/** Grid columns an export writes that an import must not read back: computed, or kept by the workbench itself. */
export function computedColumns(entity: ImportEntity): readonly ColumnDef[] {
  const importable = new Set(targetsOf(entity).map((t) => t.key))
  return (GridColumns[entity] as readonly ColumnDef[]).filter((c) => !importable.has(c.key) && c.key !== 'createdAt')
}

/** An enum's members as options, so 新线索, New and new all name the same status. */
export function enumOptions(name: string | undefined): readonly OptionItem[] {
  if (name === 'currency') return currencyOptions
  const labels = name ? EnumLabels[name] : undefined
  return labels ? Object.entries(labels).map(([value, label]) => ({ value, labelZh: label.zh, labelEn: label.en })) : []
}

export const headerKey = (header: string) => matchKey(header)
