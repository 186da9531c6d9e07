/**
 * The bundled sample plan: the committed file is what its definition says, and the checker
 * reads it as the definition means it (every task, every section, the split row).
 */
import path from 'path';
import { toGrid } from '../../src/testing/plans';
import { openWorkbook, readWorkbook } from '../../src/hosts/xlsx/read';
import { validateJsonSchema } from '../../src/contract/validate-json';
import { SAMPLE_SECTIONS, SAMPLE_SHEET, sampleSheet, sampleTaskCount } from '../../scripts/sample-plan';
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
