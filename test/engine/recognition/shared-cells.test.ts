/**
 * Own cells written on one row are shared by the tasks whose cell holds the same value
 * (src/engine/table/task-cells.ts): each task still reads exactly its own value, text and error,
 * whatever the tasks before it held.
 */
import { analyzeSheet } from '../../../src/engine/analyze';
import type { Analysis, CellValue, Grid, TaskRow } from '../../../src/engine/model';
import { engineWording } from '../../../src/i18n/engine';

const HEADER: CellValue[] = ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Thời gian hoàn thành', 'Kinh phí'];

function analyse(body: CellValue[][], merges: Grid['merges'] = []): Analysis {
  const grid: Grid = { sheetName: 'Phụ lục', values: [HEADER, ...body], origin: { row: 0, col: 0 }, merges, hiddenRows: [], date1904: false };
  const res = analyzeSheet(grid, { asOf: '2024-07-01', wording: engineWording('vi') });
  if (!res.ok) throw new Error(res.failure.message);
  return res.analysis;
}

const cellsOf = (t: TaskRow) => ({ lead: t.cells.lead, budget: t.cells.budget, deadline: t.cells.deadline });

describe('cells shared between tasks', () => {
  const a = analyse([
    [1, 'Rà soát thủ tục hành chính', 'Báo cáo', 'Văn phòng Sở', 'Quý I/2024', 5],
    [2, 'Cập nhật quy trình nội bộ', 'Quyết định', 'Văn phòng Sở', 'Quý I/2024', '5'],
    [3, 'Kiểm tra kỷ luật hành chính', 'Báo cáo', '#N/A', 45382, -0],
    [4, 'Tuyên truyền văn bản mới', 'Tin bài', '#N/A', 45382, 0],
    [5, 'Tổ chức hội nghị tổng kết', 'Báo cáo', 'Văn phòng Sở', 'Thường xuyên', 5],
  ]);

  it('gives each task the cell its own value gives, the same as the tasks before it when the value is the same', () => {
    expect(a.tasks.map(cellsOf)).toEqual([
      {
        lead: { text: 'Văn phòng Sở', value: 'Văn phòng Sở', error: null, inherited: false },
        budget: { text: '5', value: 5, error: null, inherited: false },
        deadline: { text: 'Quý I/2024', value: 'Quý I/2024', error: null, inherited: false },
      },
      {
        lead: { text: 'Văn phòng Sở', value: 'Văn phòng Sở', error: null, inherited: false },
        // The text "5" is not the number 5: its value stays text.
        budget: { text: '5', value: '5', error: null, inherited: false },
        deadline: { text: 'Quý I/2024', value: 'Quý I/2024', error: null, inherited: false },
      },
      {
        lead: { text: '', value: '#N/A', error: '#N/A', inherited: false },
        budget: { text: '0', value: -0, error: null, inherited: false },
        deadline: { text: '45382', value: 45382, error: null, inherited: false },
      },
      {
        lead: { text: '', value: '#N/A', error: '#N/A', inherited: false },
        budget: { text: '0', value: 0, error: null, inherited: false },
        deadline: { text: '45382', value: 45382, error: null, inherited: false },
      },
      {
        lead: { text: 'Văn phòng Sở', value: 'Văn phòng Sở', error: null, inherited: false },
        budget: { text: '5', value: 5, error: null, inherited: false },
        deadline: { text: 'Thường xuyên', value: 'Thường xuyên', error: null, inherited: false },
      },
    ]);
    // -0 is not taken for 0 (toEqual above tells them apart too).
    expect(Object.is(a.tasks[2].cells.budget?.value, -0)).toBe(true);
    expect(Object.is(a.tasks[3].cells.budget?.value, 0)).toBe(true);
  });

  it('reads the same issues from a shared cell as from its own', () => {
    // Quý I/2024 and 31/03/2024 (serial 45382) are past on 1 July 2024.
    expect(a.tasks.map((t) => t.issues.map((i) => i.code))).toEqual([['overdue'], ['overdue'], ['lead-missing', 'overdue'], ['lead-missing', 'overdue'], []]);
    expect(a.tasks[2].issues[0].message).toBe(a.tasks[3].issues[0].message);
  });

  it('joins a cell continued on the next row, not the value it started with', () => {
    const b = analyse([
      [1, 'Rà soát thủ tục hành chính', 'Báo cáo', 'Văn phòng', 'Quý I/2024'],
      ['', 'thuộc thẩm quyền của Sở', '', 'Sở', ''],
      [2, 'Cập nhật quy trình nội bộ', 'Báo cáo', 'Văn phòng', 'Quý I/2024'],
    ]);
    expect(b.tasks.map((t) => t.cells.lead)).toEqual([
      { text: 'Văn phòng Sở', value: 'Văn phòng Sở', error: null, inherited: false },
      { text: 'Văn phòng', value: 'Văn phòng', error: null, inherited: false },
    ]);
  });

  it('gives the rows a merge covers its top cell, and the rows of the next merge in the column that one', () => {
    const row = (stt: CellValue, task: CellValue, lead: CellValue): CellValue[] => [stt, task, 'Báo cáo', lead, 'Quý IV/2024'];
    const b = analyse(
      [
        row(1, 'Rà soát thủ tục hành chính', 'Văn phòng Sở'),
        row(2, 'Cập nhật quy trình nội bộ', ''),
        row(3, 'Kiểm tra kỷ luật hành chính', ''),
        row(4, 'Tuyên truyền văn bản mới', 'Thanh tra Sở'),
        row(5, 'Tổ chức hội nghị tổng kết', ''),
        row(6, 'Xây dựng kế hoạch năm sau', 'Phòng Tổ chức cán bộ'),
      ],
      // Sheet rows 1–3 and 4–5 (the header is row 0): two merges one under the other in the lead column.
      [
        { top: 1, left: 3, bottom: 3, right: 3 },
        { top: 4, left: 3, bottom: 5, right: 3 },
      ],
    );
    expect(b.tasks.map((t) => [t.cells.lead?.text, t.cells.lead?.inherited])).toEqual([
      ['Văn phòng Sở', false],
      ['Văn phòng Sở', true],
      ['Văn phòng Sở', true],
      ['Thanh tra Sở', false],
      ['Thanh tra Sở', true],
      ['Phòng Tổ chức cán bộ', false],
    ]);
  });
});
