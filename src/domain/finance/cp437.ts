/**
 * Code page 437 (IBM PC-8), the character set SIE files are written in (`#FORMAT PC8`), and the
 * CRC-32 that SIE's `#KSUMMA` uses (ISO 3309 polynomial 0xEDB88320, start and final mask all
 * ones, as in the SIE 4 specification's C example). Pure.
 */

/** The characters of bytes 0x80–0xFF in code page 437. */
const HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»' +
  '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const TO_BYTE = new Map<string, number>([...HIGH].map((ch, i) => [ch, 0x80 + i]));

/**
 * Text to code page 437 bytes: printable ASCII as is, the upper half by the table, control
 * characters as a space and anything else as `?` (the file stays readable and the same text
 * always gives the same bytes).
 */
export function encodeCp437(text: string): Uint8Array {
  const chars = [...text.normalize('NFC')];
  const out = new Uint8Array(chars.length);
  chars.forEach((ch, i) => {
    const code = ch.codePointAt(0)!;
    if (code === 0x0d || code === 0x0a) out[i] = code;
    else if (code < 0x20 || code === 0x7f) out[i] = 0x20;
    else if (code < 0x80) out[i] = code;
    else out[i] = TO_BYTE.get(ch) ?? 0x3f;
  });
  return out;
}

/** True when every character of `text` has a byte in code page 437 (nothing becomes `?`). */
export function fitsCp437(text: string): boolean {
  return [...text.normalize('NFC')].every((ch) => ch.codePointAt(0)! < 0x80 || TO_BYTE.has(ch));
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

/** CRC-32 continued over `bytes` from a running (pre-conditioned) value; start with 0xFFFFFFFF. */
export function crc32Update(crc: number, bytes: Uint8Array): number {
  let c = crc >>> 0;
  for (const b of bytes) c = (c >>> 8) ^ CRC_TABLE[(c ^ b) & 0xff]!;
  return c >>> 0;
}

/** The CRC-32 of `bytes` (unsigned), as zlib's crc32 gives it. */
export function crc32(bytes: Uint8Array): number {
  return (crc32Update(0xffffffff, bytes) ^ 0xffffffff) >>> 0;
}
