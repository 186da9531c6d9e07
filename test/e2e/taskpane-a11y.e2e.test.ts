/**
 * The task pane for everyone, in Chromium over the fake Excel (harness/): axe-core scans every
 * view (check, results, column roles, calendar, report, replace question, support information,
 * error bar, legacy-text notice and its question, the roll-up panel empty, with files chosen,
 * with its result, asking, and with an error) in both languages and both of Excel's themes,
 * with no serious or critical violation; a whole
 * run — check, jump to a row, build the report — and a whole roll-up — choose the files,
 * consolidate, download the Word roll-up — done from the keyboard alone, in a sensible order,
 * with the focus always visible; the pane at 320 and 500 px in Vietnamese and English,
 * light and dark, laid out without overflow and with every group count beside its badge.
 * Screenshots go to test-output/screenshots (gitignored).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as http from 'http';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { CHROMIUM, ROOT, SHOTS, buildHarness, launch, portOf, serve, type Browser } from './harness/browser';
import { UI_STRINGS } from '../../src/taskpane/strings';
import { DIAGNOSTICS_STRINGS } from '../../src/taskpane/Diagnostics';
import { legacyStrings } from '../../src/taskpane/LegacyNotice';
import type { Lang } from '../../src/engine/model';
import { rollupStrings } from '../../src/taskpane/rollup/strings';
import { reportDocStrings } from '../../src/taskpane/report/strings';
import { writeXlsx } from '../../src/testing/plans/xlsx';
import { PLAN_2024 } from '../report/plan-fixture';
import { COMMUNE } from '../rollup/units-fixture';

const OUT = path.join(ROOT, 'test-output/e2e-harness-a11y');
const TODAY = '2024-05-15';
type Theme = 'light' | 'dark';

let server: http.Server;
let browser: Browser;
/** The units' workbooks the roll-up views are scanned with, and one that is no workbook. */
let unitsDir: string;
const unitFiles = () => ['so-nong-nghiep.xlsx', 'xa-an-binh.xlsx'].map((f) => path.join(unitsDir, f));
const brokenFile = () => path.join(unitsDir, 'hong.xlsx');

beforeAll(async () => {
  expect(fs.existsSync(CHROMIUM)).toBe(true);
  fs.mkdirSync(SHOTS, { recursive: true });
  unitsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-a11y-units-'));
  await writeXlsx({ sheets: [PLAN_2024] }, unitFiles()[0]);
  await writeXlsx({ sheets: [COMMUNE] }, unitFiles()[1]);
  fs.writeFileSync(brokenFile(), 'không phải sổ tính');
  await buildHarness(OUT);
  server = await serve(OUT);
  browser = await launch();
});

afterAll(async () => {
  if (unitsDir) fs.rmSync(unitsDir, { recursive: true, force: true });
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** The pane alone, filling a window `width` px wide. */
async function openPane(options: { lang?: Lang; theme?: Theme; width?: number; plan?: 'legacy' } = {}): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: options.width ?? 360, height: 900 });
  // No animation half-way through when a view is scanned or photographed.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const query = new URLSearchParams({ today: TODAY, layout: 'pane', lang: options.lang ?? 'vi', theme: options.theme ?? 'light', ...(options.plan ? { plan: options.plan } : {}) });
  await page.goto(`http://127.0.0.1:${portOf(server)}/harness.html?${query}`);
  await page.getByTestId('recognised').waitFor();
  return page;
}

/**
 * Fluent's focus manager (tabster) puts empty `<i tabindex="0" aria-hidden="true"
 * data-tabster-dummy>` elements around tab lists and dialogs; one that gets the focus hands it on
 * at once, and they are aria-hidden so that screen readers do not stop on them. axe's
 * aria-hidden-focus rule flags them; Fluent and tabster hold this by design and Microsoft's
 * Accessibility Insights drops these nodes from that rule (microsoft/tabster#288,
 * microsoft/fluentui#27517, microsoft/accessibility-insights-web#7605). So does this scan — for
 * those nodes and that rule only.
 */
function tabsterDummy(node: { html: string }): boolean {
  return /^<i [^>]*data-tabster-dummy=/.test(node.html);
}

/** Serious and critical violations on the page as it is, one line each. */
async function scan(page: Page, view: string): Promise<string[]> {
  await page.waitForTimeout(300); // Fluent's transitions
  const result = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.id === 'aria-hidden-focus' ? v.nodes.filter((n) => !tabsterDummy(n)) : v.nodes }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${view}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function check(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: UI_STRINGS[lang].checkButton, exact: true }).click();
  await page.getByTestId('results-summary').waitFor();
  await page.getByText(UI_STRINGS[lang].resultsNotWritten).waitFor({ state: 'detached' });
  await page.locator('main[aria-busy="false"]').waitFor();
}

const LANGS_AND_THEMES: [Lang, Theme][] = [
  ['vi', 'light'],
  ['vi', 'dark'],
  ['en', 'light'],
  ['en', 'dark'],
];

describe('axe-core over every view of the pane', () => {
  it.each(LANGS_AND_THEMES)('%s, %s theme: no serious or critical violation', async (lang, theme) => {
    const t = UI_STRINGS[lang];
    const page = await openPane({ lang, theme });
    const found: string[] = [];
    found.push(...(await scan(page, 'opened')));

    await page.getByRole('button', { name: t.columnsTitle }).click();
    await page.getByTestId('role-A').waitFor();
    found.push(...(await scan(page, 'column roles')));

    const asOf = page.getByRole('combobox', { name: t.asOfLabel });
    await asOf.focus();
    await asOf.press('ArrowDown');
    const calendar = page.getByRole('dialog');
    await calendar.waitFor();
    found.push(...(await scan(page, 'calendar')));
    await page.keyboard.press('Escape');
    await calendar.waitFor({ state: 'detached' });

    await check(page, lang);
    found.push(...(await scan(page, 'results')));

    await page.getByRole('tab', { name: t.tabReport }).click();
    await page.getByTestId('report-preview').waitFor();
    found.push(...(await scan(page, 'report')));
    await page.getByRole('button', { name: t.buildReport }).click();
    await page.getByTestId('notice').waitFor();
    found.push(...(await scan(page, 'report built')));
    await page.getByRole('button', { name: t.buildReport }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    found.push(...(await scan(page, 'replace question')));
    await dialog.getByRole('button', { name: t.cancel }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: t.tabCheck }).click();
    await page.getByRole('button', { name: DIAGNOSTICS_STRINGS[lang].show }).click();
    await page.getByTestId('diagnostics-list').waitFor();
    found.push(...(await scan(page, 'support information')));

    // An error, as the ribbon reports one: the alert bar.
    await page.evaluate((text) => window.cchcHarness.channel.post({ tab: 'check', error: text }), t.unexpectedError('Excel'));
    await page.getByRole('alert').waitFor();
    found.push(...(await scan(page, 'error')));

    expect(found).toEqual([]);

    // The scan sees what it should: a button without a name is reported.
    await page.evaluate(() => document.getElementById('root')!.append(Object.assign(document.createElement('button'), { id: 'axe-canary' })));
    expect((await scan(page, 'canary')).filter((line) => line.includes('button-name') && line.includes('#axe-canary'))).toHaveLength(1);
    await page.close();
  });
});

describe('axe-core over the roll-up panel: empty, files chosen, result, replace question, error', () => {
  it.each(LANGS_AND_THEMES)('%s, %s theme: no serious or critical violation', async (lang, theme) => {
    const R = rollupStrings(lang);
    const page = await openPane({ lang, theme });
    const found: string[] = [];
    await page.getByRole('tab', { name: R.tab }).click();
    await page.getByRole('heading', { name: R.title }).waitFor();
    found.push(...(await scan(page, 'roll-up, nothing chosen')));

    await page.getByTestId('rollup-files').setInputFiles(unitFiles());
    await page.getByTestId('rollup-file-list').waitFor();
    found.push(...(await scan(page, 'roll-up, files chosen')));

    const run = page.getByRole('button', { name: R.run });
    await run.click();
    await page.getByTestId('rollup-result').getByRole('button', { name: R.download }).waitFor({ timeout: 60_000 });
    found.push(...(await scan(page, 'roll-up result')));

    // Someone corrects a count in the summary: the next roll-up asks before replacing it.
    await page.evaluate((sheet) => window.cchcHarness.edit(sheet, 'C8', 99), lang === 'vi' ? 'Tổng hợp' : 'Summary');
    await run.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    found.push(...(await scan(page, 'roll-up replace question')));
    await dialog.getByRole('button', { name: R.cancel }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('rollup-result').waitFor();
    found.push(...(await scan(page, 'roll-up kept')));

    // Nothing counted: the error.
    await page.getByRole('button', { name: R.clear }).click();
    await page.getByTestId('rollup-files').setInputFiles([brokenFile()]);
    await run.click();
    await page.getByTestId('rollup-result').getByText(R.noneCounted).waitFor({ timeout: 60_000 });
    found.push(...(await scan(page, 'roll-up error')));
    expect(found).toEqual([]);
    await page.close();
  });
});

/** What has the focus, as a screen reader would name it: `role "name"`. */
async function focused(page: Page): Promise<string> {
  const where = await page.evaluate(() => {
    const e = document.activeElement;
    return !e || e === document.body ? 'nothing' : e.hasAttribute('data-tabster-dummy') ? 'dummy' : null;
  });
  if (where) return where;
  const snapshot = await page.locator('*:focus').ariaSnapshot({ timeout: 2000 });
  // "- combobox \"Tính đến ngày\": 15/05/2024", "- tab \"Rà soát\" [selected]", "- button \"…\":"
  // (YAML quotes a line holding ": ", as in a card's name: "- 'button \"Quá hạn: Dòng 8 …\"'".)
  const m = /^- '?([\w-]+)(?: "((?:[^"\\]|\\.)*)")?/.exec(snapshot.split('\n')[0]);
  return m ? `${m[1]} "${m[2] ?? ''}"` : snapshot.split('\n')[0];
}

/** Tab (or Shift+Tab) until `want` has the focus; the names passed on the way. */
async function tabTo(page: Page, want: string | RegExp, back = false): Promise<string[]> {
  const trail: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    trail.push(now);
    if (typeof want === 'string' ? now === want : want.test(now)) return trail;
  }
  throw new Error(`never reached ${String(want)}; passed ${trail.join(' → ')}`);
}

/** Whether the focused control looks different from when it is not focused. */
async function focusShows(page: Page): Promise<boolean> {
  const target = page.locator('*:focus');
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const clip = { x: Math.max(0, box.x - 4), y: Math.max(0, box.y - 4), width: box.width + 8, height: box.height + 8 };
  await page.waitForTimeout(200);
  const withFocus = await page.screenshot({ clip });
  const handle = await target.elementHandle();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(200);
  const without = await page.screenshot({ clip });
  // Back where the keyboard was, to go on from there.
  await handle!.focus();
  return !withFocus.equals(without);
}

/** `names` are all in `trail`, in this order. */
function inOrder(trail: string[], names: string[]): void {
  const seen = trail.filter((n) => names.includes(n));
  expect({ trail, seen: [...new Set(seen)] }).toEqual({ trail, seen: names });
}

describe('axe-core over the legacy-text notice and its question', () => {
  it.each(LANGS_AND_THEMES)('%s, %s theme: no serious or critical violation', async (lang, theme) => {
    const page = await openPane({ lang, theme, plan: 'legacy' });
    const notice = page.getByTestId('legacy-notice');
    await notice.waitFor();
    await page.locator('main[aria-busy="false"]').waitFor();
    const found = await scan(page, 'legacy notice');
    // From the keyboard: the notice's button opens the question, Escape answers no.
    await notice.getByRole('button').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    found.push(...(await scan(page, 'convert question')));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe(`button "${legacyStrings(lang).convert}"`);
    expect(found).toEqual([]);
    await page.close();
  });
});

describe('the keyboard alone', () => {
  it('check → jump to a row → build the report, in a sensible order, the focus always visible', async () => {
    const t = UI_STRINGS.vi;
    const page = await openPane({ lang: 'vi', width: 360 });

    const toCheck = await tabTo(page, `button "${t.checkButton}"`);
    inOrder(toCheck, [`combobox "${t.languageLabel}"`, `tab "${t.tabCheck}"`, `button "${t.readAgain}"`, `button "${t.columnsTitle}"`, `combobox "${t.asOfLabel}"`, `button "${t.checkButton}"`]);
    // The report tab is not in the way: the tab list is one stop, its tabs are chosen with the arrows.
    expect(toCheck).not.toContain(`tab "${t.tabReport}"`);
    expect(await focusShows(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText(t.resultsNotWritten).waitFor({ state: 'detached' });
    await page.locator('main[aria-busy="false"]').waitFor();
    // The button kept the focus through the check.
    expect(await focused(page)).toBe(`button "${t.checkButton}"`);

    // The legend is words, not a stop; the groups' headings come before their rows.
    const toRow = await tabTo(page, /^button "[^"]*Dòng \d+/);
    expect(toRow.some((n) => /^button "Lỗi /.test(n))).toBe(true);
    expect(await focusShows(page)).toBe(true);
    const address = await page.locator('*:focus').getAttribute('data-address');
    expect(address).toMatch(/^A\d+:[A-Z]+\d+$/);
    await page.keyboard.press('Enter');
    await page.waitForFunction((want) => window.cchcHarness.selection()?.address === want, address);

    await tabTo(page, `tab "${t.tabCheck}"`, true);
    expect(await focusShows(page)).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe(`tab "${t.tabReport}"`);
    await page.keyboard.press('Enter');
    await page.getByTestId('report-preview').waitFor();
    const toBuild = await tabTo(page, `button "${t.buildReport}"`);
    inOrder(toBuild, [`combobox "${t.periodLabel}"`, `spinbutton "${t.yearLabel}"`, `combobox "${t.reportAsOfLabel}"`, `textbox "${t.agencyLabel}"`, `button "${t.buildReport}"`]);
    expect(await focusShows(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('notice').getByText(/^Đã tạo trang “.+”\.$/).waitFor();

    // Again: the question takes the focus, Escape answers no, and the focus comes back.
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await focused(page)).toBe(`button "${t.replaceConfirm}"`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('notice').getByText(t.reportCancelled).waitFor();
    expect(await focused(page)).toBe(`button "${t.buildReport}"`);
    await page.close();
  });
});

describe('the roll-up from the keyboard alone', () => {
  it.each(['vi', 'en'] as const)('%s: open the tab, choose the files, consolidate, download the Word roll-up, the focus always visible', async (lang) => {
    const t = UI_STRINGS[lang];
    const R = rollupStrings(lang);
    const page = await openPane({ lang, width: 360 });
    await tabTo(page, `tab "${t.tabCheck}"`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe(`tab "${R.tab}"`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: R.title }).waitFor();

    // Listening long before the key is pressed: Playwright starts intercepting the browser's file
    // chooser once a listener exists, and that must be in place when the picker opens.
    const choosing = page.waitForEvent('filechooser');
    const toChoose = await tabTo(page, `button "${R.choose}"`);
    inOrder(toChoose, [`combobox "${R.period}"`, `spinbutton "${R.yearAuto}"`, `button "${R.choose}"`]);
    expect(await focusShows(page)).toBe(true);
    // The pane is not busy (reading the sheet, saving the language): the button takes the key.
    await page.locator('main[aria-busy="false"]').waitFor();
    await page.locator('#panel-rollup button:not([aria-disabled="true"])', { hasText: R.choose }).waitFor();
    await page.keyboard.press('Enter');
    const chooser = await choosing;
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(unitFiles());
    await page.getByTestId('rollup-file-list').waitFor();

    await tabTo(page, `button "${R.run}"`);
    expect(await focusShows(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('rollup-result').getByRole('button', { name: R.download }).waitFor({ timeout: 60_000 });
    // The button kept the focus through the roll-up; the result comes after it.
    expect(await focused(page)).toBe(`button "${R.run}"`);

    await tabTo(page, `button "${R.download}"`);
    expect(await focusShows(page)).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    // On 15/05 the report due next is the half-year's (20/06).
    expect(download.suggestedFilename()).toBe(lang === 'vi' ? 'BC-Tong-hop-6-thang-2024.docx' : 'Rollup-H1-2024.docx');
    await page.getByTestId('rollup-downloaded').getByText(reportDocStrings(lang).downloaded(download.suggestedFilename())).waitFor();
    await page.close();
  });
});

/** Group headers whose count is not on one line beside the badge, and the page's overflow. */
async function layoutProblems(page: Page, width: number): Promise<string[]> {
  return page.evaluate((w) => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > w) out.push(`the pane is ${doc.scrollWidth} px wide in a ${w} px window`);
    for (const header of document.querySelectorAll('[data-testid^="group-"]')) {
      if (header.getClientRects().length === 0) continue; // not shown (another tab)
      const badge = header.children[0].getBoundingClientRect();
      const count = header.children[1].lastElementChild!;
      const lines = new Set([...count.getClientRects()].map((r) => Math.round(r.bottom))).size;
      const box = count.getBoundingClientRect();
      if (lines !== 1) out.push(`${header.getAttribute('data-testid')}: the count is split over ${lines} lines`);
      if (box.left < badge.right) out.push(`${header.getAttribute('data-testid')}: the count is under the badge`);
    }
    return out;
  }, width);
}

describe('the pane at 320 and 500 px, Vietnamese and English, light and dark', () => {
  const cases: [Lang, number, Theme][] = [];
  for (const theme of ['light', 'dark'] as const) for (const lang of ['vi', 'en'] as const) for (const width of [320, 500]) cases.push([lang, width, theme]);
  it.each(cases)('%s at %d px, %s', async (lang, width, theme) => {
    const page = await openPane({ lang, width, theme });
    await check(page, lang);
    expect(await layoutProblems(page, width)).toEqual([]);
    const suffix = theme === 'dark' ? '-dark' : '';
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, `pane-${lang}-${width}${suffix}.png`), fullPage: true });
    await page.getByRole('tab', { name: UI_STRINGS[lang].tabReport }).click();
    await page.getByTestId('report-preview').waitFor();
    expect(await layoutProblems(page, width)).toEqual([]);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, `pane-report-${lang}-${width}${suffix}.png`), fullPage: true });
    await page.close();
  });
});

describe('the browser', () => {
  it('saw no page error and no request leaving the machine', () => {
    expect(browser.problems).toEqual([]);
  });
});
