/** The small part of XML a workbook's parts need: attributes, entities and Excel's _xHHHH_ escapes. */

const namedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** `&lt;`, `&#20013;`, `&#x4E2D;` … as characters. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] !== '#') return namedEntities[body] ?? whole
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/** Excel writes characters XML cannot hold as _xHHHH_ (a CR is _x000D_); _x005F_ escapes the underscore itself. */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text
  return text.replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

/** XML reads every line break in its text as LF; a CR the writer meant is written as &#13; or _x000D_. */
const normalizeLineEnds = (text: string) => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text)

/**
 * A copy of `text` that does not keep the chunk it was cut from alive: V8
 * cuts long substrings as views into their parent, and a 100k-row sheet's
 * cells must not pin every chunk of its XML.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1)
}

/** Text content of an element as Excel means it; CDATA sections are taken as written. */
export function cellText(raw: string): string {
  if (!raw.includes('<![CDATA[')) return decodeExcelEscapes(decodeEntities(normalizeLineEnds(raw)))
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeExcelEscapes(decodeEntities(normalizeLineEnds(part)))))
    .join('')
}

/** Attributes of one start tag, by local name (prefixes such as `r:` or `ns:` dropped). */
export function attributesOf(tagBody: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const m of tagBody.matchAll(/([\w.-]+:)?([\w.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    attributes[m[2]!] = decodeEntities(m[4] ?? m[5] ?? '')
  }
  return attributes
}

/** Every start (or empty) tag with this local name, whatever its namespace prefix. */
export function* tagsNamed(xml: string, localName: string): Generator<Record<string, string>> {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])([^>]*)>`, 'g')
  for (const m of xml.matchAll(pattern)) yield attributesOf(m[1]!)
}

/**
 * The text of a rich or plain string element (`<si>`, `<is>`): every `<t>`
 * run joined, without the phonetic guide (`<rPh>`) Japanese files carry.
 */
export function richText(xml: string): string {
  const withoutPhonetic = xml.includes('rPh') ? xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '') : xml
  let text = ''
  for (const m of withoutPhonetic.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g)) text += m[1]!
  return cellText(text)
}
