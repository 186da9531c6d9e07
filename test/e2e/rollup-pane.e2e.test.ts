/**
 * The pane's "Tổng hợp nhiều đơn vị" in Chromium: three units' workbooks chosen with the file
 * picker are read in the browser (DecompressionStream, the command line's reader and engine),
 * and the consolidated sheets are written into the open (fake) workbook; the Word roll-up
 * downloaded from the pane carries the sheet's numbers. No request leaves the page. Screenshot in test-output/screenshots.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import webpack from 'webpack';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { writeXlsx } from '../../src/testing/plans/xlsx';
import { readDocx } from '../report/docx-text';
import { PLAN_2024 } from '../report/plan-fixture';
import { COMMUNE, COMMUNE_COUNTS, LEGACY_COUNTS, LEGACY_DISTRICT } from '../rollup/units-fixture';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'test-output/e2e-harness-rollup');
const SHOTS = path.join(ROOT, 'test-output/screenshots');
const CHROMIUM = '/usr/bin/chromium';
/** Quarter I's report is due on 20/03: the pane proposes Q1 2024. */
const TODAY = '2024-03-18';

async function buildHarness(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require('../../webpack.config.js') as (env: object, argv: object) => Promise<webpack.Configuration>;
  const config = await makeConfig({ harness: true, outDir: OUT }, { mode: 'development' });
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? 'webpack failed'));
      resolve();
    });
  });
}

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let server: http.Server;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let filesDir: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  expect(fs.existsSync(CHROMIUM)).toBe(true);
  fs.mkdirSync(SHOTS, { recursive: true });
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-rollup-pane-'));
  await writeXlsx({ sheets: [PLAN_2024] }, path.join(filesDir, 'so-nong-nghiep.xlsx'));
  await writeXlsx({ sheets: [COMMUNE] }, path.join(filesDir, 'xa-an-binh.xlsx'));
  await writeXlsx({ sheets: [LEGACY_DISTRICT] }, path.join(filesDir, 'huyen-song-may.xlsx'));
  await buildHarness();
  server = await serve(OUT);
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    pageErrors.push(`request to ${url.href}`);
    return route.abort();
  });
  const port = (server.address() as AddressInfo).port;
  await page.goto(`http://127.0.0.1:${port}/harness.html?today=${TODAY}`);
  await page.getByTestId('recognised').waitFor();
}, 240_000);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
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
  expect(pageErrors).toEqual([]);
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
  expect(pageErrors).toEqual([]);
}, 60_000);
