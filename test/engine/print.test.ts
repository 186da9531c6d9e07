/**
 * The printable copy, in the engine (docs/printing.md): the user's page setup kept and extended
 * over the tracking block — print area, repeated header rows, and a fit-to-width page turned
 * into as many pages across as the copy takes at the original's scale, never a smaller one — and
 * the block styled like the table it extends.
 */
import { analyzeSheet } from '../../src/engine/analyze';
import { a1Range, columnLetter } from '../../src/engine/a1';
import type { Analysis, FormatChange, Grid, PageSetup } from '../../src/engine/model';
import { heightForLines, pagesAcross, printableWidth, printAreaFormula, printNames, printTitlesFormula, wrappedLines } from '../../src/engine/print';
import { columnWidthOf } from '../../src/engine/tracking';
import { engineWording } from '../../src/i18n/engine';
import { toGrid } from '../../src/testing/plans';
import { congThuongPlan, trackedPlan } from '../fixtures/plans';

/** Calibri 11: 7-pixel digits, 5.25 points a character, 48-point default columns. */
const CHARACTER = 5.25;

/** A4 landscape with Excel's margins, fitted one page wide, the table's columns A–I this wide
 * (characters). */
function page(overrides: Partial<PageSetup> = {}, widths = [6, 30, 40, 30, 24, 20, 20, 18, 14]): PageSetup {
  return {
    orientation: 'landscape',
    paperSize: 9,
    margins: { left: 0.7, right: 0.7 },
    zoom: { fitWidth: 1, fitHeight: 0 },
    printArea: null,
    titleRows: null,
    titleColumns: null,
    columnWidths: Object.fromEntries(widths.map((w, c) => [c, w * CHARACTER])),
    defaultColumnWidth: 48,
    characterWidth: CHARACTER,
    ...overrides,
  };
}

function analyse(grid: Grid): Analysis {
  const res = analyzeSheet(grid, { asOf: '2024-07-01', wording: engineWording('vi') });
  if (!res.ok) throw new Error(res.failure.message);
  return res.analysis;
}

const plain = () => toGrid(congThuongPlan.sheets[0]);
const withPage = (setup: PageSetup): Grid => ({ ...plain(), page: setup });

/** The scale "fit to 1 page wide" gives these widths: Excel's own, whole percent, rounded down. */
function fittedScale(setup: PageSetup, columns: number): number {
  const widths = Array.from({ length: columns }, (_, c) => setup.columnWidths[c] ?? setup.defaultColumnWidth);
  let scale = Math.floor((100 * printableWidth(setup)) / widths.reduce((a, b) => a + b, 0));
  while (pagesAcross(widths, scale, printableWidth(setup)) > 1) scale--;
  return Math.min(100, scale);
}

describe('a plan fitted to one page wide', () => {
  const setup = page();
  const a = analyse(withPage(setup));
  const print = a.changes.print!;

  it('becomes as many pages across as the copy takes at the original’s scale, height still free', () => {
    expect(print.set.zoom).toEqual({ fitWidth: 2, fitHeight: 0 });
    expect(print.before.zoom).toEqual({ fitWidth: 1, fitHeight: 0 });
  });

  it('never prints smaller than the original: at its scale the copy fits the pages it is given', () => {
    const scale = fittedScale(setup, 9);
    const widths = [...Array.from({ length: 9 }, (_, c) => setup.columnWidths[c]), ...['status', 'doneDate', 'result', 'dueDate', 'check'].map((r) => columnWidthOf(r as never, 'vi') * CHARACTER)];
    const titles = [0, 1, 2].reduce((sum, c) => sum + setup.columnWidths[c], 0);
    const given = print.set.zoom && 'fitWidth' in print.set.zoom ? print.set.zoom.fitWidth : 0;
    expect(pagesAcross(widths, scale, printableWidth(setup), titles)).toBeLessThanOrEqual(given);
    // One page fewer would need a smaller scale.
    expect(pagesAcross(widths, scale, printableWidth(setup), titles)).toBeGreaterThan(given - 1);
  });

  it('repeats the header row on every page and the task’s columns on the block’s pages', () => {
    expect(print.set.titleRows).toEqual({ first: 4, last: 4 });
    expect(print.before.titleRows).toBeNull();
    const task = a.table.columns.task!;
    expect(print.set.titleColumns).toEqual({ first: 0, last: task });
    expect(print.before.titleColumns).toBeNull();
  });

  it('keeps the rows and columns the user already repeats', () => {
    const own = analyse(withPage(page({ titleRows: { first: 0, last: 4 }, titleColumns: { first: 0, last: 0 } }))).changes.print!;
    expect(own.set.titleRows).toBeUndefined();
    expect(own.set.titleColumns).toBeUndefined();
  });

  it('styles the block like the table: the font of the column beside it, borders, top alignment, wrapped text', () => {
    const body = a.changes.formats.find((f) => f.border && f.verticalAlignment === 'top') as FormatChange;
    expect(a1Range(body.range)).toBe('J6:N21');
    expect(body).toMatchObject({ wrapText: true, fontLike: { col: 8 } });
    const headers = a.changes.formats.filter((f) => f.columnWidth !== undefined);
    expect(headers.map((f) => columnLetter(f.range.left))).toEqual(['J', 'K', 'L', 'M', 'N']);
    for (const h of headers) expect(h).toMatchObject({ border: true, bold: true, wrapText: true, fontLike: { row: 4, col: 8 } });
  });

  it('gives “Kiểm tra” the room its page leaves, without another page across', () => {
    const check = a.changes.formats.find((f) => f.columnWidth !== undefined && f.range.left === a.tracking.columns.check)!;
    expect(check.columnWidth).toBeGreaterThanOrEqual(44);
    expect(check.columnWidth).toBeLessThanOrEqual(80);
    // One character more would not fit the pages the copy is given (or it is at the cap).
    const given = print.set.zoom && 'fitWidth' in print.set.zoom ? print.set.zoom.fitWidth : 1;
    const widths = (checkChars: number) => [
      ...Array.from({ length: 9 }, (_, c) => setup.columnWidths[c]),
      ...(['status', 'doneDate', 'result', 'dueDate'] as const).map((r) => columnWidthOf(r, 'vi') * CHARACTER),
      checkChars * CHARACTER,
    ];
    const titles = [0, 1, 2].reduce((sum, c) => sum + setup.columnWidths[c], 0);
    const scale = fittedScale(setup, 9);
    expect(pagesAcross(widths(check.columnWidth!), scale, printableWidth(setup), titles)).toBeLessThanOrEqual(given);
    if (check.columnWidth! < 80) expect(pagesAcross(widths(check.columnWidth! + 1), scale, printableWidth(setup), titles)).toBeGreaterThan(given);
  });

  it('makes every column wide enough for its header on one line', () => {
    for (const role of ['status', 'doneDate', 'result', 'dueDate', 'check'] as const) {
      for (const lang of ['vi', 'en'] as const) {
        const header = { status: ['Tình trạng', 'Status'], doneDate: ['Ngày hoàn thành', 'Done on'], result: ['Kết quả thực hiện', 'Result'], dueDate: ['Hạn chót', 'Due date'], check: ['Kiểm tra', 'Check'] }[role][lang === 'vi' ? 0 : 1];
        expect(columnWidthOf(role, lang)).toBeGreaterThanOrEqual(header.length * 1.3);
      }
    }
  });
});

describe('other page setups', () => {
  it('a page at a fixed scale keeps it: the block takes the pages it needs', () => {
    const print = analyse(withPage(page({ zoom: { scale: 75 } }))).changes.print!;
    expect(print.set.zoom).toBeUndefined();
    expect(print.set.titleColumns).toBeUndefined();
  });

  it('a table narrow enough to leave room for the block (on A3) stays on its one page', () => {
    const print = analyse(withPage(page({ paperSize: 8 }, [4, 8, 8, 6, 6, 6, 6, 6, 4]))).changes.print!;
    expect(print.set.zoom).toBeUndefined();
    expect(print.set.titleColumns).toBeUndefined();
  });

  it('fitted both ways: more pages across, as many down as before', () => {
    const print = analyse(withPage(page({ zoom: { fitWidth: 1, fitHeight: 3 } }))).changes.print!;
    expect(print.set.zoom).toEqual({ fitWidth: 2, fitHeight: 3 });
  });

  it('a print area over the table grows to the block; one elsewhere is left alone', () => {
    const area = { top: 0, left: 0, bottom: 30, right: 8 };
    const print = analyse(withPage(page({ printArea: [area] }))).changes.print!;
    expect(print.set.printArea).toEqual({ ...area, right: 13 });
    expect(print.before.printArea).toEqual(area);
    const elsewhere = analyse(withPage(page({ printArea: [{ top: 0, left: 0, bottom: 3, right: 3 }] }))).changes.print!;
    expect(elsewhere.set.printArea).toBeUndefined();
  });

  it('a block reused from the plan’s own columns: the print area already holds it', () => {
    const grid = toGrid(trackedPlan.sheets[0]);
    const area = { top: 0, left: 0, bottom: 10, right: 7 };
    const print = analyse({ ...grid, page: page({ printArea: [area] }, [4, 30, 20, 20, 20, 16, 14, 14]) }).changes.print!;
    expect(print.set.printArea).toEqual({ ...area, right: 10 });
  });
});

describe('print names', () => {
  it('reads and writes the print area and titles as Excel stores them', () => {
    expect(printNames("'Phụ lục'!$A$1:$N$60", "'Phụ lục'!$A:$C,'Phụ lục'!$8:$10")).toEqual({
      printArea: [{ top: 0, left: 0, bottom: 59, right: 13 }],
      titleRows: { first: 7, last: 9 },
      titleColumns: { first: 0, last: 2 },
    });
    expect(printNames(null, "'Phụ lục'!#REF!")).toEqual({ printArea: null, titleRows: null, titleColumns: null });
    expect(printTitlesFormula('Phụ lục', { first: 7, last: 9 }, { first: 0, last: 2 })).toBe("'Phụ lục'!$A:$C,'Phụ lục'!$8:$10");
    expect(printTitlesFormula('Sheet1', null, null)).toBeNull();
    expect(printAreaFormula('Phụ lục', { top: 0, left: 0, bottom: 59, right: 13 })).toBe("'Phụ lục'!$A$1:$N$60");
  });

  it('counts pages across by whole columns, titles repeated after the first page', () => {
    expect(pagesAcross([100, 100, 100], 100, 250)).toBe(2);
    expect(pagesAcross([100, 100, 100], 50, 250)).toBe(1);
    expect(pagesAcross([100, 100, 100, 100], 100, 250, 100)).toBe(3);
    expect(pagesAcross([400], 100, 250)).toBe(1);
  });
});

describe('rows for the “Kiểm tra” text', () => {
  it('wraps at words; a longer text or a narrower column takes more lines', () => {
    const text = 'Thời hạn “Theo Chương trình của UBND tỉnh” không có mốc ngày cụ thể, không theo dõi được tiến độ';
    const wide = wrappedLines(text, 44 * 5.25);
    expect(wide).toBeGreaterThanOrEqual(2);
    expect(wrappedLines(text, 22 * 5.25)).toBeGreaterThan(wide);
    expect(wrappedLines('Thiếu đơn vị chủ trì', 44 * 5.25)).toBe(1);
    expect(heightForLines(3)).toBeGreaterThan(heightForLines(2));
  });

  it('grows only rows the user sized too low, and records their height before', () => {
    const grid = plain();
    const heights: Record<number, number> = {};
    for (let r = 5; r <= 20; r++) heights[r] = 15;
    const a = analyse({ ...grid, rowHeights: heights });
    const grown = a.changes.rowHeights ?? [];
    expect(grown.length).toBeGreaterThan(0);
    const check = a.changes.writes.find((w) => w.range.left === 13 && w.range.top === 5)!;
    for (const g of grown) {
      expect(g.before).toBe(15);
      expect(g.height).toBeGreaterThan(15);
      expect(check.values[g.row - 5][0]).not.toBe('');
    }
    expect(analyse(grid).changes.rowHeights).toBeUndefined();
  });
});
