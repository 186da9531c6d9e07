/**
 * `cchc-plan clean` on real files: after `validate --out` and then `clean`, the workbook is the
 * user's original again, value for value and format for format; filled statuses go only with
 * --yes; a column of the user's that the block reused stays; --highlights-only takes the rules
 * and nothing else.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { surgicalCopy } from '../../src/hosts/xlsx/surgical';
import { buildWorkbook, writeXlsx } from '../../src/testing/plans/xlsx';
import { samplePlan } from '../../scripts/sample-plan';
import { trackedPlan } from '../fixtures/plans';
import { sheetXml, snapshotRange, workbookXml } from '../hosts/xlsx/helpers';
import { expectOneSentence, runCli, tempDir } from './helpers';

let SAMPLE: string;
const SHEET = 'Phụ lục';
/** Wide and deep enough for the table, the block, the helper column and the as-of cell. */
const AREA = 'A1:T64';

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await tempDir('cchc-clean-');
  // The sample as first written, without its tracking columns: the block is all the tool's.
  SAMPLE = at('sample.xlsx');
  await writeXlsx(samplePlan({ tracking: false }), SAMPLE);
  const checked = await runCli(['validate', SAMPLE, '--as-of', '15/10/2024', '--out', at('checked.xlsx')]);
  expect(checked.code).toBe(1);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The user types into the checked copy: statuses, a completion date, a result. */
async function typeInto(file: string, out: string, cells: { range: string; value: string | number }[]): Promise<void> {
  const { parseA1Range } = await import('../../src/engine/a1');
  const changes = {
    sheet: SHEET,
    writes: cells.map((c) => ({ range: parseA1Range(c.range), values: [[c.value]] })),
    formats: [],
    validations: [],
    conditionalFormats: { tag: '', rules: [] },
    sheets: [],
  };
  await fs.writeFile(out, surgicalCopy(await fs.readFile(file), changes).bytes);
}

function names(book: Record<string, unknown>): string[] {
  const defined = (book.definedNames as { definedName?: { '@_name': string }[] } | undefined)?.definedName ?? [];
  return defined.map((d) => d['@_name']);
}

test('the checked copy holds the block; clean gives back the original, every cell, style, width and name', async () => {
  const before = await snapshotRange(SAMPLE, SHEET, AREA);
  expect(await snapshotRange(at('checked.xlsx'), SHEET, AREA)).not.toEqual(before);

  const result = await runCli(['clean', at('checked.xlsx'), '--out', at('clean.xlsx')]);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('cột J, K, L, M, N');
  expect(await snapshotRange(at('clean.xlsx'), SHEET, AREA)).toEqual(before);

  const ws = await sheetXml(at('clean.xlsx'), SHEET);
  expect(ws.conditionalFormatting).toBeUndefined();
  expect(ws.dataValidations).toBeUndefined();
  expect(names(await workbookXml(at('clean.xlsx')))).toEqual(names(await workbookXml(SAMPLE)));
});

function sheetNames(book: Record<string, unknown>): string[] {
  const sheets = (book.sheets as { sheet: { '@_name': string }[] }).sheet;
  return sheets.map((x) => x['@_name']);
}

test('the columns the block took get back the widths they had; the state sheet goes when nothing is left to remember', async () => {
  // J and L (tracking columns) and O (the helper) had widths of their own; a width Excel writes
  // (characters of 7-pixel digits, in 1/256ths) comes back as it was.
  const plan = samplePlan({ tracking: false });
  const sheet = plan.sheets[0];
  sheet.xlsx = { ...sheet.xlsx, columnWidths: { ...sheet.xlsx?.columnWidths, J: 20, L: 35.7109375, O: 5.140625 } };
  const input = at('widths.xlsx');
  await writeXlsx(plan, input);
  expect((await runCli(['validate', input, '--as-of', '15/10/2024', '--out', at('widths-checked.xlsx')])).code).toBe(1);
  const checked = await snapshotRange(at('widths-checked.xlsx'), SHEET, AREA);
  expect(checked.columns.find((c) => c.col === 10)?.width).not.toBe(20);
  expect(sheetNames(await workbookXml(at('widths-checked.xlsx')))).toEqual([SHEET, 'CCHC_State']);

  expect((await runCli(['clean', at('widths-checked.xlsx'), '--out', at('widths-clean.xlsx')])).code).toBe(0);
  expect(await snapshotRange(at('widths-clean.xlsx'), SHEET, AREA)).toEqual(await snapshotRange(input, SHEET, AREA));
  const book = await workbookXml(at('widths-clean.xlsx'));
  expect(sheetNames(book)).toEqual([SHEET]);
  expect(names(book)).toEqual(names(await workbookXml(input)));
});

test('a style of the user’s on a whole column the block took stays with it', async () => {
  const workbook = buildWorkbook(samplePlan({ tracking: false }));
  const ws = workbook.getWorksheet(SHEET)!;
  // K and M (tracking columns) carry a font of their own over the whole column; K is as wide as
  // the default, M wider.
  for (const [letter, width] of [['K', 9.140625], ['M', 25.7109375]] as const) {
    ws.getColumn(letter).width = width;
    ws.getColumn(letter).font = { name: 'Times New Roman', size: 13 };
  }
  const input = at('column-style.xlsx');
  await workbook.xlsx.writeFile(input);
  expect((await runCli(['validate', input, '--as-of', '15/10/2024', '--out', at('column-style-checked.xlsx')])).code).toBe(1);
  expect((await runCli(['clean', at('column-style-checked.xlsx'), '--out', at('column-style-clean.xlsx')])).code).toBe(0);
  const cols = async (file: string) => {
    const list = ((await sheetXml(file, SHEET)).cols as { col: Record<string, string>[] | Record<string, string> }).col;
    return (Array.isArray(list) ? list : [list]).filter((c) => Number(c['@_min']) >= 10).map((c) => ({ min: c['@_min'], max: c['@_max'], width: c['@_width'], style: c['@_style'], hidden: c['@_hidden'] }));
  };
  const original = await cols(input);
  expect(original.map((c) => c.min)).toEqual(['11', '13']);
  expect(await cols(at('column-style-clean.xlsx'))).toEqual(original);
  expect(await snapshotRange(at('column-style-clean.xlsx'), SHEET, AREA)).toEqual(await snapshotRange(input, SHEET, AREA));
});

test('a second check of the cleaned copy builds the same block again', async () => {
  const again = await runCli(['validate', at('clean.xlsx'), '--as-of', '15/10/2024', '--out', at('again.xlsx')]);
  expect(again.code).toBe(1);
  expect(await snapshotRange(at('again.xlsx'), SHEET, AREA)).toEqual(await snapshotRange(at('checked.xlsx'), SHEET, AREA));
});

test('filled statuses, dates and results are not removed without --yes: one sentence, exit 2, no copy', async () => {
  await typeInto(at('checked.xlsx'), at('filled.xlsx'), [
    { range: 'J11', value: 'Hoàn thành' },
    { range: 'J12', value: 'Đang thực hiện' },
    { range: 'K11', value: 45_380 },
    { range: 'L11', value: 'Đã ban hành Kế hoạch số 15/KH-STP' },
  ]);
  const refused = await runCli(['clean', at('filled.xlsx'), '--out', at('filled-clean.xlsx')]);
  expect(refused.code).toBe(2);
  expectOneSentence(refused.stderr);
  expect(refused.stderr).toContain('2 tình trạng, 1 ngày hoàn thành và 1 kết quả thực hiện');
  await expect(fs.stat(at('filled-clean.xlsx'))).rejects.toThrow();

  const english = await runCli(['clean', at('filled.xlsx'), '--out', at('filled-clean.xlsx'), '--lang', 'en']);
  expect(english.stderr).toContain('2 statuses, 1 completion date and 1 result');

  const confirmed = await runCli(['clean', at('filled.xlsx'), '--out', at('filled-clean.xlsx'), '--yes']);
  expect(confirmed.code).toBe(0);
  expect(await snapshotRange(at('filled-clean.xlsx'), SHEET, AREA)).toEqual(await snapshotRange(SAMPLE, SHEET, AREA));
});

test('--highlights-only removes the rules and leaves the block, filled or not', async () => {
  const result = await runCli(['clean', at('filled.xlsx'), '--out', at('plain.xlsx'), '--highlights-only']);
  expect(result.code).toBe(0);
  expect((await sheetXml(at('filled.xlsx'), SHEET)).conditionalFormatting).toBeDefined();
  const ws = await sheetXml(at('plain.xlsx'), SHEET);
  expect(ws.conditionalFormatting).toBeUndefined();
  expect(ws.dataValidations).toBeDefined();
  expect(await snapshotRange(at('plain.xlsx'), SHEET, AREA)).toEqual(await snapshotRange(at('filled.xlsx'), SHEET, AREA));
});

test('a plan’s own “Tình trạng” and “Ngày hoàn thành”, reused by the block, stay with their values', async () => {
  const input = at('tracked.xlsx');
  await buildWorkbook(trackedPlan).xlsx.writeFile(input);
  const sheet = trackedPlan.sheets[0].name;
  expect((await runCli(['validate', input, '--as-of', '01/07/2024', '--out', at('tracked-checked.xlsx')])).code).toBeLessThan(2);
  const result = await runCli(['clean', at('tracked-checked.xlsx'), '--out', at('tracked-clean.xlsx')]);
  // The user's statuses are the table's own: nothing to lose, nothing to ask.
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('cột I, J, K');
  expect(result.stdout).toContain('Giữ nguyên cột G, H');
  expect(await snapshotRange(at('tracked-clean.xlsx'), sheet, 'A1:P12')).toEqual(await snapshotRange(input, sheet, 'A1:P12'));
});

test('a clean of a file never checked changes no cell; a missing --out is one sentence', async () => {
  const result = await runCli(['clean', SAMPLE, '--out', at('sample-clean.xlsx')]);
  expect(result.code).toBe(0);
  expect(await snapshotRange(at('sample-clean.xlsx'), SHEET, AREA)).toEqual(await snapshotRange(SAMPLE, SHEET, AREA));
  const missing = await runCli(['clean', SAMPLE]);
  expect(missing.code).toBe(2);
  expectOneSentence(missing.stderr);
});
