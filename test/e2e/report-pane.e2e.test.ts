/**
 * The report tab in Chromium over the fake Excel: the preview's stacked bars by reform area
 * (@fluentui/react-charts, drawn for real, each class in its colour) with the numbers beside it,
 * screenshots of the chart (Vietnamese and English, light and dark), and "Tải báo cáo Word
 * (.docx)" — the Word file built in the page and handed to the browser as a download, nothing
 * sent anywhere (the harness refuses every request off the machine).
 */
import * as fs from 'fs';
import type * as http from 'http';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { CHROMIUM, ROOT, SHOTS, buildHarness, launch, portOf, serve, type Browser } from './harness/browser';
import { readDocx } from '../report/docx-text';

const OUT = path.join(ROOT, 'test-output/e2e-harness-report');
const TODAY = '2024-05-15';

let server: http.Server;
let browser: Browser;

beforeAll(async () => {
  expect(fs.existsSync(CHROMIUM)).toBe(true);
  fs.mkdirSync(SHOTS, { recursive: true });
  await buildHarness(OUT);
  server = await serve(OUT);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function reportTab(query: string, tab: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${portOf(server)}/harness.html?today=${TODAY}&${query}`);
  await page.getByTestId('recognised').waitFor();
  await page.getByRole('tab', { name: tab }).click();
  await page.getByTestId('report-chart').waitFor();
  await page.waitForTimeout(400); // Fluent's tab transition
  return page;
}

/** Each bar: its area's name and its segments as [label, colour]. */
async function bars(page: Page): Promise<{ title: string; segments: [string, string][] }[]> {
  return page.getByTestId('report-chart').evaluate((figure) =>
    [...figure.querySelectorAll('svg.fui-hbc__chart')].map((svg) => ({
      title: svg.getAttribute('aria-label') ?? '',
      // A class's segment says "<class>, x/total."; a bar of one class also gets a blank rest.
      segments: [...svg.querySelectorAll('rect')].map((r) => [r.getAttribute('aria-label') ?? '', r.getAttribute('fill') ?? ''] as [string, string]).filter(([label]) => /, \d+\/\d+\.$/.test(label)),
    })),
  );
}

describe('the report preview as a chart', () => {
  it.each([
    ['lang=vi', 'Báo cáo quý', 'vi-light'],
    ['lang=en', 'Quarterly report', 'en-light'],
    ['lang=vi&theme=dark', 'Báo cáo quý', 'vi-dark'],
  ])('%s: one stacked bar per area, in the classes\' colours, matching the table beside it', async (query, tab, name) => {
    const page = await reportTab(query, tab);
    const drawn = await bars(page);
    const table = await page.getByTestId('report-areas').locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
    // One bar per row of the table, in the same order, each as long (in tasks) as the row's total.
    expect(drawn.map((b) => b.title)).toEqual(table.map((r) => r[0]));
    drawn.forEach((bar, i) => {
      const total = bar.segments.reduce((n, [label]) => n + Number(/, (\d+)\/\d+\.$/.exec(label)?.[1] ?? NaN), 0);
      expect([bar.title, total]).toEqual([table[i][0], Number(table[i][3])]);
    });
    // The classes in their colours: done green, overdue red.
    const colours = new Map(drawn.flatMap((b) => b.segments.map(([label, fill]) => [label.replace(/, \d+\/\d+\.$/, ''), fill])));
    expect(colours.get(name.startsWith('en') ? 'Overdue, not done' : 'Quá hạn chưa hoàn thành')).toBe('#D13438');
    await page.getByTestId('report-chart').screenshot({ path: path.join(SHOTS, `report-chart-${name}.png`) });
    await page.screenshot({ path: path.join(SHOTS, `report-tab-${name}.png`), fullPage: true });
    await page.close();
  });
});

describe('Tải báo cáo Word (.docx)', () => {
  it('hands the Word report to the browser as a download, built in the page', async () => {
    const page = await reportTab('lang=vi', 'Báo cáo quý');
    // Typing changes the preview's model: the chart is drawn again without failing.
    await page.getByLabel('Họ và tên người ký').fill('Nguyễn Thị Lan');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo Word (.docx)' }).click()]);
    expect(download.suggestedFilename()).toBe('BC-6-thang-2024.docx');
    const file = path.join(OUT, 'downloaded.docx');
    await download.saveAs(file);
    const docx = await readDocx(fs.readFileSync(file));
    expect(docx.body).toContain('BÁO CÁO');
    expect(docx.body).toContain('Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024');
    expect(docx.tables.at(-1)![0][1]).toContain('Nguyễn Thị Lan');
    // The table by area holds the pane's numbers (the same rows, the same totals).
    const table = await page.getByTestId('report-areas').locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
    const word = docx.tables[1].slice(1, -1).map((r) => [r[8], r[9], r[5]]);
    expect(word).toEqual(table.map((r) => [r[3], r[1], r[2]]));
    await page.getByText('Đã tạo tệp “BC-6-thang-2024.docx”', { exact: false }).first().waitFor();
    expect(browser.problems).toEqual([]);
    await page.close();
  });
});
