/** parseDateCell: the completion-date cell (Ngày hoàn thành). */
import { parseDateCell } from '../../../src/engine/deadlines';
import type { CellValue } from '../../../src/engine/model';

describe('parseDateCell', () => {
  it.each<[CellValue, boolean, number | undefined, string | null]>([
    ['15/3/2024', false, undefined, '2024-03-15'],
    ['15-03-2024', false, undefined, '2024-03-15'],
    ['15.03.2024', false, undefined, '2024-03-15'],
    [' 05/01/2024 ', false, undefined, '2024-01-05'],
    ['15/03/24', false, undefined, '2024-03-15'],
    ['2024-03-15', false, undefined, '2024-03-15'],
    ['2024-03-15T00:00:00Z', false, undefined, '2024-03-15'],
    ['ngày 15 tháng 3 năm 2024', false, undefined, '2024-03-15'],
    ['Đã hoàn thành ngày 20/11/2024', false, undefined, '2024-11-20'],
    ['15/03/2024 10:30', false, undefined, '2024-03-15'],
    ['15/3', false, 2024, '2024-03-15'],
    ['15/3', false, undefined, null],
    [45366, false, undefined, '2024-03-15'],
    [45366 - 1462, true, undefined, '2024-03-15'],
    [45366.5, false, undefined, '2024-03-15'],
    ['45366', false, undefined, '2024-03-15'],
    [2024, false, undefined, null],
    ['31/02/2024', false, undefined, null],
    ['Tháng 3/2024', false, undefined, null],
    ['Quý I/2024', false, undefined, null],
    ['chưa xong', false, undefined, null],
    ['Hoàn thành', false, 2024, null],
    ['#N/A', false, undefined, null],
    ['', false, undefined, null],
    [null, false, undefined, null],
    [true, false, undefined, null],
    [-3, false, undefined, null],
    [Number.NaN, false, undefined, null],
    ['2024-02-30', false, undefined, null],
    ['Theo KH số 12/KH-UBND ngày 10/01/2024', false, undefined, null],
  ])('%j (1904: %s, plan %s) → %s', (value, date1904, planYear, expected) => {
    expect(parseDateCell(value, date1904, planYear)).toBe(expected);
  });
});
