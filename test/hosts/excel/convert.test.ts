/**
 * "Chuyển sang Unicode" in Excel (over the fake Excel): every sheet's TCVN3 and VNI text becomes
 * Unicode in Times New Roman in a constant number of syncs; formulas, Unicode cells and every
 * other format stay; protected sheets are skipped and named.
 */
import { createExcelPlanHost } from '../../../src/hosts/excel';
import { encodeTcvn3 } from '../../../src/engine/legacy';
import { columnLetter } from '../../../src/engine/a1';
import { createFakeExcel, type FakeSheetSeed } from '../../../src/testing/fake-excel';
import { toFakeSeed, type PlanSheet } from '../../../src/testing/plans';
import { tcvn3Appendix, unicodeAppendix, vniAppendix } from '../../engine/legacy/appendix-fixture';

const lastRow = unicodeAppendix.rows.length;

function seedOf(sheet: PlanSheet, name: string, font: string, extra: Partial<FakeSheetSeed> = {}): FakeSheetSeed {
  const seed = toFakeSeed({ sheets: [sheet] }).sheets[0];
  return { ...seed, name, styles: { [`A1:F${lastRow}`]: { fontName: font, fontSize: 12 }, A1: { fontName: font, fontSize: 14, bold: true } }, ...extra };
}

function host(excel: ReturnType<typeof createFakeExcel>, syncs: { read: number; write: number }[] = []) {
  return createExcelPlanHost(excel.run, { isSetSupported: excel.isSetSupported, onSyncs: (s) => syncs.push({ read: s.readSyncs, write: s.writeSyncs }) });
}

/** Cells (A1) the encoding changed, with their Unicode text. */
function changed(sheet: PlanSheet): { address: string; text: string }[] {
  return unicodeAppendix.rows.flatMap((line, r) =>
    line.flatMap((v, c) => (typeof v === 'string' && sheet.rows[r][c] !== v ? [{ address: `${columnLetter(c)}${r + 1}`, text: v }] : [])),
  );
}

describe('a workbook with a TCVN3 sheet, a VNI sheet and a Unicode sheet', () => {
  const tcvn3 = seedOf(tcvn3Appendix, 'PL TCVN3', '.VnTime', { formulas: { H2: '=A2' } });
  tcvn3.rows = tcvn3.rows.map((line) => line.slice());
  tcvn3.rows[1][7] = String(tcvn3Appendix.rows[1][0]);
  const seeds = [tcvn3, seedOf(vniAppendix, 'PL VNI', 'VNI-Times'), seedOf(unicodeAppendix, 'Phụ lục', 'Arial')];

  it('is rewritten as Unicode in Times New Roman in 4 syncs, everything else kept', async () => {
    const excel = createFakeExcel({ sheets: seeds.map((s) => structuredClone(s)) });
    const before = excel.dump();
    const syncs: { read: number; write: number }[] = [];
    const outcome = await host(excel, syncs).convertToUnicode!({ lang: 'vi' });

    const t = changed(tcvn3Appendix).length;
    const v = changed(vniAppendix).length;
    expect(outcome).toEqual({
      ok: true,
      cells: t + v,
      sheets: [
        { sheet: 'PL TCVN3', cells: t, byEncoding: { tcvn3: t, vni: 0 } },
        { sheet: 'PL VNI', cells: v, byEncoding: { tcvn3: 0, vni: v } },
        { sheet: 'Phụ lục', cells: 0, byEncoding: { tcvn3: 0, vni: 0 } },
      ],
      protectedSheets: [],
    });
    expect(syncs).toEqual([{ read: 3, write: 1 }]);

    const after = excel.dump();
    before.sheets.forEach((sheetBefore, i) => {
      const sheetAfter = after.sheets[i];
      const owned = i === 0 ? changed(tcvn3Appendix) : i === 1 ? changed(vniAppendix) : [];
      for (const { address, text } of owned) {
        const cell = sheetAfter.cells[address];
        expect([sheetAfter.name, address, cell.value, cell.style.fontName]).toEqual([sheetAfter.name, address, text, 'Times New Roman']);
        expect(cell.style.fontSize).toBe(sheetBefore.cells[address].style.fontSize);
        expect(cell.style.bold).toBe(sheetBefore.cells[address].style.bold);
      }
      // Every other cell — formulas, "STT", "Quý II/2025" (the same in TCVN3), the Unicode sheet — as it was.
      const others = (cells: typeof sheetAfter.cells) => Object.fromEntries(Object.entries(cells).filter(([a]) => !owned.some((o) => o.address === a)));
      expect(others(sheetAfter.cells)).toEqual(others(sheetBefore.cells));
    });
    expect(after.sheets[0].cells.H2.formula).toBe('=A2');
  });

  it('then reads as its Unicode twin, only the stored result of a formula left in TCVN3', async () => {
    const excel = createFakeExcel({ sheets: [structuredClone(seeds[0])] });
    const h = host(excel);
    const first = await h.inspect({ asOf: '2025-07-01', lang: 'vi' });
    expect(first.ok && first.analysis.legacyCells?.length).toBe(changed(tcvn3Appendix).length + 1);
    await h.convertToUnicode!({ lang: 'vi' });
    const again = await h.inspect({ asOf: '2025-07-01', lang: 'vi' });
    const twin = await host(createFakeExcel(toFakeSeed({ sheets: [unicodeAppendix] }))).inspect({ asOf: '2025-07-01', lang: 'vi' });
    if (!again.ok || !twin.ok) throw new Error('expected both to be read');
    // The formula H2 still holds the TCVN3 result the fake does not compute again.
    expect(again.analysis.legacyCells).toEqual([{ row: 1, col: 7, encoding: 'tcvn3' }]);
    expect(again.analysis.tasks.map((x) => [x.row, x.cells.lead?.text, x.deadline.due])).toEqual(twin.analysis.tasks.map((x) => [x.row, x.cells.lead?.text, x.deadline.due]));
  });

  it('skips a protected sheet, names it, and writes nothing there', async () => {
    const excel = createFakeExcel({ sheets: [{ ...structuredClone(seeds[0]), protected: true }, structuredClone(seeds[1])] });
    const before = excel.dumpSheet('PL TCVN3');
    const outcome = await host(excel).convertToUnicode!({ lang: 'vi' });
    expect(outcome.ok && outcome.protectedSheets).toEqual(['PL TCVN3']);
    expect(outcome.ok && outcome.sheets.map((s) => s.sheet)).toEqual(['PL VNI']);
    expect(excel.dumpSheet('PL TCVN3')).toEqual(before);
    expect(excel.dumpSheet('PL VNI').cells.B4.value).toBe('Nội dung nhiệm vụ');
  });
});

describe('convertToUnicode', () => {
  it('writes nothing in a Unicode workbook', async () => {
    const excel = createFakeExcel(toFakeSeed({ sheets: [unicodeAppendix] }));
    const before = excel.dump();
    const syncs: { read: number; write: number }[] = [];
    const outcome = await host(excel, syncs).convertToUnicode!({ lang: 'en' });
    expect(outcome).toEqual({ ok: true, cells: 0, sheets: [{ sheet: 'Phụ lục', cells: 0, byEncoding: { tcvn3: 0, vni: 0 } }], protectedSheets: [] });
    expect(syncs).toEqual([{ read: 3, write: 0 }]);
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

  it('reads a sheet too large for one response in halves, still converting every cell', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [encodeTcvn3(`Nhiệm vụ số ${i + 1}: rà soát thủ tục hành chính`).padEnd(2000, '.')]);
    const excel = createFakeExcel({ sheets: [{ name: 'PL', rows }] }, { payloadLimitBytes: 600_000 });
    const h = createExcelPlanHost(excel.run, { isSetSupported: excel.isSetSupported, budgetBytes: 500_000 });
    const outcome = await h.convertToUnicode!({ lang: 'vi' });
    expect(outcome.ok && outcome.cells).toBe(400);
    expect(excel.dumpSheet('PL').cells.A400.value).toMatch(/^Nhiệm vụ số 400: rà soát thủ tục hành chính\.+$/);
    expect(excel.stats.requests.some((r) => r.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(excel.maxRequestBytes()).toBeLessThan(600_000);
  });

  it('says the Excel is too old, touching nothing', async () => {
    const excel = createFakeExcel({ sheets: [seedOf(tcvn3Appendix, 'PL', '.VnTime')] }, { supportedExcelApi: '1.8' });
    const outcome = await host(excel).convertToUnicode!({ lang: 'en' });
    expect(outcome.ok).toBe(false);
    expect(excel.stats.syncs).toBe(0);
  });
});
