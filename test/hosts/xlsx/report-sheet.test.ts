/**
 * The report sheet's part, written row by row into the streaming deflater: cells in any order
 * (two at one place merge, the later one's fields winning), merges over several rows whose other
 * cells take the top-left cell's format, rows that hold only a height — the same XML whether the
 * model's cells come in sheet order or not, and no row written twice.
 */
import type { ChangeSet, SheetCell, SheetModel } from '../../../src/engine/model';
import { surgicalCopy } from '../../../src/hosts/xlsx/surgical';
import { minimalWorkbook, partText, sheetXml } from './surgical-helpers';

const INPUT = minimalWorkbook({ sheets: [{ name: 'Phụ lục', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row>') }] });

function model(cells: SheetCell[]): SheetModel {
  return {
    name: 'BC Năm-2024',
    cells,
    merges: [
      { top: 0, left: 0, bottom: 0, right: 3 },
      { top: 3, left: 1, bottom: 5, right: 2 },
      // Overlapping the one above on row 5: the later merge's cells win there.
      { top: 5, left: 2, bottom: 5, right: 3 },
    ],
    columnWidths: { 0: 6, 1: 40 },
    print: { orientation: 'landscape', paper: 'A4', repeatRows: { first: 2, last: 2 }, fitToWidth: true },
    chart: null,
    rowHeights: { 4: 30, 9: 45 },
  };
}

function reportXml(cells: SheetCell[]): string {
  const change: ChangeSet = { sheet: 'Phụ lục', writes: [], formats: [], validations: [], conditionalFormats: { tag: '', rules: [] }, sheets: [model(cells)] };
  return partText(surgicalCopy(INPUT, change, { now: new Date(2024, 0, 2) }).bytes, 'xl/worksheets/sheet2.xml');
}

/** The report part with every format index replaced by the format it stands for (formats are
 * numbered in the order the model's cells are met, so the numbers depend on that order). */
function reportWithFormats(cells: SheetCell[]): string {
  const change: ChangeSet = { sheet: 'Phụ lục', writes: [], formats: [], validations: [], conditionalFormats: { tag: '', rules: [] }, sheets: [model(cells)] };
  const bytes = surgicalCopy(INPUT, change, { now: new Date(2024, 0, 2) }).bytes;
  const styles = partText(bytes, 'xl/styles.xml');
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
  const fonts = /<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)![1].match(/<font\b[\s\S]*?<\/font>|<font\/>/g)!;
  const resolve = (xf: string) => xf.replace(/fontId="(\d+)"/, (_, n: string) => fonts[Number(n)]);
  return partText(bytes, 'xl/worksheets/sheet2.xml').replace(/ s="(\d+)"/g, (_, n: string) => ` format="${resolve(xfs[Number(n)])}"`);
}

const TITLE: SheetCell = { row: 0, col: 0, value: 'BÁO CÁO NĂM 2024', bold: true, horizontalAlignment: 'center' };
const HEAD: SheetCell[] = [
  { row: 2, col: 0, value: 'STT', bold: true, border: true },
  { row: 2, col: 1, value: 'Nhiệm vụ', bold: true, border: true },
  { row: 2, col: 2, value: 'Chủ trì', bold: true, border: true },
];
const BODY: SheetCell[] = [
  { row: 3, col: 0, value: 1, border: true },
  { row: 3, col: 1, value: 'Rà soát thủ tục hành chính', border: true, wrapText: true, link: { sheet: 'Phụ lục', row: 9, col: 1 } },
  { row: 6, col: 0, value: 2, border: true },
  // Too long for a HYPERLINK formula (8,192 characters): a value and a hyperlink element.
  { row: 6, col: 1, value: `Rà soát ${'và cập nhật '.repeat(700)}`, link: { sheet: 'Phụ lục', row: 11, col: 1 } },
  { row: 6, col: 3, formula: '=SUM(A4:A7)', bold: true },
];

test('cells in sheet order: one row element per row, merges spread over their rows, heights kept', () => {
  const xml = reportXml([TITLE, ...HEAD, ...BODY]);
  const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
  expect(xml.match(/<hyperlink /g)).toHaveLength(1);
  expect(rows).toEqual([1, 3, 4, 5, 6, 7, 10]);
  // Row 5 (0-based 4) is only inside the merge B4:C6 and has a height.
  expect(xml).toMatch(/<row r="5" ht="30" customHeight="1"><c r="B5" s="\d+"\/><c r="C5" s="\d+"\/><\/row>/);
  expect(xml).toContain('<row r="10" ht="45" customHeight="1"/>');
  // The title merge: B1:D1 take the title's format, without a value.
  const titleStyle = /<c r="A1" s="(\d+)" t="inlineStr">/.exec(xml)![1];
  expect(xml).toContain(`<c r="B1" s="${titleStyle}"/><c r="C1" s="${titleStyle}"/><c r="D1" s="${titleStyle}"/>`);
  // Row 6: B6 and C6 are B4's merge; the later merge C6:D6 starts at C6 (its top-left keeps the
  // earlier merge's format) and gives D6 the format of its top-left, which has no cell: nothing.
  const b4 = /<c r="B4" s="(\d+)"/.exec(xml)![1];
  expect(xml).toContain(`<row r="6"><c r="B6" s="${b4}"/><c r="C6" s="${b4}"/></row>`);
  expect(xml).toContain('<mergeCells count="3"><mergeCell ref="A1:D1"/><mergeCell ref="B4:C6"/><mergeCell ref="C6:D6"/></mergeCells>');
  expect(xml).toMatch(/<c r="B4" s="\d+" t="str"><f>HYPERLINK\("#'Phụ lục'!B10","Rà soát thủ tục hành chính"\)<\/f><v>Rà soát thủ tục hành chính<\/v><\/c>/);
  expect(xml).toContain(`<hyperlinks><hyperlink ref="B7" location="'Phụ lục'!B12"/></hyperlinks>`);
  expect(xml).toContain('<c r="D7" s=');
  expect(xml).toContain('<f>SUM(A4:A7)</f>');
});

test('the same cells shuffled, and a cell given twice: the same part as in sheet order with the two merged', () => {
  const inOrder = reportWithFormats([TITLE, ...HEAD, ...BODY]);
  const split: SheetCell[] = [
    { row: 3, col: 1, value: 'Rà soát thủ tục hành chính', link: { sheet: 'Phụ lục', row: 9, col: 1 } },
    ...BODY.slice(2).reverse(),
    ...HEAD.slice().reverse(),
    BODY[0],
    TITLE,
    // The second half of B4: its format, given later.
    { row: 3, col: 1, border: true, wrapText: true },
  ];
  const shuffled = reportWithFormats(split);
  expect(shuffled).toBe(inOrder);
  // B4 given in two halves: the value and link of the first, the border and wrapping of the second.
  const b4 = shuffled.slice(shuffled.indexOf('<c r="B4"'), shuffled.indexOf('<c r="C4"'));
  expect(b4).toContain('borderId="1"');
  expect(b4).toContain('<alignment wrapText="1"/>');
  expect(b4).toContain('<f>HYPERLINK("#\'Phụ lục\'!B10","Rà soát thủ tục hành chính")</f>');
});
