import { customFieldKeyOf, findColumn } from '../../../../../shared/columns'
import type { CustomField } from '../../../../../shared/entities'
import type { LayoutEntity, LayoutSection } from '../../../../../shared/methods/config'

/** Grid columns that show an input field under another name. */
const columnOfInput: Record<string, string> = { accountId: 'accountName' }

/**
 * A form field's name for the layout editor: custom fields by their labels,
 * built-in inputs by the translated form label or the grid column's.
 */
export function layoutFieldLabel(
  entity: LayoutEntity,
  field: string,
  zh: boolean,
  customFields: readonly CustomField[],
  translated: (field: string) => string | undefined,
): string {
  const customKey = customFieldKeyOf(field)
  if (customKey !== null) {
    const custom = customFields.find((f) => f.entity === entity && f.key === customKey)
    return custom ? (zh ? custom.labelZh : custom.labelEn) : customKey
  }
  const column = findColumn(entity, columnOfInput[field] ?? field)
  return translated(field) ?? (column ? (zh ? column.labelZh : column.labelEn) : field)
}

/** Moves one field to a section at a position (or its end); other sections lose it. */
export function moveField(sections: readonly LayoutSection[], field: string, toSection: string, toIndex?: number): LayoutSection[] {
  const without = sections.map((s) => ({ ...s, fields: s.fields.filter((f) => f !== field) }))
  return without.map((s) => {
    if (s.key !== toSection) return s
    const fields = [...s.fields]
    fields.splice(toIndex === undefined ? fields.length : Math.max(0, Math.min(toIndex, fields.length)), 0, field)
    return { ...s, fields }
  })
}

/** Removes a section; its fields go to the first remaining one, so no field disappears from the form. */
export function removeSection(sections: readonly LayoutSection[], key: string): LayoutSection[] {
  const removed = sections.find((s) => s.key === key)
  const rest = sections.filter((s) => s.key !== key)
  if (!removed || rest.length === 0) return [...sections]
  return rest.map((s, i) => (i === 0 ? { ...s, fields: [...s.fields, ...removed.fields] } : s))
}

/** A fresh section key that the contract accepts and no other section uses. */
export function newSectionKey(sections: readonly LayoutSection[]): string {
  let n = sections.length + 1
  while (sections.some((s) => s.key === `section_${n}`)) n += 1
  return `section_${n}`
}

/** The custom fields of one section, in the layout's order. */
export function customFieldsIn(section: LayoutSection, fields: readonly CustomField[]): CustomField[] {
  return section.fields.flatMap((f) => {
    const key = customFieldKeyOf(f)
    const field = key === null ? undefined : fields.find((c) => c.key === key)
    return field ? [field] : []
  })
}
