/**
 * The change set: the tracking block's placement and content, highlight rules, and that a second
 * run updates the same block in place.
 */
import { analyzeSheet } from '../../src/engine/analyze';
import { isoToSerial } from '../../src/engine/dates';
import type { Analysis, CellRange, ChangeSet, Grid } from '../../src/engine/model';
import { a1Range, columnLetter, parseA1Range } from '../../src/engine/a1';
import { CF_TAG, MAX_CF_FORMULA_CHARS } from '../../src/engine/tracking';
import { DONE_WORDINGS } from '../../src/engine/status';
import { engineWording } from '../../src/i18n/engine';
import { congThuongPlan, trackedPlan } from '../fixtures/plans';
import { toGrid } from '../../src/testing/plans';

function analyse(grid: Grid, asOf = '2024-07-01'): Analysis {
  const res = analyzeSheet(grid, { asOf, wording: engineWording('vi') });
  if (!res.ok) throw new Error(res.failure.message);
  return res.analysis;
}

/** Apply the value writes of a change set to a grid, as a host would. */
function applyWrites(grid: Grid, changes: ChangeSet): Grid {
  const values = grid.values.map((r) => [...r]);
  for (const w of changes.writes) {
    const { top, left } = w.range;
    w.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null) return;
        const r = top + i;
        const c = left + j;
        while (values.length <= r) values.push([]);
        while (values[r].length <= c) values[r].push(null);
        values[r][c] = v;
      }),
    );
  }
  return { ...grid, values };
}

/** Column index of every range a change set touches. */
function touchedColumns(changes: ChangeSet): Set<number> {
  const cols = new Set<number>();
  const add = (r: CellRange) => {
    for (let c = r.left; c <= r.right; c++) cols.add(c);
  };
  changes.writes.forEach((w) => add(w.range));
  changes.formats.forEach((f) => add(f.range));
  changes.validations.forEach((v) => add(v.range));
  return cols;
}

describe('tracking block on a plan without one', () => {
  const grid = toGrid(congThuongPlan.sheets[0]);
  const a = analyse(grid);
  const { columns } = a.tracking;

  it('goes right of the table, in the order of validation.md', () => {
    expect([columns.status, columns.doneDate, columns.result, columns.dueDate, columns.check].map(columnLetter)).toEqual(['J', 'K', 'L', 'M', 'N']);
    expect(a.tracking.reused).toBe(false);
  });

  it('writes and formats only the tracking columns, never a user cell', () => {
    const touched = touchedColumns(a.changes);
    for (const c of touched) expect(c).toBeGreaterThanOrEqual(columns.status);
  });

  it('writes the headers into the header row', () => {
    const headerWrites = a.changes.writes.filter((w) => w.range.top === 4);
    expect(headerWrites.map((w) => w.values[0][0])).toEqual(['Tình trạng', 'Ngày hoàn thành', 'Kết quả thực hiện', 'Hạn chót', 'Kiểm tra']);
  });

  it('puts each task’s due date as a real date serial, nothing on other rows', () => {
    const due = a.changes.writes.find((w) => a1Range(w.range).startsWith('M6'))!;
    expect(a1Range(due.range)).toBe('M6:M21');
    const byRow = (row: number) => due.values[row - 6][0];
    expect(byRow(6)).toBe(''); // section
    expect(byRow(10)).toBe(isoToSerial('2024-06-30'));
    expect(byRow(8)).toBe(''); // continuation
    expect(a.changes.formats.some((f) => a1Range(f.range) === 'M6:M21' && f.numberFormat === 'dd/mm/yyyy')).toBe(true);
  });

  it('writes the static issues of each task in words, not the date-dependent ones', () => {
    const check = a.changes.writes.find((w) => a1Range(w.range).startsWith('N6'))!;
    const text = (row: number) => String(check.values[row - 6][0]);
    expect(text(16)).not.toBe('');
    expect(text(16)).toContain(a.tasks.find((t) => t.row === 15)!.issues.find((i) => i.code === 'lead-missing')!.message);
    // Task 2 is overdue on 2024-07-01 but otherwise fine: its check cell stays empty.
    const t10 = a.tasks.find((t) => t.row === 9)!;
    expect(t10.issues.map((i) => i.code)).toContain('overdue');
    expect(text(10)).toBe('');
  });

  it('adds the status drop-down with the three wordings', () => {
    expect(a.changes.validations).toEqual([{ range: parseA1Range('J6:J21'), choices: ['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành'] }]);
  });

  it('highlights overdue red, other problems yellow, done green, all tagged and live (TODAY())', () => {
    const rules = a.changes.conditionalFormats.rules;
    expect(a.changes.conditionalFormats.tag).toBe(CF_TAG);
    // Done with a problem (yellow), done (green), each over as many rules as the wordings need;
    // then overdue (red) and any other problem (yellow).
    const yellow = ['#FFEB9C', '#9C5700'];
    const green = ['#C6EFCE', '#006100'];
    const n = rules.length / 2 - 1;
    expect(rules.map((r) => [r.fill, r.fontColor])).toEqual([...Array(n).fill(yellow), ...Array(n).fill(green), ['#FFC7CE', '#9C0006'], yellow]);
    for (const r of rules) {
      expect(a1Range(r.range)).toBe('A6:N21');
      expect(r.formula).toContain(`N("${CF_TAG}:`);
      expect(r.stopIfTrue).toBe(true);
      expect(r.formula.length).toBeLessThanOrEqual(MAX_CF_FORMULA_CHARS);
    }
    expect(rules[2 * n].formula).toContain('$M6<TODAY()');
    expect(rules[2 * n + 1].formula).toContain('LEN($N6)>0');
    expect(rules[0].formula).toContain('LEN($N6)>0');
    expect(rules[0].formula).toMatch(/^=AND\(N\("cchc-plan:done-problem-1"\)=0,LEN\(\$N6\)>0,OR\(TRIM\(\$J6\)=\{"Hoàn thành",/);
  });

  it('keeps every highlight formula within 255 characters and understands every done wording', () => {
    // A table far down and far right: the longest references Excel has.
    const far = (r: CellRange): CellRange => ({ top: r.top + 1_040_000, bottom: r.bottom + 1_040_000, left: r.left + 16_000, right: r.right + 16_000 });
    const shifted = { ...grid, origin: { row: 1_040_000, col: 16_000 } };
    const b = analyse(shifted);
    expect(b.changes.conditionalFormats.rules[0].range).toEqual(far(a.changes.conditionalFormats.rules[0].range));
    const rules = b.changes.conditionalFormats.rules;
    expect(Math.max(...rules.map((r) => r.formula.length))).toBeLessThanOrEqual(MAX_CF_FORMULA_CHARS);
    const n = rules.length / 2 - 1;
    const listed = (formulas: string[]) => formulas.flatMap((f) => [...f.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"'))).filter((w) => !w.startsWith(CF_TAG));
    expect(listed(rules.slice(0, n).map((r) => r.formula))).toEqual([...DONE_WORDINGS]);
    expect(listed(rules.slice(n, 2 * n).map((r) => r.formula))).toEqual([...DONE_WORDINGS]);
  });
});

describe('running again', () => {
  it('finds its own block and updates it in place: same columns, no new header, same rules', () => {
    const grid = toGrid(congThuongPlan.sheets[0]);
    const first = analyse(grid);
    const second = analyse(applyWrites(grid, first.changes));
    expect(second.tracking.columns).toEqual(first.tracking.columns);
    expect(second.tracking.reused).toBe(true);
    expect(second.changes.writes.filter((w) => w.range.top === 4)).toEqual([]);
    expect(second.changes.conditionalFormats).toEqual(first.changes.conditionalFormats);
    expect(second.tasks.map((t) => t.row)).toEqual(first.tasks.map((t) => t.row));
    expect(second.rows.map((r) => r.kind)).toEqual(first.rows.map((r) => r.kind));
  });

  it('keeps what the user typed in the status column and reads it', () => {
    const grid = toGrid(congThuongPlan.sheets[0]);
    const first = analyse(grid);
    const typed = applyWrites(grid, first.changes);
    typed.values[9][first.tracking.columns.status] = 'Hoàn thành';
    const second = analyse(typed);
    expect(second.tasks.find((t) => t.row === 9)!.status).toBe('done');
    const statusWrites = second.changes.writes.filter((w) => w.range.left === first.tracking.columns.status);
    expect(statusWrites).toEqual([]);
    expect(second.tasks.find((t) => t.row === 9)!.issues.map((i) => i.code)).not.toContain('overdue');
  });

  it('clears the check cell once the problem is fixed', () => {
    const grid = toGrid(congThuongPlan.sheets[0]);
    const first = analyse(grid);
    const fixed = applyWrites(grid, first.changes);
    fixed.values[15][5] = 'Văn phòng Sở';
    const second = analyse(fixed);
    const check = second.changes.writes.find((w) => a1Range(w.range).startsWith('N6'))!;
    expect(String(check.values[16 - 6][0])).not.toContain(first.tasks.find((t) => t.row === 15)!.issues.find((i) => i.code === 'lead-missing')!.message);
  });
});

describe('placement around the user’s own data', () => {
  it('skips a column right of the table that holds something', () => {
    const sheet = { ...congThuongPlan.sheets[0], rows: congThuongPlan.sheets[0].rows.map((r) => [...r]) };
    while (sheet.rows[9].length < 10) sheet.rows[9].push('');
    sheet.rows[9][9] = 'ghi chép riêng';
    const a = analyse(toGrid(sheet));
    expect(columnLetter(a.tracking.columns.status)).toBe('K');
  });

  it('does not reformat a status column the plan already had', () => {
    const a = analyse(toGrid(trackedPlan.sheets[0]));
    expect(a.changes.validations).toEqual([]);
    const touched = touchedColumns(a.changes);
    expect(touched.has(a.tracking.columns.status)).toBe(false);
    expect(touched.has(a.tracking.columns.doneDate)).toBe(false);
  });
});
