/**
 * The task pane in a real browser: the harness bundle (pane + Excel host + fake Excel seeded with
 * a sample plan) is built with the project's webpack config, served on 127.0.0.1 and driven in
 * Debian's Chromium. Screenshots go to test-output/screenshots (gitignored).
 */
import * as fs from 'fs';
import type * as http from 'http';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { MARKUP_SHOWN, SHEET } from './harness/sample-plan';
import { CHROMIUM, ROOT, SHOTS, buildHarness, launch, portOf, serve, type Browser } from './harness/browser';

const OUT = path.join(ROOT, 'test-output/e2e-harness');
const TODAY = '2024-05-15';

let server: http.Server;
let browser: Browser;
let page: Page;

async function shot(name: string): Promise<void> {
  await page.waitForTimeout(400); // let Fluent's transitions (tabs, dialog) finish
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

function selection(): Promise<{ sheet: string; address: string } | null> {
  return page.evaluate(() => window.cchcHarness.selection());
}

/** The fake's selection once it equals `want`, or the last one seen after a few seconds. */
async function selectionBecomes(want: { sheet: string; address: string | null }): Promise<unknown> {
  let seen: unknown = null;
  for (let i = 0; i < 50; i++) {
    seen = await selection();
    if (JSON.stringify(seen) === JSON.stringify(want)) break;
    await page.waitForTimeout(100);
  }
  return seen;
}

beforeAll(async () => {
  expect(fs.existsSync(CHROMIUM)).toBe(true);
  fs.mkdirSync(SHOTS, { recursive: true });
  await buildHarness(OUT);
  server = await serve(OUT);
  // The support information's Copy button writes to the clipboard; the test reads it back.
  browser = await launch({ permissions: ['clipboard-read', 'clipboard-write'] });
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${portOf(server)}/harness.html?today=${TODAY}`);
  await page.getByTestId('recognised').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('task pane in Chromium over the fake Excel', () => {
  it('recognises the sample plan on opening, writing nothing', async () => {
    const facts = page.getByTestId('recognised');
    await expect(facts.textContent()).resolves.toContain(SHEET);
    await expect(facts.textContent()).resolves.toMatch(/Số nhiệm vụ\s*8/);
    await expect(page.getByText(/Mới đọc, chưa ghi vào trang tính/).count()).resolves.toBe(1);
    const cells = await page.evaluate(() => Object.values(window.cchcHarness.dump().sheets[1].cells).map((c) => String(c.value)));
    expect(cells).not.toContain('Tình trạng');
    await shot('01-opened-vi');
  });

  it('shows its date fields as dd/mm/yyyy in an en-US browser, and reads dates typed that way', async () => {
    await expect(page.evaluate(() => navigator.language)).resolves.toBe('en-US');
    const asOf = page.getByRole('combobox', { name: 'Tính đến ngày' });
    await expect(asOf.inputValue()).resolves.toBe('15/05/2024');
    await asOf.fill('1/6/2024');
    await asOf.press('Tab');
    await expect(asOf.inputValue()).resolves.toBe('01/06/2024');
    // The calendar from the keyboard: Down opens it on the chosen day, arrows move, Enter picks.
    await asOf.focus();
    await asOf.press('ArrowDown');
    const calendar = page.getByRole('dialog', { name: 'Lịch chọn ngày' });
    await calendar.waitFor();
    await expect(calendar.getByText('Tháng 6 năm 2024', { exact: true }).count()).resolves.toBe(1);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await calendar.waitFor({ state: 'detached' });
    await expect(asOf.inputValue()).resolves.toBe('31/05/2024');
    await asOf.fill('15/05/2024');
    await asOf.press('Tab');
    await expect(asOf.inputValue()).resolves.toBe('15/05/2024');
  });

  it('checks the plan: tracking columns written, results grouped by issue', async () => {
    await page.getByRole('button', { name: 'Kiểm tra và tô màu', exact: true }).click();
    await page.getByText(/Mới đọc, chưa ghi vào trang tính/).waitFor({ state: 'detached' });
    const cells = await page.evaluate(() => Object.values(window.cchcHarness.dump().sheets[1].cells).map((c) => String(c.value)));
    expect(cells).toContain('Tình trạng');
    expect(cells).toContain('Hạn chót');
    const groups = await page.locator('[data-testid^="group-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(groups).toContain('group-lead-missing');
    expect(groups).toContain('group-overdue');
    expect(groups).toContain('group-output-missing');
    // Errors are listed before warnings.
    expect(groups.indexOf('group-lead-missing')).toBeLessThan(groups.indexOf('group-deadline-not-fixed'));
    // Cell text with markup is shown as typed, not rendered.
    await expect(page.locator('#pane').getByText(MARKUP_SHOWN, { exact: false }).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#pane img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await shot('02-checked-vi');
  });

  it('moves the selection to the row of an issue that is clicked, or activated with Enter', async () => {
    const overdue = page.locator('[data-testid="group-overdue"]').locator('xpath=ancestor::div[contains(@class,"fui-AccordionItem")]').locator('button[data-address]').first();
    const address = await overdue.getAttribute('data-address');
    expect(address).toMatch(/^A\d+:[A-Z]+\d+$/);
    await overdue.click();
    expect(await selectionBecomes({ sheet: SHEET, address })).toEqual({ sheet: SHEET, address });
    await expect(page.locator('#fake-selection').textContent()).resolves.toBe(`${SHEET}!${address}`);
    await shot('03-selected-overdue');

    const leadMissing = page.locator('[data-testid="group-lead-missing"]').locator('xpath=ancestor::div[contains(@class,"fui-AccordionItem")]').locator('button[data-address]').last();
    const second = await leadMissing.getAttribute('data-address');
    expect(second).not.toBe(address);
    await leadMissing.focus();
    await page.keyboard.press('Enter');
    expect(await selectionBecomes({ sheet: SHEET, address: second })).toEqual({ sheet: SHEET, address: second });
  });

  it('switches to English', async () => {
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('heading', { name: 'CCHC plan', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Check and highlight', exact: true }).waitFor();
    await page.getByTestId('group-lead-missing').getByText('Lead unit missing').waitFor();
    await page.locator('#pane').evaluate((pane) => pane.scrollTo(0, 0));
    await shot('04-english');
  });

  it('builds the quarterly report and asks before replacing it', async () => {
    await page.getByRole('tab', { name: 'Quarterly report' }).click();
    await expect(page.getByLabel('Reporting period').inputValue()).resolves.toBe('H1');
    await shot('05-report-tab');
    await page.getByRole('button', { name: 'Build report' }).click();
    await page.getByText(/Sheet “.+” built\./).first().waitFor();
    const names = await page.evaluate(() => window.cchcHarness.dump().sheets.map((s) => s.name));
    expect(names.length).toBe(4); // plan, appendix, the report, the add-in's hidden state sheet
    const report = names.find((n) => !['Kế hoạch', 'Phụ lục'].includes(n) && !/state/i.test(n));
    expect(report).toBeTruthy();

    await page.getByRole('button', { name: 'Build report' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain(report!);
    await shot('06-replace-dialog');
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await page.getByText(/Sheet “.+” replaced\./).first().waitFor();
    const after = await page.evaluate(() => window.cchcHarness.dump().sheets.map((s) => s.name));
    expect(after).toEqual(names);
  });

  it('a ribbon click while the pane is busy waits for the pane, the pane shows busy while the ribbon runs: one set of highlights, the ribbon’s result shown', async () => {
    await page.getByRole('tab', { name: 'Review', exact: true }).click();
    const taggedRules = () =>
      page.evaluate(() => window.cchcHarness.dump().sheets.find((s) => s.name === window.cchcHarness.dump().activeSheet)!.conditionalFormats.map((c) => c.formula ?? '').filter((f) => f.includes('cchc-plan:')));
    await page.evaluate(() => window.cchcHarness.hold());
    await page.getByRole('button', { name: 'Check and highlight', exact: true }).click();
    await page.locator('main[aria-busy="true"]').waitFor();
    const callsWhileBusy = await page.evaluate(() => window.cchcHarness.calls());
    await page.evaluate(() => {
      (window as unknown as { ribbonDone: Promise<unknown> }).ribbonDone = window.cchcHarness.ribbonValidate();
    });
    await page.waitForTimeout(300);
    // The ribbon's check waits on the workbook lock: nothing of it has run yet.
    expect(await page.evaluate(() => window.cchcHarness.calls())).toBe(callsWhileBusy);
    await shot('07-ribbon-while-busy');
    // The pane's batch ends; the ribbon's takes the lock (held here): the pane stays busy and says why.
    await page.evaluate(() => window.cchcHarness.holdRibbon());
    await page.evaluate(() => window.cchcHarness.release());
    await page.getByTestId('pane-spinner').getByText('Validate plan is running from the ribbon…').waitFor();
    expect(await page.locator('main').getAttribute('aria-busy')).toBe('true');
    expect(await page.getByRole('button', { name: 'Check and highlight', exact: true }).isDisabled()).toBe(true);
    await shot('07b-pane-busy-while-ribbon-runs');
    await page.evaluate(() => window.cchcHarness.releaseRibbon());
    const ribbon = (await page.evaluate(() => (window as unknown as { ribbonDone: Promise<unknown> }).ribbonDone)) as { completed: number; panesShown: number };
    expect(ribbon.completed).toBe(1);
    expect(ribbon.panesShown).toBe(1);
    await page.locator('main[aria-busy="false"]').waitFor();
    expect(await page.getByRole('button', { name: 'Check and highlight', exact: true }).isDisabled()).toBe(false);
    const rules = await taggedRules();
    expect(rules.length).toBeGreaterThan(0);
    // One rule per tag: the two checks did not both add their set.
    expect(new Set(rules.map((f) => /cchc-plan:[a-z0-9-]+/.exec(f)![0])).size).toBe(rules.length);
  });

  it('shows the support information and copies it for a support request', async () => {
    const section = page.getByTestId('diagnostics');
    await section.getByRole('button', { name: 'Show support information' }).click();
    const list = page.getByTestId('diagnostics-list');
    await list.waitFor();
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('Add-in version0.1.0.0');
    expect(text).toContain('ExcelApi1.13 (needs 1.13)');
    expect(text).toMatch(new RegExp(`Sheet${SHEET} — A1:[A-Z]+\\d+ \\(\\d+ rows × \\d+ columns\\), \\d+ merged areas`));
    await section.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await shot('08-support-information');
    await section.getByRole('button', { name: 'Copy' }).click();
    await section.getByText('Copied to the clipboard.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')[0]).toBe('Support information — CCHC plan checker');
    expect(copied).toContain(`Sheet: ${SHEET} — A1:`);
  });

  it('ran without a page error and without any request leaving the machine', () => {
    expect(browser.problems).toEqual([]);
  });
});
