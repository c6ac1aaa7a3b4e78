import zlib from 'node:zlib'

interface Part {
  readonly name: string
  readonly data: Buffer
  readonly crc: number
  readonly size: number
}

const smallPart = (name: string, text: string): Part => {
  const raw = Buffer.from(text)
  return { name, data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw), size: raw.length }
}

/** A part made of `repeats` copies of `unit`, deflated as a stream so the test never holds it inflated. */
async function repetitivePart(name: string, head: string, unit: string, repeats: number, tail: string): Promise<Part> {
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length))))
  const deflater = zlib.createDeflateRaw({ level: 1 })
  const compressed: Buffer[] = []
  deflater.on('data', (chunk: Buffer) => compressed.push(chunk))
  const done = new Promise((resolve) => deflater.on('end', resolve))
  let crc = 0
  let size = 0
  const write = async (chunk: Buffer) => {
    crc = zlib.crc32(chunk, crc)
    size += chunk.length
    if (!deflater.write(chunk)) await new Promise((resolve) => deflater.once('drain', resolve))
  }
  await write(Buffer.from(head))
  const blocks = Math.ceil((repeats * unit.length) / block.length)
  for (let i = 0; i < blocks; i++) await write(block)
  await write(Buffer.from(tail))
  deflater.end()
  await done
  return { name, data: Buffer.concat(compressed), crc, size }
}

/** Writes parts into a zip; `claimSize` lets a test make the archive lie about sizes. */
function zipOf(parts: readonly Part[], claimSize: (part: Part) => number = (p) => p.size): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(part.crc, 14)
    local.writeUInt32LE(part.data.length, 18)
    local.writeUInt32LE(claimSize(part), 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(part.crc, 16)
    central.writeUInt32LE(part.data.length, 20)
    central.writeUInt32LE(claimSize(part), 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, part.data)
    centrals.push(central, name)
    offset += 30 + name.length + part.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
const rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`
const workbookRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`

/**
 * An .xlsx whose one sheet inflates to about `inflatedMb` megabytes of
 * repeated rows — a few hundred kilobytes on disk. `lie` makes the zip
 * declare every part as 1 KB, so only inflating reveals the truth.
 */
export async function xlsxBomb(inflatedMb: number, options: { lie?: boolean } = {}): Promise<Buffer> {
  const row = '<row><c t="n"><v>1</v></c><c t="n"><v>2</v></c><c t="n"><v>3</v></c><c t="n"><v>4</v></c></row>'
  const sheet = await repetitivePart(
    'xl/worksheets/sheet1.xml',
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:D1"/><sheetData>',
    row,
    Math.ceil((inflatedMb * 1024 * 1024) / row.length),
    '</sheetData></worksheet>',
  )
  const parts = [
    smallPart('[Content_Types].xml', contentTypes),
    smallPart('_rels/.rels', rootRels),
    smallPart('xl/workbook.xml', workbook),
    smallPart('xl/_rels/workbook.xml.rels', workbookRels),
    sheet,
  ]
  return zipOf(parts, options.lie ? () => 1024 : undefined)
}

/** An .ods whose single value is repeated rows × columns times, like calamine's issue_594 but complete. */
export function odsRepeatBomb(rows: number, columns: number): Buffer {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1"><table:table-row table:number-rows-repeated="${rows}"><table:table-cell table:number-columns-repeated="${columns}" office:value-type="string"><text:p>X</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`
  const styles = `<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>`
  const mimetype = 'application/vnd.oasis.opendocument.spreadsheet'
  const manifest = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`
  return zipOf([
    smallPart('mimetype', mimetype),
    smallPart('META-INF/manifest.xml', manifest),
    smallPart('content.xml', content),
    smallPart('styles.xml', styles),
  ])
}
