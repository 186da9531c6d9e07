/**
 * Small grids for the recognition tests: rows as Excel shows them (row 1 first), merges in A1,
 * and readers of the analysis by Excel row number.
 */
import { analyzeSheet } from '../../../src/engine/analyze';
import type { Analysis, CellValue, PlanRow, TaskRow } from '../../../src/engine/model';
import { columnLetter } from '../../../src/engine/a1';
import { engineWording } from '../../../src/i18n/engine';
import { toGrid } from '../../../src/testing/plans';

export function analyse(rows: CellValue[][], merges: string[] = [], asOf = '2025-07-01'): Analysis {
  const res = analyzeSheet(toGrid({ name: 'Phụ lục', rows, merges }), { asOf, wording: engineWording('vi') });
  if (!res.ok) throw new Error(`expected a table: ${res.failure.message}`);
  return res.analysis;
}

/** Excel row number → kind, for every row the analysis lists. */
export function kinds(a: Analysis): Record<number, PlanRow['kind']> {
  return Object.fromEntries(a.rows.map((r) => [r.row + 1, r.kind]));
}

export function task(a: Analysis, excelRow: number): TaskRow {
  const t = a.tasks.find((x) => x.row === excelRow - 1);
  if (!t) throw new Error(`no task on row ${excelRow}; tasks on ${a.tasks.map((x) => x.row + 1).join(',')}`);
  return t;
}

/** Role → column letter. */
export function letters(a: Analysis): Record<string, string> {
  return Object.fromEntries(Object.entries(a.table.columns).map(([role, col]) => [role, columnLetter(col as number)]));
}

export function codes(t: TaskRow): string[] {
  return t.issues.map((i) => i.code).sort();
}

/** "section:I", "task:1", "continuation" … per Excel row, for a compact comparison. */
export function outline(a: Analysis): string[] {
  return a.rows.map((r) => {
    if (r.kind === 'section') return `${r.row + 1} section ${r.section}`;
    if (r.kind === 'task') return `${r.row + 1} task ${r.task.stt ?? '-'} in ${r.task.section ?? '-'}`;
    if (r.kind === 'continuation') return `${r.row + 1} continuation of ${r.of + 1}`;
    return `${r.row + 1} ${r.kind}`;
  });
}
