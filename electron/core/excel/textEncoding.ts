import iconv from 'iconv-lite'

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252'

export interface DecodedText {
  readonly text: string
  readonly encoding: TextEncoding
}

function byteOrderMark(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

/** UTF-16 without a BOM shows as ASCII with a zero byte beside every character. */
function unmarkedUtf16(bytes: Uint8Array): TextEncoding | null {
  const sample = bytes.subarray(0, 4096)
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue
    if (i % 2 === 0) evenZeros++
    else oddZeros++
  }
  const half = sample.length / 2
  if (oddZeros > half * 0.3 && evenZeros < half * 0.05) return 'utf-16le'
  if (evenZeros > half * 0.3 && oddZeros < half * 0.05) return 'utf-16be'
  return null
}

/**
 * Chinese Excel saves CSV in GBK; Western Excel in Windows-1252. Both are
 * byte soups that decode without error either way, so look at the shape:
 * GB2312 characters are pairs of bytes both in A1–FE, while accented Latin
 * letters stand alone between ASCII letters (é followed by "l" is no GB2312
 * pair).
 */
function looksLikeGbk(bytes: Uint8Array): boolean {
  let gbPairs = 0
  let strays = 0
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!
    if (lead < 0x80) continue
    const trail = bytes[i + 1] ?? 0
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) {
      gbPairs++
      i++
    } else strays++
  }
  return gbPairs > 0 && gbPairs >= strays * 4
}

/** Binary formats (PDF, images, executables) have zero bytes early on; text has none unless it is UTF-16. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192)
  return !byteOrderMark(head) && !unmarkedUtf16(head) && head.includes(0)
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/**
 * Decodes a text file the way a person expects: a BOM decides; else valid
 * UTF-8 is UTF-8 (also without BOM, as web apps write it); else GBK/GB18030
 * or Windows-1252 by the shape of the bytes.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = byteOrderMark(bytes)
  const body = bom ? bytes.subarray(bom.length) : bytes
  const encoding = bom?.encoding ?? unmarkedUtf16(bytes)
  if (encoding && encoding !== 'utf-8') return { text: iconv.decode(asBuffer(body), encoding), encoding }
  try {
    return { text: strictUtf8.decode(body), encoding: 'utf-8' }
  } catch {
    const legacy: TextEncoding = looksLikeGbk(body) ? 'gb18030' : 'windows-1252'
    return { text: iconv.decode(asBuffer(body), legacy), encoding: legacy }
  }
}
