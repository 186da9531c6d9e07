/**
 * The documented limits of the Excel JavaScript API that the host relies on, enforced by the
 * fake (each cited from the JSDoc of @types/office-js or Microsoft's pages): 512 merged areas per
 * getMergedAreasOrNullObject, cell-edit mode, deleting a very hidden sheet, 2-D arrays for
 * values / formulas / numberFormat, the value ranges of pageLayout.zoom, 5,000,000 cells per
 * read; and a co-author who inserts rows between two syncs.
 */
import { createFakeExcel, FakeExcelError, MAX_MERGED_AREAS, type FakeWorkbookSeed } from '../../../src/testing/fake-excel';

async function expectCode(p: Promise<unknown>, code: string): Promise<FakeExcelError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FakeExcelError);
    expect((e as FakeExcelError).code).toBe(code);
    return e as FakeExcelError;
  }
  throw new Error(`expected ${code}`);
}

/** `n` two-row merges down column A (A1:A2, A3:A4, …). */
function mergedColumn(n: number): FakeWorkbookSeed {
  const rows = Array.from({ length: 2 * n }, (_, i) => [i % 2 === 0 ? `nhóm ${i / 2 + 1}` : '', 'x']);
  const merges = Array.from({ length: n }, (_, i) => `A${2 * i + 1}:A${2 * i + 2}`);
  return { sheets: [{ name: 'Phụ lục', rows, merges }] };
}

describe('fake Excel: merged areas per call', () => {
  test(`up to ${MAX_MERGED_AREAS} merged areas come back; one more fails the sync, as its JSDoc says`, async () => {
    const excel = createFakeExcel(mergedColumn(MAX_MERGED_AREAS + 1));
    const count = await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const areas = ws.getRange(`A1:B${2 * MAX_MERGED_AREAS}`).getMergedAreasOrNullObject().load('areaCount');
      await ctx.sync();
      return areas.areaCount;
    });
    expect(count).toBe(MAX_MERGED_AREAS);
    const failure = excel.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getUsedRange(true).getMergedAreasOrNullObject().load('address');
      await ctx.sync();
    });
    await expectCode(failure, 'GeneralException');
    expect(excel.stats.maxMergedAreas).toBe(MAX_MERGED_AREAS + 1);
    expect(excel.stats.requests.at(-1)?.failed).toBe('GeneralException');
  });
});

describe('fake Excel: cell-edit mode', () => {
  const seed: FakeWorkbookSeed = { sheets: [{ name: 'Phụ lục', rows: [['a']] }] };
  const readA1 = async (ctx: Excel.RequestContext) => {
    const r = ctx.workbook.worksheets.getActiveWorksheet().getRange('A1').load('values');
    await ctx.sync();
    return r.values[0][0];
  };

  test('a batch fails with InvalidOperation while the user types in a cell, and works after Enter', async () => {
    const excel = createFakeExcel(seed);
    excel.startCellEdit();
    const e = await expectCode(excel.run(readA1), 'InvalidOperation');
    expect(e.message).toMatch(/cell-edit mode/);
    excel.endCellEdit();
    await expect(excel.run(readA1)).resolves.toBe('a');
    excel.startCellEdit('InvalidOperationInCellEditMode');
    await expectCode(excel.run(readA1), 'InvalidOperationInCellEditMode');
  });

  test('with delayForCellEdit the batch waits until the user leaves the cell', async () => {
    const excel = createFakeExcel(seed);
    excel.startCellEdit();
    let done = false;
    const pending = excel.run({ delayForCellEdit: true }, readA1).then((v) => {
      done = true;
      return v;
    });
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(done).toBe(false);
    expect(excel.stats.syncs).toBe(0);
    excel.endCellEdit();
    await expect(pending).resolves.toBe('a');
  });
});

describe('fake Excel: documented argument rules', () => {
  test('deleting a very hidden sheet fails with InvalidOperation; a hidden one can be deleted', async () => {
    const excel = createFakeExcel({
      sheets: [
        { name: 'Phụ lục', rows: [['a']] },
        { name: 'CCHC_State', rows: [['{}']], visibility: 'VeryHidden' },
        { name: 'Ẩn', rows: [['b']], visibility: 'Hidden' },
      ],
    });
    await expectCode(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('CCHC_State').delete();
        await ctx.sync();
      }),
      'InvalidOperation',
    );
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Ẩn').delete();
      const state = ctx.workbook.worksheets.getItem('CCHC_State');
      state.visibility = 'Hidden';
      state.delete();
      await ctx.sync();
    });
    expect(excel.dump().sheets.map((s) => s.name)).toEqual(['Phụ lục']);
  });

  test.each(['values', 'formulas', 'numberFormat'] as const)('Range.%s takes a 2-D array, not one value for the range', async (property) => {
    const excel = createFakeExcel({ sheets: [{ name: 'Phụ lục', rows: [['a']] }] });
    await expectCode(
      excel.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getActiveWorksheet().getRange('B1:B3');
        (range as unknown as Record<string, unknown>)[property] = '@';
        await ctx.sync();
      }),
      'InvalidArgument',
    );
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getActiveWorksheet().getRange('B1:B3');
      (range as unknown as Record<string, unknown>)[property] = [['@'], ['@'], ['@']];
      await ctx.sync();
    });
  });

  test('pageLayout.zoom: scale 10–400 or whole numbers of pages; 0 pages and mixing are refused', async () => {
    const excel = createFakeExcel({ sheets: [{ name: 'Phụ lục', rows: [['a']] }] });
    const setZoom = (zoom: Excel.PageLayoutZoomOptions) =>
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().pageLayout.zoom = zoom;
        await ctx.sync();
      });
    await expectCode(setZoom({ horizontalFitToPages: 1, verticalFitToPages: 0 }), 'InvalidArgument');
    await expectCode(setZoom({ scale: 5 }), 'InvalidArgument');
    await expectCode(setZoom({ scale: 90, horizontalFitToPages: 1 }), 'InvalidArgument');
    await setZoom({ horizontalFitToPages: 1, verticalFitToPages: 12 });
    expect(excel.dumpSheet('Phụ lục').pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 12 });
    await setZoom({ scale: 400 });
  });

  test('a read of more than 5,000,000 cells is refused', async () => {
    const excel = createFakeExcel({ sheets: [{ name: 'Phụ lục', rows: [['a']] }] });
    await expectCode(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange('A1:E1000001').load('values');
        await ctx.sync();
      }),
      'RangeExceedsLimit',
    );
  });

  test('a rule added through the API stays unrepainted until the sheet is calculated (office-js #5299)', async () => {
    const excel = createFakeExcel({ sheets: [{ name: 'Phụ lục', rows: [['a']] }] });
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange('A1:A5').conditionalFormats.add('Custom').custom.rule.formula = '=LEN($A1)>0';
      await ctx.sync();
    });
    expect(excel.state.sheet('Phụ lục')!.conditionalFormats.map((c) => c.stale)).toEqual([true]);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().calculate(false);
      await ctx.sync();
    });
    expect(excel.state.sheet('Phụ lục')!.conditionalFormats.map((c) => c.stale)).toEqual([false]);
  });
});

describe('fake Excel: a co-author between two syncs', () => {
  test('rows inserted above move cells, merges, hidden rows, rules and validations down', async () => {
    const excel = createFakeExcel({
      sheets: [
        {
          name: 'Phụ lục',
          rows: [['Tiêu đề'], ['STT', 'Nhiệm vụ'], ['1', 'a'], ['', 'b']],
          merges: ['A3:A4'],
          hiddenRows: [4],
          conditionalFormats: [{ appliesTo: 'A3:B4', formula: '=LEN($B3)>0', fill: '#FFC7CE' }],
          validations: [{ address: 'B3:B4', list: ['x', 'y'] }],
        },
      ],
    });
    excel.insertRowsBeforeSync(2, 'Phụ lục', 2, 3);
    const reads = await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const before = ws.getRange('B3').load('values');
      await ctx.sync();
      const after = ws.getRange('B3').load('values');
      await ctx.sync();
      return [before.values[0][0], after.values[0][0]];
    });
    expect(reads).toEqual(['a', '']);
    const dump = excel.dumpSheet('Phụ lục');
    expect(dump.cells.A1.value).toBe('Tiêu đề');
    expect(dump.cells.B5.value).toBe('Nhiệm vụ');
    expect(dump.cells.B6.value).toBe('a');
    expect(dump.merges).toEqual(['A6:A7']);
    expect(dump.hiddenRows).toEqual([7]);
    expect(dump.conditionalFormats[0].appliesTo).toBe('A6:B7');
    expect(dump.validations[0].address).toBe('B6:B7');
  });
});
