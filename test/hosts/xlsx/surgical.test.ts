/**
 * The surgical writer's rules, one by one, on small hand-made workbooks: what a write, a
 * format, a validation, a highlight rule and a report sheet do to the XML, and what they never
 * touch. The fixtures are written as other programs write them (namespace prefixes, rows and
 * cells without references, no styles part, shared formulas, a chart sheet).
 */
import { parseA1Range as r } from '../../../src/engine/a1';
import type { ChangeSet, ConditionalFormatRule, SheetModel } from '../../../src/engine/model';
import { ChangeSetError } from '../../../src/hosts/change-set-error';
import { PackageError, surgicalCopy, ZipError } from '../../../src/hosts/xlsx/surgical';
import { ZipWriter } from '../../../src/hosts/xlsx/zip/writer';
import { DEFAULT_STYLES, hasPart, loadWorkbook, minimalWorkbook, partText, sheetXml } from './surgical-helpers';

const SHEET = 'Phụ lục';
const TAG = 'cchc-plan';
const SHEET_PART = 'xl/worksheets/sheet1.xml';

function changeSet(partial: Partial<ChangeSet>): ChangeSet {
  return { sheet: SHEET, writes: [], formats: [], validations: [], conditionalFormats: { tag: TAG, rules: [] }, sheets: [], ...partial };
}

function rule(formula: string, range = 'A2:C9'): ConditionalFormatRule {
  return { range: r(range), formula: `=AND(N("${TAG}:x")=0,${formula})`, fill: '#FFC7CE', fontColor: '#9C0006', stopIfTrue: true };
}

const ROWS = '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" s="1" t="inlineStr"><is><t>Nhiệm vụ</t></is></c></row><row r="3"><c r="A3"><v>1</v></c><c r="D3" t="inlineStr"><is><t>gộp</t></is></c></row>';
const book = (after = '', before = '', rows = ROWS) => minimalWorkbook({ sheets: [{ name: SHEET, xml: sheetXml(rows, after, before) }] });

describe('writing values', () => {
  test('null leaves a cell, "" clears it, text stays text, a merge follower is never written', async () => {
    const input = book('<mergeCells count="1"><mergeCell ref="D3:E3"/></mergeCells>');
    const out = surgicalCopy(input, changeSet({ writes: [{ range: r('A3:F3'), values: [[null, '', '=SUM(A1:A3)', null, 'không được ghi', '']] }] })).bytes;
    const xml = partText(out, SHEET_PART);
    expect(xml).toContain('<row r="3"><c r="A3"><v>1</v></c><c r="C3" t="inlineStr"><is><t>=SUM(A1:A3)</t></is></c><c r="D3" t="inlineStr"><is><t>gộp</t></is></c></row>');
    const ws = (await loadWorkbook(out)).getWorksheet(SHEET)!;
    expect(ws.getCell('C3').value).toBe('=SUM(A1:A3)');
    expect(ws.getCell('E3').value).toBe('gộp'); // exceljs shows the master in a follower
    const cleared = surgicalCopy(input, changeSet({ writes: [{ range: r('A3'), values: [['']] }] })).bytes;
    expect(partText(cleared, SHEET_PART)).toContain('<row r="3"><c r="A3"/><c r="D3"');
  });

  test('rows that do not exist are inserted in order; numbers, booleans and dates-as-serials keep their type; the dimension grows', () => {
    const input = book('', '<dimension ref="A1:D3"/>');
    const out = surgicalCopy(input, changeSet({ writes: [{ range: r('B2:B5'), values: [[2.5], [true], [45473], ['x']] }] })).bytes;
    const xml = partText(out, SHEET_PART);
    expect(xml).toContain('<dimension ref="A1:D5"/>');
    expect(xml).toMatch(/<row r="1">.*<\/row><row r="2"><c r="B2"><v>2.5<\/v><\/c><\/row><row r="3"><c r="A3"><v>1<\/v><\/c><c r="B3" t="b"><v>1<\/v><\/c><c r="D3"/);
    expect(xml).toContain('<row r="4"><c r="B4"><v>45473</v></c></row><row r="5"><c r="B5" t="inlineStr"><is><t>x</t></is></c></row></sheetData>');
  });

  test('any Unicode text is escaped, NFC, without XML-illegal characters; a literal _x0041_ stays literal', async () => {
    const text = ' <a & "b"> \u0001 e\u0301 😀 \uD800 _x0041_ ';
    const out = surgicalCopy(book(), changeSet({ writes: [{ range: r('C1'), values: [[text]] }] })).bytes;
    expect(partText(out, SHEET_PART)).toContain('<c r="C1" t="inlineStr"><is><t xml:space="preserve"> &lt;a &amp; "b"&gt;  é 😀  _x005F_x0041_ </t></is></c>');
    // (exceljs does not decode "_x…_" in inline strings as Excel does: read it without one.)
    const plain = surgicalCopy(book(), changeSet({ writes: [{ range: r('C1'), values: [[text.replace('_x0041_', '')]] }] })).bytes;
    expect((await loadWorkbook(plain)).getWorksheet(SHEET)!.getCell('C1').value).toBe(' <a & "b">  é 😀   ');
  });

  test('a change set for a missing sheet, or with more values than its range, is refused', () => {
    expect(() => surgicalCopy(book(), changeSet({ sheet: 'Không có' }))).toThrow(ChangeSetError);
    expect(() => surgicalCopy(book(), changeSet({ writes: [{ range: r('A1'), values: [['a', 'b']] }] }))).toThrow(ChangeSetError);
    expect(() => surgicalCopy(book(), changeSet({ writes: [{ range: r('A1'), values: [[Number.NaN]] }] }))).toThrow(ChangeSetError);
  });

  test('the sheet is found as Excel compares names (any case, NFC)', () => {
    const out = surgicalCopy(book(), changeSet({ sheet: 'PHU\u0323 LU\u0323C', writes: [{ range: r('C1'), values: [['ok']] }] })).bytes;
    expect(partText(out, SHEET_PART)).toContain('<c r="C1" t="inlineStr"><is><t>ok</t></is></c>');
  });
});

describe('XML written by other programs', () => {
  test('a prefixed namespace, rows and cells without references, and no styles part', () => {
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const xml = `<x:worksheet xmlns:x="${main}"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>STT</x:t></x:is></x:c><x:c><x:v>5</x:v></x:c><x:c><x:v>6</x:v></x:c></x:row><x:row><x:c><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const input = minimalWorkbook({ sheets: [{ name: SHEET, xml }], styles: null });
    const out = surgicalCopy(input, changeSet({ writes: [{ range: r('B1'), values: [['Nhiệm vụ']] }], formats: [{ range: r('B1'), bold: true }] })).bytes;
    const sheet = partText(out, SHEET_PART);
    expect(sheet).toContain('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>STT</x:t></x:is></x:c><x:c r="B1" s="1" t="inlineStr"><x:is><x:t>Nhiệm vụ</x:t></x:is></x:c><x:c r="C1"><x:v>6</x:v></x:c></x:row><x:row><x:c><x:v>1</x:v></x:c></x:row>');
    // A styles part is added, with the default format first and ours after it.
    expect(partText(out, 'xl/styles.xml')).toMatch(/<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/><xf [^>]*fontId="1"[^>]*applyFont="1"\/><\/cellXfs>/);
    expect(partText(out, '[Content_Types].xml')).toContain('<Override PartName="/xl/styles.xml"');
    expect(partText(out, 'xl/_rels/workbook.xml.rels')).toContain('/relationships/styles" Target="styles.xml"/>');
  });

  test('overwriting the cell that holds a shared formula hands the formula to the next cell using it', async () => {
    const rows = '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2+$A$2+SUM(A$2:A2)</f><v>2</v></c></row>' +
      '<row r="3"><c r="A3"><v>2</v></c><c r="B3"><f t="shared" si="0"/><v>4</v></c></row><row r="4"><c r="A4"><v>3</v></c><c r="B4"><f t="shared" si="0"/><v>6</v></c></row>';
    const withChain = minimalWorkbook({
      sheets: [{ name: SHEET, xml: sheetXml(rows) }],
      parts: [{ name: 'xl/calcChain.xml', content: '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B2" i="1"/><c r="B3"/><c r="B4"/></calcChain>', relType: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml' }],
    });
    const out = surgicalCopy(withChain, changeSet({ writes: [{ range: r('B2'), values: [['đã ghi đè']] }] })).bytes;
    const xml = partText(out, SHEET_PART);
    expect(xml).toContain('<c r="B3"><f t="shared" si="0" ref="B3:B4">A3*2+$A$2+SUM(A$2:A3)</f><v>4</v></c>');
    expect(xml).toContain('<c r="B4"><f t="shared" si="0"/><v>6</v></c>');
    // The calculation chain named the overwritten formula: dropped, and a full calculation asked.
    expect(hasPart(out, 'xl/calcChain.xml')).toBe(false);
    expect(partText(out, '[Content_Types].xml')).not.toContain('calcChain');
    expect(partText(out, 'xl/workbook.xml')).toContain('<calcPr fullCalcOnLoad="1"/>');
    const ws = (await loadWorkbook(out)).getWorksheet(SHEET)!;
    expect(ws.getCell('B4').formula).toBe('A4*2+$A$2+SUM(A$2:A4)');
  });
});

describe('formats and column widths', () => {
  test('a format derives a new cell format from the cell’s own; a cell sharing the old one keeps it', () => {
    const out = surgicalCopy(book(), changeSet({ formats: [{ range: r('B1'), bold: true, numberFormat: 'dd/mm/yyyy', horizontalAlignment: 'center' }] })).bytes;
    const styles = partText(out, 'xl/styles.xml');
    expect(styles.startsWith(DEFAULT_STYLES.slice(0, DEFAULT_STYLES.indexOf('<fonts')))).toBe(true);
    expect(styles).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>');
    expect(styles).toContain('<xf numFmtId="164" fontId="1" fillId="1" borderId="0" xfId="0" applyFill="1" applyNumberFormat="1" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf></cellXfs>');
    expect(partText(out, SHEET_PART)).toContain('<c r="B1" s="2" t="inlineStr">');
  });

  test('a width splits the user’s <col> range; a new cell takes its column’s format, or its row’s', () => {
    const cols = '<cols><col min="2" max="6" width="9" style="1" customWidth="1"/></cols>';
    const rows = `${ROWS}<row r="5" s="1" customFormat="1"><c r="A5"><v>5</v></c></row>`;
    const input = book('', cols, rows);
    const out = surgicalCopy(input, changeSet({
      writes: [{ range: r('C2'), values: [['mới']] }, { range: r('H5'), values: [[1]] }],
      formats: [{ range: r('C1:D1'), columnWidth: 16 }],
    })).bytes;
    const xml = partText(out, SHEET_PART);
    expect(xml).toContain('<cols><col min="2" max="2" width="9" style="1" customWidth="1"/><col min="3" max="3" width="16" style="1" customWidth="1"/><col min="4" max="4" width="16" style="1" customWidth="1"/><col min="5" max="6" width="9" style="1" customWidth="1"/></cols>');
    expect(xml).toContain('<row r="2"><c r="C2" s="1" t="inlineStr">');
    expect(xml).toContain('<row r="5" s="1" customFormat="1"><c r="A5"><v>5</v></c><c r="H5" s="1"><v>1</v></c></row>');
  });
});

describe('validations and highlight rules', () => {
  test('a user validation keeps its text but loses the cells ours covers', () => {
    const dv = '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A2:D9 F1"><formula1>"a,b"</formula1></dataValidation></dataValidations>';
    const out = surgicalCopy(book(dv), changeSet({ validations: [{ range: r('B2:B9'), choices: ['Chưa thực hiện', 'Hoàn thành, "xong"'] }] })).bytes;
    expect(partText(out, SHEET_PART)).toContain(
      '<dataValidations count="2"><dataValidation type="list" allowBlank="1" sqref="A2:A9 C2:D9 F1"><formula1>"a,b"</formula1></dataValidation>' +
        '<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" sqref="B2:B9"><formula1>"Chưa thực hiện,Hoàn thành, ""xong"""</formula1></dataValidation></dataValidations>',
    );
  });

  test('ours replace our old rules and go first; a user rule in the way moves, with the extension rules, by one offset', () => {
    const user = '<conditionalFormatting sqref="C2:C9"><cfRule type="containsBlanks" dxfId="0" priority="1"><formula>LEN(TRIM(C2))=0</formula></cfRule></conditionalFormatting>';
    const old = `<conditionalFormatting sqref="A2:C9"><cfRule type="expression" dxfId="0" priority="2"><formula>N("${TAG}:old")=0</formula></cfRule><cfRule type="duplicateValues" dxfId="0" priority="3"/></conditionalFormatting>`;
    const ext = '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule type="expression" priority="4" id="{1}"><xm:f>1</xm:f></x14:cfRule></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>';
    const input = minimalWorkbook({ sheets: [{ name: SHEET, xml: sheetXml(ROWS, `${user}${old}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${ext}`) }], styles: DEFAULT_STYLES.replace('<dxfs count="0"/>', '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>') });
    const out = surgicalCopy(input, changeSet({ conditionalFormats: { tag: TAG, rules: [rule('$A2>1'), rule('$B2<>""')] } })).bytes;
    const xml = partText(out, SHEET_PART);
    expect(xml).toContain(
      '<conditionalFormatting sqref="A2:C9"><cfRule type="expression" dxfId="1" priority="1" stopIfTrue="1"><formula>AND(N("cchc-plan:x")=0,$A2&gt;1)</formula></cfRule></conditionalFormatting>' +
        '<conditionalFormatting sqref="A2:C9"><cfRule type="expression" dxfId="1" priority="2" stopIfTrue="1"><formula>AND(N("cchc-plan:x")=0,$B2&lt;&gt;"")</formula></cfRule></conditionalFormatting>' +
        '<conditionalFormatting sqref="C2:C9"><cfRule type="containsBlanks" dxfId="0" priority="3"><formula>LEN(TRIM(C2))=0</formula></cfRule></conditionalFormatting>' +
        '<conditionalFormatting sqref="A2:C9"><cfRule type="duplicateValues" dxfId="0" priority="5"/></conditionalFormatting><pageMargins',
    );
    expect(xml).toContain('<x14:cfRule type="expression" priority="6" id="{1}">');
    expect(partText(out, 'xl/styles.xml')).toContain('<dxfs count="2"><dxf><font><b/></font></dxf><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill patternType="solid"><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>');
  });

  test('new elements go where the worksheet schema puts them', () => {
    const after = '<mergeCells count="1"><mergeCell ref="D3:E3"/></mergeCells><hyperlinks><hyperlink ref="A1" location="A3"/></hyperlinks><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    const out = surgicalCopy(book(after, '<sheetFormatPr defaultRowHeight="15"/>'), changeSet({
      validations: [{ range: r('B2:B9'), choices: ['a'] }],
      formats: [{ range: r('B1'), columnWidth: 20 }],
      conditionalFormats: { tag: TAG, rules: [rule('TRUE')] },
    })).bytes;
    const names = [...partText(out, SHEET_PART).matchAll(/<(\w+)[\s>/]/g)].map((m) => m[1]).filter((n) => !['row', 'c', 'is', 't', 'v', 'cfRule', 'formula', 'formula1', 'dataValidation', 'mergeCell', 'hyperlink', 'col', 'xml'].includes(n));
    expect(names).toEqual(['worksheet', 'sheetFormatPr', 'cols', 'sheetData', 'mergeCells', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'pageMargins']);
  });
});

function report(name: string): SheetModel {
  return {
    name,
    cells: [
      { row: 0, col: 0, value: 'BÁO CÁO', bold: true, fontSize: 14, fontName: 'Times New Roman', underline: true },
      { row: 2, col: 0, value: 'Tổng', border: true },
      { row: 2, col: 1, formula: '=SUM(B4:B5)' },
      { row: 3, col: 0, value: 'Dòng 3', link: { sheet: SHEET, row: 2, col: 0 } },
      { row: 4, col: 0, value: '=không phải công thức' },
    ],
    merges: [r('A1:C1')],
    columnWidths: { 0: 40 },
    rowHeights: { 3: 30 },
    print: {
      orientation: 'landscape',
      paper: 'A4',
      repeatRows: { first: 2, last: 2 },
      fitToWidth: true,
      margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
      pageNumbers: { where: 'header', fontName: 'Times New Roman', fontSize: 13, skipFirst: true },
    },
    chart: null,
  };
}

describe('the report sheet', () => {
  test('a new sheet: values, formula without a cached value, internal link, merge, width, height, A4 landscape, print titles, margins, page numbers', async () => {
    const out = surgicalCopy(book(), changeSet({ sheets: [report('BC Quý I-2024')] })).bytes;
    const xml = partText(out, 'xl/worksheets/sheet2.xml');
    expect(xml).toContain('<c r="B3"><f>SUM(B4:B5)</f></c>');
    // The link is a HYPERLINK formula with its text cached (LibreOffice clips hyperlinked cells).
    expect(xml).toContain('<c r="A4" t="str"><f>HYPERLINK("#\'Phụ lục\'!A3","Dòng 3")</f><v>Dòng 3</v></c>');
    expect(xml).not.toContain('<hyperlinks>');
    expect(xml).toContain('<pageMargins left="1.181" right="0.591" top="0.787" bottom="0.787" header="0.394" footer="0.394"/>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter differentFirst="1"><oddHeader>&amp;C&amp;"Times New Roman,Regular"&amp;13&amp;P</oddHeader></headerFooter>');
    const styles = partText(out, 'xl/styles.xml');
    expect(styles).toMatch(/<font><b\/><u\/><sz val="14"\/>(<color [^>]*\/>)?<name val="Times New Roman"\/><\/font>/);
    expect(partText(out, 'xl/workbook.xml')).toContain('<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">\'BC Quý I-2024\'!$3:$3</definedName></definedNames><calcPr fullCalcOnLoad="1"/>');
    const ws = (await loadWorkbook(out)).getWorksheet('BC Quý I-2024')!;
    expect(ws.getCell('A5').value).toBe('=không phải công thức');
    expect(ws.getCell('A4').value).toEqual({ formula: "HYPERLINK(\"#'Phụ lục'!A3\",\"Dòng 3\")", result: 'Dòng 3' });
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Times New Roman', size: 14, bold: true, underline: true });
    expect(ws.getRow(4).height).toBe(30);
    expect(ws.headerFooter).toMatchObject({ differentFirst: true, oddHeader: '&C&"Times New Roman,Regular"&13&P' });
    expect(ws.pageSetup.margins).toEqual({ left: 1.181, right: 0.591, top: 0.787, bottom: 0.787, header: 0.394, footer: 0.394 });
    expect(ws.getColumn(1).width).toBe(40);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:3' });
  });

  test('a link whose formula would be too long for Excel stays a hyperlink element on a plain text', () => {
    const model = report('BC Quý I-2024');
    model.cells.push({ row: 5, col: 0, value: 'a'.repeat(8200), link: { sheet: SHEET, row: 4, col: 0 } });
    const xml = partText(surgicalCopy(book(), changeSet({ sheets: [model] })).bytes, 'xl/worksheets/sheet2.xml');
    expect(xml).toContain('<hyperlinks><hyperlink ref="A6" location="\'Phụ lục\'!A5"/></hyperlinks>');
    expect(xml).toMatch(/<c r="A6" t="inlineStr"><is><t>a{8200}<\/t><\/is><\/c>/);
    expect(xml).toContain('<f>HYPERLINK("#\'Phụ lục\'!A3","Dòng 3")</f>');
  });

  test('a chart sheet of the same name (any case) is replaced by the report where it stood', async () => {
    const chartsheet = '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';
    const input = minimalWorkbook({ sheets: [{ name: 'bc quý i-2024', xml: chartsheet, chart: true }, { name: SHEET, xml: sheetXml(ROWS) }] });
    const out = surgicalCopy(input, changeSet({ sheets: [report('BC Quý I-2024')] })).bytes;
    expect(hasPart(out, 'xl/chartsheets/sheet1.xml')).toBe(false);
    expect(partText(out, '[Content_Types].xml')).not.toContain('chartsheet');
    expect(partText(out, 'xl/workbook.xml')).toContain('<sheet name="BC Quý I-2024" sheetId="1" r:id="rId1"/>');
    const workbook = await loadWorkbook(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['BC Quý I-2024', SHEET]);
  });
});

describe('what the writer reads', () => {
  test('parts it does not edit are never inflated: a large image passes under a small cap', () => {
    const image = Buffer.alloc(8 * 1024 * 1024, 7);
    const input = minimalWorkbook({ sheets: [{ name: SHEET, xml: sheetXml(ROWS) }], parts: [{ name: 'xl/media/image1.png', content: image.toString('latin1') }] });
    const out = surgicalCopy(input, changeSet({ writes: [{ range: r('C1'), values: [['x']] }] }), { partCap: 1024 * 1024 }).bytes;
    expect(partText(out, SHEET_PART)).toContain('<c r="C1" t="inlineStr">');
    expect(hasPart(out, 'xl/media/image1.png')).toBe(true);
  });

  test('an empty <sheetData/> gets its first rows', () => {
    const input = minimalWorkbook({ sheets: [{ name: SHEET, xml: sheetXml('').replace('<sheetData></sheetData>', '<sheetData/>') }] });
    const out = surgicalCopy(input, changeSet({ writes: [{ range: r('B2'), values: [[1]] }] })).bytes;
    expect(partText(out, SHEET_PART)).toContain('<sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData>');
  });
});

describe('what the writer refuses', () => {
  test('a part larger than the cap, a zip that is not a workbook, a Strict Open XML workbook', () => {
    expect(() => surgicalCopy(book(), changeSet({ writes: [{ range: r('A1'), values: [['x']] }] }), { partCap: 100 })).toThrow(ZipError);
    const notBook = new ZipWriter();
    notBook.add('hello.txt', 'xin chào');
    expect(() => surgicalCopy(notBook.toBuffer(), [])).toThrow(PackageError);
    const strict = new ZipWriter();
    strict.add('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    strict.add('xl/workbook.xml', '<workbook/>');
    expect(() => surgicalCopy(strict.toBuffer(), [])).toThrow(expect.objectContaining({ code: 'strict' }));
  });
});
