/**
 * The analyst's toolbox in the browser (issue #12 §4): a cost survey uploaded with the outlier
 * rule chosen, follow-up before and after with its charts, cost neutrality with a draft model to
 * download; a new price year proposed by one admin and approved by a second (four eyes). Every
 * page is checked with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, newPage, openMenu, signIn, startApp, type TestApp } from './support.js';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const SURVEY = [
  'unit_id,service,regime,total_cost,volume,rent',
  'A,sp-boende,kommunal,365000,365,',
  'B,sp-boende,kommunal,730000,730,36500',
  'C,sp-boende,kommunal,438000,365,',
  'D,sp-boende,kommunal,5000000,365,',
  'E,sp-boende,privat,401500,365,',
].join('\n');

describe("the analyst's toolbox", () => {
  it('turns an uploaded survey into rates, follows up a model change and solves for neutrality', async () => {
    const page = await newPage(app);
    await signIn(page, 'analyst');
    await openMenu(page, 'Analysverktyg');
    await page.getByRole('heading', { name: /^Kostnadsenkät till ersättning/ }).waitFor();
    // A survey with a bad row: the row is named with its line, column and a Swedish message.
    await page.locator('input[type=file]').setInputFiles({
      name: 'fel.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${SURVEY}\nF,sp-boende,kommunal,x,0,`),
    });
    await page.getByRole('button', { name: 'Räkna fram ersättning' }).click();
    const bad = page.getByTestId('survey-row-errors');
    await bad.waitFor();
    expect(await bad.innerText()).toMatch(/7\s+Total kostnad[^\n]*total_cost\s+"x": är inget tal/);
    expect(await bad.innerText()).toMatch(/"0": måste vara större än 0/);
    expect(await checkPage(page, 'analysverktyg-fel')).toEqual([]);
    await page.locator('input[type=file]').setInputFiles({
      name: 'enkat.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(SURVEY),
    });
    await page.getByRole('button', { name: 'Räkna fram ersättning' }).click();
    await page.getByText(/enkat\.csv: 5 enheter, Tukeys staket med k = 1,5/).waitFor();
    await page
      .getByText(/D \(.*över staketet\)/)
      .first()
      .waitFor();
    const download = page.getByRole('link', { name: 'Ladda ner utkastet sp-2010-enkat.yaml' });
    expect(await download.getAttribute('download')).toBe('sp-2010-enkat.yaml');
    expect(decodeURIComponent((await download.getAttribute('href')) ?? '')).toMatch(/status: draft/);

    await page.getByRole('button', { name: 'Följ upp' }).click();
    await page.getByRole('heading', { name: 'Resultat' }).waitFor();
    await page.getByRole('img', { name: /Nivåer: personer före och efter/ }).waitFor();

    await page.getByRole('button', { name: 'Lös' }).click();
    await page.getByText(/Lösning på \d+ personer/).waitFor();
    await page.getByRole('link', { name: 'Ladda ner utkastet lss-bostad-2024-neutral.yaml' }).waitFor();
    expect(await checkPage(page, 'analysverktyg')).toEqual([]);
    await page.context().close();
  });

  it('a price-year uplift is proposed by one admin and approved by a second (four eyes)', async () => {
    const page = await newPage(app);
    await signIn(page, 'admin');
    await openMenu(page, 'Ny prisnivå');
    await page.getByRole('heading', { name: 'Ny prisnivå genom uppräkning', level: 1 }).waitFor();
    await page.getByLabel('Beslut (budget, diarienummer)').fill('Budget 2026, Dnr KS 2025/100');
    await page.getByRole('button', { name: 'Föreslå' }).click();
    await page.getByText('Väntar på beslut av en annan administratör än den som föreslog.').waitFor();
    expect(await page.getByRole('button', { name: /Godkänn/ }).count()).toBe(0);
    expect(await checkPage(page, 'ny-prisniva-forslag')).toEqual([]);
    await page.context().close();

    const second = await newPage(app);
    await signIn(second, 'admin2');
    await openMenu(second, 'Ny prisnivå');
    await second.getByRole('button', { name: 'Godkänn lss-bostad-2026' }).click();
    await second.getByText('Godkänd', { exact: true }).waitFor();
    expect(await checkPage(second, 'ny-prisniva-godkand')).toEqual([]);
    await openMenu(second, 'Ersättningsmodeller');
    await second.getByText('lss-bostad-2026').first().waitFor();
    await second.context().close();
  });
});
