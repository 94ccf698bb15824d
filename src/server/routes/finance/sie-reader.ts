/**
 * An independent SIE 4 reader for the tests of the finance export (issue #12 §3): written from the
 * format's description, sharing no code with the writer (its own code page 437 letters, its own
 * tokenizer, node:zlib's CRC-32). It checks the file's frame (`#FLAGGA`, `#KSUMMA` pair, CRLF
 * line ends, `#FORMAT PC8`, `#SIETYP 4`), that every voucher balances, and the checksum.
 */
import { crc32 } from 'node:zlib';

/** The code page 437 bytes of the letters a Swedish file uses (the reader refuses any other). */
const CP437_LETTERS: Record<number, string> = {
  0x81: 'ü',
  0x82: 'é',
  0x84: 'ä',
  0x86: 'å',
  0x8e: 'Ä',
  0x8f: 'Å',
  0x90: 'É',
  0x94: 'ö',
  0x99: 'Ö',
  0x9a: 'Ü',
};

/** One `#TRANS` row as read. */
export interface ReadTrans {
  account: string;
  objects: [string, string][];
  amountOre: number;
}

/** One `#VER` block as read. */
export interface ReadVoucher {
  series: string;
  number: number;
  date: string;
  text: string;
  trans: ReadTrans[];
}

/** The file as read. */
export interface ReadSie {
  records: string[][];
  vouchers: ReadVoucher[];
  declaredChecksum: number;
  computedChecksum: number;
}

/** Splits one record into tokens: bare words, quoted strings (unescaped) and `{…}` as one token. */
export function tokenize(line: string): { text: string; quoted: boolean; list?: string[] }[] {
  const out: { text: string; quoted: boolean; list?: string[] }[] = [];
  let i = 0;
  const readQuoted = (): string => {
    let s = '';
    i++;
    while (i < line.length && line[i] !== '"') {
      if (line[i] === '\\' && i + 1 < line.length) i++;
      s += line[i];
      i++;
    }
    if (line[i] !== '"') throw new Error(`unterminated string in: ${line}`);
    i++;
    return s;
  };
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === ' ' || ch === '\t') i++;
    else if (ch === '"') out.push({ text: readQuoted(), quoted: true });
    else if (ch === '{') {
      i++;
      const list: string[] = [];
      while (i < line.length && line[i] !== '}') {
        if (line[i] === ' ') i++;
        else if (line[i] === '"') list.push(readQuoted());
        else {
          let w = '';
          while (i < line.length && !' }'.includes(line[i]!)) w += line[i++];
          list.push(w);
        }
      }
      if (line[i] !== '}') throw new Error(`unterminated object list in: ${line}`);
      i++;
      out.push({ text: list.join(''), quoted: false, list });
    } else {
      let w = '';
      while (i < line.length && line[i] !== ' ' && line[i] !== '\t') w += line[i++];
      out.push({ text: w, quoted: false });
    }
  }
  return out;
}

function decode(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    if (b < 0x80) s += String.fromCharCode(b);
    else if (CP437_LETTERS[b]) s += CP437_LETTERS[b];
    else throw new Error(`byte 0x${b.toString(16)} is not a letter this reader knows`);
  }
  return s;
}

function encode(text: string): Buffer {
  const back = new Map(Object.entries(CP437_LETTERS).map(([k, v]) => [v, Number(k)]));
  return Buffer.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : back.get(ch)!)));
}

const amountOre = (text: string): number => {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`bad amount ${text}`);
  const ore = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -ore : ore;
};

/** Reads and checks a SIE 4 file; throws on anything malformed or unbalanced. */
export function readSie(bytes: Uint8Array): ReadSie {
  const text = decode(bytes);
  if (!text.endsWith('\r\n')) throw new Error('the file does not end with CRLF');
  const lines = text.slice(0, -2).split('\r\n');
  if (lines.some((l) => l.includes('\n') || l.includes('\r'))) throw new Error('a bare line break');
  if (lines[0] !== '#FLAGGA 0') throw new Error('#FLAGGA 0 is not first');
  if (lines[1] !== '#KSUMMA') throw new Error('no opening #KSUMMA');
  const last = tokenize(lines.at(-1)!);
  if (last[0]?.text !== '#KSUMMA' || last.length !== 2) throw new Error('no closing #KSUMMA');
  const declaredChecksum = Number(last[1]!.text);
  let crc = 0;
  const records: string[][] = [];
  const vouchers: ReadVoucher[] = [];
  let open: ReadVoucher | null = null;
  let inBlock = false;
  for (const line of lines.slice(2, -1)) {
    const brace = line === '{' || line === '}';
    const tokens = brace ? [{ text: line, quoted: false }] : tokenize(line);
    records.push(tokens.map((t) => t.text));
    if (!brace) crc = crc32(encode(tokens.map((t) => t.text).join('')), crc);
    const label = tokens[0]?.text;
    if (label === '{') {
      if (!open || inBlock) throw new Error('a { without #VER');
      inBlock = true;
    } else if (label === '}') {
      if (!open || !inBlock) throw new Error('a } without {');
      const sum = open.trans.reduce((s, t) => s + t.amountOre, 0);
      if (sum !== 0) throw new Error(`voucher ${open.series}${open.number} does not balance (${sum} öre)`);
      vouchers.push(open);
      open = null;
      inBlock = false;
    } else if (label === '#VER') {
      if (open) throw new Error('#VER inside a voucher');
      open = {
        series: tokens[1]!.text,
        number: Number(tokens[2]!.text),
        date: tokens[3]!.text,
        text: tokens[4]?.text ?? '',
        trans: [],
      };
    } else if (label === '#TRANS') {
      if (!open || !inBlock) throw new Error('#TRANS outside a voucher');
      const list = tokens[2]!.list ?? [];
      const objects: [string, string][] = [];
      for (let k = 0; k < list.length; k += 2) objects.push([list[k]!, list[k + 1]!]);
      open.trans.push({ account: tokens[1]!.text, objects, amountOre: amountOre(tokens[3]!.text) });
    }
  }
  if (open) throw new Error('an unfinished voucher');
  const heads = new Map(records.map((r) => [r[0], r.slice(1)]));
  if (heads.get('#FORMAT')?.[0] !== 'PC8') throw new Error('#FORMAT PC8 is missing');
  if (heads.get('#SIETYP')?.[0] !== '4') throw new Error('#SIETYP 4 is missing');
  if (!heads.get('#PROGRAM')?.length || !/^\d{8}$/.test(heads.get('#GEN')?.[0] ?? ''))
    throw new Error('#PROGRAM or #GEN is missing');
  return { records, vouchers, declaredChecksum, computedChecksum: crc >>> 0 };
}
