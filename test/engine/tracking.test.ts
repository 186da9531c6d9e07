/**
 * The change set: the tracking block's placement and content, highlight rules, and that a second
 * run updates the same block in place.
 */
import { analyzeSheet } from '../../src/engine/analyze';
import { isoToSerial } from '../../src/engine/dates';
import type { Analysis, CellRange, ChangeSet, Grid } from '../../src/engine/model';
import { a1Range, columnLetter, parseA1Range } from '../../src/engine/a1';
import { CF_TAG, MAX_CF_FORMULA_CHARS } from '../../src/engine/tracking';
import { STATIC_CODES } from '../../src/engine/rules';
import { AS_OF_NAME, DONE_NAME } from '../../src/engine/as-of';
import { DONE_WORDINGS } from '../../src/engine/status';
import { engineWording } from '../../src/i18n/engine';
import { congThuongPlan, trackedPlan } from '../fixtures/plans';
import { syntheticPlan, toGrid } from '../../src/testing/plans';

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
    expect(headerWrites.map((w) => w.values[0][0])).toEqual(['Tình trạng', 'Ngày hoàn thành', 'Kết quả thực hiện', 'Hạn chót', 'Kiểm tra', 'Mã tình trạng']);
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

  it('highlights overdue red, other problems yellow, done green, all tagged, read from the as-of cell', () => {
    const rules = a.changes.conditionalFormats.rules;
    expect(a.changes.conditionalFormats.tag).toBe(CF_TAG);
    const yellow = ['#FFEB9C', '#9C5700'];
    expect(rules.map((r) => [r.fill, r.fontColor])).toEqual([yellow, ['#C6EFCE', '#006100'], ['#FFC7CE', '#9C0006'], yellow]);
    for (const r of rules) {
      expect(a1Range(r.range)).toBe('A6:N21');
      expect(r.formula).toContain(`N("${CF_TAG}:`);
      expect(r.stopIfTrue).toBe(true);
      expect(r.formula).not.toContain('TODAY()');
    }
    // The done tests compare the hidden helper column's code, the overdue test the as-of cell.
    expect(rules[0].formula).toBe('=AND(N("cchc-plan:done-problem")=0,$O6=1,LEN($N6)>0)');
    expect(rules[1].formula).toBe('=AND(N("cchc-plan:done")=0,$O6=1)');
    expect(rules[2].formula).toBe(`=AND(N("cchc-plan:overdue")=0,ISNUMBER($M6),$M6<${AS_OF_NAME})`);
    expect(rules[3].formula).toBe('=AND(N("cchc-plan:problem")=0,LEN($N6)>0)');
  });

  it('adds the hidden helper column: one formula per row over the status, and the done wordings as a name', () => {
    expect(a.tracking.helper).toBe(14);
    const fill = a.changes.formulas!.find((f) => f.range.left === 14)!;
    expect(a1Range(fill.range)).toBe('O6:O21');
    expect(fill.formula).toBe(`=N(OR(N($J6)>=1,ISNUMBER(MATCH(TRIM($J6),${DONE_NAME},0))))`);
    expect(fill.formulaR1C1).toBe(`=N(OR(N(RC10)>=1,ISNUMBER(MATCH(TRIM(RC10),${DONE_NAME},0))))`);
    expect(a.changes.formats.some((f) => f.range.left === 14 && f.columnHidden === true)).toBe(true);
    const done = a.changes.names!.find((n) => n.name === DONE_NAME)!;
    const listed = [...('formula' in done.refersTo ? done.refersTo.formula : '').matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]);
    expect(listed).toEqual([...DONE_WORDINGS]);
  });

  it('puts the as-of cell above the block, labelled, live (=TODAY()) unless the day is fixed', () => {
    const label = a.changes.writes.find((w) => w.values[0][0] === 'Tính đến ngày')!;
    expect(a1Range(label.range)).toBe('L4');
    expect(a.tracking.asOfCell).toEqual({ row: 3, col: 12 });
    expect(a.changes.names!.find((n) => n.name === AS_OF_NAME)!.refersTo).toEqual({ cell: { row: 3, col: 12 } });
    expect(a.changes.formulas!.find((f) => a1Range(f.range) === 'M4')!.formula).toBe('=TODAY()');
    const fixed = analyzeSheet(grid, { asOf: '2024-10-15', fixAsOf: true, wording: engineWording('vi') });
    if (!fixed.ok) throw new Error('no analysis');
    expect(fixed.analysis.changes.formulas!.some((f) => a1Range(f.range) === 'M4')).toBe(false);
    expect(fixed.analysis.changes.writes.find((w) => a1Range(w.range) === 'M4')!.values).toEqual([[isoToSerial('2024-10-15')]]);
  });

  it('keeps every highlight formula within 255 characters, however far down and right the table is', () => {
    const shifted = { ...grid, origin: { row: 1_040_000, col: 16_000 } };
    const b = analyse(shifted);
    const rules = b.changes.conditionalFormats.rules;
    expect(rules[0].range.top).toBe(a.changes.conditionalFormats.rules[0].range.top + 1_040_000);
    expect(Math.max(...rules.map((r) => r.formula.length))).toBeLessThanOrEqual(MAX_CF_FORMULA_CHARS);
  });

  it('leaves the printout alone when the host did not read how the sheet prints (print.test.ts)', () => {
    expect(grid.page).toBeUndefined();
    expect(a.changes.print).toBeUndefined();
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

describe('the "Kiểm tra" texts of a large plan', () => {
  it('are each task\'s static, non-note messages joined by "; "', () => {
    const plan = analyse(toGrid(syntheticPlan(1500).sheet), '2024-07-15');
    const col = plan.tracking.columns.check;
    const check = plan.changes.writes.find((w) => w.range.left === col && w.range.bottom > w.range.top)!;
    const byRow = new Map(plan.tasks.map((t) => [t.row, t]));
    let joined = 0;
    check.values.forEach(([value], i) => {
      const task = byRow.get(check.range.top + i);
      const expected = task ? task.issues.filter((is) => STATIC_CODES.has(is.code) && is.severity !== 'info').map((is) => is.message).join('; ') : '';
      expect(value).toBe(expected);
      if (expected.includes('; ')) joined++;
    });
    // The plan has tasks with two and three such issues, and some with a note only.
    expect(joined).toBeGreaterThan(10);
    expect(plan.tasks.some((t) => t.issues.length > 0 && t.issues.every((is) => !STATIC_CODES.has(is.code) || is.severity === 'info'))).toBe(true);
  });
});
