/**
 * Reads the text back out of a letter's PDF (issue #11 §5), so tests can check the Swedish words
 * and dates a reader sees: every content stream is inflated and each text operation's hex glyph
 * strings are decoded from WinAnsi (the standard fonts' encoding, which holds å, ä and ö). One
 * line per text operation; enough for pdfkit's output, not a general PDF reader.
 */
import { inflateSync } from 'node:zlib';

/** WinAnsi's bytes 0x80–0x9F that differ from Latin-1 (the rest of the range is Latin-1). */
const WIN_ANSI: Record<number, string> = {
  0x80: '€',
  0x85: '…',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x96: '–',
  0x97: '—',
};

const decodeHex = (hex: string) =>
  (hex.match(/../g) ?? [])
    .map((h) => WIN_ANSI[parseInt(h, 16)] ?? String.fromCharCode(parseInt(h, 16)))
    .join('');

/** The lines of text in `pdf`, in drawing order. */
export function pdfLines(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      content = m[1] ?? '';
    }
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ/g))
      lines.push([...(op[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => decodeHex(h[1] ?? '')).join(''));
  }
  return lines;
}

/** The whole text of `pdf` with lines joined by spaces (a sentence wrapped over two lines reads whole). */
export const pdfText = (pdf: Buffer): string => pdfLines(pdf).join(' ').replace(/\s+/g, ' ');
