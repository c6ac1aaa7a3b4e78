import { customColumnKey, customFieldKeyOf } from '../../../../shared/columns'
import { AccountInput, ActivityInput, ContactInput, LeadInput, OpportunityInput } from '../../../../shared/entities'
import type { FormLayout, LayoutEntity, LayoutSection } from '../../../../shared/methods/config'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { listFields } from '../../store/customFields'
import { deleteLayout, readLayout, writeLayout } from '../../store/layouts'
import { inTransaction } from '../context'

const inputs = { account: AccountInput, contact: ContactInput, lead: LeadInput, opportunity: OpportunityInput, activity: ActivityInput }

/** The fields a form can show: the entity's input fields, then its live custom fields as `custom.<key>`. */
function formFields(core: Core, entity: LayoutEntity): { builtin: string[]; custom: string[] } {
  return {
    builtin: Object.keys(inputs[entity].shape).filter((key) => key !== 'custom'),
    custom: listFields(core.db, entity).map((f) => customColumnKey(f.key)),
  }
}

function defaultSections(core: Core, entity: LayoutEntity): LayoutSection[] {
  const { builtin, custom } = formFields(core, entity)
  const sections: LayoutSection[] = [{ key: 'main', labelZh: '基本信息', labelEn: 'Details', fields: builtin }]
  if (custom.length > 0) sections.push({ key: 'custom', labelZh: '自定义字段', labelEn: 'Custom fields', fields: custom })
  return sections
}

/**
 * The saved layout, or the default one. Custom fields created after the
 * layout was saved are appended to its last section; fields deleted since
 * are dropped, so a form never shows a field that does not exist.
 */
export function getLayout(core: Core, entity: LayoutEntity): FormLayout {
  const saved = readLayout(core.db, entity)
  if (!saved) return { entity, sections: defaultSections(core, entity), isDefault: true }
  const { builtin, custom } = formFields(core, entity)
  const known = new Set([...builtin, ...custom])
  const sections = saved.map((s) => ({ ...s, fields: s.fields.filter((f) => known.has(f)) }))
  const placed = new Set(sections.flatMap((s) => s.fields))
  const missing = custom.filter((f) => !placed.has(f))
  if (missing.length > 0 && sections.length > 0) sections.at(-1)!.fields.push(...missing)
  return { entity, sections, isDefault: false }
}

export function saveLayout(core: Core, input: { entity: LayoutEntity; sections: LayoutSection[] }): FormLayout {
  const { builtin, custom } = formFields(core, input.entity)
  const known = new Set([...builtin, ...custom])
  const all = input.sections.flatMap((s) => s.fields)
  const unknown = all.filter((f) => !known.has(f))
  const twice = all.filter((f, i) => all.indexOf(f) !== i)
  const sectionKeys = input.sections.map((s) => s.key)
  if (unknown.length > 0 || twice.length > 0 || new Set(sectionKeys).size !== sectionKeys.length) {
    const message = `Unknown fields: ${unknown.join(', ') || '-'}; placed twice: ${twice.join(', ') || '-'}`
    throw new AppError(unknown.some((f) => customFieldKeyOf(f) !== null) ? 'CUSTOM_FIELD_UNKNOWN' : 'VALIDATION', {
      issues: [{ path: ['sections'], code: 'custom', message }],
      unknown,
      twice,
    })
  }
  inTransaction(core, () => writeLayout(core.db, input.entity, input.sections, core.clock().toISOString()))
  return getLayout(core, input.entity)
}

export function resetLayout(core: Core, entity: LayoutEntity): FormLayout {
  inTransaction(core, () => deleteLayout(core.db, entity))
  return getLayout(core, entity)
}
