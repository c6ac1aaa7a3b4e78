import zlib from 'node:zlib'
import { WorkbookRefusal } from './failures'

export interface ZipEntry {
  /** As stored, with Windows backslashes turned into slashes (some exporters write `xl\worksheets\…`). */
  readonly name: string
  readonly encrypted: boolean
  readonly method: number
  readonly compressedSize: number
  /** What the archive claims; checked against what inflating really yields. */
  readonly declaredSize: number
  readonly localHeaderOffset: number
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

function findEndOfCentralDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff)
  for (let i = bytes.length - 22; i >= earliest; i--) if (bytes.readUInt32LE(i) === EOCD) return i
  throw new WorkbookRefusal('CORRUPT', 'zip end-of-central-directory record not found')
}

/** ZIP64 archives keep the real entry count and directory offset in a separate record. */
function directoryBounds(bytes: Buffer, eocd: number): { count: number; offset: number } {
  const count = bytes.readUInt16LE(eocd + 10)
  const offset = bytes.readUInt32LE(eocd + 16)
  if (count !== 0xffff && offset !== 0xffffffff) return { count, offset }
  const locator = eocd - 20
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR) throw new WorkbookRefusal('CORRUPT', 'zip64 locator missing')
  const record = Number(bytes.readBigUInt64LE(locator + 8))
  return { count: Number(bytes.readBigUInt64LE(record + 32)), offset: Number(bytes.readBigUInt64LE(record + 48)) }
}

/** Sizes that overflow 32 bits live in the ZIP64 extra field, in this order. */
function zip64Sizes(extra: Buffer, sizes: { compressed: number; declared: number; offset: number }) {
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i)
    const size = extra.readUInt16LE(i + 2)
    if (id === 0x0001) {
      let at = i + 4
      const next = () => {
        const value = Number(extra.readBigUInt64LE(at))
        at += 8
        return value
      }
      if (sizes.declared === 0xffffffff) sizes.declared = next()
      if (sizes.compressed === 0xffffffff) sizes.compressed = next()
      if (sizes.offset === 0xffffffff) sizes.offset = next()
    }
    i += 4 + size
  }
}

/** The archive's table of contents, read from its central directory without inflating anything. */
export function listZipEntries(bytes: Buffer): ZipEntry[] {
  try {
    const { count, offset } = directoryBounds(bytes, findEndOfCentralDirectory(bytes))
    const entries: ZipEntry[] = []
    let at = offset
    for (let n = 0; n < count; n++) {
      if (bytes.readUInt32LE(at) !== CENTRAL) throw new WorkbookRefusal('CORRUPT', 'zip central directory is damaged')
      const nameLength = bytes.readUInt16LE(at + 28)
      const extraLength = bytes.readUInt16LE(at + 30)
      const commentLength = bytes.readUInt16LE(at + 32)
      const sizes = {
        compressed: bytes.readUInt32LE(at + 20),
        declared: bytes.readUInt32LE(at + 24),
        offset: bytes.readUInt32LE(at + 42),
      }
      zip64Sizes(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), sizes)
      entries.push({
        name: bytes.toString('utf8', at + 46, at + 46 + nameLength).replace(/\\/g, '/'),
        encrypted: (bytes.readUInt16LE(at + 8) & 1) === 1,
        method: bytes.readUInt16LE(at + 10),
        compressedSize: sizes.compressed,
        declaredSize: sizes.declared,
        localHeaderOffset: sizes.offset,
      })
      at += 46 + nameLength + extraLength + commentLength
    }
    return entries
  } catch (err) {
    if (err instanceof WorkbookRefusal) throw err
    throw new WorkbookRefusal('CORRUPT', `zip directory unreadable: ${(err as Error).message}`)
  }
}

function entryData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset
  if (bytes.readUInt32LE(at) !== LOCAL) throw new WorkbookRefusal('CORRUPT', `zip entry ${entry.name} has no local header`)
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28)
  return bytes.subarray(start, start + entry.compressedSize)
}

/**
 * An entry's content in chunks, inflated as it is read, so a part that
 * inflates to gigabytes never sits in memory whole. The caller stops reading
 * (and the inflater stops working) as soon as a limit is passed.
 */
export async function* entryChunks(bytes: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = entryData(bytes, entry)
  if (entry.method === 0) {
    yield data
    return
  }
  if (entry.method !== 8) throw new WorkbookRefusal('CORRUPT', `zip entry ${entry.name} uses compression method ${entry.method}`)
  const inflater = zlib.createInflateRaw({ chunkSize: 256 * 1024 })
  inflater.end(data)
  try {
    for await (const chunk of inflater) yield chunk as Buffer
  } finally {
    inflater.destroy()
  }
}

/** A small entry's whole content (the ODS `mimetype`), bounded all the same. */
export async function readSmallEntry(bytes: Buffer, entry: ZipEntry, maxBytes = 4096): Promise<string> {
  const parts: Buffer[] = []
  let size = 0
  for await (const chunk of entryChunks(bytes, entry)) {
    parts.push(chunk)
    size += chunk.length
    if (size > maxBytes) break
  }
  return Buffer.concat(parts).subarray(0, maxBytes).toString('utf8')
}
