/**
 * The pane's "Tải báo cáo tổng hợp Word (.docx)": the Word roll-up handed to the browser through
 * the report tab's download path, its numbers equal to the consolidated sheet the same roll-up
 * wrote into the open workbook — the sheet's counts as written and its totals and rates as Excel
 * would compute its formulas.
 */
import { a1 } from '../../src/engine/a1';
import type { SheetCell } from '../../src/engine/model';
import { createExcelPlanHost } from '../../src/hosts/excel';
import { openWorkbookBytes } from '../../src/hosts/xlsx/open-bytes';
import type { FileRead } from '../../src/report/rollup';
import { DOCX_MIME, downloadRollupDocx } from '../../src/taskpane/report/download';
import { createFakeExcel } from '../../src/testing/fake-excel';
import type { PlanWorkbook } from '../../src/testing/plans';
import { xlsxBuffer } from '../../src/testing/plans/xlsx';
import { consolidate, unitReport } from '../../src/usecases';
import { readDocx } from '../report/docx-text';
import { SheetEvaluator } from '../report/formula-eval';
import { PLAN_2024 } from '../report/plan-fixture';
import { COMMUNE, COMMUNE_EXTRA, LEGACY_DISTRICT } from './units-fixture';

async function read(file: string, plan: PlanWorkbook, sha256: string, lang: 'vi' | 'en'): Promise<FileRead> {
  const workbook = await openWorkbookBytes(new Uint8Array(await xlsxBuffer(plan)));
  const result = await unitReport({ workbook }, { period: 'Q1', lang, today: '2024-03-18', sha256 });
  if (!result.ok) throw new Error(`${file} refused`);
  return { file, ok: true, unit: result.unit };
}

/** The sheet as the fake workbook holds it, its formulas evaluated as Excel would. */
function evaluate(cells: Record<string, { value?: unknown; formula?: string | null }>) {
  const list: SheetCell[] = [];
  for (const [address, c] of Object.entries(cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    list.push({ row: Number(m[2]) - 1, col, ...(c.formula ? { formula: c.formula } : { value: c.value as SheetCell['value'] }) });
  }
  const ev = new SheetEvaluator({ name: 's', cells: list, merges: [], columnWidths: {}, print: { orientation: 'landscape', paper: 'A4', repeatRows: null, fitToWidth: true }, chart: null });
  const rows = Math.max(...list.map((c) => c.row)) + 1;
  return { rows, value: (r: number, c: number) => ev.value(a1(r, c)) };
}

const percent = (v: number, lang: 'vi' | 'en') => `${(Math.round(v * 1000) / 10).toFixed(1)}%`.replace('.', lang === 'vi' ? ',' : '.');

test.each(['vi', 'en'] as const)('%s: the Word roll-up downloaded has the consolidated sheet’s numbers, unit by unit and in total', async (lang) => {
  const files = [
    await read('so-nn.xlsx', { sheets: [PLAN_2024] }, 'a'.repeat(64), lang),
    await read('an-binh.xlsx', { sheets: [COMMUNE] }, 'b'.repeat(64), lang),
    await read('an-binh-bo-sung.xlsx', { sheets: [COMMUNE_EXTRA] }, 'c'.repeat(64), lang),
    await read('song-may.xlsx', { sheets: [LEGACY_DISTRICT] }, 'd'.repeat(64), lang),
  ];
  const rollup = consolidate(files, { period: 'Q1', lang, madeOn: '2024-03-18' });
  const excel = createFakeExcel({ sheets: [{ name: 'Sheet1', rows: [['']] }] });
  const written = await createExcelPlanHost(excel.run).writeSheets!({ sheets: rollup.sheets, lang, madeOn: '2024-03-18', confirm: async () => true });
  expect(written.ok).toBe(true);

  const saved: { blob: Blob; name: string }[] = [];
  const name = await downloadRollupDocx(rollup.model, (blob, file) => saved.push({ blob, name: file }));
  expect(name).toBe(lang === 'vi' ? 'BC-Tong-hop-Quy-I-2024.docx' : 'Rollup-Q1-2024.docx');
  expect(saved).toHaveLength(1);
  expect(saved[0].blob.type).toBe(DOCX_MIME);
  const doc = await readDocx(await saved[0].blob.arrayBuffer());

  // The summary sheet: the unit in B, the six classes in C…H, total I, done J, rate K.
  const sheet = evaluate(excel.dumpSheet(lang === 'vi' ? 'Tổng hợp' : 'Summary').cells);
  const units = rollup.model.units.map((u) => u.unit);
  const firstRow = Array.from({ length: sheet.rows }, (_, r) => r).find((r) => sheet.value(r, 1) === units[0])!;
  const sheetRow = (r: number) => [
    ...[2, 3, 4, 5, 6, 7, 8, 9].map((c) => String(sheet.value(r, c))),
    percent(sheet.value(r, 10) as number, lang),
  ];

  const table = doc.tables.find((t) => t[0][1] === (lang === 'vi' ? 'Đơn vị' : 'Unit'))!;
  expect(table.slice(1, -1).map((r) => r[1])).toEqual(units);
  units.forEach((u, i) => {
    expect(sheet.value(firstRow + i, 1)).toBe(u);
    expect(table[1 + i].slice(2)).toEqual(sheetRow(firstRow + i));
  });
  // The totals row: the sheet's SUM formulas.
  expect(table[table.length - 1].slice(2)).toEqual(sheetRow(firstRow + units.length));
  expect(Number(table[table.length - 1][8])).toBe(rollup.json.total.total);
});
