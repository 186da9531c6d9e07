/**
 * Rows that close the table (totals), signature blocks and notes under it never become tasks
 * or continuations, with or without blank rows before them.
 */
import { isPersonName, isSignatureRow, totalsRow } from '../../../src/engine/table/closing';
import { analyse, kinds } from './helpers';

const H = ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Thời gian', 'Kinh phí (triệu đồng)'];
const T1 = ['1', 'Số hóa hồ sơ lưu trữ', 'Hồ sơ số hóa', 'Văn phòng', 'Quý II/2025', 120];
const T2 = ['2', 'Mua sắm chữ ký số', 'Chứng thư số', 'Văn phòng', 'Quý I/2025', 30];

describe('totals', () => {
  it('"Tổng cộng" with the budget sum ends the table; nothing under it is read', () => {
    const a = analyse([H, T1, T2, ['', 'Tổng cộng', '', '', '', 150], ['3', 'Dòng ghi thêm sau bảng', 'Ghi chép', 'Văn phòng', 'Quý IV/2025']]);
    expect(kinds(a)).toEqual({ 2: 'task', 3: 'task', 4: 'note' });
    expect(a.table.lastRow + 1).toBe(3);
  });

  it('"Cộng" after a section is a subtotal: a note, and the table goes on', () => {
    const a = analyse([H, ['I', 'Tài chính công'], T1, ['', 'Cộng mục I', '', '', '', '120'], ['II', 'Chính quyền số'], T2]);
    expect(kinds(a)).toEqual({ 2: 'section', 3: 'task', 4: 'note', 5: 'section', 6: 'task' });
  });

  it('the sum may come first when the budget column is left of the words', () => {
    expect(totalsRow([{ col: 0, role: 'budget', text: '1.500.000.000' }, { col: 1, role: 'task', text: 'Tổng cộng' }])).toBe('total');
    expect(totalsRow([{ col: 1, role: 'task', text: 'Cộng tác viên tuyên truyền' }])).toBeNull();
    expect(totalsRow([{ col: 1, role: 'task', text: 'Tổng cộng' }, { col: 3, role: 'lead', text: 'Văn phòng' }])).toBeNull();
  });

  it('reads sums written as plain numbers and sums written with words or spaces alike', () => {
    const total = (sum: string, other = '350') => totalsRow([{ col: 0, role: 'budget', text: sum }, { col: 1, role: 'task', text: 'Tổng cộng' }, { col: 2, role: 'output', text: other }]);
    // Plain numbers: digits, dots and commas.
    expect(total('1.500.000,5')).toBe('total');
    expect(total('12')).toBe('total');
    // With a unit, in words or with spaces: folded first.
    expect(total('250,5 triệu')).toBe('total');
    expect(total('1 500 000 đồng')).toBe('total');
    expect(total('1,2 TỶ ĐỒNG', '3 nhiệm vụ')).toBe('total');
    // Not sums: the row is no totals row.
    expect(total('12', 'Văn bản')).toBeNull();
    expect(total('12', '3 tháng')).toBeNull();
    // A task number before a task's words is not a sum that leads to "Tổng …".
    expect(totalsRow([{ col: 0, role: 'stt', text: '12' }, { col: 1, role: 'task', text: 'Tổng kết công tác năm 2024' }])).toBeNull();
  });
});

describe('signature blocks', () => {
  it('right under the last task, no blank row between: the block is not a task', () => {
    const a = analyse([H, T1, T2, ['', '', '', 'KT. GIÁM ĐỐC'], ['', '', '', 'PHÓ GIÁM ĐỐC'], ['', '', '', '(Đã ký)'], ['', '', '', 'Trần Văn Hùng']]);
    expect(a.tasks).toHaveLength(2);
    expect(kinds(a)[4]).toBe('note');
    expect(a.rows.some((r) => r.row + 1 > 4)).toBe(false);
  });

  it('"(đã ký)" in lower case and a signer\'s name do not continue the task above', () => {
    const a = analyse([H, T1, ['', '', '', '', '(đã ký)']]);
    expect(a.tasks[0].continuationRows).toEqual([]);
    const b = analyse([H, T1, ['', '', '', '', '', 'Nguyễn Thị Lan', ''], ['', '', '', '', '', 'Lê Văn Tâm']]);
    expect(b.tasks).toHaveLength(1);
    expect(b.tasks[0].continuationRows).toEqual([]);
  });

  it('a left and a right title on one row', () => {
    expect(isSignatureRow([{ col: 1, role: 'task', text: 'NGƯỜI LẬP BIỂU' }, { col: 4, role: 'deadline', text: 'TM. ỦY BAN NHÂN DÂN' }])).toBe(true);
  });

  it('a name in the lead column of a table that names officers is the plan\'s data', () => {
    expect(isSignatureRow([{ col: 3, role: 'lead', text: 'Phạm Văn Nam' }])).toBe(false);
    const a = analyse([
      ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Người thực hiện', 'Thời gian'],
      ['1', 'Cập nhật hồ sơ công chức', 'Hồ sơ', 'Phạm Văn Nam', 'Quý II/2025'],
      ['2', 'Rà soát quy chế văn thư', 'Quy chế', 'Đỗ Thị Mai', 'Quý III/2025'],
    ]);
    expect(a.tasks.map((t) => t.cells.lead?.text)).toEqual(['Phạm Văn Nam', 'Đỗ Thị Mai']);
  });

  it('names: a family name first, two to five capitalised words', () => {
    expect(isPersonName('Nguyễn Văn An')).toBe(true);
    expect(isPersonName('HOÀNG MINH ĐỨC')).toBe(true);
    expect(isPersonName('Văn Phòng Sở')).toBe(false);
    expect(isPersonName('Nguyễn')).toBe(false);
    expect(isPersonName('Lê thị hoa')).toBe(false);
  });
});

describe('notes after the table', () => {
  it('"Lưu ý", "(*)" and "Nơi nhận" right under the last task are notes', () => {
    for (const note of ['Lưu ý: các phòng báo cáo trước ngày 20 hằng tháng.', '(*) Nhiệm vụ có kinh phí riêng.', 'Nơi nhận:']) {
      const a = analyse([H, T1, [note]]);
      expect(kinds(a)[3]).toBe('note');
      expect(a.tasks[0].continuationRows).toEqual([]);
    }
  });
});
