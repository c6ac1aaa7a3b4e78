import path from 'node:path/posix'
import * as XLSX from 'xlsx'
import { WorkbookRefusal } from '../../../excel/failures'
import { entryChunks, listZipEntries, type ZipEntry } from '../../../excel/zip'
import { attributesOf, richText, tagsNamed } from './xmlText'

/** A zipped workbook's parts by lower-cased name (exporters disagree on case and slashes). */
export class ZipParts {
  private readonly byName: Map<string, ZipEntry>

  constructor(readonly bytes: Buffer) {
    this.byName = new Map(listZipEntries(bytes).map((e) => [e.name.replace(/^\/+/, '').toLowerCase(), e]))
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\/+/, '').toLowerCase())
  }

  /** A part's text, inflated as a stream and decoded as UTF-8 across chunk boundaries. */
  async *textChunks(name: string): AsyncGenerator<string> {
    const entry = this.entry(name)
    if (!entry) return
    const decoder = new TextDecoder('utf-8')
    for await (const chunk of entryChunks(this.bytes, entry)) yield decoder.decode(chunk, { stream: true })
    const rest = decoder.decode()
    if (rest) yield rest
  }

  async text(name: string): Promise<string | null> {
    if (!this.entry(name)) return null
    let text = ''
    for await (const chunk of this.textChunks(name)) text += chunk
    return text
  }
}

interface Relationship {
  readonly type: string
  readonly target: string
}

/** Where a relationship points, resolved against the folder of the part that holds it. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return path.normalize(target.slice(1))
  return path.normalize(path.join(path.dirname(fromPart), target.replace(/\\/g, '/')))
}

/** A part's relationships by id; `_rels/x.xml.rels` sits beside `x.xml`. */
async function relationshipsOf(parts: ZipParts, part: string): Promise<Map<string, Relationship>> {
  const relsPart = path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`)
  const xml = (await parts.text(relsPart)) ?? ''
  const rels = new Map<string, Relationship>()
  for (const a of tagsNamed(xml, 'Relationship')) {
    if (a.Id && a.Target && a.TargetMode !== 'External') rels.set(a.Id, { type: a.Type ?? '', target: resolveTarget(part, a.Target) })
  }
  return rels
}

const relType = (rel: Relationship | undefined, name: string) => rel?.type.toLowerCase().endsWith(`/${name}`) ?? false

export interface SheetPart {
  readonly name: string
  readonly hidden: boolean
  readonly part: string
}

export interface WorkbookParts {
  readonly date1904: boolean
  readonly sheets: readonly SheetPart[]
  readonly sharedStrings: readonly string[]
  /** Style index → whether its number format shows a date or time. */
  readonly dateStyles: ReadonlySet<number>
}

/** Built-in number formats that show dates or times (14–22, 45–47, and the East Asian 27–36 and 50–58). */
function isBuiltinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)
}

function parseDateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>()
  for (const a of tagsNamed(xml, 'numFmt')) custom.set(Number(a.numFmtId), a.formatCode ?? '')
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml)?.[1] ?? ''
  const dates = new Set<number>()
  let index = 0
  for (const a of tagsNamed(cellXfs, 'xf')) {
    const id = Number(a.numFmtId ?? 0)
    const code = custom.get(id)
    if (code !== undefined ? XLSX.SSF.is_date(code) : isBuiltinDate(id)) dates.add(index)
    index++
  }
  return dates
}

function parseSharedStrings(xml: string): string[] {
  const strings: string[] = []
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g)) strings.push(richText(m[1] ?? ''))
  return strings
}

/** The workbook's sheets in tab order, its date system, shared strings and date styles. */
export async function readWorkbookParts(parts: ZipParts): Promise<WorkbookParts> {
  const packageRels = await relationshipsOf(parts, '')
  const workbookPart = [...packageRels.values()].find((r) => relType(r, 'officedocument'))?.target ?? 'xl/workbook.xml'
  const workbookXml = await parts.text(workbookPart)
  if (workbookXml === null) throw new WorkbookRefusal('CORRUPT', 'no workbook part')
  const rels = await relationshipsOf(parts, workbookPart)
  const relOfType = (name: string) => [...rels.values()].find((r) => relType(r, name))?.target

  const props = [...tagsNamed(workbookXml, 'workbookPr')][0] ?? {}
  const sheets: SheetPart[] = []
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet(?=[\s/>])([^>]*)>/g)) {
    const a = attributesOf(m[1]!)
    const rel = rels.get(a.id ?? '')
    if (!rel || !relType(rel, 'worksheet') || !parts.entry(rel.target)) continue
    sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, hidden: a.state === 'hidden' || a.state === 'veryHidden', part: rel.target })
  }
  const stylesPart = relOfType('styles')
  const stringsPart = relOfType('sharedstrings')
  return {
    date1904: props.date1904 === '1' || props.date1904 === 'true',
    sheets,
    sharedStrings: stringsPart ? parseSharedStrings((await parts.text(stringsPart)) ?? '') : [],
    dateStyles: stylesPart ? parseDateStyles((await parts.text(stylesPart)) ?? '') : new Set(),
  }
}
