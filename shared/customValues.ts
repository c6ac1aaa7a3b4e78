import { cleanText, coerceForColumn, coercePercent, holdsCellError, isBlank, matchOption, type CoerceContext, type RawValue } from './coerce'
import type { CoerceReason } from './coerce/reasons'
import type { CustomFieldType, CustomValue } from './entities'

export type CustomCoerced = { readonly ok: true; readonly value: CustomValue | null } | { readonly ok: false; readonly reason: CoerceReason }

/** What a custom value may arrive as: a cell, a typed value, or a list for multi-select. */
export type CustomRaw = RawValue | readonly (string | number)[]

const ok = (value: CustomValue | null): CustomCoerced => ({ ok: true, value })
const fail = (reason: CoerceReason): CustomCoerced => ({ ok: false, reason })

const maxText: Partial<Record<CustomFieldType, number>> = { text: 500, phone: 40, email: 320, url: 2000, longText: 10_000 }

/** Phone numbers as people write them: digits, spaces, +, -, (), #, extensions. */
const phonePattern = /^[0-9+()\-\s#,;/*.]{3,40}$/
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const urlPattern = /^(https?:\/\/|www\.)[^\s]+$/i

/** Splits a multi-select cell: 电话, 微信；邮件 or one value per line. */
const listSeparators = /[,，;；、|\n]+/

function coerceTextLike(type: CustomFieldType, raw: RawValue): CustomCoerced {
  const text = coerceForColumn('text', raw)
  if (!text.ok || text.value === null) return text.ok ? ok(null) : text
  const value = String(text.value)
  if (value.length > (maxText[type] ?? 500)) return fail('WRONG_KIND')
  if (type === 'phone' && !phonePattern.test(value)) return fail('WRONG_KIND')
  if (type === 'email' && !emailPattern.test(value)) return fail('WRONG_KIND')
  if (type === 'url' && !urlPattern.test(value)) return fail('WRONG_KIND')
  return ok(value)
}

function coerceMulti(raw: CustomRaw, context: CoerceContext): CustomCoerced {
  if (Array.isArray(raw)) return collectOptions(raw, context)
  const single = raw as RawValue
  if (holdsCellError(single)) return fail('CELL_ERROR')
  if (isBlank(single)) return ok(null)
  if (typeof single === 'boolean' || single instanceof Date || typeof single === 'object') return fail('WRONG_KIND')
  return collectOptions(cleanText(String(single)).split(listSeparators), context)
}

function collectOptions(items: readonly (string | number)[], context: CoerceContext): CustomCoerced {
  const values: string[] = []
  for (const item of items) {
    if (typeof item === 'string' && item.trim() === '') continue
    const matched = matchOption(item, context.options ?? [])
    if (!matched.ok) return matched
    if (matched.value !== null && !values.includes(matched.value)) values.push(matched.value)
  }
  return ok(values.length > 0 ? values : null)
}

/** A user by id (as the grid's editor sends it) or by name, English name or e-mail (as a file gives it). */
function coerceUser(raw: RawValue, context: CoerceContext): CustomCoerced {
  if (typeof raw === 'number' && (context.users ?? []).some((u) => u.id === raw)) return ok(raw)
  return coerceForColumn('user', raw, context) as CustomCoerced
}

/**
 * Turns what a person typed, pasted or imported into the stored value of a
 * custom field of `type`, with the same rules as built-in columns (shared/coerce):
 * the grid's paste, the forms, imports and type changes all come through here.
 * Null means "no value". `source` says whether `raw` is a typed value (an
 * editor, the API) or a workbook cell, which reads numbers as Excel stores them.
 */
export function coerceCustomValue(
  type: CustomFieldType,
  raw: CustomRaw,
  context: CoerceContext = {},
  source: 'value' | 'cell' = 'value',
): CustomCoerced {
  if (type === 'multiPicklist') return coerceMulti(raw, context)
  if (Array.isArray(raw)) return raw.length === 1 ? coerceCustomValue(type, raw[0] as RawValue, context, source) : fail('WRONG_KIND')
  const cell = raw as RawValue
  switch (type) {
    case 'text':
    case 'longText':
    case 'phone':
    case 'email':
    case 'url':
      return coerceTextLike(type, cell)
    case 'number':
      return coerceForColumn('number', cell) as CustomCoerced
    case 'currency':
      return coerceForColumn('currency', cell, context) as CustomCoerced
    case 'percent':
      // A number an editor sends is on the 0–100 scale; a workbook cell of 0.35 is 35% as Excel stores it.
      if (typeof cell === 'number' && source === 'value') return cell >= 0 && cell <= 100 ? ok(cell) : fail('PERCENT_OUT_OF_RANGE')
      return coercePercent(cell)
    case 'date':
    case 'datetime':
      return coerceForColumn(type, cell, context) as CustomCoerced
    case 'picklist':
      return coerceForColumn('picklist', cell, context) as CustomCoerced
    case 'user':
      return coerceUser(cell, context)
    case 'checkbox':
      return coerceForColumn('boolean', cell) as CustomCoerced
  }
}
