import { foldWidth, matchKey } from '../../../shared/coerce'

/** A column header reduced to what identifies it. */
export interface NormalizedHeader {
  /** For display: without required-markers and remarks. */
  readonly text: string
  /** For matching: width-folded, lower-case, no spaces or punctuation. */
  readonly key: string
  /** Latin words, camelCase and snake_case split ("StageName" → stage, name). */
  readonly words: readonly string[]
  /** Parenthesised remarks other than required-markers, e.g. 万元 in 预计金额（万元）. */
  readonly notes: readonly string[]
}

const requiredMarker = /^(?:必填项?|选填|非必填|可选|必须|required|optional|mandatory)$/i
const remark = /[([【]([^()[\]【】]*)[)\]】]/g

/**
 * 公司名称（必填）, *客户名称, 城市(必填项) and 客户名称 are one header; 预计金额（万元）
 * keeps 万元 as a note because it changes what the numbers mean.
 */
export function normalizeHeader(raw: string): NormalizedHeader {
  const folded = foldWidth(raw)
  const notes: string[] = []
  let text = folded.replace(remark, (_, inner: string) => {
    const note = inner.trim()
    if (note && !requiredMarker.test(note)) notes.push(note)
    return ' '
  })
  text = text.replace(/单位\s*[:：]\s*(\S+)/, (_, unit: string) => {
    notes.push(unit)
    return ' '
  })
  text = text
    .replace(/[*★☆※]/g, ' ')
    .replace(/^\s*(?:必填项?|选填)\s*[:：]?|[:：]?\s*(?:必填项?|选填)\s*$/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const words = text
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter(Boolean)
  return { text, key: matchKey(text), words, notes }
}
