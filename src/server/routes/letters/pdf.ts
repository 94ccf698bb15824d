/**
 * A letter as a PDF document (issue #11 §5) with pdfkit: A4, Swedish language tag, the title in
 * the document's metadata (shown by readers instead of the file name), and the standard Helvetica
 * whose WinAnsi encoding covers å, ä, ö, é and the en dash, so no font file is embedded or fetched.
 * The creation date is the letter's own date, so the same letter gives the same bytes.
 */
import PDFDocument from 'pdfkit';
import type { Letter } from '../../../domain/flow/letters.js';
import { formatDate } from '../../../contract/format.js';

const MARGIN = 56;
const GREY = '#444444';

/** Renders `letter` to PDF bytes. */
export function renderLetter(letter: Letter): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'sv-SE',
    displayTitle: true,
    info: {
      Title: letter.title,
      Author: letter.from.join(', '),
      Subject: letter.title,
      Creator: 'Ersättning',
      Producer: 'Ersättning',
      CreationDate: new Date(`${letter.date}T12:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(letter.from[0] ?? '', MARGIN, MARGIN);
  doc.font('Helvetica').fillColor(GREY);
  for (const line of letter.from.slice(1)) doc.text(line);
  doc.text(`Datum: ${formatDate(letter.date)}`, MARGIN, MARGIN, { width, align: 'right' });
  doc.fillColor('black').moveDown(3);
  const toY = doc.y;
  doc.font('Helvetica').fontSize(11);
  for (const line of letter.to) doc.text(line, MARGIN + width / 2, undefined, { width: width / 2 });
  doc.y = Math.max(doc.y, toY) + 30;

  doc.font('Helvetica-Bold').fontSize(18).text(letter.title, MARGIN, doc.y, { width });
  doc.moveDown(0.8);
  doc.fontSize(10);
  for (const [label, value] of letter.facts) {
    const y = doc.y;
    doc.font('Helvetica-Bold').text(label, MARGIN, y, { width: 170 });
    const after = doc.y;
    doc.font('Helvetica').text(value, MARGIN + 180, y, { width: width - 180 });
    doc.y = Math.max(after, doc.y) + 2;
  }
  doc.moveDown(1);
  for (const section of letter.sections) {
    doc.font('Helvetica-Bold').fontSize(12).text(section.heading, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    doc.font('Helvetica').fontSize(11);
    for (const p of section.paragraphs) doc.text(p, { width, lineGap: 2 }).moveDown(0.6);
    doc.moveDown(0.4);
  }
  doc.end();
  return done;
}
