/**
 * Property tests: arbitrary grids never make the engine throw or hang, and what it returns is
 * well formed.
 */
import fc from 'fast-check';
import { analyzeSheet } from '../../src/engine/analyze';
import type { CellValue, Grid } from '../../src/engine/model';
import { engineWording } from '../../src/i18n/engine';

const WORDS = ['STT', 'TT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Phối hợp', 'Thời gian', 'Kinh phí', 'Mục tiêu', 'I', 'II', 'VI.', '1', '2', '1.1', 'Quý I/2024', 'Thường', 'xuyên', 'Văn phòng Sở', 'Kế hoạch', '#REF!', '#N/A', '-', ' ', '(1)', '(2)', 'Ghi chú: ', 'Đơn vị thực hiện', 'Hạn chót', 'Kiểm tra', 'Tình trạng', 'Hoàn thành'];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: -5, max: 80000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
);

const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    rows: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 }),
    merges: fc.array(fc.record({ top: fc.nat(25), left: fc.nat(10), h: fc.nat(3), w: fc.nat(3) }), { maxLength: 5 }),
    hidden: fc.array(fc.nat(25), { maxLength: 4 }),
    originRow: fc.nat(5),
    originCol: fc.nat(3),
    date1904: fc.boolean(),
  })
  .map(({ rows, merges, hidden, originRow, originCol, date1904 }) => ({
    sheetName: 'Fuzz',
    values: rows,
    origin: { row: originRow, col: originCol },
    merges: merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
    hiddenRows: hidden,
    date1904,
  }));

describe('the engine on arbitrary grids', () => {
  it('never throws and returns a well-formed result', () => {
    fc.assert(
      fc.property(gridArb, fc.constantFrom<'vi' | 'en'>('vi', 'en'), (grid, lang) => {
        const res = analyzeSheet(grid, { asOf: '2024-06-30', wording: engineWording(lang) });
        if (!res.ok) {
          expect(res.failure.message.length).toBeGreaterThan(10);
          return;
        }
        const a = res.analysis;
        expect(a.table.firstRow).toBeGreaterThan(a.table.headerRows[a.table.headerRows.length - 1]);
        expect(a.table.lastRow).toBeGreaterThanOrEqual(a.table.firstRow);
        expect(a.summary.tasks).toBe(a.tasks.length);
        for (const t of a.tasks) {
          expect(t.row).toBeGreaterThanOrEqual(a.table.firstRow);
          for (const i of t.issues) expect(i.message).not.toBe('');
        }
        const rowsListed = a.rows.map((r) => r.row);
        expect(new Set(rowsListed).size).toBe(rowsListed.length);
      }),
      { numRuns: 400 },
    );
  });

  it('grids built around a real header always find it, whatever noise surrounds it', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }), fc.nat(6), (body, above) => {
        const header: CellValue[] = ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Phối hợp', 'Thời gian'];
        const values: CellValue[][] = [...Array.from({ length: above }, () => ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024']), header, ...body];
        const res = analyzeSheet({ sheetName: 'H', values, origin: { row: 0, col: 0 }, merges: [], hiddenRows: [], date1904: false }, { asOf: '2024-06-30', wording: engineWording('vi') });
        if (res.ok) expect(res.analysis.table.headerRows[0]).toBeLessThanOrEqual(above);
        else expect(res.failure.code).toBe('ambiguous-table');
      }),
      { numRuns: 300 },
    );
  });
});
