/**
 * Sign in as each role by keyboard; each start page shows what that role must act on; axe finds
 * no serious or critical violations on the sign-in page, each start page and the accessibility
 * statement (issue #6 steps 1 and 7).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  checkPage,
  newPage,
  openMenu,
  signIn,
  signInWithForm,
  startApp,
  type DemoRole,
  type TestApp,
} from './support.js';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('sign-in and start pages', () => {
  it('the sign-in page is in Swedish, titled, accessible, and explains a wrong password next to the form', async () => {
    const page = await newPage(app);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.title()).toBe('Logga in – Ersättning');
    expect(await checkPage(page, 'logga-in')).toEqual([]);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByText('Fyll i ditt användarnamn.').isVisible()).toBe(true);
    const described = await page.getByLabel('Användarnamn').getAttribute('aria-describedby');
    expect(described).toBeTruthy();
    await page.getByLabel('Användarnamn').fill('admin');
    await page.locator('input[name="password"]').fill('fel');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('Fel användarnamn eller lösenord');
    await page.context().close();
  });

  it('the page check itself finds a serious violation: a nameless button and an image without alt', async () => {
    const page = await newPage(app);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await page.evaluate(() => {
      const main = document.querySelector('main') ?? document.body;
      main.append(document.createElement('button'));
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      main.append(img);
    });
    const ids = (await checkPage(page, 'egen-kontroll', { screenshot: false })).map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['button-name', 'image-alt']));
    await page.context().close();
  });

  it('the page check finds poor contrast deep in a long table, though it samples repeated rows', async () => {
    const page = await newPage(app);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    // 60 rows of one kind; row 45 alone greys its text by an inline style (a new kind of cell).
    await page.evaluate(() => {
      const rows = Array.from({ length: 60 }, (_, i) =>
        i === 44 ? `<tr><td style="color: #d0d0d0">Rad ${i + 1}</td></tr>` : `<tr><td>Rad ${i + 1}</td></tr>`,
      ).join('');
      (document.querySelector('main') ?? document.body).insertAdjacentHTML(
        'beforeend',
        `<table><tbody>${rows}</tbody></table>`,
      );
    });
    const findings = await checkPage(page, 'egen-kontroll-kontrast', { screenshot: false });
    expect(findings.find((f) => f.id === 'color-contrast')?.targets).toEqual(['tr:nth-child(45) > td']);
    await page.context().close();
  });

  it('the skip link is the first Tab stop and moves focus to the main content', async () => {
    const page = await newPage(app);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till huvudinnehållet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  it.each(Object.keys(ACCOUNTS) as DemoRole[])(
    'signs in as %s and sees a start page with things to act on',
    async (role) => {
      const page = await newPage(app);
      await signInWithForm(page, role);
      await page.getByRole('heading', { name: 'Att göra' }).waitFor();
      expect(await page.title()).toBe('Start – Ersättning');
      expect(await checkPage(page, `start-${role}`)).toEqual([]);
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await page.getByRole('heading', { name: 'Logga in' }).waitFor();
      await page.context().close();
    },
  );

  it('the menu works by keyboard alone and focus lands on the new page heading', async () => {
    const page = await newPage(app);
    await signIn(page, 'analyst');
    await page.getByRole('heading', { name: 'Att göra' }).waitFor();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el ? `${el.tagName}:${(el.textContent ?? '').trim()}` : '';
      });
    // Tab forward until the menu entry has focus (skip link, header, menu come first).
    for (let i = 0; i < 15 && (await focused()) !== 'A:Ersättningsmodeller'; i++)
      await page.keyboard.press('Tab');
    expect(await focused()).toBe('A:Ersättningsmodeller');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ersättningsmodeller', level: 1 }).waitFor();
    await expect.poll(focused).toBe('H1:Ersättningsmodeller');
    expect(await page.title()).toBe('Ersättningsmodeller – Ersättning');
    // Onward into the page content by Tab, then back with the browser's history.
    for (let i = 0; i < 10 && !(await focused()).startsWith('A:LSS bostad'); i++)
      await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^A:LSS bostad/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Servicebostad' }).waitFor();
    await expect.poll(focused).toMatch(/^H1:LSS bostad/);
    await page.goBack();
    await page.getByRole('heading', { name: 'Ersättningsmodeller', level: 1 }).waitFor();
    await page.context().close();
  });

  it('on a phone the menu opens from a named button and the pages stay accessible', async () => {
    const page = await newPage(app);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'case_officer');
    await page.getByRole('heading', { name: 'Att göra' }).waitFor();
    expect(await checkPage(page, 'mobil-start')).toEqual([]);
    await page.getByRole('button', { name: 'Öppna menyn' }).click();
    await openMenu(page, 'Klienter');
    await page.getByText(/\d+ klienter?\.|Inga klienter/).waitFor();
    expect(await checkPage(page, 'mobil-klienter')).toEqual([]);
    await page.context().close();
  });

  it('a session that ends while the app is open leads back to the sign-in page', async () => {
    const page = await newPage(app);
    await signIn(page, 'admin');
    await page.getByRole('heading', { name: 'Att göra' }).waitFor();
    await page.context().clearCookies();
    await openMenu(page, 'Ersättningsmodeller');
    await page.getByRole('heading', { name: 'Logga in', level: 1 }).waitFor();
    await page.context().close();
  });

  it('the accessibility statement (DOS-lagen) is public and accessible', async () => {
    const page = await newPage(app);
    await page.goto('/tillganglighet');
    await page.getByRole('heading', { name: 'Tillgänglighetsredogörelse' }).waitFor();
    expect(await page.title()).toBe('Tillgänglighetsredogörelse – Ersättning');
    expect(await page.getByText('lagen (2018:1937)').count()).toBeGreaterThan(0);
    expect(await checkPage(page, 'tillganglighet')).toEqual([]);
    await page.context().close();
  });
});
