/**
 * The roll-up as a Word report: the decree's header and closing, and the numbers of its tables
 * and sentences equal to the roll-up's JSON (which equals the sum of the units' reports,
 * cli-rollup.test.ts). Also written by `cchc-plan rollup --format docx`.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { openWorkbookBytes } from '../../src/hosts/xlsx/open-bytes';
import type { FileRead } from '../../src/report/rollup';
import { rollupDocxBytes } from '../../src/report/rollup/docx';
import type { PlanWorkbook } from '../../src/testing/plans';
import { writeXlsx, xlsxBuffer } from '../../src/testing/plans/xlsx';
import { consolidate, unitReport } from '../../src/usecases';
import { runCli, tempDir } from '../cli/helpers';
import { readDocx } from '../report/docx-text';
import { PLAN_2024 } from '../report/plan-fixture';
import { COMMUNE, COMMUNE_EXTRA, LEGACY_DISTRICT } from './units-fixture';

async function read(file: string, plan: PlanWorkbook, sha256: string): Promise<FileRead> {
  const workbook = await openWorkbookBytes(new Uint8Array(await xlsxBuffer(plan)));
  const result = await unitReport({ workbook }, { period: 'Q1', lang: 'vi', today: '2024-03-18', sha256 });
  if (!result.ok) throw new Error(`${file} refused`);
  return { file, ok: true, unit: result.unit };
}

const sha = (c: string) => c.repeat(64);

async function rollup() {
  const files: FileRead[] = [
    await read('so-nn.xlsx', { sheets: [PLAN_2024] }, sha('a')),
    await read('an-binh.xlsx', { sheets: [COMMUNE] }, sha('b')),
    await read('an-binh-bo-sung.xlsx', { sheets: [COMMUNE_EXTRA] }, sha('c')),
    await read('song-may.xlsx', { sheets: [LEGACY_DISTRICT] }, sha('d')),
    { file: 'hong.xlsx', ok: false, reason: 'Tệp “hong.xlsx” bị hỏng.', sha256: null },
  ];
  return consolidate(files, { period: 'Q1', lang: 'vi', madeOn: '2024-03-18' });
}

/** A table row's numbers: the six classes, total, done, and the rate as written. */
function numbers(row: string[]): string[] {
  return row.slice(2);
}

test('the Word roll-up: the decree’s parts, tables and sentences with the JSON’s numbers', async () => {
  const { json } = await rollup();
  const doc = await readDocx(await rollupDocxBytes((await rollup()).model));
  const text = doc.all.join('\n');
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('BÁO CÁO');
  expect(text).toContain('Tổng hợp kết quả thực hiện công tác cải cách hành chính quý I năm 2024');
  expect(text).toContain('(Số liệu tính từ ngày 15/12/2023 đến ngày 14/03/2024)');
  expect(text).toContain('Nơi nhận:');

  const rate = (r: number | null) => (r === null ? '' : `${(Math.round(r * 1000) / 10).toFixed(1).replace('.', ',')}%`);
  const counts = (c: typeof json.total) => [c.doneOnTime, c.doneLate, c.inProgress, c.overdue, c.notDue, c.notFixed, c.total, c.done].map(String).concat(rate(c.rate));

  // Table 1 by unit: header, one row per unit in the summary's order, the total.
  const byUnit = doc.tables.find((t) => t[0][1] === 'Đơn vị')!;
  expect(byUnit.slice(1, -1).map((r) => r[1])).toEqual(json.units.map((u) => u.unit));
  json.units.forEach((u, i) => expect(numbers(byUnit[1 + i])).toEqual(counts(u)));
  expect(numbers(byUnit[byUnit.length - 1])).toEqual(counts(json.total));

  // Table 2 by reform area, the same total.
  const byArea = doc.tables.find((t) => t[0][1] === 'Lĩnh vực cải cách')!;
  expect(byArea.slice(1, -1).map((r) => r[1])).toEqual(json.bySection.map((a) => a.area));
  json.bySection.forEach((a, i) => expect(numbers(byArea[1 + i])).toEqual(counts(a)));
  expect(numbers(byArea[byArea.length - 1])).toEqual(counts(json.total));

  // Table 3: every overdue task with its unit and days late.
  const overdue = doc.tables.find((t) => t[0].includes('Số ngày quá hạn'))!;
  expect(overdue.slice(1).map((r) => [r[1], r[5]])).toEqual(json.overdue.map((o) => [o.unit, String(o.daysLate)]));

  // The sentences carry the same counts.
  const t = json.total;
  expect(text).toContain(`Các đơn vị có tổng số ${t.total} nhiệm vụ; đã hoàn thành ${t.done} nhiệm vụ (${rate(t.rate)})`);
  expect(text).toContain(`Còn ${t.overdue} nhiệm vụ quá hạn chưa hoàn thành`);
  // The files: counted with their hash, the damaged one with its reason, the same unit flagged.
  expect(text).toContain(`- so-nn.xlsx (SHA-256 ${sha('a')});`);
  expect(text).toContain('- hong.xlsx: Tệp “hong.xlsx” bị hỏng.');
  expect(text).toMatch(/an-binh-bo-sung\.xlsx: Cùng đơn vị với tệp “an-binh\.xlsx”/);
  // No class key or issue code in the document.
  expect(text).not.toMatch(/doneOnTime|notFixed|lead-missing/);
});

test('cchc-plan rollup --format docx writes the Word roll-up; --format docx wants a .docx', async () => {
  const dir = await tempDir('cchc-rollup-docx-');
  try {
    await writeXlsx({ sheets: [PLAN_2024] }, path.join(dir, 'so-nn.xlsx'));
    await writeXlsx({ sheets: [COMMUNE] }, path.join(dir, 'an-binh.xlsx'));
    const ok = await runCli(['rollup', 'so-nn.xlsx', 'an-binh.xlsx', '--period', 'Q1', '--out', 'tong-hop.docx', '--format', 'docx', '--json'], { cwd: dir });
    expect(ok.code).toBe(0);
    const json = JSON.parse(ok.stdout);
    const doc = await readDocx(await fs.readFile(path.join(dir, 'tong-hop.docx')));
    const byUnit = doc.tables.find((t) => t[0][1] === 'Đơn vị')!;
    expect(byUnit[byUnit.length - 1][8]).toBe(String(json.total.total));
    const bad = await runCli(['rollup', 'so-nn.xlsx', '--period', 'Q1', '--out', 'tong-hop.xlsx', '--format', 'docx'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/\.docx/);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 120_000);
