/**
 * The fake Excel must punish what real Excel punishes, or the host tests prove nothing: reading
 * before load+sync, operations applied before sync, oversized requests and responses, writes to
 * protected sheets, text that Excel turns into formulas or dates, merged cells.
 */
import { createFakeExcel, FakeExcelError, PAYLOAD_LIMIT_BYTES, type FakeWorkbookSeed } from '../../../src/testing/fake-excel';

const seed = (): FakeWorkbookSeed => ({
  sheets: [
    {
      name: 'Phụ lục',
      rows: [
        ['PHỤ LỤC'],
        ['STT', 'Nhiệm vụ', 'Chủ trì'],
        ['1', 'Rà soát quy chế', 'Phòng Nội vụ'],
        ['2', 'Kiểm tra công vụ', 'Phòng Nội vụ (gộp)'],
        ['3', 'Báo cáo quý', ''],
      ],
      merges: ['A1:C1', 'C4:C5'],
      hiddenRows: [5],
      styles: { B3: { fill: '#FFFF00' } },
    },
    { name: 'Khác', rows: [['x']] },
  ],
});

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

describe('fake Excel: load and sync', () => {
  test('reading a property before load + sync throws PropertyNotLoaded, after it works', async () => {
    const excel = createFakeExcel(seed());
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getActiveWorksheet().getRange('B3');
      expect(() => range.values).toThrow(/not available.*call the load method/);
      range.load('values');
      // Loaded but not yet synced: still not available.
      expect(() => range.values).toThrow(FakeExcelError);
      await ctx.sync();
      expect(range.values).toEqual([['Rà soát quy chế']]);
      // address was never loaded.
      expect(() => range.address).toThrow(/'address' is not available/);
    });
  });

  test('isNullObject is known only after a sync', async () => {
    const excel = createFakeExcel(seed());
    await excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Không có');
      const present = ctx.workbook.worksheets.getItemOrNullObject('Khác');
      expect(() => missing.isNullObject).toThrow(FakeExcelError);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  test('writes are queued and only applied at sync; loads see the state at their place in the batch', async () => {
    const excel = createFakeExcel(seed());
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getActiveWorksheet();
      const before = sheet.getRange('B4').load('values');
      sheet.getRange('B4').values = [['Kiểm tra công vụ tại xã']];
      expect(excel.dumpSheet('Phụ lục').cells.B4.value).toBe('Kiểm tra công vụ');
      const after = sheet.getRange('B4').load('values');
      await ctx.sync();
      expect(before.values).toEqual([['Kiểm tra công vụ']]);
      expect(after.values).toEqual([['Kiểm tra công vụ tại xã']]);
    });
    expect(excel.stats.syncs).toBe(1);
  });

  test('loading a property the fake does not model fails at sync; a navigation property is one proxy', async () => {
    const excel = createFakeExcel(seed());
    await expectCode(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange('A1').format.load('shrinkToFit');
        await ctx.sync();
      }),
      'NotImplemented',
    );
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getActiveWorksheet().getRange('B3');
      expect(range.format.fill).toBe(range.format.fill);
      range.format.fill.load('color');
      await ctx.sync();
      expect(range.format.fill.color).toBe('#FFFF00');
    });
  });

  test('a proxy used after its Excel.run has returned is an error', async () => {
    const excel = createFakeExcel(seed());
    const leaked = await excel.run(async (ctx) => ctx.workbook.worksheets.getActiveWorksheet().getRange('A1'));
    await excel.run(async () => {
      expect(() => leaked.load('values')).toThrow(/request context has finished/);
    });
  });
});

describe('fake Excel: what a real workbook holds', () => {
  test('merged cells other than the top-left read as ""; writing into them is refused', async () => {
    const excel = createFakeExcel(seed());
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getActiveWorksheet().getRange('A1:C5').load('values');
      await ctx.sync();
      expect(range.values[0]).toEqual(['PHỤ LỤC', '', '']);
      expect(range.values[3][2]).toBe('Phòng Nội vụ (gộp)');
      expect(range.values[4][2]).toBe('');
    });
    await expectCode(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange('C5').values = [['Phòng Tư pháp']];
        await ctx.sync();
      }),
      'InvalidOperation',
    );
  });

  test('rowHidden is true, false or null (mixed); visible cells come back as areas', async () => {
    const excel = createFakeExcel(seed());
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getActiveWorksheet();
      const all = sheet.getRange('A1:C5').load('rowHidden');
      const five = sheet.getRange('A5:C5').load('rowHidden');
      const top = sheet.getRange('A1:C4').load('rowHidden');
      const visible = sheet.getRange('A1:C6').getSpecialCellsOrNullObject('Visible').load('address');
      await ctx.sync();
      expect(all.rowHidden).toBeNull();
      expect(five.rowHidden).toBe(true);
      expect(top.rowHidden).toBe(false);
      expect(visible.address).toBe("'Phụ lục'!A1:C4, 'Phụ lục'!A6:C6");
    });
  });

  test('text Excel would parse is parsed, unless the cell is formatted as Text', async () => {
    const excel = createFakeExcel(seed());
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Khác');
      sheet.getRange('A2:E2').values = [['- Công văn - Quyết định', '=1+1', '01/03/2024', '30%', 'Quý I/2024']];
      const text = sheet.getRange('A3:C3');
      text.numberFormat = [['@', '@', '@']];
      text.values = [['- Công văn - Quyết định', '=1+1', '01/03/2024']];
      await ctx.sync();
    });
    const cells = excel.dumpSheet('Khác').cells;
    expect(cells.A2.formula).toBe('=- Công văn - Quyết định');
    expect(cells.B2.formula).toBe('=1+1');
    expect(typeof cells.C2.value).toBe('number');
    expect(cells.D2.value).toBe(0.3);
    expect(cells.E2.value).toBe('Quý I/2024');
    expect([cells.A3.value, cells.B3.value, cells.C3.value]).toEqual(['- Công văn - Quyết định', '=1+1', '01/03/2024']);
    expect(cells.A3.formula).toBeNull();
  });

  test('null in a 2-D array leaves the cell alone; a values array of the wrong shape is refused', async () => {
    const excel = createFakeExcel(seed());
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('B3:C3').values = [[null as unknown as string, 'Phòng Tư pháp']];
      await ctx.sync();
    });
    expect(excel.dumpSheet('Phụ lục').cells.B3.value).toBe('Rà soát quy chế');
    expect(excel.dumpSheet('Phụ lục').cells.C3.value).toBe('Phòng Tư pháp');
    await expectCode(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange('B3:C3').values = [['một ô']];
        await ctx.sync();
      }),
      'InvalidArgument',
    );
  });

  test('a protected sheet refuses writes; actions before the failing one stay applied (no transaction)', async () => {
    const s = seed();
    s.sheets[0].protected = true;
    const excel = createFakeExcel(s);
    await expectCode(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Khác').getRange('B1').values = [['ghi trước']];
        ctx.workbook.worksheets.getItem('Phụ lục').getRange('D3').values = [['không được']];
        await ctx.sync();
      }),
      'AccessDenied',
    );
    expect(excel.dumpSheet('Khác').cells.B1.value).toBe('ghi trước');
    expect(excel.dumpSheet('Phụ lục').cells.D3).toBeUndefined();
  });

  test('a new conditional format goes first; data validation clear() only clears its own cells', async () => {
    const s = seed();
    s.sheets[0].conditionalFormats = [{ appliesTo: 'A3:C5', formula: '=$C3=""', fill: '#FFC7CE', fontColor: '#9C0006' }];
    s.sheets[0].validations = [{ address: 'C3:C5', list: ['Phòng Nội vụ', 'Phòng Tư pháp'] }];
    const excel = createFakeExcel(s);
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getActiveWorksheet().getRange('A3:B5');
      const cf = range.conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=N("thẻ")=0';
      ctx.workbook.worksheets.getActiveWorksheet().getRange('C4').dataValidation.clear();
      await ctx.sync();
    });
    const dump = excel.dumpSheet('Phụ lục');
    expect(dump.conditionalFormats.map((c) => c.formula)).toEqual(['=N("thẻ")=0', '=$C3=""']);
    expect(dump.validations.map((v) => v.address).sort()).toEqual(['C3', 'C5']);
  });
});

describe('fake Excel: names, R1C1 formulas and hidden columns', () => {
  test('a sheet\'s names: added for a cell or a formula, read back, refused twice (office-js #2875), replaced by delete + add', async () => {
    const excel = createFakeExcel(seed());
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Phụ lục');
      ws.names.add('CCHC_AsOf', ws.getRange('D2'));
      ws.names.add('CCHC_Done', '={"Hoàn thành","Done"}');
      await ctx.sync();
      const names = ws.names.load('items/name,items/formula');
      await ctx.sync();
      expect(names.items.map((n) => [n.name, n.formula])).toEqual([
        ['CCHC_AsOf', "='Phụ lục'!$D$2"],
        ['CCHC_Done', '={"Hoàn thành","Done"}'],
      ]);
    });
    // Names compare without case: a second add is refused.
    await expectCode(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Phụ lục').names.add('cchc_asof', '=1');
        await ctx.sync();
      }),
      'ItemAlreadyExists',
    );
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Phụ lục');
      ws.names.getItem('cchc_asof').delete();
      ws.names.add('CCHC_AsOf', ws.getRange('E3'));
      await ctx.sync();
    });
    expect(excel.dumpSheet('Phụ lục').names).toEqual([
      { name: 'CCHC_AsOf', refersTo: "='Phụ lục'!$E$3" },
      { name: 'CCHC_Done', refersTo: '={"Hoàn thành","Done"}' },
    ]);
    // A cell name moves with its cell when a co-author inserts rows above it.
    excel.state.sheet('Phụ lục')!.insertRows(0, 2);
    expect(excel.dumpSheet('Phụ lục').names[0].refersTo).toBe("='Phụ lục'!$E$5");
    // What Excel reads as a reference, or a name with a space, is no name.
    for (const bad of ['A1', 'R1C1', 'Tính đến']) {
      await expectCode(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Phụ lục').names.add(bad, '=1');
          await ctx.sync();
        }),
        'InvalidArgument',
      );
    }
  });

  test('formulasR1C1: one R1C1 text over a column becomes each row\'s own A1 formula', async () => {
    const excel = createFakeExcel(seed());
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Phụ lục').getRange('E3:E5');
      range.formulasR1C1 = [['=N(RC3="Phòng Nội vụ")'], ['=N(RC3="Phòng Nội vụ")'], ['=R[-1]C+R1C1&"RC9"']];
      await ctx.sync();
    });
    const cells = excel.dumpSheet('Phụ lục').cells;
    expect([cells.E3.formula, cells.E4.formula, cells.E5.formula]).toEqual(['=N($C3="Phòng Nội vụ")', '=N($C4="Phòng Nội vụ")', '=E4+$A$1&"RC9"']);
  });

  test('columnHidden hides whole columns; it reads true, false or null (some hidden)', async () => {
    const excel = createFakeExcel(seed());
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Phụ lục');
      ws.getRange('E7').columnHidden = true;
      const e = ws.getRange('E:E').load('columnHidden');
      const de = ws.getRange('D1:E1').load('columnHidden');
      const d = ws.getRange('D1').load('columnHidden');
      await ctx.sync();
      expect([e.columnHidden, de.columnHidden, d.columnHidden]).toEqual([true, null, false]);
    });
    expect(excel.dumpSheet('Phụ lục').hiddenColumns).toEqual(['E']);
  });
});

describe('fake Excel: payload limits and counters', () => {
  test('a request over 5 MB is refused before anything is applied', async () => {
    const excel = createFakeExcel(seed());
    const big = Array.from({ length: 200 }, () => Array.from({ length: 10 }, () => 'Nội dung rất dài '.repeat(200)));
    const e = await expectCode(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Khác').getRange('A1').values = [['ghi cùng lô']];
        ctx.workbook.worksheets.getItem('Khác').getRange('A10:J209').values = big;
        await ctx.sync();
      }),
      'RequestPayloadSizeLimitExceeded',
    );
    expect(e.message).toMatch(/exceeded the limit/);
    expect(excel.dumpSheet('Khác').cells.A1.value).toBe('x');
    expect(excel.stats.requests[0].requestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  test('a response over the limit is refused too (Excel on the web limits both directions)', async () => {
    const s = seed();
    s.sheets[1].rows = Array.from({ length: 300 }, () => ['Nội dung rất dài '.repeat(200)]);
    const excel = createFakeExcel(s, { payloadLimitBytes: 1_000_000 });
    await expectCode(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Khác').getRange('A1:A300').load('values');
        await ctx.sync();
      }),
      'ResponsePayloadSizeLimitExceeded',
    );
  });

  test('each sync is counted with its request and response bytes', async () => {
    const excel = createFakeExcel(seed());
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('A1:C5').load('values');
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Khác').getRange('A2').values = [['ghi']];
      await ctx.sync();
    });
    expect(excel.stats.syncs).toBe(2);
    expect(excel.stats.requests[0].responseBytes).toBeGreaterThan(50);
    expect(excel.stats.requests[1].requestBytes).toBeGreaterThan(excel.stats.requests[1].responseBytes);
  });

  test('isSetSupported answers like Office for the configured ExcelApi version', () => {
    const old = createFakeExcel(seed(), { supportedExcelApi: '1.8' });
    expect(old.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(old.isSetSupported('ExcelApi', '1.13')).toBe(false);
    expect(createFakeExcel(seed()).isSetSupported('ExcelApi', '1.13')).toBe(true);
  });
});
