/**
 * Table recognition on the fixture appendices: every layout variation of domain.md.
 */
import { analyzeSheet, type AnalyzeOptions } from '../../src/engine/analyze';
import type { Analysis, CellValue, PlanRow, TaskRow } from '../../src/engine/model';
import { columnLetter } from '../../src/engine/a1';
import { engineWording } from '../../src/i18n/engine';
import { congThuongPlan, huyenPlan, khoaHocPlan, proseOnly, taiNguyenPlan, trackedPlan } from '../fixtures/plans';
import { toGrid, type PlanSheet } from '../../src/testing/plans';

const OPTIONS: AnalyzeOptions = { asOf: '2024-07-01', wording: engineWording('vi') };

function analyse(sheet: PlanSheet, options: Partial<AnalyzeOptions> = {}): Analysis {
  const res = analyzeSheet(toGrid(sheet), { ...OPTIONS, ...options });
  if (!res.ok) throw new Error(`expected a table: ${res.failure.message}`);
  return res.analysis;
}

/** Excel row number → kind, for the rows the analysis lists. */
function kinds(a: Analysis): Record<number, PlanRow['kind']> {
  return Object.fromEntries(a.rows.map((r) => [r.row + 1, r.kind]));
}

function task(a: Analysis, excelRow: number): TaskRow {
  const t = a.tasks.find((x) => x.row === excelRow - 1);
  if (!t) throw new Error(`no task on row ${excelRow}; tasks on ${a.tasks.map((x) => x.row + 1).join(',')}`);
  return t;
}

function letters(a: Analysis): Record<string, string> {
  return Object.fromEntries(Object.entries(a.table.columns).map(([role, col]) => [role, columnLetter(col as number)]));
}

function codes(t: TaskRow): string[] {
  return t.issues.map((i) => i.code).sort();
}

describe('numbered single-row header with title rows (department layout)', () => {
  const a = analyse(congThuongPlan.sheets[0]);

  it('finds the header under the title rows and every column role, numbering in headers ignored', () => {
    expect(a.table.headerRows).toEqual([4]);
    expect(letters(a)).toEqual({ stt: 'A', objective: 'B', task: 'C', activity: 'D', output: 'E', lead: 'F', support: 'G', deadline: 'H', budget: 'I' });
    expect(a.table.firstRow + 1).toBe(6);
    expect(a.table.lastRow + 1).toBe(21);
  });

  it('reads the plan year and the agency from the titles', () => {
    expect(a.planYear).toBe(2024);
    expect(a.planYearSource).toBe('title');
    expect(a.agency).toBe('Sở Công Thương');
  });

  it('classifies every row: sections, tasks, continuations, repeated header, blank, note', () => {
    expect(kinds(a)).toEqual({
      6: 'section', 7: 'task', 8: 'continuation', 9: 'task', 10: 'task', 11: 'section', 12: 'task', 13: 'continuation',
      14: 'blank', 15: 'header', 16: 'task', 17: 'task', 18: 'section', 19: 'task', 20: 'task', 21: 'task', 22: 'blank', 23: 'note',
    });
    expect(a.sections.map((s) => [s.id, s.title])).toEqual([
      ['I', 'CẢI CÁCH THỂ CHẾ'],
      ['II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'],
      ['III', 'CẢI CÁCH TỔ CHỨC BỘ MÁY'],
    ]);
  });

  it('joins a continuation row into the deadline of the row above', () => {
    const t = task(a, 7);
    expect(t.continuationRows.map((r) => r + 1)).toEqual([8]);
    expect(t.cells.deadline?.text).toBe('Trước ngày 20/01/2024 theo Kế hoạch số 301/KH-UBND ngày 28/12/2023 của UBND tỉnh về rà soát văn bản');
    expect(task(a, 12).cells.deadline?.text).toBe('Thường xuyên');
  });

  it('a row of a task group inherits section, STT and objective but keeps its own lead and output', () => {
    const t = task(a, 9);
    expect(t.section).toBe('I');
    expect(t.stt).toBe('1');
    expect(t.cells.objective).toMatchObject({ text: '1.1. Rà soát văn bản quy phạm pháp luật thuộc lĩnh vực công thương', inherited: true });
    expect(t.cells.output).toMatchObject({ text: 'Báo cáo', inherited: false });
  });

  it('a task after a section does not inherit the previous group', () => {
    expect(task(a, 12).section).toBe('II');
    expect(task(a, 12).cells.objective?.inherited).toBe(false);
  });

  it('a cut-off numbered row is a task missing its lead, deadline and output', () => {
    const t = task(a, 21);
    expect(t.stt).toBe('8');
    expect(codes(t)).toEqual(['deadline-missing', 'lead-missing', 'output-missing']);
  });

  it('a continuation row is never reported as a task missing its lead', () => {
    expect(a.tasks.map((t) => t.row + 1)).not.toContain(8);
    expect(a.tasks.map((t) => t.row + 1)).not.toContain(13);
    expect(a.summary.tasks).toBe(9);
  });
});

describe('district layout: Roman numeral in its own cell, <b> tags, continuation across cells', () => {
  const wb = huyenPlan;
  const a = analyse(wb.sheets[1]);

  it('recognises the columns in this order', () => {
    expect(letters(a)).toEqual({ stt: 'A', task: 'B', output: 'C', deadline: 'D', lead: 'E', support: 'F', monitor: 'G' });
    expect(a.planYear).toBe(2025);
    expect(a.agency).toBe('UBND huyện Hòa Bình');
  });

  it('reads sections written as <b>I</b> with the title in the next cell', () => {
    expect(a.sections.map((s) => `${s.id} ${s.title}`)).toEqual(['I Cải cách thể chế', 'II Cải cách thủ tục hành chính', 'III Cải cách chế độ công vụ']);
  });

  it('numbering restarts per section; a row without STT but with its own output is a task of the group', () => {
    expect(a.tasks.map((t) => `${t.section}.${t.stt}`)).toEqual(['I.1', 'I.2', 'I.2', 'II.1', 'II.2', 'II.3', 'III.1', 'III.2', 'III.3']);
    expect(task(a, 8).cells.lead?.text).toBe('UBND các xã, thị trấn');
  });

  it('joins tails in several cells of a continuation row', () => {
    const t = task(a, 12);
    expect(t.continuationRows.map((r) => r + 1)).toEqual([13]);
    expect(t.cells.task?.text).toBe('Tổ chức đối thoại với người dân, doanh nghiệp về thủ tục hành chính');
    expect(t.cells.support?.text).toBe('Phòng Nội vụ và các đơn vị có liên quan');
    expect(codes(t)).toContain('lead-missing');
  });

  it('an error value in the lead cell is a missing lead whose message names the error', () => {
    const t = task(a, 17);
    const issue = t.issues.find((i) => i.code === 'lead-missing');
    expect(issue?.params.cellError).toBe('#REF!');
    expect(issue?.message).toContain('#REF!');
  });

  it('a real Excel date in the deadline column is a date deadline', () => {
    const t = task(a, 16);
    expect(t.deadline).toMatchObject({ kind: 'date', due: '2025-09-15' });
  });

  it('a sheet with only prose says there is no table', () => {
    const res = analyzeSheet(toGrid(wb.sheets[0]), OPTIONS);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.failure.code).toBe('no-table');
  });
});

describe('two-row header with a merged parent, numbering row, vertical merges, notes, a second table', () => {
  const a = analyse(taiNguyenPlan.sheets[0]);

  it('combines the two header rows', () => {
    expect(a.table.headerRows.map((r) => r + 1)).toEqual([5, 6]);
    expect(letters(a)).toEqual({ stt: 'A', task: 'B', output: 'C', lead: 'D', support: 'E', deadline: 'F', budget: 'G' });
    expect(a.table.headers[3]).toBe('Đơn vị thực hiện Chủ trì');
  });

  it('skips the numbering row and starts the body after it', () => {
    expect(a.table.numberingRow! + 1).toBe(7);
    expect(a.table.firstRow + 1).toBe(8);
  });

  it('cells merged down a task group are inherited by every row of it', () => {
    for (const row of [10, 11]) {
      const t = task(a, row);
      expect(t.stt).toBe('1');
      expect(t.cells.lead).toMatchObject({ text: 'Văn phòng Sở', inherited: true });
      expect(t.cells.task?.text).toBe('Rà soát văn bản quy phạm pháp luật về tài nguyên và môi trường');
      expect(codes(t)).not.toContain('lead-missing');
    }
    expect(task(a, 11).cells.support?.text).toBe('Các phòng chuyên môn');
    expect(task(a, 10).cells.support).toBeUndefined();
  });

  it('a hidden row is still a task, flagged hidden', () => {
    const row = a.rows.find((r) => r.row + 1 === 15);
    expect(row).toMatchObject({ kind: 'task', hidden: true });
  });

  it('ends the table at the note and ignores the unrelated table below', () => {
    expect(a.table.lastRow + 1).toBe(16);
    expect(a.tasks.map((t) => t.row + 1)).toEqual([9, 10, 11, 12, 14, 15, 16]);
    expect(kinds(a)[18]).toBe('note');
    expect(a.rows.some((r) => r.row + 1 >= 20)).toBe(false);
  });
});

describe('objective layout, upper-case decomposed header, page-split numbered task', () => {
  const a = analyse(khoaHocPlan.sheets[0]);

  it('matches an upper-case NFD header', () => {
    expect(letters(a)).toEqual({ stt: 'A', objective: 'B', task: 'C', activity: 'D', output: 'E', lead: 'F', support: 'G', deadline: 'H', note: 'I' });
  });

  it('an objective merged over two tasks belongs to both', () => {
    expect(task(a, 6).cells.objective).toMatchObject({ text: '1.1. Nâng cao hiệu quả chỉ đạo công tác CCHC', inherited: true });
  });

  it('a measurable objective saves a vague output from output-unquantified', () => {
    const t = task(a, 7);
    expect(t.outputKind).toBe('vague');
    expect(codes(t)).not.toContain('output-unquantified');
  });

  it('a task whose number, lead and deadline fell on the second part of a page break is one task', () => {
    const t = task(a, 8);
    expect(t.stt).toBe('3');
    expect(t.continuationRows.map((r) => r + 1)).toEqual([10]);
    expect(t.cells.lead?.text).toBe('Văn phòng');
    expect(t.cells.objective?.text).toBe('1.3. Kiểm tra công tác CCHC tại tất cả các phòng trong năm 2024');
    expect(t.cells.output?.text).toBe('Kế hoạch, biên bản kiểm tra');
    expect(codes(t)).not.toContain('lead-missing');
    expect(kinds(a)[10]).toBe('continuation');
  });
});

describe('a plan that already tracks progress', () => {
  const a = analyse(trackedPlan.sheets[0]);

  it('recognises its status and completion-date columns and reads them', () => {
    expect(letters(a)).toMatchObject({ status: 'G', doneDate: 'H' });
    expect(a.tasks.map((t) => t.status)).toEqual(['done', 'in-progress', 'not-started', 'done']);
    expect(task(a, 4).doneDate).toBe('2024-03-12');
    expect(task(a, 7).doneDate).toBe('2024-04-30');
  });

  it('a done task is never overdue; an unfinished one past its due is', () => {
    expect(codes(task(a, 4))).not.toContain('overdue');
    expect(codes(task(a, 5))).toContain('overdue');
  });

  it('reuses the existing columns and adds only the missing ones', () => {
    expect(a.tracking.columns.status).toBe(6);
    expect(a.tracking.columns.doneDate).toBe(7);
    expect([a.tracking.columns.result, a.tracking.columns.dueDate, a.tracking.columns.check]).toEqual([8, 9, 10]);
    expect(a.tracking.reused).toBe(true);
  });
});

describe('no appendix', () => {
  it('prose only: a clear sentence, nothing to change', () => {
    const res = analyzeSheet(toGrid(proseOnly.sheets[0]), OPTIONS);
    expect(res).toMatchObject({ ok: false, failure: { code: 'no-table' } });
    if (!res.ok) expect(res.failure.message).toMatch(/Không tìm thấy bảng/);
  });

  it('an empty sheet says it is empty, in English when asked', () => {
    const res = analyzeSheet(toGrid({ name: 'Trống', rows: [] }), { ...OPTIONS, wording: engineWording('en') });
    expect(res).toMatchObject({ ok: false, failure: { code: 'empty-sheet' } });
    if (!res.ok) expect(res.failure.message).toMatch(/empty/);
  });
});

// ---------------------------------------------------------------------------------------------
// Small grids for the remaining variations
// ---------------------------------------------------------------------------------------------

const H = ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Phối hợp', 'Thời hạn'];

function grid(rows: CellValue[][], extra: Partial<PlanSheet> = {}): PlanSheet {
  return { name: 'Test', rows, ...extra };
}

describe('variations', () => {
  it('columns in another order, missing objective and budget, an extra unnamed column', () => {
    const a = analyse(grid([
      ['Thời gian thực hiện', 'Đơn vị chủ trì', 'Nội dung công việc', 'Ghi chú thêm của phòng', 'Kết quả đầu ra', 'TT'],
      ['Quý I/2024', 'Văn phòng', 'Ban hành kế hoạch tuyên truyền', 'x', 'Kế hoạch', '1'],
    ]));
    expect(letters(a)).toEqual({ deadline: 'A', lead: 'B', task: 'C', note: 'D', output: 'E', stt: 'F' });
    expect(a.tasks).toHaveLength(1);
  });

  it('header with line breaks, odd spacing and numbering in brackets', () => {
    const a = analyse(grid([
      ['(1)\nSố TT', '(2)  Tên   nhiệm vụ', '(3) Sản phẩm\nđầu ra', '(4) Cơ quan\nchủ trì', '(5) Tiến độ'],
      ['1', 'Rà soát quy trình nội bộ', 'Quy trình', 'Văn phòng', 'Tháng 3/2024'],
    ]));
    expect(letters(a)).toEqual({ stt: 'A', task: 'B', output: 'C', lead: 'D', deadline: 'E' });
  });

  it('"1 2 3 …" numbering row without brackets', () => {
    const a = analyse(grid([H, [1, 2, 3, 4, 5, 6], ['1', 'Ban hành kế hoạch', 'Kế hoạch', 'Văn phòng', '', 'Quý I/2024']]));
    expect(a.table.numberingRow! + 1).toBe(2);
    expect(a.tasks.map((t) => t.row + 1)).toEqual([3]);
  });

  it('section written as "VI." in its own cell and a sub-section "7.1" with a title', () => {
    const a = analyse(grid([
      H,
      ['VI.', 'Xây dựng chính quyền số'],
      ['7.1', 'Hạ tầng số'],
      ['1', 'Nâng cấp mạng nội bộ', 'Hệ thống mạng', 'Văn phòng', '', 'Quý II/2024'],
    ]));
    expect(kinds(a)).toEqual({ 2: 'section', 3: 'section', 4: 'task' });
    expect(a.sections.map((s) => s.id)).toEqual(['VI']);
    expect(a.tasks[0].section).toBe('VI');
  });

  it('an upper-case section title merged across the row without a numeral', () => {
    const a = analyse(grid([H, ['CẢI CÁCH TÀI CHÍNH CÔNG'], ['1', 'Tự chủ tài chính', 'Phương án tự chủ', 'Phòng Kế hoạch - Tài chính', '', 'Quý III/2024']], { merges: ['A2:F2'] }));
    expect(kinds(a)[2]).toBe('section');
    expect(a.sections[0].title).toBe('CẢI CÁCH TÀI CHÍNH CÔNG');
  });

  it('a lead merged vertically over tasks (Excel returns it only in the top cell)', () => {
    const a = analyse(grid([
      H,
      ['1', 'Rà soát thủ tục', 'Báo cáo', 'Văn phòng Sở', '', 'Quý I/2024'],
      ['2', 'Công bố thủ tục', 'Quyết định', '', '', 'Quý II/2024'],
    ], { merges: ['D2:D3'] }));
    expect(a.tasks[1].cells.lead).toMatchObject({ text: 'Văn phòng Sở', inherited: true });
  });

  it('a very long text and formulas results do not confuse the header search', () => {
    const long = 'Tổ chức thực hiện '.repeat(2000);
    const a = analyse(grid([[long], H, ['1', long, 'Báo cáo', 'Văn phòng', '', 'Năm 2024']]));
    expect(a.table.headerRows).toEqual([1]);
    expect(a.tasks[0].cells.task?.text.length).toBeGreaterThan(30000);
  });

  it('cells holding only a dash or white space are empty', () => {
    const a = analyse(grid([H, ['1', 'Ban hành quy chế', 'Quy chế', '—', '-', '   ']]));
    expect(codes(a.tasks[0])).toEqual(['deadline-missing', 'lead-missing']);
  });

  it('two different task tables on one sheet: a clear message, nothing to change', () => {
    const res = analyzeSheet(toGrid(grid([
      H,
      ['1', 'Ban hành kế hoạch', 'Kế hoạch', 'Văn phòng', '', 'Quý I/2024'],
      [],
      [],
      ['TT', 'Nội dung', 'Thời gian hoàn thành', 'Cơ quan chủ trì', 'Kết quả'],
      ['1', 'Kiểm tra', 'Quý II/2024', 'Thanh tra', 'Báo cáo'],
    ])), OPTIONS);
    expect(res).toMatchObject({ ok: false, failure: { code: 'ambiguous-table' } });
    if (!res.ok) expect(res.failure.message).toMatch(/dòng 1 và dòng 5/);
  });

  it('blank rows then a signature block end the table', () => {
    const a = analyse(grid([H, ['1', 'Ban hành kế hoạch', 'Kế hoạch', 'Văn phòng', '', 'Quý I/2024'], [], [], ['', '', '', 'GIÁM ĐỐC'], ['', '', '', 'Nguyễn Văn A']]));
    expect(a.tasks).toHaveLength(1);
    expect(a.table.lastRow + 1).toBe(2);
  });

  it('a table that does not start at A1 (grid origin elsewhere)', () => {
    const res = analyzeSheet(
      { sheetName: 'X', origin: { row: 9, col: 2 }, values: [H, ['1', 'Ban hành kế hoạch', 'Kế hoạch', 'Văn phòng', '', 'Quý I/2024']], merges: [], hiddenRows: [], date1904: false },
      OPTIONS,
    );
    expect(res.ok).toBe(true);
    if (res.ok) {
      expect(res.analysis.table.headerRows).toEqual([9]);
      expect(letters(res.analysis).lead).toBe('F');
      expect(res.analysis.tasks[0].row).toBe(10);
    }
  });
});

describe('column-role correction', () => {
  const rows: CellValue[][] = [
    ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Đầu mối', 'Thời gian'],
    ['1', 'Ban hành kế hoạch', 'Kế hoạch', 'Văn phòng', 'Quý I/2024'],
  ];

  it('without correction an unknown header has no role and the lead is missing', () => {
    const a = analyse(grid(rows));
    expect(a.table.columns.lead).toBeUndefined();
    expect(codes(a.tasks[0])).toContain('lead-missing');
  });

  it('the user names column D the lead: it is used and reported as corrected', () => {
    const a = analyse(grid(rows), { correction: { D: 'lead' } });
    expect(letters(a).lead).toBe('D');
    expect(a.table.corrected).toEqual(['lead']);
    expect(codes(a.tasks[0])).not.toContain('lead-missing');
  });

  it('"none" removes a role; a bad correction is refused with a clear message', () => {
    const a = analyse(grid(rows), { correction: { C: 'none' } });
    expect(a.table.columns.output).toBeUndefined();
    const bad = analyzeSheet(toGrid(grid(rows)), { ...OPTIONS, correction: { d: 'boss' } as never });
    expect(bad).toMatchObject({ ok: false, failure: { code: 'bad-settings' } });
  });
});
