/**
 * Normalisation used to find duplicates: the same rules for entry, import
 * and merge, so that what one surface calls a duplicate every surface does.
 */

/** Full-width ASCII (Ａ１（）) to half-width, and the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
}

const companySuffixes = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团公司',
  '公司',
  'co., ltd.',
  'co.,ltd.',
  'co. ltd.',
  'co ltd',
  'company limited',
  'limited',
  'ltd.',
  'ltd',
  'inc.',
  'inc',
  'corporation',
  'corp.',
  'corp',
  'llc',
  'gmbh',
]

/** 上海华东（集团）有限公司 and "上海华东 Co., Ltd." normalise alike. */
export function normalizeCompanyName(name: string): string {
  let text = toHalfWidth(name).toLowerCase().trim()
  text = text.replace(/\([^)]*\)/g, ' ')
  text = text.replace(/[\s,.·]+$/g, '')
  let changed = true
  while (changed) {
    changed = false
    for (const suffix of companySuffixes) {
      if (text.endsWith(suffix)) {
        text = text.slice(0, -suffix.length).replace(/[\s,.]+$/g, '')
        changed = true
      }
    }
  }
  return text.replace(/[\s,.'"·&-]+/g, '')
}

/** +86 138-0013-8000, 0086 13800138000 and 13800138000 are the same phone. */
export function normalizePhone(phone: string | null | undefined): string | null {
  if (!phone) return null
  let digits = toHalfWidth(phone).replace(/[^\d+]/g, '')
  if (digits.startsWith('+86')) digits = digits.slice(3)
  else if (digits.startsWith('0086')) digits = digits.slice(4)
  digits = digits.replace(/\D/g, '')
  return digits.length > 0 ? digits : null
}

export function normalizeEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase()
  return trimmed ? trimmed : null
}
