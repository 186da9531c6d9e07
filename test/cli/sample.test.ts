/**
 * The bundled sample plan: the committed file is what its definition says, and the checker
 * reads it as the definition means it (every task, every section, the split row).
 */
import path from 'path';
import { toGrid } from '../../src/testing/plans';
import { openWorkbook, readWorkbook } from '../../src/hosts/xlsx/read';
import { validateJsonSchema } from '../../src/contract/validate-json';
import { SAMPLE_SECTIONS, SAMPLE_SHEET, SAMPLE_YEAR, sampleSheet, sampleTaskCount } from '../../scripts/sample-plan';
import { reportJsonSchema } from '../../src/contract/report-json';
import { TASK_CLASSES } from '../../src/report';
import { jsonLines, runCli } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join('assets', 'sample', 'ke-hoach-cchc-2024.xlsx');

function trimmed(values: unknown[][]): unknown[][] {
  const out = values.map((line) => {
    const copy = line.map((v) => (v === '' || v === undefined ? null : v));
    while (copy.length && copy[copy.length - 1] === null) copy.pop();
    return copy;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

test('the committed sample file holds exactly its definition (regenerate: npx tsx scripts/make-sample.ts)', async () => {
  const read = readWorkbook(await openWorkbook(path.join(ROOT, SAMPLE)));
  expect(read.sheets.map((s) => s.name)).toEqual([SAMPLE_SHEET]);
  const expected = toGrid(sampleSheet());
  expect(trimmed(read.sheets[0].grid.values)).toEqual(trimmed(expected.values));
  expect(read.sheets[0].grid.merges).toHaveLength(expected.merges.length);
});

test('every task and section of the sample is recognised, and the page-break tail joins its task', async () => {
  const result = await runCli(['validate', SAMPLE, '--json', '--as-of', '2024-10-15'], { cwd: ROOT });
  const json = validateJsonSchema.parse(jsonLines(result.stdout)[0]);
  expect(json.summary.tasks).toBe(sampleTaskCount());
  expect(json.rows.filter((r) => r.kind === 'section').map((r) => (r.kind === 'section' ? r.section : ''))).toEqual(SAMPLE_SECTIONS.map((s) => s.id));
  const sheet = sampleSheet();
  const tailRow = sheet.rows.findIndex((line) => line[2] === 'giải quyết trễ hạn') + 1;
  expect(json.rows.find((r) => r.row === tailRow)).toMatchObject({ kind: 'continuation', of: tailRow - 1 });
  const joined = json.rows.find((r) => r.row === tailRow - 1);
  expect(joined?.kind === 'task' && joined.task).toMatch(/khi hồ sơ giải quyết trễ hạn$/);
  // The sample is meant to show problems: the checker must find errors in it.
  expect(json.summary.errors).toBeGreaterThan(0);
  expect(result.code).toBe(1);
});

test('the demo report of Q3 shows every class: the statuses and done dates of the plan year, counted by hand', async () => {
  const result = await runCli(['report', SAMPLE, '--period', 'Q3', '--json'], { cwd: ROOT });
  const json = reportJsonSchema.parse(jsonLines(result.stdout)[0]);
  // As of 14/09: done on time — the two January plans, the Q1 rules, the April listing, the
  // February training plan, the June inspection and network security, the budget notice, the
  // CCHC plan (9); done late — the Q2 review (15/07), the March savings programme (12/04), the
  // 2023 self-assessment (3); overdue — the June TTHC review, the Q2 autonomy plan and the
  // staffing plan due 15/07 finished only on 26/09 (3); no fixed date — the UBND programme, the
  // complaints, the missing deadline, the job-position plan after guidance (4); not yet due — the
  // five without a status due from 30/09 on (5); the other 16 in progress.
  expect(json.total).toMatchObject({ total: 40, doneOnTime: 9, doneLate: 3, overdue: 3, notFixed: 4, notDue: 5, inProgress: 16 });
  for (const cls of TASK_CLASSES) expect([cls, json.total[cls] > 0]).toEqual([cls, true]);
  const staffing = json.overdue.find((t) => t.task.startsWith('Xây dựng kế hoạch biên chế'));
  expect(staffing).toMatchObject({ status: 'done', doneDate: `${SAMPLE_YEAR}-09-26`, daysLate: 61 });
});
