/** A letter renders as a PDF whose text reads back with å, ä, ö and the dates (issue #11 §5). */
import { describe, expect, it } from 'vitest';
import { offerLetter } from '../../../domain/flow/letters.js';
import { renderLetter } from './pdf.js';
import { pdfText } from './pdf-text.js';

describe('renderLetter', () => {
  it('writes a Swedish PDF with the title in its metadata and the same bytes for the same letter', async () => {
    const letter = offerLetter({
      offerId: 1,
      offeredOn: '2025-12-29',
      answerBy: '2026-01-02',
      startBy: null,
      state: 'open',
      answeredOn: null,
      service: 'sp-boende',
      unitName: 'Östergården 1',
      providerName: 'Åkerström & Älvsjö AB',
      districtName: 'Älvsjö',
      client: { name: 'Örjan Ärlig', identity: '19121212-1212' },
    });
    const pdf = await renderLetter(letter);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (sv-SE)');
    const text = pdfText(pdf);
    expect(text).toContain('Erbjudande om plats');
    expect(text).toContain('Örjan Ärlig');
    expect(text).toContain('Åkerström & Älvsjö AB');
    expect(text).toContain('Du behöver svara senast fredagen den 2 januari 2026 (2026-01-02)');
    expect(text).toContain('Älvsjö stadsdelsförvaltning');
    expect((await renderLetter(letter)).equals(pdf)).toBe(true);
  });
});
