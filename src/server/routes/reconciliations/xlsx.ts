/**
 * The reconciliation as a workbook (issue #12 §1): "Fördelning" (the cells as the user sees them,
 * suppressed ones as "färre än 5"), "Stadsdelar" (district totals) and, for the city office and
 * the district's own staff, "Klienter" (the clients behind the changes they may see).
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { clientChangeSchema, reconciliationDetail } from '../../../contract/reconciliations.js';
import { levelLabel, serviceLabel } from '../../../contract/labels.js';
import { SUPPRESSED_LABEL } from '../../../domain/statistics/suppress.js';

const KIND_WORDS = { new: 'ny', ended: 'avslutad', up: 'högre nivå', down: 'lägre nivå', moved: 'flyttad' };
const SNAPSHOT_WORDS = { march: 'mars', august: 'augusti', draft: 'utkast' };

/** Workbook bytes. */
export async function reconciliationXlsx(
  detail: z.infer<typeof reconciliationDetail>,
  clients: z.infer<typeof clientChangeSchema>[] | null,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ersättning';
  const title = `Avstämning ${SNAPSHOT_WORDS[detail.kind]} ${detail.takenOn} (nr ${detail.id}), jämförd med ${
    detail.previous ? `${detail.previous.takenOn} (nr ${detail.previous.id})` : 'ingen tidigare'
  }; fördelning för ${detail.coverage.days} av ${detail.coverage.yearDays} dagar`;
  const ws = wb.addWorksheet('Fördelning');
  ws.addRow([title]);
  ws.addRow([
    'Stadsdel',
    'Insats',
    'Nivå',
    'Personer',
    'Schablon kr/år',
    'Fördelning kr',
    'Personer förra',
    'Fördelning förra kr',
    'Förändring kr',
  ]).font = { bold: true };
  const hide = (v: number | null) => (v === null ? SUPPRESSED_LABEL : v);
  for (const c of detail.cells)
    ws.addRow([
      c.districtId,
      serviceLabel(c.service),
      levelLabel(c.level),
      hide(c.persons),
      c.schablon,
      hide(c.allocation),
      hide(c.previousPersons),
      hide(c.previousAllocation),
      hide(c.change),
    ]);
  for (const col of [5, 6, 8, 9]) ws.getColumn(col).numFmt = '#,##0.00';
  const wd = wb.addWorksheet('Stadsdelar');
  wd.addRow(['Stadsdel', 'Namn', 'Fördelning kr', 'Förra kr', 'Förändring kr']).font = { bold: true };
  for (const d of detail.districts)
    wd.addRow([d.districtId, d.name, d.allocation, d.previousAllocation, d.change]);
  for (const col of [3, 4, 5]) wd.getColumn(col).numFmt = '#,##0.00';
  if (clients) {
    const wc = wb.addWorksheet('Klienter');
    wc.addRow(['Klient', 'Namn', 'Personnummer', 'Insats', 'Förändring', 'Från', 'Till']).font = {
      bold: true,
    };
    const at = (p: { districtId: string; level: string } | null) =>
      p ? `${p.districtId} ${levelLabel(p.level)}` : '';
    for (const c of clients)
      wc.addRow([
        c.clientId,
        c.name,
        c.personnummerMasked,
        serviceLabel(c.service),
        KIND_WORDS[c.kind],
        at(c.from),
        at(c.to),
      ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
