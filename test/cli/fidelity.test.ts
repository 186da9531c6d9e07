/**
 * Fidelity through the command line: `validate --out` and `report --out` run as a user runs them
 * on a workbook holding a chart, a pivot table, an external link used by a formula, a
 * dynamic-array formula (cm="1" + xl/metadata.xml), every conditional-format type (containsBlanks
 * among them, and extension-list rules), data validations, an image, a comment, custom XML and,
 * as .xlsm, a macro part. The zips are compared part by part: every part the command does not
 * change is the input's bytes (compressed bytes, method, CRC, size); the parts it changes are the
 * input's text with only the tool's additions, which the test takes away again to find the input.
 *
 * The surgical writer's own fidelity (change sets applied directly, an old report sheet replaced)
 * is tested in test/hosts/xlsx/surgical-fidelity.test.ts; this suite covers what the command adds
 * on top: the sheet it chooses, the as-of day it fixes, the stored state it writes, the .xlsm name.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { validateJsonSchema } from '../../src/contract/validate-json';
import { APPENDIX_SHEET } from '../hosts/xlsx/fixtures/plan-tnmt';
import { richWorkbook, USER_EXTENSIONS, VBA_PROJECT } from '../hosts/xlsx/fixtures/rich-workbook';
import { partText, zipParts } from '../hosts/xlsx/surgical-helpers';
import { jsonLines, runCli, tempDir } from './helpers';

const APPENDIX_PART = 'xl/worksheets/sheet2.xml';
/** Parts the tool never needs to touch, named so that the test also asserts they are there. */
const FOREIGN_PARTS = [
  'xl/charts/chart2.xml',
  'xl/drawings/drawing1.xml',
  'xl/drawings/drawing2.xml',
  'xl/media/image1.png',
  'xl/comments2.xml',
  'xl/drawings/vmlDrawing2.vml',
  'xl/pivotTables/pivotTable1.xml',
  'xl/pivotCache/pivotCacheDefinition1.xml',
  'xl/pivotCache/pivotCacheRecords1.xml',
  'xl/externalLinks/externalLink1.xml',
  'xl/metadata.xml',
  'customXml/item1.xml',
  'xl/sharedStrings.xml',
  'xl/calcChain.xml',
  'xl/worksheets/sheet1.xml',
  'xl/worksheets/sheet3.xml',
  'xl/worksheets/sheet4.xml',
  'xl/worksheets/_rels/sheet2.xml.rels',
  'docProps/app.xml',
];
/** What the commands may change: the appendix, styles, and the workbook's list of sheets. */
const CHANGED = [APPENDIX_PART, '[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml'].sort();
const TAG = 'cchc-plan';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('cchc-fidelity-');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const matches = (xml: string, re: RegExp) => xml.match(re) ?? [];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The parts that differ, and those only in one zip. */
function partDiff(input: Buffer, output: Buffer) {
  const a = zipParts(input);
  const b = zipParts(output);
  const same = (x: ReturnType<typeof zipParts> extends Map<string, infer P> ? P : never, y: typeof x) => x.raw.equals(y.raw) && x.method === y.method && x.crc32 === y.crc32 && x.size === y.size;
  return {
    unchanged: [...a.keys()].filter((n) => b.has(n) && same(a.get(n)!, b.get(n)!)),
    changed: [...a.keys()].filter((n) => b.has(n) && !same(a.get(n)!, b.get(n)!)).sort(),
    removed: [...a.keys()].filter((n) => !b.has(n)),
    added: [...b.keys()].filter((n) => !a.has(n)).sort(),
  };
}

/** The copy's [Content_Types].xml and workbook relationships without the entries of the parts
 * the command added: the input's, byte for byte. */
function expectPackageOnlyGrew(input: Buffer, output: Buffer, added: string[]): void {
  let types = partText(output, '[Content_Types].xml');
  let rels = partText(output, 'xl/_rels/workbook.xml.rels');
  for (const part of added) {
    types = types.replace(new RegExp(`<Override PartName="/${escapeRe(part)}" ContentType="[^"]*"/>`), '');
    rels = rels.replace(new RegExp(`<Relationship Id="rId\\d+" Type="[^"]*/worksheet" Target="${escapeRe(part.replace(/^xl\//, ''))}"/>`), '');
  }
  expect(types).toBe(partText(input, '[Content_Types].xml'));
  expect(rels).toBe(partText(input, 'xl/_rels/workbook.xml.rels'));
}

/** workbook.xml without the sheets, names and calculation flag the command added: the input's. */
function expectWorkbookOnlyGrew(input: Buffer, output: Buffer, addedSheets: string[]): void {
  let book = partText(output, 'xl/workbook.xml');
  for (const name of addedSheets) book = book.replace(new RegExp(`<sheet name="${escapeRe(name)}" sheetId="\\d+"( state="veryHidden")? r:id="rId\\d+"/>`), '');
  // Names local to the appendix (index 1): the as-of cell, the done wordings, its print titles.
  book = book.replace(/<definedName name="(?:CCHC_AsOf|CCHC_Done|_xlnm\.Print_Titles)" localSheetId="1">[^<]*<\/definedName>/g, '');
  book = book.replace('<definedNames></definedNames>', '').replace(' fullCalcOnLoad="1"', '');
  expect(book).toBe(partText(input, 'xl/workbook.xml'));
}

/** styles.xml: each collection of the input is a prefix of the copy's, the rest as written. */
function expectStylesOnlyGrew(input: Buffer, output: Buffer): void {
  const before = partText(input, 'xl/styles.xml');
  const after = partText(output, 'xl/styles.xml');
  for (const section of ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs']) {
    const inner = (xml: string) => new RegExp(`<${section}[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)?.[1] ?? '';
    expect(inner(after).startsWith(inner(before))).toBe(true);
  }
  const tail = (xml: string) => xml.slice(xml.indexOf('<tableStyles'));
  expect(tail(after)).toBe(tail(before));
}

const CELL = /<c r="([A-Z]+)\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
const CF_RULE = /<cfRule\b[^>]*?(?:\/>|>[\s\S]*?<\/cfRule>)/g;
const VALIDATION = /<dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidation>)/g;

/** The appendix: every cell, row, column, merge, rule, validation and extension of the user's
 * as written; the tool's cells only in columns the user's sheet left empty. */
function expectAppendixOnlyGrew(input: Buffer, output: Buffer): void {
  const before = partText(input, APPENDIX_PART);
  const after = partText(output, APPENDIX_PART);
  const afterCells = new Set(matches(after, CELL));
  expect(matches(before, CELL).filter((c) => !afterCells.has(c))).toEqual([]);
  const userColumns = new Set([...before.matchAll(CELL)].map((m) => m[1]));
  const added = [...after.matchAll(CELL)].filter((m) => !before.includes(m[0]));
  expect(added.length).toBeGreaterThan(20);
  expect(added.filter((m) => userColumns.has(m[1])).map((m) => m[0])).toEqual([]);
  const strip = (t: string) => t.replace(/ spans="[^"]*"/, '');
  const rowsAfter = matches(after, /<row\b[^>]*>/g).map(strip);
  for (const tag of matches(before, /<row\b[^>]*>/g)) expect(rowsAfter).toContain(strip(tag));
  for (const col of matches(before, /<col\b[^>]*\/>/g)) expect(after).toContain(col);
  for (const re of [/<mergeCells[\s\S]*?<\/mergeCells>/, /<pageMargins[^>]*\/>/, /<legacyDrawing[^>]*\/>/, /<sheetFormatPr[^>]*\/>/]) {
    expect(after).toContain(re.exec(before)![0]);
  }
  const unprioritised = (xml: string) => xml.replace(/ priority="\d+"/g, '');
  const userRules = (xml: string) => matches(xml, CF_RULE).filter((r) => !r.includes(TAG)).map(unprioritised);
  expect(userRules(after)).toEqual(userRules(before));
  expect(userRules(before).some((r) => r.includes('type="containsBlanks"'))).toBe(true);
  for (const v of matches(before, VALIDATION)) expect(after).toContain(v);
  expect(unprioritised(after)).toContain(unprioritised(USER_EXTENSIONS));
  // The dynamic array keeps its cell metadata, the external reference its index.
  expect(after).toContain('<c r="P2" cm="1"><f t="array" ref="P2:P4">_xlfn._xlws.SORT(A10:A12)</f><v>1</v></c>');
  expect(after).toContain('<c r="Q2"><f>[1]DanhMuc!$B$5</f><v>7</v></c>');
}

/** The very hidden state sheet the command adds: the stored state as JSON in A1. */
function expectStateSheet(output: Buffer, part: string): void {
  const xml = partText(output, part);
  const json = /<c r="A1" t="inlineStr"><is><t>([^<]*)<\/t><\/is><\/c>/.exec(xml)?.[1];
  expect(JSON.parse(json!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'))).toMatchObject({ version: 1 });
}

describe.each([
  { ext: 'xlsx', macro: false },
  { ext: 'xlsm', macro: true },
])('a rich .$ext workbook through the command line', ({ ext, macro }) => {
  let input: Buffer;
  const file = `ke-hoach.${ext}`;
  beforeAll(async () => {
    input = await richWorkbook({ macro });
    await fs.writeFile(path.join(dir, file), input);
  });

  test('validate --out: the foreign parts are the input’s bytes; the changed parts are the input plus the tool’s additions', async () => {
    const out = `ban-kiem-tra.${ext}`;
    const result = await runCli(['validate', file, '--out', out, '--as-of', '10/03/2024', '--json'], { cwd: dir });
    expect(result.code).toBe(1);
    const json = validateJsonSchema.parse(jsonLines(result.stdout)[0]);
    expect(json.sheet).toBe(APPENDIX_SHEET);
    const output = await fs.readFile(path.join(dir, out));
    expect(await fs.readFile(path.join(dir, file))).toEqual(input);

    const diff = partDiff(input, output);
    expect(diff.changed).toEqual(CHANGED);
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual(['xl/worksheets/sheet5.xml']);
    expect(diff.unchanged).toEqual(expect.arrayContaining(macro ? [...FOREIGN_PARTS, 'xl/vbaProject.bin'] : FOREIGN_PARTS));
    expect(diff.unchanged).toHaveLength(zipParts(input).size - CHANGED.length);

    expectPackageOnlyGrew(input, output, diff.added);
    expectWorkbookOnlyGrew(input, output, ['CCHC_State']);
    expectStylesOnlyGrew(input, output);
    expectAppendixOnlyGrew(input, output);
    expectStateSheet(output, 'xl/worksheets/sheet5.xml');
    // The as-of day given on the command line is fixed in the as-of cell (10/03/2024).
    expect(partText(output, APPENDIX_PART)).toMatch(/<c r="M5"[^>]*><v>45361<\/v><\/c>/);
  });

  test('report --out: the same, and the report sheet added at the end of the tabs', async () => {
    const out = `bao-cao.${ext}`;
    const result = await runCli(['report', file, '--period', 'Q1', '--out', out, '--as-of', '10/03/2024'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('BC Quý I-2024');
    const output = await fs.readFile(path.join(dir, out));

    const diff = partDiff(input, output);
    expect(diff.changed).toEqual(CHANGED);
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual(['xl/worksheets/sheet5.xml', 'xl/worksheets/sheet6.xml']);
    expect(diff.unchanged).toEqual(expect.arrayContaining(macro ? [...FOREIGN_PARTS, 'xl/vbaProject.bin'] : FOREIGN_PARTS));

    expectPackageOnlyGrew(input, output, diff.added);
    expectWorkbookOnlyGrew(input, output, ['BC Quý I-2024', 'CCHC_State']);
    expectStylesOnlyGrew(input, output);
    expectAppendixOnlyGrew(input, output);
    expectStateSheet(output, 'xl/worksheets/sheet6.xml');
    const sheets = matches(partText(output, 'xl/workbook.xml'), /<sheet [^>]*name="([^"]*)"/g);
    expect(sheets.map((s) => /name="([^"]*)"/.exec(s)![1])).toEqual(['Hướng dẫn', APPENDIX_SHEET, 'Biểu đồ', 'Tổng hợp', 'BC Quý I-2024', 'CCHC_State']);
    expect(partText(output, 'xl/worksheets/sheet5.xml')).toContain('<sheetData><row');
  });

  if (macro) {
    test('the macro workbook stays one: its content type and its VBA project, unread', async () => {
      const output = await fs.readFile(path.join(dir, `bao-cao.${ext}`));
      expect(partText(output, '[Content_Types].xml')).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
      expect(zipParts(output).get('xl/vbaProject.bin')!.raw).toEqual(zipParts(input).get('xl/vbaProject.bin')!.raw);
      expect(VBA_PROJECT.length).toBe(zipParts(output).get('xl/vbaProject.bin')!.size);
    });
  }
});
