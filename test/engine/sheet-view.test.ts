/**
 * SheetView's merged areas: which cells a merge covers, the merge found from any of its cells,
 * and the value a covered cell shows — near the origin, far down the sheet (rows of the index
 * far apart), and for a merge too large to index cell by cell.
 */
import type { CellRange, CellValue, Grid } from '../../src/engine/model';
import { SheetView } from '../../src/engine/table/sheet-view';

function grid(values: CellValue[][], merges: CellRange[], origin = { row: 0, col: 0 }): Grid {
  return { sheetName: 'Phụ lục', values, origin, merges, hiddenRows: [], date1904: false };
}

describe('merged areas in a sheet view', () => {
  const objective: CellRange = { top: 2, left: 1, bottom: 4, right: 1 };
  const title: CellRange = { top: 0, left: 0, bottom: 0, right: 3 };
  const farDown: CellRange = { top: 900_000, left: 2, bottom: 900_001, right: 3 };
  const view = new SheetView(
    grid(
      [
        ['KẾ HOẠCH NĂM 2024', '', '', ''],
        ['STT', 'Mục tiêu', 'Nhiệm vụ', 'Chủ trì'],
        [1, 'Nâng cao chất lượng văn bản', 'Rà soát văn bản', 'Văn phòng Sở'],
        ['', '', 'Cập nhật văn bản', 'Thanh tra Sở'],
        ['', '', 'Tuyên truyền văn bản', ''],
      ],
      [objective, title, farDown],
    ),
  );

  it('covers every cell of a merge but its top-left one', () => {
    expect(view.isCovered(2, 1)).toBe(false);
    expect(view.isCovered(3, 1)).toBe(true);
    expect(view.isCovered(4, 1)).toBe(true);
    expect(view.isCovered(5, 1)).toBe(false);
    expect(view.isCovered(3, 2)).toBe(false);
    expect([1, 2, 3].map((c) => view.isCovered(0, c))).toEqual([true, true, true]);
    expect(view.isCovered(0, 0)).toBe(false);
    expect(view.isCovered(0, 4)).toBe(false);
  });

  it('finds the merge from any of its cells, the top-left one included, and none elsewhere', () => {
    expect(view.mergeAt(2, 1)).toBe(objective);
    expect(view.mergeAt(4, 1)).toBe(objective);
    expect(view.mergeAt(0, 0)).toBe(title);
    expect(view.mergeAt(0, 3)).toBe(title);
    expect(view.mergeAt(1, 1)).toBeUndefined();
    expect(view.mergeAt(3, 0)).toBeUndefined();
  });

  it('shows the top-left value in the cells a merge covers', () => {
    expect(view.value(4, 1)).toBe('Nâng cao chất lượng văn bản');
    expect(view.shownText(3, 1)).toBe('Nâng cao chất lượng văn bản');
    expect(view.shownText(3, 2)).toBe('Cập nhật văn bản');
    expect(view.raw(3, 1)).toBe('');
  });

  it('indexes a merge far below the others', () => {
    expect(view.isCovered(900_001, 3)).toBe(true);
    expect(view.isCovered(900_000, 2)).toBe(false);
    expect(view.mergeAt(900_000, 2)).toBe(farDown);
    expect(view.mergeAt(900_001, 2)).toBe(farDown);
    expect(view.mergeAt(899_999, 2)).toBeUndefined();
  });

  it('reads a grid whose origin is not A1 in sheet coordinates', () => {
    const m: CellRange = { top: 11, left: 5, bottom: 12, right: 5 };
    const shifted = new SheetView(grid([['Mục tiêu', 'Nhiệm vụ'], ['Giảm thủ tục', 'Rà soát'], ['', 'Công bố']], [m], { row: 10, col: 5 }));
    expect(shifted.isCovered(12, 5)).toBe(true);
    expect(shifted.shownText(12, 5)).toBe('Giảm thủ tục');
    expect(shifted.isCovered(12, 6)).toBe(false);
  });

  it('leaves a merge of more than 200,000 cells unindexed cell by cell, but finds it from its top-left cell', () => {
    const huge: CellRange = { top: 0, left: 0, bottom: 9_999, right: 99 };
    const sheet = new SheetView(grid([['Tiêu đề']], [huge]));
    expect(sheet.isCovered(5, 5)).toBe(false);
    expect(sheet.mergeAt(0, 0)).toBe(huge);
  });
});
