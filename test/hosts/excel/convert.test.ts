/**
 * "Chuyển sang Unicode" in Excel (over the fake Excel): the open sheet's TCVN3 text becomes
 * Unicode in Times New Roman in a constant number of syncs; formulas, Unicode cells and every
 * other format stay; a protected sheet is refused with nothing written.
 */
import { createExcelPlanHost } from '../../../src/hosts/excel';
import { encodeTcvn3 } from '../../../src/engine/legacy';
import { createFakeExcel, type FakeSheetSeed } from '../../../src/testing/fake-excel';
import { toFakeSeed } from '../../../src/testing/plans';
import { tcvn3Appendix, unicodeAppendix, vniAppendix } from '../../engine/legacy/appendix-fixture';

const lastRow = unicodeAppendix.rows.length;

function seedOf(sheet: typeof tcvn3Appendix, font: string, extra: Partial<FakeSheetSeed> = {}): FakeSheetSeed {
  const seed = toFakeSeed({ sheets: [sheet] }).sheets[0];
  return { ...seed, styles: { [`A1:F${lastRow}`]: { fontName: font, fontSize: 12 }, A1: { fontName: font, fontSize: 14, bold: true } }, ...extra };
}

function host(excel: ReturnType<typeof createFakeExcel>, syncs: { read: number; write: number }[] = []) {
  return createExcelPlanHost(excel.run, { isSetSupported: excel.isSetSupported, onSyncs: (s) => syncs.push({ read: s.readSyncs, write: s.writeSyncs }) });
}

describe.each([
  ['TCVN3', tcvn3Appendix, '.VnTime', 'tcvn3'],
  ['VNI', vniAppendix, 'VNI-Times', 'vni'],
] as const)('a %s sheet', (_name, sheet, font, encoding) => {
  it('is rewritten as Unicode in Times New Roman, in 4 syncs, the rest kept', async () => {
    const seed = seedOf(sheet, font, { formulas: { H2: '=A2' } });
    seed.rows = seed.rows.map((line) => line.slice());
    seed.rows[1][7] = String(sheet.rows[1][0]);
    const excel = createFakeExcel({ sheets: [seed] });
    const before = excel.dumpSheet('PL');
    const syncs: { read: number; write: number }[] = [];
    const outcome = await host(excel, syncs).convertToUnicode!({ lang: 'vi' });

    const changed = unicodeAppendix.rows.flatMap((line, r) => line.map((v, c) => ({ r, c, v })).filter(({ r: row, c: col, v }) => typeof v === 'string' && sheet.rows[row][col] !== v));
    expect(outcome).toEqual({ ok: true, sheetName: 'PL', cells: changed.length, byEncoding: { tcvn3: 0, vni: 0, [encoding]: changed.length } });
    expect(syncs).toEqual([{ read: 3, write: 1 }]);

    const after = excel.dumpSheet('PL');
    for (const { r, c, v } of changed) {
      const address = `${String.fromCharCode(65 + c)}${r + 1}`;
      expect([address, after.cells[address].value, after.cells[address].style.fontName]).toEqual([address, v, 'Times New Roman']);
      expect(after.cells[address].style.fontSize).toBe(before.cells[address].style.fontSize);
      expect(after.cells[address].style.bold).toBe(before.cells[address].style.bold);
    }
    // The formula is kept; "STT" (nothing to convert) keeps its font.
    expect(after.cells.H2.formula).toBe('=A2');
    expect(after.cells.A4).toEqual(before.cells.A4);
    // Every cell the conversion did not name is as it was.
    const untouched = (d: typeof after) => Object.fromEntries(Object.entries(d.cells).filter(([a]) => !changed.some(({ r, c }) => a === `${String.fromCharCode(65 + c)}${r + 1}`)));
    expect(untouched(after)).toEqual(untouched(before));
  });

  it('is then read with no legacy cell and as its Unicode twin', async () => {
    const excel = createFakeExcel({ sheets: [seedOf(sheet, font)] });
    const h = host(excel);
    const first = await h.inspect({ asOf: '2025-07-01', lang: 'vi' });
    expect(first.ok && first.analysis.legacyCells?.length).toBeGreaterThan(20);
    await h.convertToUnicode!({ lang: 'vi' });
    const again = await h.inspect({ asOf: '2025-07-01', lang: 'vi' });
    const twin = await host(createFakeExcel({ sheets: [{ ...toFakeSeed({ sheets: [unicodeAppendix] }).sheets[0], name: 'PL' }] })).inspect({ asOf: '2025-07-01', lang: 'vi' });
    if (!again.ok || !twin.ok) throw new Error('expected both to be read');
    expect(again.analysis.legacyCells).toBeUndefined();
    expect(again.analysis.tasks.map((t) => [t.row, t.cells.lead?.text, t.deadline.due])).toEqual(twin.analysis.tasks.map((t) => [t.row, t.cells.lead?.text, t.deadline.due]));
  });
});

describe('convertToUnicode', () => {
  it('reads only (one sync after the read at most) on a Unicode sheet, and writes nothing', async () => {
    const excel = createFakeExcel(toFakeSeed({ sheets: [unicodeAppendix] }));
    const before = excel.dump();
    const syncs: { read: number; write: number }[] = [];
    const outcome = await host(excel, syncs).convertToUnicode!({ lang: 'en' });
    expect(outcome).toEqual({ ok: true, sheetName: 'Phụ lục', cells: 0, byEncoding: { tcvn3: 0, vni: 0 } });
    expect(syncs[0].write).toBe(0);
    expect(excel.dump()).toEqual(before);
  });

  it('refuses a protected sheet with one sentence, nothing written', async () => {
    const excel = createFakeExcel({ sheets: [{ ...seedOf(tcvn3Appendix, '.VnTime'), protected: true }] });
    const before = excel.dump();
    const outcome = await host(excel).convertToUnicode!({ lang: 'vi' });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/đang được bảo vệ.*Chưa có gì được ghi\.$/);
    expect(excel.dump()).toEqual(before);
  });

  it('keeps text Excel would turn into a formula as text, and a ".VnTimeH" cell becomes capitals', async () => {
    const excel = createFakeExcel({
      sheets: [{ name: 'PL', rows: [[encodeTcvn3('- Rà soát văn bản')], [encodeTcvn3('nhiệm vụ')], [encodeTcvn3('Chủ trì')]], styles: { 'A1:A3': { fontName: '.VnTime' }, A2: { fontName: '.VnTimeH' } } }],
    });
    const outcome = await host(excel).convertToUnicode!({ lang: 'vi' });
    expect(outcome.ok && outcome.cells).toBe(3);
    const d = excel.dumpSheet('PL');
    expect([d.cells.A1.value, d.cells.A1.formula, d.cells.A1.numberFormat]).toEqual(['- Rà soát văn bản', null, '@']);
    expect(d.cells.A2.value).toBe('NHIỆM VỤ');
  });

  it('says the Excel is too old, touching nothing', async () => {
    const excel = createFakeExcel({ sheets: [seedOf(tcvn3Appendix, '.VnTime')] }, { supportedExcelApi: '1.8' });
    const outcome = await host(excel).convertToUnicode!({ lang: 'en' });
    expect(outcome.ok).toBe(false);
    expect(excel.stats.syncs).toBe(0);
  });
});
