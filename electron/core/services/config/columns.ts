import { customColumnKey, groupableTypes, GridColumns, type ColumnDef } from '../../../../shared/columns'
import type { GridEntity } from '../../../../shared/enums'
import type { GridColumnInfo } from '../../../../shared/methods/config'
import type { Core } from '../../core'
import { columnTypeOfField, listFields } from '../../store/customFields'
import { isCustomEntity } from './values'

/** Custom columns are 140 px wide until someone drags them, long text wider. */
const customWidth = (type: string) => (type === 'longText' ? 240 : 140)

/** Built-in columns from the contract's whitelist, then the entity's live custom fields. */
export function gridColumns(core: Core, entity: GridEntity): GridColumnInfo[] {
  const builtins = (GridColumns[entity] as readonly ColumnDef[]).map((c) => ({
    key: c.key,
    type: c.type,
    labelZh: c.labelZh,
    labelEn: c.labelEn,
    options: c.options ?? null,
    editable: c.editable,
    width: c.width,
    customFieldId: null,
    fieldType: null,
    sortable: true,
    groupable: groupableTypes.has(c.type),
    required: false,
    helpText: null,
  }))
  if (!isCustomEntity(entity)) return builtins
  const customs = listFields(core.db, entity).map((f) => {
    const type = columnTypeOfField[f.type]
    return {
      key: customColumnKey(f.key),
      type,
      labelZh: f.labelZh,
      labelEn: f.labelEn,
      options: f.picklistKey,
      editable: true,
      width: customWidth(f.type),
      customFieldId: f.id,
      fieldType: f.type,
      sortable: true,
      groupable: f.type !== 'multiPicklist' && groupableTypes.has(type),
      required: f.required,
      helpText: f.helpText,
    }
  })
  return [...builtins, ...customs]
}
