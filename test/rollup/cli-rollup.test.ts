/**
 * `cchc-plan rollup` run in-process on a district office's folder of unit workbooks: four plans
 * in four layouts (one in TCVN3), a damaged file, a byte-for-byte copy, a plan of another year,
 * and two different files of one commune. The consolidated counts are worked out here by hand
 * and must equal the sums of the single-unit `report --json` counts; the written sheets'
 * formulas, recomputed, must agree with the JSON.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import path from 'path';
import { reportJsonSchema } from '../../src/contract/report-json';
import { rollupJsonSchema, type RollupJson } from '../../src/contract/rollup-json';
import type { SheetCell, SheetModel } from '../../src/engine/model';
import { writeXlsx } from '../../src/testing/plans/xlsx';
import { readWorkbookState } from '../../src/hosts/xlsx/read';
import { contentDigest } from '../../src/usecases/rollup-write';
import { huyenPlan } from '../fixtures/plans';
import { expectOneSentence, jsonLines, runCli, tempDir } from '../cli/helpers';
import { SheetEvaluator } from '../report/formula-eval';
import { APPENDIX_SHEET, PLAN_2024 } from '../report/plan-fixture';
import { COMMUNE, COMMUNE_COUNTS, COMMUNE_EXTRA, COMMUNE_EXTRA_COUNTS, counts, LEGACY_COUNTS, LEGACY_DISTRICT, LEGACY_UNIT, type Counts } from './units-fixture';

/** PLAN_2024 on 14/03/2024 (test/report/cli-report.test.ts). */
const DEPARTMENT_COUNTS = counts({ doneOnTime: 2, doneLate: 1, inProgress: 5, overdue: 1, notDue: 3, notFixed: 3 });
const CLASS_KEYS = ['total', 'doneOnTime', 'doneLate', 'done', 'inProgress', 'overdue', 'notDue', 'notFixed'] as const;

let dir: string;
const IN = 'don-vi';

beforeAll(async () => {
  dir = await tempDir('cchc-rollup-');
  const at = (name: string) => path.join(dir, IN, name);
  await fs.mkdir(path.join(dir, IN, 'xa'), { recursive: true });
  await writeXlsx({ sheets: [PLAN_2024] }, at('so-nong-nghiep.xlsx'));
  await writeXlsx({ sheets: [COMMUNE] }, at('xa/an-binh.xlsx'));
  await writeXlsx({ sheets: [COMMUNE_EXTRA] }, at('xa/an-binh-bo-sung.xlsx'));
  await writeXlsx({ sheets: [LEGACY_DISTRICT] }, at('song-may-tcvn3.xlsx'));
  await writeXlsx(huyenPlan, at('hoa-binh-2025.xlsx'));
  // The same file sent twice, under another name.
  await fs.copyFile(at('xa/an-binh.xlsx'), at('xa/an-binh-gui-lai.xlsx'));
  // A workbook cut short in transfer.
  const whole = await fs.readFile(at('so-nong-nghiep.xlsx'));
  await fs.writeFile(at('hong.xlsx'), whole.subarray(0, Math.floor(whole.length / 2)));
  // Excel's lock file of an open workbook is not a plan.
  await fs.writeFile(at('~$so-nong-nghiep.xlsx'), 'owner');
}, 60_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function rollup(args: string[]): Promise<{ code: number; json: RollupJson; stderr: string }> {
  const result = await runCli(['rollup', ...args, '--json'], { cwd: dir, today: '2024-03-18' });
  const lines = jsonLines(result.stdout);
  expect(lines).toHaveLength(1);
  return { code: result.code, json: rollupJsonSchema.parse(lines[0]), stderr: result.stderr };
}

function pick(c: object): Counts {
  return Object.fromEntries(CLASS_KEYS.map((k) => [k, (c as Record<string, unknown>)[k]])) as unknown as Counts;
}

function sum(list: Counts[]): Counts {
  const s = counts({ doneOnTime: 0, doneLate: 0, inProgress: 0, overdue: 0, notDue: 0, notFixed: 0 });
  for (const c of list) for (const k of CLASS_KEYS) s[k] += c[k];
  return s;
}

const f = (name: string) => path.join(IN, name);

describe('rollup of a folder', () => {
  let run: { code: number; json: RollupJson; stderr: string };
  beforeAll(async () => {
    run = await rollup([IN, '--period', 'Q1', '--out', 'tong-hop.xlsx']);
  }, 120_000);

  test('counts worked out by hand: four units, five files counted, the total is their sum', () => {
    const { json } = run;
    expect(json).toMatchObject({ period: 'Q1', year: 2024, from: '2023-12-15', to: '2024-03-14', due: '2024-03-20', asOf: '2024-03-14' });
    const expected = new Map([
      [f('so-nong-nghiep.xlsx'), DEPARTMENT_COUNTS],
      // The copy sorts first and is counted; the original is the duplicate.
      [f('xa/an-binh-gui-lai.xlsx'), COMMUNE_COUNTS],
      [f('xa/an-binh-bo-sung.xlsx'), COMMUNE_EXTRA_COUNTS],
      [f('song-may-tcvn3.xlsx'), LEGACY_COUNTS],
    ]);
    expect(new Map(json.units.map((u) => [u.file, pick(u)]))).toEqual(expected);
    const total = sum([...expected.values()]);
    // 3 on time, 2 late, 7 in progress, 4 overdue, 7 not due, 5 without a fixed date: 28 tasks.
    expect(total).toEqual({ total: 28, doneOnTime: 3, doneLate: 2, done: 5, inProgress: 7, overdue: 4, notDue: 7, notFixed: 5 });
    expect(pick(json.total)).toEqual(total);
    // The rate is recomputed from the sums, never added up.
    expect(json.total.rate).toBeCloseTo(5 / 28, 10);
  });

  test('every count equals the sum of the single-unit `report --json` counts of the files counted', async () => {
    const counted = run.json.files.filter((x) => x.ok).map((x) => x.file);
    expect(counted).toHaveLength(4);
    const reports = [];
    for (const file of counted) {
      const r = await runCli(['report', file, '--period', 'Q1', '--json'], { cwd: dir, today: '2024-03-18' });
      reports.push(reportJsonSchema.parse(jsonLines(r.stdout)[0]));
    }
    expect(pick(run.json.total)).toEqual(sum(reports.map((r) => pick(r.total))));
    for (const r of reports) expect(pick(run.json.units.find((u) => u.file === r.file)!)).toEqual(pick(r.total));
    // Overdue lists, unit by unit, are the reports' own.
    const overdue = reports.flatMap((r) => r.overdue.map((o) => `${r.file}:${o.row}:${o.daysLate}`)).sort();
    expect(run.json.overdue.map((o) => `${o.file}:${o.row}:${o.daysLate}`).sort()).toEqual(overdue);
    // By reform area the same tasks again.
    expect(pick(sum(run.json.bySection.map(pick)))).toEqual(pick(run.json.total));
  }, 120_000);

  test('units read from the titles: old and new tone placement, a two-line cell, TCVN3', () => {
    const unitOf = (file: string) => run.json.files.find((x) => x.file === f(file))?.unit;
    expect(unitOf('so-nong-nghiep.xlsx')).toBe('SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN');
    // "UỶ BAN NHÂN DÂN" + "XÃ AN BÌNH" on two lines, and "ỦY BAN NHÂN DÂN XÃ AN BÌNH": one unit.
    expect(unitOf('xa/an-binh.xlsx')).toBe('ỦY BAN NHÂN DÂN XÃ AN BÌNH');
    expect(unitOf('xa/an-binh-bo-sung.xlsx')).toBe('ỦY BAN NHÂN DÂN XÃ AN BÌNH');
    expect(unitOf('song-may-tcvn3.xlsx')).toBe(LEGACY_UNIT);
    for (const u of run.json.units) expect(u.unit).toBe(u.unit.normalize('NFC'));
  });

  test('the files list: damaged, duplicate, other year and the same unit twice, each with a sentence', () => {
    const byFile = new Map(run.json.files.map((x) => [x.file, x]));
    // Every input in name order; the lock file is not one.
    expect(run.json.files.map((x) => x.file)).toEqual(
      ['hoa-binh-2025.xlsx', 'hong.xlsx', 'so-nong-nghiep.xlsx', 'song-may-tcvn3.xlsx', 'xa/an-binh-bo-sung.xlsx', 'xa/an-binh-gui-lai.xlsx', 'xa/an-binh.xlsx'].map(f),
    );
    expect(byFile.get(f('hong.xlsx'))).toMatchObject({ ok: false, status: 'unreadable', reason: expect.stringMatching(/bị hỏng/) });
    expect(byFile.get(f('hoa-binh-2025.xlsx'))).toMatchObject({ ok: false, status: 'other-year', planYear: 2025, reason: expect.stringContaining('năm 2025') });
    // The copy sorts before its original: the first of identical files is counted, the later listed.
    expect(byFile.get(f('xa/an-binh.xlsx'))).toMatchObject({ ok: false, status: 'duplicate', reason: expect.stringContaining('an-binh-gui-lai.xlsx') });
    expect(byFile.get(f('xa/an-binh-gui-lai.xlsx'))?.sha256).toBe(byFile.get(f('xa/an-binh.xlsx'))?.sha256);
    for (const file of ['xa/an-binh-gui-lai.xlsx', 'xa/an-binh-bo-sung.xlsx']) {
      expect(byFile.get(f(file))).toMatchObject({ ok: true, status: 'counted', note: expect.stringMatching(/Cùng đơn vị/) });
    }
    for (const x of run.json.files) if (x.status !== 'unreadable') expect(x.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Some file skipped: exit 1; each skipped file, and each file of a unit sent twice, said on
    // stderr in one line (stdout holds the JSON alone).
    expect(run.code).toBe(1);
    const said = run.stderr.split('\n').filter(Boolean);
    expect(said).toHaveLength(5);
    expect(said.filter((l) => l.startsWith('Lưu ý'))).toHaveLength(2);
  });

  test('the written sheets: formulas recomputed agree with the JSON; one detail sheet per unit', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'tong-hop.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 5)).toEqual(['Tổng hợp', 'Theo lĩnh vực', 'Quá hạn', 'Chất lượng dữ liệu', 'Danh sách tệp']);
    // …and the add-in's very hidden state sheet, last, with the record of the sheets written.
    expect(names).toHaveLength(5 + run.json.units.length + 1);
    expect(wb.worksheets[names.length - 1]).toMatchObject({ name: 'CCHC_State', state: 'veryHidden' });

    const summary = evaluator(wb.getWorksheet('Tổng hợp')!);
    const rows = summary.rows;
    const header = rows.findIndex((r) => r.includes('Xếp hạng'));
    for (const u of run.json.units) {
      const r = header + u.line;
      expect(summary.text(r, 1)).toBe(u.unit);
      expect(summary.text(r, 12)).toBe(u.file);
      expect(summary.value(r, 8)).toBe(u.total);
      expect(summary.value(r, 9)).toBe(u.done);
      expect(summary.value(r, 10)).toBeCloseTo(u.rate ?? -1, 10);
    }
    const totals = header + run.json.units.length + 1;
    expect(summary.text(totals, 1)).toBe('Tổng cộng');
    // C…H the classes in TASK_CLASSES order, I total, J done, K rate.
    const classes = ['doneOnTime', 'doneLate', 'inProgress', 'overdue', 'notDue', 'notFixed'] as const;
    classes.forEach((k, i) => expect(summary.value(totals, 2 + i)).toBe(run.json.total[k]));
    expect(summary.value(totals, 8)).toBe(run.json.total.total);
    expect(summary.value(totals, 9)).toBe(run.json.total.done);
    expect(summary.value(totals, 10)).toBeCloseTo(run.json.total.rate ?? -1, 10);
    // Ranked: lines in falling rate, the rank formula agreeing.
    const rates = run.json.units.map((u) => u.rate ?? -1);
    expect([...rates].sort((a, b) => b - a)).toEqual(rates);
    run.json.units.forEach((u) => expect(summary.value(header + u.line, 11)).toBe(1 + rates.filter((r) => r > (u.rate ?? -1)).length));

    const areas = evaluator(wb.getWorksheet('Theo lĩnh vực')!);
    const aHeader = areas.rows.findIndex((r) => r.includes('Lĩnh vực cải cách'));
    run.json.bySection.forEach((a, i) => {
      expect(areas.text(aHeader + 1 + i, 1)).toBe(a.area);
      expect(areas.value(aHeader + 1 + i, 8)).toBe(a.total);
    });
    expect(areas.value(aHeader + run.json.bySection.length + 1, 8)).toBe(run.json.total.total);

    const quality = evaluator(wb.getWorksheet('Chất lượng dữ liệu')!);
    const qHeader = quality.rows.findIndex((r) => r.includes('Chưa có đơn vị chủ trì'));
    const qTotals = qHeader + run.json.units.length + 1;
    const qSum = (k: 'tasks' | 'noLead' | 'rows') => run.json.dataQuality.reduce((n, q) => n + q[k], 0);
    expect(quality.value(qTotals, 2)).toBe(qSum('tasks'));
    expect(quality.value(qTotals, 3)).toBe(qSum('noLead'));
    expect(quality.value(qTotals, 6)).toBe(qSum('rows'));
    expect(quality.value(qTotals, 7)).toBeCloseTo(qSum('rows') / qSum('tasks'), 10);
    // PLAN_2024's T10 has no lead.
    expect(run.json.dataQuality.find((q) => q.file === f('so-nong-nghiep.xlsx'))?.noLead).toBe(1);

    const overdue = evaluator(wb.getWorksheet('Quá hạn')!);
    const oHeader = overdue.rows.findIndex((r) => r.includes('Số ngày quá hạn'));
    run.json.overdue.forEach((o, i) => {
      expect(overdue.text(oHeader + 1 + i, 1)).toBe(o.unit);
      expect(overdue.value(oHeader + 1 + i, 5)).toBe(o.daysLate);
      expect(overdue.value(oHeader + 1 + i, 7)).toBe(o.row);
    });

    const files = evaluator(wb.getWorksheet('Danh sách tệp')!);
    const fHeader = files.rows.findIndex((r) => r.includes('Mã SHA-256'));
    run.json.files.forEach((x, i) => {
      expect(files.text(fHeader + 1 + i, 1)).toBe(x.file);
      expect(files.text(fHeader + 1 + i, 2)).toBe(x.ok ? 'Có' : 'Không');
      expect(files.text(fHeader + 1 + i, 7)).toBe(x.sha256 ?? '');
    });

    // A unit's detail sheet is its own report: the department's overdue task T5 is there.
    const dept = run.json.units.find((u) => u.file === f('so-nong-nghiep.xlsx'))!;
    const detail = wb.worksheets[5 + dept.line - 1];
    expect(detail.name.startsWith(`${dept.line}. `)).toBe(true);
    const text = evaluator(detail).rows.flat().join('\n');
    expect(text).toContain(`${APPENDIX_SHEET}`);
    expect(text).toContain('Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực thủy lợi');
  });
});

describe('the record of the sheets written', () => {
  /** A cell as Excel's Range.formulas gives it: a formula with its "=", the cells of a merged
   * area other than its first empty (exceljs repeats the first's value in them). */
  function asExcelReads(cell: ExcelJS.Cell): unknown {
    if (cell.isMerged && cell.master !== cell) return '';
    if (cell.formula) return `=${cell.formula}`;
    const v = cell.value;
    if (v && typeof v === 'object' && 'text' in v) return (v as { text: unknown }).text;
    if (v && typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
    return v;
  }

  test('the workbook records each sheet with the digest of its content as written: a roll-up in Excel later knows them', async () => {
    const { code } = await rollup([f('so-nong-nghiep.xlsx'), f('xa/an-binh.xlsx'), f('song-may-tcvn3.xlsx'), '--period', 'Q1', '--out', 'ghi-nhan.xlsx']);
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'ghi-nhan.xlsx'));
    const { state, problem } = readWorkbookState(wb);
    expect(problem).toBeNull();
    const record = state.rollup!;
    expect(record.madeOn).toBe('2024-03-18');
    const sheets = wb.worksheets.filter((w) => w.name !== 'CCHC_State');
    expect(record.sheets.map((r) => r.name)).toEqual(sheets.map((w) => w.name));
    for (const ws of sheets) {
      const cells: unknown[][] = [];
      ws.eachRow((row, r) => row.eachCell((cell, c) => ((cells[r - 1] ??= [])[c - 1] = asExcelReads(cell))));
      const width = Array.from(cells, (l) => l?.length ?? 0).reduce((a, b) => Math.max(a, b), 0);
      const rows = Array.from(cells, (l) => Array.from({ length: width }, (_, c) => l?.[c] ?? ''));
      expect({ sheet: ws.name, digest: contentDigest({ top: 0, left: 0, cells: rows }) }).toEqual({ sheet: ws.name, digest: record.sheets.find((r) => r.name === ws.name)!.digest });
    }
    // A value changed by hand no longer matches.
    const summary = sheets[0];
    const edited = contentDigest({ top: 0, left: 0, cells: [[asExcelReads(summary.getCell('A1')), 'sửa tay']] });
    expect(edited).not.toBe(record.sheets[0].digest);
  }, 60_000);
});

describe('names, years and arguments', () => {
  test('--units merges spellings into the office’s name; the same unit is still flagged twice', async () => {
    await fs.writeFile(
      path.join(dir, 'don-vi.json'),
      JSON.stringify({ units: [{ unit: 'UBND xã An Bình', aliases: ['Ủy ban nhân dân xã An Bình'] }, { unit: 'Sở NN&PTNT', files: ['so-nong-nghiep.xlsx'] }] }),
    );
    const { json } = await rollup([IN, '--period', 'Q1', '--units', 'don-vi.json', '--out', 'tong-hop-ten.xlsx']);
    expect(json.units.map((u) => u.unit).sort()).toEqual(['Sở NN&PTNT', 'UBND xã An Bình', 'UBND xã An Bình', LEGACY_UNIT].sort());
    expect(json.files.find((x) => x.file === f('xa/an-binh-bo-sung.xlsx'))).toMatchObject({ agency: 'ỦY BAN NHÂN DÂN XÃ AN BÌNH', unit: 'UBND xã An Bình' });
  }, 120_000);

  test('--year 2025 counts the 2025 plan alone and refuses the others as of another year', async () => {
    const { code, json } = await rollup([f('hoa-binh-2025.xlsx'), f('so-nong-nghiep.xlsx'), '--period', 'Y', '--year', '2025', '--out', 'tong-hop-2025.xlsx']);
    expect(code).toBe(1);
    expect(json).toMatchObject({ year: 2025, period: 'Y', asOf: '2025-12-14' });
    expect(json.units.map((u) => u.file)).toEqual([f('hoa-binh-2025.xlsx')]);
    expect(json.files[1]).toMatchObject({ ok: false, status: 'other-year', planYear: 2024 });
  }, 120_000);

  test('every file read: exit 0; nothing readable: exit 2 and no file written', async () => {
    const ok = await rollup([f('so-nong-nghiep.xlsx'), f('song-may-tcvn3.xlsx'), '--period', 'Q1', '--out', 'hai.xlsx']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
    const none = await runCli(['rollup', f('hong.xlsx'), 'khong-co.xlsx', '--period', 'Q1', '--out', 'khong.xlsx', '--lang', 'en'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/None of the 2 files could be counted/);
    await expect(fs.access(path.join(dir, 'khong.xlsx'))).rejects.toThrow();
  }, 120_000);

  test('a roll-up written into the folder is not read as a plan the next time; the input is never written', async () => {
    const argv = [f('xa'), '--period', 'Q1', '--out', f('xa/tong-hop-xa.xlsx')];
    const first = await rollup(argv);
    const again = await rollup(argv);
    expect(again.json.files.map((x) => x.file)).toEqual(first.json.files.map((x) => x.file));
    expect(again.json.files.map((x) => x.file)).not.toContain(f('xa/tong-hop-xa.xlsx'));
  }, 120_000);

  test.each([
    [['rollup', IN, '--out', 'x.xlsx'], /--period/],
    [['rollup', IN, '--period', 'Q1'], /--out/],
    [['rollup', IN, '--period', 'Q5', '--out', 'x.xlsx'], /Q5/],
    [['rollup', IN, '--period', 'Q1', '--out', 'x.txt'], /\.xlsx/],
    [['rollup', 'trong', '--period', 'Q1', '--out', 'x.xlsx'], /không có tệp Excel/],
    [['rollup', IN, '--period', 'Q1', '--out', 'x.xlsx', '--units', 'khong-co.json'], /khong-co\.json/],
    [['rollup', IN, '--period', 'Q1', '--out', f('so-nong-nghiep.xlsx')], /trùng với một tệp kế hoạch/],
  ])('bad arguments %j: one sentence, exit 2', async (argv, sentence) => {
    await fs.mkdir(path.join(dir, 'trong'), { recursive: true });
    const r = await runCli(argv, { cwd: dir });
    expect(r.code).toBe(2);
    expectOneSentence(r.stderr);
    expect(r.stderr).toMatch(sentence);
  });

  test('a units file of the wrong shape is refused in one sentence', async () => {
    await fs.writeFile(path.join(dir, 'sai.json'), JSON.stringify({ units: [{ name: 'x' }] }));
    const r = await runCli(['rollup', IN, '--period', 'Q1', '--out', 'x.xlsx', '--units', 'sai.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expectOneSentence(r.stderr);
  });
});

/** The cells of a written sheet, as the SheetModel the formula evaluator reads. */
function evaluator(ws: ExcelJS.Worksheet) {
  const cells: SheetCell[] = [];
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cell.value as unknown;
      const sheetCell: SheetCell = { row: r - 1, col: c - 1 };
      if (v && typeof v === 'object' && 'formula' in (v as object)) sheetCell.formula = `=${(v as { formula: string }).formula}`;
      else sheetCell.value = v as SheetCell['value'];
      cells.push(sheetCell);
      ((rows[r - 1] ??= [])[c - 1] = cell.text);
    });
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const model: SheetModel = { name: ws.name, cells, merges: [], columnWidths: {}, print: { orientation: 'landscape', paper: 'A4', repeatRows: null, fitToWidth: true }, chart: null };
  const ev = new SheetEvaluator(model);
  const address = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;
  return { rows, value: (r: number, c: number) => ev.value(address(r, c)), text: (r: number, c: number) => rows[r]?.[c] ?? '' };
}
