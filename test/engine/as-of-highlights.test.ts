/**
 * One as-of date drives the highlights (validation.md, "The as-of date"): for every task row of
 * the bundled sample, the highlight rule evaluated as Excel would (cf-eval.ts) agrees with the
 * check's overdue / due-soon verdict for the day the as-of cell shows — fixed or live — and
 * done rows are green (or yellow with a data problem) in every status wording the list holds.
 */
import path from 'path';
import { analyzeSheet } from '../../src/engine/analyze';
import { isoToSerial } from '../../src/engine/dates';
import type { Analysis, Grid } from '../../src/engine/model';
import { HIGHLIGHT } from '../../src/engine/tracking';
import { STATIC_CODES } from '../../src/engine/rules';
import { DONE_WORDINGS } from '../../src/engine/status';
import { engineWording } from '../../src/i18n/engine';
import { openXlsxWorkbook } from '../../src/hosts/xlsx';
import { BlockSheet } from './cf-eval';

const SAMPLE = path.join(__dirname, '../../assets/sample/ke-hoach-cchc-2024.xlsx');

async function sampleGrid(): Promise<Grid> {
  const book = await openXlsxWorkbook(SAMPLE);
  const read = await book.readSheet({ forWriting: false });
  if (!read.ok) throw new Error('sample not readable');
  return read.sheet.grid;
}

function analyse(grid: Grid, asOf: string, fixAsOf: boolean): Analysis {
  const res = analyzeSheet(grid, { asOf, fixAsOf, wording: engineWording('vi') });
  if (!res.ok) throw new Error(res.failure.message);
  return res.analysis;
}

/** The grid after a first check (the block's values written) with statuses typed into the
 * block's status column, as the user would. */
function withStatuses(grid: Grid, first: Analysis, statuses: Map<number, string | number | boolean>): Grid {
  const statusCol = first.tracking.columns.status;
  const values = grid.values.map((r) => [...r]);
  const put = (r: number, c: number, v: string | number | boolean | null) => {
    while (values.length <= r) values.push([]);
    while (values[r].length <= c) values[r].push(null);
    values[r][c] = v;
  };
  for (const w of first.changes.writes) w.values.forEach((line, i) => line.forEach((v, j) => v !== null && put(w.range.top + i - grid.origin.row, w.range.left + j - grid.origin.col, v)));
  for (const [row, v] of statuses) {
    const r = row - grid.origin.row;
    const c = statusCol - grid.origin.col;
    while (values[r].length <= c) values[r].push(null);
    values[r][c] = v;
  }
  return { ...grid, values };
}

type Colour = 'red' | 'yellow' | 'green' | 'none';

function colourOf(fill: string | undefined): Colour {
  if (fill === HIGHLIGHT.overdue.fill) return 'red';
  if (fill === HIGHLIGHT.problem.fill) return 'yellow';
  if (fill === HIGHLIGHT.done.fill) return 'green';
  return 'none';
}

/** What the check's verdict says the row must show. */
function expected(task: Analysis['tasks'][number]): Colour {
  const codes = task.issues.map((i) => i.code);
  // What "Kiểm tra" holds: the data issues, whatever the date.
  const dataProblem = task.issues.some((i) => STATIC_CODES.has(i.code) && i.severity !== 'info');
  if (task.status === 'done') return dataProblem ? 'yellow' : 'green';
  if (codes.includes('overdue')) return 'red';
  return dataProblem ? 'yellow' : 'none';
}

describe('the highlights follow the as-of cell and agree with the check', () => {
  let grid: Grid;
  beforeAll(async () => {
    grid = await sampleGrid();
  });

  it.each(['2024-03-31', '2024-10-15', '2024-12-31', '2026-12-01'])('as of %s (fixed in the cell): every task row agrees', (day) => {
    const first = analyse(grid, day, true);
    // Some tasks done in different wordings, one in progress, one with a ticked box.
    const statuses = new Map<number, string | number | boolean>();
    first.tasks.forEach((t, i) => {
      if (i % 4 === 0) statuses.set(t.row, DONE_WORDINGS[i % DONE_WORDINGS.length]);
      else if (i % 4 === 1) statuses.set(t.row, 'Đang thực hiện');
      else if (i % 7 === 2) statuses.set(t.row, 1);
    });
    const typed = withStatuses(grid, first, statuses);
    const a = analyse(typed, day, true);
    expect(a.tasks.filter((t) => t.status === 'done').length).toBeGreaterThan(5);
    const sheet = new BlockSheet(typed, a.changes, isoToSerial('1999-01-01'));
    const rules = a.changes.conditionalFormats.rules;
    const seen = new Set<Colour>();
    for (const task of a.tasks) {
      const shown = colourOf(sheet.highlight(rules, task.row)?.fill);
      seen.add(shown);
      expect({ row: task.row + 1, shown }).toEqual({ row: task.row + 1, shown: expected(task) });
      // Due soon is never painted red.
      if (task.issues.some((i) => i.code === 'due-soon')) expect(shown).not.toBe('red');
    }
    expect(seen.has('green')).toBe(true);
  });

  it('live (=TODAY()): the cell follows the day the workbook is opened, and so do the rows', () => {
    const a = analyse(grid, '2024-10-15', false);
    const cell = a.changes.formulas!.find((f) => f.range.top === a.tracking.asOfCell!.row && f.range.left === a.tracking.asOfCell!.col)!;
    expect(cell.formula).toBe('=TODAY()');
    // Opened on 15/10/2024, the live cell shows that day: the check of that day is what shows.
    const sheet = new BlockSheet(grid, a.changes, isoToSerial('2024-10-15'));
    for (const task of a.tasks) expect(colourOf(sheet.highlight(a.changes.conditionalFormats.rules, task.row)?.fill)).toBe(expected(task));
    // Opened on 01/12/2026, everything not done is overdue: the rows follow that day's check.
    const later = analyse(grid, '2026-12-01', false);
    const sheetLater = new BlockSheet(grid, later.changes, isoToSerial('2026-12-01'));
    for (const task of later.tasks) expect(colourOf(sheetLater.highlight(later.changes.conditionalFormats.rules, task.row)?.fill)).toBe(expected(task));
  });

  it('every done wording of validation.md, in any case and with spaces around, turns a row green', () => {
    const a = analyse(grid, '2024-12-31', true);
    const task = a.tasks.find((t) => t.issues.every((i) => i.code === 'overdue'))!;
    for (const word of [...DONE_WORDINGS, 'HOÀN THÀNH', '  Đã hoàn thành ', true]) {
      const sheet = new BlockSheet(grid, a.changes, 0);
      sheet.set(task.row, a.tracking.columns.status, word);
      expect({ word, shown: colourOf(sheet.highlight(a.changes.conditionalFormats.rules, task.row)?.fill) }).toEqual({ word, shown: 'green' });
    }
    const sheet = new BlockSheet(grid, a.changes, 0);
    sheet.set(task.row, a.tracking.columns.status, 'Đang thực hiện');
    expect(colourOf(sheet.highlight(a.changes.conditionalFormats.rules, task.row)?.fill)).toBe('red');
  });
});
