/**
 * Checks an uploaded XLSX before any XML parser sees it, so a crafted workbook (a zip bomb, a row
 * of millions of cells, a giant cell) is refused in well under a second with little memory
 * (issue #13 §2). An XLSX is a zip: the central directory declares each part's uncompressed size;
 * parts that declare too much are refused at once, and every part is then inflated as a stream
 * that counts its bytes and stops as soon as it exceeds what was declared (a lying zip). The
 * worksheets and shared strings are scanned on the way by a small state machine that counts rows,
 * cells per row, tag and text lengths, and stops at the first limit crossed. Only a workbook
 * that passes is handed to exceljs.
 */
import { createInflateRaw } from 'node:zlib';

/** The limits of an uploaded workbook; the import's own field limits apply afterwards. */
export const XLSX_LIMITS = {
  /** Zip entries (a workbook has a dozen). */
  entries: 500,
  /** Uncompressed bytes of one part (100 000 rows of a dozen columns take about 40 MB). */
  partBytes: 100 * 1024 * 1024,
  /** Uncompressed bytes of all parts together. */
  totalBytes: 150 * 1024 * 1024,
  /** Rows of a worksheet, header included. */
  rows: 200_001,
  /** Cells in one row. */
  columns: 100,
  /** Characters of one cell's text. */
  cellChars: 1_000,
  /** Raw characters of one XML tag (its attributes). */
  tagChars: 4_000,
} as const;

/** Why a workbook is refused, in Swedish for the 400 answer. */
export class XlsxRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxRefused';
  }
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

/** The central directory's entries; refuses what is not a plain (non-zip64) zip. */
function entries(zip: Buffer): Entry[] {
  const min = Math.max(0, zip.length - 65_557);
  let eocd = -1;
  for (let i = zip.length - 22; i >= min; i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new XlsxRefused('filen är ingen läsbar .xlsx-arbetsbok (inget zip-register)');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  if (count > XLSX_LIMITS.entries) throw new XlsxRefused(`arbetsboken har för många delar (${count})`);
  const out: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50)
      throw new XlsxRefused('filen är ingen läsbar .xlsx-arbetsbok (trasigt zip-register)');
    const nameLength = zip.readUInt16LE(at + 28);
    const entry: Entry = {
      method: zip.readUInt16LE(at + 10),
      compressed: zip.readUInt32LE(at + 20),
      uncompressed: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + Math.min(nameLength, 300)),
    };
    if (
      entry.compressed === 0xffffffff ||
      entry.uncompressed === 0xffffffff ||
      entry.localOffset === 0xffffffff
    )
      throw new XlsxRefused('arbetsboken är för stor (zip64)');
    out.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

/**
 * Counts rows, cells per row, tag and text lengths of a worksheet or shared-strings part as its
 * text streams through; throws {@link XlsxRefused} at the first limit crossed.
 */
class XmlScanner {
  private inTag = false;
  private tagLength = 0;
  private tagName = '';
  private nameDone = false;
  private closing = false;
  private text = 0;
  rows = 0;
  private cells = 0;
  constructor(private readonly part: string) {}

  write(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (!this.inTag) {
        if (ch === 60 /* < */) {
          this.inTag = true;
          this.tagLength = 0;
          this.tagName = '';
          this.nameDone = false;
          this.closing = false;
          this.text = 0;
        } else if (++this.text > XLSX_LIMITS.cellChars * 6)
          throw new XlsxRefused(`en cell i ${this.part} är längre än ${XLSX_LIMITS.cellChars} tecken`);
        continue;
      }
      if (ch === 62 /* > */) {
        this.inTag = false;
        if (!this.nameDone) this.endName();
        continue;
      }
      if (++this.tagLength > XLSX_LIMITS.tagChars)
        throw new XlsxRefused(`${this.part} har en för lång XML-tagg`);
      if (this.nameDone) continue;
      if (ch === 47 /* / */ && this.tagLength === 1) this.closing = true;
      else if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) this.endName();
      else if (this.tagName.length < 8) this.tagName += String.fromCharCode(ch);
    }
  }

  private endName(): void {
    this.nameDone = true;
    if (this.closing) return;
    const name = this.tagName.replace(/^[a-z0-9]+:/i, '');
    if (name === 'row') {
      this.cells = 0;
      if (++this.rows > XLSX_LIMITS.rows)
        throw new XlsxRefused(`arbetsboken har fler än ${XLSX_LIMITS.rows - 1} rader`);
    } else if (name === 'c' && ++this.cells > XLSX_LIMITS.columns)
      throw new XlsxRefused(`rad ${this.rows} har fler än ${XLSX_LIMITS.columns} kolumner`);
  }
}

/** Inflates one part as a stream, counting bytes against its declared size and the limits. */
async function inflatePart(
  zip: Buffer,
  entry: Entry,
  scanner: XmlScanner | null,
  budget: { left: number },
): Promise<void> {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50)
    throw new XlsxRefused('filen är ingen läsbar .xlsx-arbetsbok (trasig del)');
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressed);
  const tooBig = () => new XlsxRefused(`${entry.name} packas upp till mer än den anger eller tillåts`);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressed) throw tooBig();
    budget.left -= data.length;
    scanner?.write(data.toString('utf8'));
    return;
  }
  if (entry.method !== 8) throw new XlsxRefused(`${entry.name} är packad på ett okänt sätt`);
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    const decoder = new TextDecoder('utf-8');
    let seen = 0;
    const stop = (error: Error) => {
      inflate.removeAllListeners('data');
      inflate.destroy();
      reject(error);
    };
    inflate.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      budget.left -= chunk.length;
      if (seen > entry.uncompressed || budget.left < 0) return stop(tooBig());
      try {
        scanner?.write(decoder.decode(chunk, { stream: true }));
      } catch (error) {
        stop(error as Error);
      }
    });
    inflate.on('error', () => stop(new XlsxRefused(`${entry.name} kan inte packas upp`)));
    inflate.on('end', resolve);
    inflate.end(data);
  });
}

/** Refuses a workbook that crosses {@link XLSX_LIMITS}; resolves when it is safe to parse. */
export async function checkXlsx(zip: Buffer): Promise<void> {
  const list = entries(zip);
  let declared = 0;
  for (const e of list) {
    if (e.uncompressed > XLSX_LIMITS.partBytes)
      throw new XlsxRefused(
        `${e.name} packas upp till ${Math.round(e.uncompressed / 1e6)} MB (högst ${XLSX_LIMITS.partBytes / 1024 / 1024} MB)`,
      );
    declared += e.uncompressed;
  }
  if (declared > XLSX_LIMITS.totalBytes)
    throw new XlsxRefused(
      `arbetsboken packas upp till ${Math.round(declared / 1e6)} MB (högst ${XLSX_LIMITS.totalBytes / 1024 / 1024} MB)`,
    );
  const budget = { left: XLSX_LIMITS.totalBytes };
  for (const e of list) {
    const xml = /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i.test(e.name);
    await inflatePart(zip, e, xml ? new XmlScanner(e.name) : null, budget);
  }
}
