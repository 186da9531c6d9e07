/**
 * The pane's "Tổng hợp nhiều đơn vị" in Chromium: three units' workbooks chosen with the file
 * picker are read in the browser (DecompressionStream, the command line's reader and engine),
 * and the consolidated sheets are written into the open (fake) workbook; the Word roll-up
 * downloaded from the pane carries the sheet's numbers. No request leaves the page. Screenshot in test-output/screenshots.
 */
import * as fs from 'fs';
import type * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { CHROMIUM, ROOT, SHOTS, buildHarness, launch, portOf, serve, type Browser } from './harness/browser';
import { writeXlsx } from '../../src/testing/plans/xlsx';
import { readDocx } from '../report/docx-text';
import { PLAN_2024 } from '../report/plan-fixture';
import { COMMUNE, COMMUNE_COUNTS, LEGACY_COUNTS, LEGACY_DISTRICT } from '../rollup/units-fixture';

const OUT = path.join(ROOT, 'test-output/e2e-harness-rollup');
/** Quarter I's report is due on 20/03: the pane proposes Q1 2024. */
const TODAY = '2024-03-18';

let server: http.Server;
let browser: Browser;
let page: Page;
let filesDir: string;

beforeAll(async () => {
  expect(fs.existsSync(CHROMIUM)).toBe(true);
  fs.mkdirSync(SHOTS, { recursive: true });
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-rollup-pane-'));
  await writeXlsx({ sheets: [PLAN_2024] }, path.join(filesDir, 'so-nong-nghiep.xlsx'));
  await writeXlsx({ sheets: [COMMUNE] }, path.join(filesDir, 'xa-an-binh.xlsx'));
  await writeXlsx({ sheets: [LEGACY_DISTRICT] }, path.join(filesDir, 'huyen-song-may.xlsx'));
  await buildHarness(OUT);
  server = await serve(OUT);
  browser = await launch();
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${portOf(server)}/harness.html?today=${TODAY}`);
  await page.getByTestId('recognised').waitFor();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (filesDir) fs.rmSync(filesDir, { recursive: true, force: true });
});

test('three units chosen, read in the browser, consolidated into the open workbook', async () => {
  await page.getByRole('tab', { name: 'Tổng hợp' }).click();
  // The panel's code loads when the tab is first opened.
  await page.getByRole('heading', { name: 'Tổng hợp nhiều đơn vị' }).waitFor();
  await page.getByTestId('rollup-files').setInputFiles(['so-nong-nghiep.xlsx', 'xa-an-binh.xlsx', 'huyen-song-may.xlsx'].map((f) => path.join(filesDir, f)));
  await expect(page.getByTestId('rollup-file-list').locator('li').count()).resolves.toBe(3);
  await page.getByRole('button', { name: 'Tổng hợp và ghi vào sổ tính' }).click();
  const result = page.getByTestId('rollup-result');
  await result.waitFor({ timeout: 60_000 });

  // 15 + 6 + 4 tasks (the fixtures' hand-worked counts).
  const total = 15 + COMMUNE_COUNTS.total + LEGACY_COUNTS.total;
  await expect(result.textContent()).resolves.toContain(`Đã tổng hợp 3 đơn vị, ${total} nhiệm vụ`);
  const units = await page.getByTestId('rollup-units').locator('li').allTextContents();
  expect(units.map((u) => u.split(': ')[0]).sort()).toEqual(['SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN', 'UBND HUYỆN SÔNG MÂY', 'ỦY BAN NHÂN DÂN XÃ AN BÌNH'].sort());

  const dump = await page.evaluate(() => window.cchcHarness.dump());
  const names = dump.sheets.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(['Tổng hợp', 'Theo lĩnh vực', 'Quá hạn', 'Chất lượng dữ liệu', 'Danh sách tệp']));
  expect(names.filter((n) => /^\d\. /.test(n))).toHaveLength(3);
  expect(dump.activeSheet).toBe('Tổng hợp');
  const summary = dump.sheets.find((s) => s.name === 'Tổng hợp')!;
  const values = Object.values(summary.cells).map((c) => c.value);
  expect(values).toContain('ỦY BAN NHÂN DÂN XÃ AN BÌNH');
  // The TCVN3 district's title was read as Unicode in the browser too.
  expect(values).toContain('UBND HUYỆN SÔNG MÂY');
  const sums = Object.values(summary.cells).filter((c) => c.formula?.startsWith('=SUM(I'));
  expect(sums).toHaveLength(1);
  const files = dump.sheets.find((s) => s.name === 'Danh sách tệp')!;
  const hashes = Object.values(files.cells).map((c) => String(c.value)).filter((v) => /^[0-9a-f]{64}$/.test(v));
  expect(hashes).toHaveLength(3);

  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, 'rollup-pane.png'), fullPage: false });
  expect(browser.problems).toEqual([]);
}, 120_000);

test('the Word roll-up downloaded from the pane has the consolidated sheet’s numbers', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo tổng hợp Word (.docx)' }).click()]);
  expect(download.suggestedFilename()).toBe('BC-Tong-hop-Quy-I-2024.docx');
  const file = path.join(OUT, 'tong-hop.docx');
  await download.saveAs(file);
  await page.getByTestId('rollup-downloaded').getByText('Đã tạo tệp “BC-Tong-hop-Quy-I-2024.docx”', { exact: false }).waitFor();
  const doc = await readDocx(fs.readFileSync(file));

  // The summary sheet in the workbook: per unit, its name in B and the six classes in C…H.
  const summary = (await page.evaluate(() => window.cchcHarness.dump())).sheets.find((s) => s.name === 'Tổng hợp')!;
  const at = (col: string, row: number) => summary.cells[`${col}${row}`]?.value;
  const table = doc.tables.find((t) => t[0][1] === 'Đơn vị')!;
  const lines = table.slice(1, -1);
  expect(lines).toHaveLength(3);
  const sums = [0, 0, 0, 0, 0, 0];
  for (const line of lines) {
    const row = Number(Object.entries(summary.cells).find(([, c]) => c.value === line[1])![0].replace(/^[A-Z]+/, ''));
    const counts = ['C', 'D', 'E', 'F', 'G', 'H'].map((c) => at(c, row) as number);
    expect(line.slice(2, 8).map(Number)).toEqual(counts);
    expect(Number(line[8])).toBe(counts.reduce((a, b) => a + b, 0));
    counts.forEach((n, i) => (sums[i] += n));
  }
  const totals = table[table.length - 1];
  expect(totals.slice(2, 8).map(Number)).toEqual(sums);
  expect(Number(totals[8])).toBe(15 + COMMUNE_COUNTS.total + LEGACY_COUNTS.total);
  expect(browser.problems).toEqual([]);
}, 60_000);
