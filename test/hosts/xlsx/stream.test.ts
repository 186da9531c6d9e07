/**
 * The streaming reader on its own: the workbook level (tabs, state sheet, active tab, date
 * system, defined names, parts), hidden columns and protection, the places where it keeps what
 * Excel shows and exceljs loses, the bounds (zip bombs, formatted empty rows, merge fill), and
 * files that are not readable workbooks.
 */
import zlib from 'zlib';
import { readWorkbookStream, WorkbookFormatError, DEFAULT_LIMITS } from '../../../src/hosts/xlsx/stream';
import { XmlError, XmlScanner, readAttributes, type XmlHandler } from '../../../src/hosts/xlsx/stream/xml';
import { ZipArchive, ZipError, type ZipEntry } from '../../../src/hosts/xlsx/zip/archive';
import { ZipWriter } from '../../../src/hosts/xlsx/zip/writer';
import { STATE_SHEET_NAME } from '../../../src/engine/settings';
import { rawWorkbook, sheetDocument, stylesWith } from './stream-workbook';

const MiB = 1024 * 1024;

function rows(xml: string): string {
  return `<sheetData>${xml}</sheetData>`;
}

async function firstGrid(bytes: Buffer) {
  const book = await readWorkbookStream(bytes);
  return (await book.sheets[0].read()).grid;
}

describe('the workbook level', () => {
  test('tabs in order with visibility and parts; the state sheet is read and left out; active tab; defined names; parts', async () => {
    const state = JSON.stringify({ version: 1, corrections: { 'Phụ lục': { E: 'lead' } }, settings: { planYear: 2025 } });
    const bytes = rawWorkbook({
      sheets: [
        { name: 'Hướng dẫn', body: rows('<row r="1"><c r="A1" t="inlineStr"><is><t>Đọc kỹ</t></is></c></row>') },
        { name: 'Phụ lục', body: rows('<row r="1"><c r="A1"><v>1</v></c></row>') },
        { name: 'Cũ', body: '<sheetData/>', state: 'hidden' },
        { name: STATE_SHEET_NAME, body: rows(`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`), state: 'veryHidden' },
      ],
      sharedStrings: `<si><t>${state.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></si>`,
      workbookHead: '<workbookPr date1904="true"/><bookViews><workbookView activeTab="1"/><workbookView activeTab="0"/></bookViews>',
      workbookTail: `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">'Phụ lục'!$A$1:$I$40</definedName><definedName name="Tong" hidden="1">SUM('Phụ lục'!A:A)&amp;""</definedName></definedNames>`,
      extra: { 'xl/vbaProject.bin': Buffer.from([1, 2, 3]), 'xl/charts/chart1.xml': '<c:chartSpace/>' },
    });
    const book = await readWorkbookStream(bytes);
    expect(book.sheets.map((s) => [s.name, s.visibility, s.partName])).toStrictEqual([
      ['Hướng dẫn', 'visible', 'xl/worksheets/sheet1.xml'],
      ['Phụ lục', 'visible', 'xl/worksheets/sheet2.xml'],
      ['Cũ', 'hidden', 'xl/worksheets/sheet3.xml'],
    ]);
    expect(book.activeIndex).toBe(1);
    // "true" is a boolean too (exceljs only understands "1").
    expect(book.date1904).toBe(true);
    expect(book.stateProblem).toBeNull();
    expect(book.state.corrections).toStrictEqual({ 'Phụ lục': { E: 'lead' } });
    expect(book.state.settings.planYear).toBe(2025);
    expect(book.definedNames).toStrictEqual([
      { name: '_xlnm.Print_Area', formula: "'Phụ lục'!$A$1:$I$40", scope: 'Phụ lục', hidden: false },
      { name: 'Tong', formula: `SUM('Phụ lục'!A:A)&""`, scope: null, hidden: true },
    ]);
    expect(book.parts).toEqual(expect.arrayContaining(['xl/vbaProject.bin', 'xl/charts/chart1.xml', 'xl/workbook.xml']));
    expect((await book.sheets[0].read()).grid.values).toStrictEqual([['Đọc kỹ']]);
  });

  test('a chart sheet is not a sheet of the list, but counts as a tab for the active one', async () => {
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const bytes = rawWorkbook({
      sheets: [
        { name: 'A', body: '<sheetData/>' },
        { name: 'B', body: '<sheetData/>' },
      ],
      workbookHead: '<bookViews><workbookView activeTab="2"/></bookViews>',
      extra: {},
    });
    // Put a chart sheet first: tabs are Biểu đồ, A, B; the active tab (2) is B.
    const zip = new ZipArchive(bytes);
    const writer = new ZipWriter(new Date(2024, 0, 2));
    for (const e of zip.entries) {
      if (e.name === 'xl/workbook.xml') {
        writer.add(e.name, zip.text(e, MiB).replace('<sheets>', '<sheets><sheet name="Biểu đồ" sheetId="9" r:id="rIdC"/>'));
      } else if (e.name === 'xl/_rels/workbook.xml.rels') {
        writer.add(e.name, zip.text(e, MiB).replace('</Relationships>', `<Relationship Id="rIdC" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`));
      } else {
        writer.copy(zip, e);
      }
    }
    writer.add('xl/chartsheets/sheet1.xml', '<chartsheet/>');
    const book = await readWorkbookStream(writer.toBuffer());
    expect(book.sheets.map((s) => s.name)).toStrictEqual(['A', 'B']);
    expect(book.activeIndex).toBe(1);
  });

  test('a damaged stored state gives the defaults and the reason', async () => {
    const book = await readWorkbookStream(
      rawWorkbook({
        sheets: [
          { name: 'S', body: '<sheetData/>' },
          { name: STATE_SHEET_NAME, body: rows('<row r="1"><c r="A1" t="inlineStr"><is><t>{"version": 7</t></is></c></row>'), state: 'veryHidden' },
        ],
      }),
    );
    expect(book.stateProblem).toMatch(/JSON/);
    expect(book.state.corrections).toStrictEqual({});
  });
});

describe('sheet content besides the grid', () => {
  test('hidden columns and sheet protection', async () => {
    const book = await readWorkbookStream(
      rawWorkbook({
        sheets: [
          {
            name: 'S',
            body:
              '<cols><col min="1" max="1" width="6"/><col min="8" max="8" hidden="true"/><col min="3" max="5" hidden="1" width="0"/><col min="4" max="6" hidden="1"/></cols>' +
              rows('<row r="1"><c r="A1"><v>1</v></c></row>') +
              '<sheetProtection sheet="1" objects="1" scenarios="1"/>',
          },
          { name: 'T', body: rows('') + '<sheetProtection sheet="0"/>' },
        ],
      }),
    );
    const s = await book.sheets[0].read();
    expect(s.hiddenCols).toStrictEqual([2, 3, 4, 5, 7]);
    expect(s.protected).toBe(true);
    const t = await book.sheets[1].read();
    expect(t.hiddenCols).toStrictEqual([]);
    expect(t.protected).toBe(false);
  });

  test('prefixed SpreadsheetML (x:c, x:v), which exceljs cannot read', async () => {
    const body =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Nhiệm vụ</x:t></x:is></x:c><x:c r="C2"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect((await firstGrid(rawWorkbook({ sheets: [{ name: 'S', body }] }))).values).toStrictEqual([[], [null, 'Nhiệm vụ', 7]]);
  });
});

describe('where Excel and exceljs differ, the reader gives what Excel shows', () => {
  test('formula results 0 and FALSE; text, boolean and error results in date-formatted cells; t="d"; entities decoded once; inline phonetic runs', async () => {
    const grid = await firstGrid(
      rawWorkbook({
        sheets: [
          {
            name: 'S',
            body: rows(
              '<row r="1"><c r="A1" s="1" t="str"><f>IF(1,"Quý I/2024")</f><v>Quý I/2024</v></c><c r="B1" s="1" t="b"><f>TRUE()</f><v>1</v></c>' +
                '<c r="C1" s="1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1" s="1"><f>DATE(2024,6,30)</f><v>45473</v></c>' +
                '<c r="E1"><f>1-1</f><v>0</v></c><c r="F1" t="b"><f>1&gt;2</f><v>0</v></c></row>' +
                '<row r="2"><c r="A2" t="d"><v>2024-06-30</v></c><c r="B2" t="d"><v>2024-06-30T12:00:00Z</v></c><c r="C2" t="d"><v>không phải ngày</v></c></row>' +
                '<row r="3"><c r="A3" t="str"><v>a &amp;lt; b</v></c>' +
                '<c r="B3" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c><c r="C3" t="inlineStr"><is><t>x_x000D_y</t></is></c></row>',
            ),
          },
        ],
        styles: stylesWith([0, 14]),
      }),
    );
    expect(grid.values).toStrictEqual([
      ['Quý I/2024', true, '#DIV/0!', 45473, 0, false],
      [45473, 45473.5, 'không phải ngày'],
      ['a &lt; b', '東京', 'x\ry'],
    ]);
  });

  test('t="d" dates land on the same day in the 1904 system', async () => {
    const grid = await firstGrid(
      rawWorkbook({ sheets: [{ name: 'S', body: rows('<row r="1"><c r="A1" t="d"><v>2024-06-30</v></c></row>') }], workbookHead: '<workbookPr date1904="1"/>' }),
    );
    expect(grid.values[0][0]).toBe(45473 - 1462);
    expect(grid.date1904).toBe(true);
  });
});

describe('bounds', () => {
  test('200,000 formatted empty rows cost nothing in the grid', async () => {
    const empty: string[] = [];
    for (let r = 3; r < 200_003; r++) empty.push(`<row r="${r}" spans="1:9" s="1" customFormat="1" ht="15"><c r="A${r}" s="1"/><c r="I${r}" s="1"/></row>`);
    const bytes = rawWorkbook({
      sheets: [{ name: 'S', body: rows(`<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row>${empty.join('')}`) }],
      styles: stylesWith([0, 3]),
    });
    const { grid } = await (await readWorkbookStream(bytes)).sheets[0].read();
    expect(grid.values).toStrictEqual([['STT']]);
    expect(grid.hiddenRows).toStrictEqual([]);
  });

  test('cells addressed beyond Excel’s last column are ignored; merged-away cells are filled only up to the budget', async () => {
    const bytes = rawWorkbook({
      sheets: [{ name: 'S', body: rows('<row r="1"><c r="A1"><v>1</v></c><c r="ZZZZ1"><v>2</v></c></row>') + '<mergeCells><mergeCell ref="A1:C1"/><mergeCell ref="A5:XFD1048576"/></mergeCells>' }],
    });
    const book = await readWorkbookStream(bytes, { maxMergeFollowers: 3 });
    const { grid } = await book.sheets[0].read();
    expect(grid.merges).toStrictEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 4, left: 0, bottom: 1_048_575, right: 16_383 },
    ]);
    // B1, C1, then one cell of the huge merge.
    expect(grid.values).toStrictEqual([[1, '', ''], [], [], [], [null, '']]);
  });

  test('a sheet with more cells than the reader takes is refused with the limit', async () => {
    const bytes = rawWorkbook({ sheets: [{ name: 'S', body: rows('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>') + '<mergeCells><mergeCell ref="C1:D1"/></mergeCells>' }] });
    await expect((await readWorkbookStream(bytes, { maxCells: 3 })).sheets[0].read()).resolves.toBeDefined();
    await expect((await readWorkbookStream(bytes, { maxCells: 2 })).sheets[0].read()).rejects.toMatchObject({ name: 'WorkbookFormatError', code: 'too-many-cells', limit: 2 });
  });

  /** A deflate stream of `pieces` MiB of spaces inside a sheet: about 1 KB per MiB. */
  function bombEntry(pieces: number, declared: number): { entry: ZipEntry; data: Buffer } {
    const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
    const head = zlib.deflateRawSync(Buffer.from(sheetDocument('<sheetData>').replace('</worksheet>', '')), flush);
    const piece = zlib.deflateRawSync(Buffer.alloc(MiB, 0x20), flush);
    const data = Buffer.concat([head, ...Array<Buffer>(pieces).fill(piece), zlib.deflateRawSync(Buffer.alloc(0))]);
    const entry = { name: 'xl/worksheets/sheet1.xml', method: 8, flags: 0, crc32: 0, compressedSize: data.length, uncompressedSize: declared, localOffset: 0, dosTime: 0, dosDate: 0 };
    return { entry, data };
  }

  function withSheetEntry(bomb: { entry: ZipEntry; data: Buffer }): Buffer {
    const zip = new ZipArchive(rawWorkbook({ sheets: [{ name: 'S', body: '<sheetData/>' }] }));
    const writer = new ZipWriter(new Date(2024, 0, 2));
    for (const e of zip.entries) {
      if (e.name === bomb.entry.name) writer.copy({ raw: () => bomb.data } as unknown as ZipArchive, bomb.entry);
      else writer.copy(zip, e);
    }
    return writer.toBuffer();
  }

  test('a 3 MB sheet that expands to 3 GB is refused from its declared size, before anything is inflated', async () => {
    const bytes = withSheetEntry(bombEntry(3000, 3000 * MiB + 200));
    expect(bytes.length).toBeLessThan(4 * MiB);
    // The archive says which parts it handed out for inflating: the sheet is not one of them.
    const handedOut: string[] = [];
    class WatchedArchive extends ZipArchive {
      override raw(entry: ZipEntry): Buffer {
        handedOut.push(entry.name);
        return super.raw(entry);
      }
    }
    const book = await readWorkbookStream(new WatchedArchive(bytes));
    const failure = await book.sheets[0].read().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'too-large', limit: DEFAULT_LIMITS.sheet });
    expect((failure as Error).message).toMatch(/expands to more than 1073741824 bytes/);
    expect(handedOut).toContain('xl/workbook.xml');
    expect(handedOut).not.toContain('xl/worksheets/sheet1.xml');
  });

  test('a sheet that lies about its size is stopped by the inflater at the cap', async () => {
    const bytes = withSheetEntry(bombEntry(100, 1000));
    const book = await readWorkbookStream(bytes, { limits: { sheet: 16 * MiB } });
    const failure = await book.sheets[0].read().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ZipError);
    expect(failure).toMatchObject({ code: 'too-large', limit: 16 * MiB });
    expect((failure as Error).message).toMatch(/expands to more than 16777216 bytes/);
  });

  test('shared strings past their cap are refused when the workbook is opened', async () => {
    const bytes = rawWorkbook({ sheets: [{ name: 'S', body: '<sheetData/>' }], sharedStrings: `<si><t>${'a'.repeat(2 * MiB)}</t></si>` });
    await expect(readWorkbookStream(bytes, { limits: { sharedStrings: MiB } })).rejects.toMatchObject({ code: 'too-large', limit: MiB });
  });
});

describe('files that are not readable workbooks', () => {
  test('not a zip, a zip without a workbook, a workbook without worksheets', async () => {
    await expect(readWorkbookStream(Buffer.from('STT;Nhiệm vụ\n1;Rà soát\n'))).rejects.toMatchObject({ code: 'not-zip' });
    const other = new ZipWriter();
    other.add('readme.txt', 'không phải bảng tính');
    await expect(readWorkbookStream(other.toBuffer())).rejects.toStrictEqual(expect.objectContaining({ code: 'not-workbook' }));
    await expect(readWorkbookStream(rawWorkbook({ sheets: [] }))).rejects.toBeInstanceOf(WorkbookFormatError);
  });

  test('a truncated file, a corrupt deflate stream, a sheet that is not XML, a document type declaration', async () => {
    const good = rawWorkbook({ sheets: [{ name: 'S', body: rows('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
    await expect(readWorkbookStream(good.subarray(0, good.length >> 1))).rejects.toBeInstanceOf(ZipError);

    const zip = new ZipArchive(good);
    const sheet = zip.find('xl/worksheets/sheet1.xml')!;
    const corrupt = Buffer.from(good);
    corrupt.fill(0xff, zip.dataOffset(sheet), zip.dataOffset(sheet) + sheet.compressedSize);
    await expect((await readWorkbookStream(corrupt)).sheets[0].read()).rejects.toMatchObject({ code: 'damaged' });

    const notXml = rawWorkbook({ sheets: [{ name: 'S', body: rows('<row r="1"><c r="A1" <v>1</v></c></row>') }] });
    await expect((await readWorkbookStream(notXml)).sheets[0].read()).rejects.toMatchObject({ name: 'WorkbookFormatError', code: 'damaged' });
    const cut = rawWorkbook({ sheets: [{ name: 'S', body: '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"' }] });
    await expect((await readWorkbookStream(cut)).sheets[0].read()).rejects.toMatchObject({ code: 'damaged' });
    const doctype = rawWorkbook({ sheets: [{ name: 'S', body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>' }] });
    await expect((await readWorkbookStream(doctype)).sheets[0].read()).rejects.toMatchObject({ code: 'damaged' });
  });
});

describe('the XML scanner', () => {
  class Recorder implements XmlHandler {
    collecting = false;
    readonly events: string[] = [];
    private readonly found: (string | undefined)[] = [];
    open(name: string, tag: Parameters<XmlHandler['open']>[1]) {
      readAttributes(tag, ['r', 'x:t'], this.found);
      this.events.push(`<${name} ${this.found.join('|')}>`);
      if (name === 'v' || name === 't') this.collecting = true;
    }
    close(name: string) {
      this.events.push(`</${name}>`);
      this.collecting = false;
    }
    text(s: string) {
      this.events.push(`"${s}"`);
    }
  }

  const DOC =
    '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment with <tags> -->\n<worksheet><sheetData>' +
    '<row r="1" spans="1:2"><c r=\'A1\' x:t="a>b" note="r=&quot;Z9&quot;"><v>1&amp;2 &#x1EA0;&#7840;</v></c>' +
    '<c r="B1"><v><![CDATA[<not a tag>]]></v></c><c r="C1"><t xml:space="preserve">  </t></c></row>' +
    '<row r="2"/></sheetData></worksheet>';

  function scan(chunkSize: number): string[] {
    const recorder = new Recorder();
    const scanner = new XmlScanner(recorder);
    for (let i = 0; i < DOC.length; i += chunkSize) scanner.write(DOC.slice(i, i + chunkSize));
    scanner.end();
    // Text may arrive in pieces; join neighbours to compare.
    return recorder.events.reduce<string[]>((out, e) => {
      if (e.startsWith('"') && out.length && out[out.length - 1].startsWith('"')) out[out.length - 1] = `${out[out.length - 1].slice(0, -1)}${e.slice(1)}`;
      else out.push(e);
      return out;
    }, []);
  }

  test('the same events however the document is cut into chunks', () => {
    const whole = scan(DOC.length);
    expect(whole).toStrictEqual([
      '<worksheet |>',
      '<sheetData |>',
      '<row 1|>',
      '<c A1|a>b>',
      '<v |>',
      '"1&2 ẠẠ"',
      '</v>',
      '</c>',
      '<c B1|>',
      '<v |>',
      '"<not a tag>"',
      '</v>',
      '</c>',
      '<c C1|>',
      '<t |>',
      '"  "',
      '</t>',
      '</c>',
      '</row>',
      '<row 2|>',
      '</row>',
      '</sheetData>',
      '</worksheet>',
    ]);
    for (const size of [1, 2, 3, 5, 8, 13, 64]) expect(scan(size)).toStrictEqual(whole);
  });

  test('a token larger than the limit is refused', () => {
    const scanner = new XmlScanner(new Recorder(), 100);
    expect(() => scanner.write(`<c r="${'A'.repeat(200)}`)).toThrow(XmlError);
  });
});
