/**
 * Text for the CJK-aware search index. FTS5's trigram tokenizer cannot match
 * queries shorter than three characters, and Chinese names are often two, so
 * documents are pre-tokenised here into tokens that FTS5's unicode61
 * tokenizer then keeps intact (it only splits on the spaces between them):
 *
 * - a run of CJK characters becomes its overlapping bigrams (华东精密 → 华东 东精 精密),
 *   a lone character stays itself;
 * - a run of digits of three or more becomes its overlapping trigrams, so any
 *   fragment of a phone number is found (13800138000 → 138 380 800 …);
 * - any other run of letters and digits is one lower-cased word.
 *
 * An email also becomes one whole token (see EMAIL_MARK), so that a typed
 * email is one short prefix lookup rather than a phrase over `com`.
 *
 * A query is tokenised the same way and each space-separated term becomes a
 * phrase, so a two-character Chinese query is a single-token lookup and a
 * longer one a phrase of consecutive bigrams. The same function runs inside
 * SQLite (as wb_search_text) and in the query builder, so both sides agree.
 */
import { normalizePhone, toHalfWidth } from './normalize'

type RunKind = 'cjk' | 'digits' | 'word'

interface Run {
  kind: RunKind
  text: string
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}'
/** One pass splits text into runs of CJK, of ASCII digits, and of other letters and digits. */
const RUNS = new RegExp(`([${CJK}]+)|([0-9]+)|((?:(?![${CJK}0-9])[\\p{L}\\p{Nd}])+)`, 'gu')
/** Text that may carry accents or compatibility forms; plain ASCII and CJK skip the costly NFKD. */
const NEEDS_NFKD = /[\u0080-\u2fff\u3100-\u33ff\u4dc0-\u4dff\ua000-\uabff\ud7b0-\uffff]/
/** A value made only of phone characters with enough digits is indexed as one number. */
const PHONE_LIKE = /^[0-9+()\-\s#,;/*.]+$/
const PHONE_MIN_DIGITS = 5
/**
 * Starts the whole-email token. Every other token is only letters, only
 * digits or only CJK, so a letter followed by a digit can start no other.
 */
const EMAIL_MARK = 'e0'
const EMAIL_LIKE = /^[^@\s]+@\S*$/

function normalizeText(value: string): string {
  let text = toHalfWidth(value).toLowerCase()
  if (NEEDS_NFKD.test(text)) text = text.normalize('NFKD').replace(/\p{M}/gu, '')
  if (PHONE_LIKE.test(text) && text.replace(/\D/g, '').length >= PHONE_MIN_DIGITS) return normalizePhone(text) ?? ''
  return text
}

function runsOf(value: string): Run[] {
  const runs: Run[] = []
  for (const [, cjk, digits, word] of normalizeText(value).matchAll(RUNS)) {
    if (cjk !== undefined) runs.push({ kind: 'cjk', text: cjk })
    else if (digits !== undefined) runs.push({ kind: 'digits', text: digits })
    else if (word !== undefined) runs.push({ kind: 'word', text: word })
  }
  return runs
}

const ASTRAL = /[\uD800-\uDFFF]/

/** Overlapping n-grams of characters (code points); a run no longer than n is itself. */
function pushGrams(tokens: string[], text: string, size: number): void {
  // Most text has no astral characters, so plain string slices are code-point slices.
  const chars = ASTRAL.test(text) ? [...text] : null
  const length = chars ? chars.length : text.length
  if (length <= size) {
    tokens.push(text)
    return
  }
  for (let i = 0; i + size <= length; i += 1) tokens.push(chars ? chars.slice(i, i + size).join('') : text.slice(i, i + size))
}

function pushTokens(tokens: string[], run: Run): void {
  if (run.kind === 'cjk') pushGrams(tokens, run.text, 2)
  else if (run.kind === 'digits') pushGrams(tokens, run.text, 3)
  else tokens.push(run.text)
}

/** The letters and digits of an email, as one token. */
function emailToken(text: string): string {
  return EMAIL_MARK + runsOf(text).map((run) => run.text).join('')
}

/** The index tokens of any number of values, space-separated; blanks add nothing. */
export function searchDocument(...values: unknown[]): string {
  const tokens: string[] = []
  for (const value of values) {
    if (value === null || value === undefined) continue
    const text = String(value).trim()
    for (const run of runsOf(text)) pushTokens(tokens, run)
    if (EMAIL_LIKE.test(text)) tokens.push(emailToken(text))
  }
  return tokens.join(' ')
}

/** A run still being typed matches as a prefix when its tokens cannot cover it whole. */
function isPartial(run: Run): boolean {
  const length = [...run.text].length
  return run.kind === 'word' || (run.kind === 'cjk' && length === 1) || (run.kind === 'digits' && length < 3)
}

function phraseOf(term: string): string | null {
  if (EMAIL_LIKE.test(term)) return `"${emailToken(term)}"*`
  const runs = runsOf(term)
  if (runs.length === 0) return null
  const tokens: string[] = []
  for (const run of runs) pushTokens(tokens, run)
  return `"${tokens.join(' ')}"${isPartial(runs.at(-1)!) ? '*' : ''}`
}

/**
 * The FTS5 MATCH expression for what a person typed: every term must match,
 * each as a phrase of consecutive tokens. Null when nothing searchable is left.
 */
export function searchMatchExpression(query: string): string | null {
  const phrases = query
    .split(/\s+/)
    .map(phraseOf)
    .filter((phrase): phrase is string => phrase !== null)
  return phrases.length === 0 ? null : phrases.join(' AND ')
}

/** Whether the query may be part of a name: names hold letters or CJK, never an @. */
export function mayBeName(query: string): boolean {
  return !query.includes('@') && runsOf(query).some((run) => run.kind !== 'digits')
}
