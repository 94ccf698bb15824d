/**
 * Test support for issue #13 §2: a minimal zip writer and worksheets deflated as streams, to
 * build zip-bomb-like workbooks without holding them uncompressed.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** One zip entry. */
export interface Part {
  name: string;
  data: Buffer;
  /** What the central directory claims (a lying zip); default the real size. */
  declared?: number;
  /** Already-deflated data of `size` bytes (for huge parts built without holding them). */
  deflated?: { bytes: Buffer; size: number };
}

/** Builds the zip-bomb-like workbook of the probe: a row of 30 million cells in ~120 KB. */
export async function bombWorkbook(): Promise<Buffer> {
  return workbook({
    name: '',
    data: Buffer.alloc(0),
    declared: 10_000,
    deflated: await deflatedSheet(HEAD + '<row r="1">', '<c/>', 30_000_000, '</row>' + TAIL),
  });
}

/** A minimal zip writer: enough for an .xlsx exceljs and our guard both read. */
export function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const body = p.deflated?.bytes ?? deflateRawSync(p.data);
    const size = p.deflated?.size ?? p.data.length;
    const crc = p.deflated ? 0 : crc32(p.data);
    const declared = p.declared ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export const SHELL: Part[] = [
  {
    name: '[Content_Types].xml',
    data: Buffer.from(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  },
  {
    name: '_rels/.rels',
    data: Buffer.from(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
  },
  {
    name: 'xl/workbook.xml',
    data: Buffer.from(
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data: Buffer.from(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  },
];

export const HEAD =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const TAIL = '</sheetData></worksheet>';

/** A worksheet `head` + `unit` × `times` + `tail`, deflated as a stream (never held whole). */
export async function deflatedSheet(
  head: string,
  unit: string,
  times: number,
  tail: string,
): Promise<{ bytes: Buffer; size: number }> {
  const block = unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length)));
  const perBlock = block.length / unit.length;
  let size = 0;
  function* pieces(): Generator<Buffer> {
    const emit = (t: string) => {
      size += Buffer.byteLength(t);
      return Buffer.from(t);
    };
    yield emit(head);
    let left = times;
    for (; left >= perBlock; left -= perBlock) yield emit(block);
    yield emit(unit.repeat(left) + tail);
  }
  const chunks: Buffer[] = [];
  await pipeline(Readable.from(pieces()), createDeflateRaw({ level: 6 }), async function (source) {
    for await (const c of source) chunks.push(c as Buffer);
  });
  return { bytes: Buffer.concat(chunks), size };
}

export const workbook = (sheet: Part) => zip([...SHELL, { ...sheet, name: 'xl/worksheets/sheet1.xml' }]);
