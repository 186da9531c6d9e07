/**
 * Fidelity of the surgical copy on a workbook holding a chart, a pivot table, an external link,
 * a dynamic-array formula, every conditional-format type, validations, an image, a comment,
 * custom XML and (.xlsm) a macro part: after the validate and report change sets of the engine,
 * every part the tool does not change is byte-identical in the copy (compressed bytes, method,
 * CRC), and the parts it changes hold everything they held, as written, plus the tool's own.
 */
import { analyzeSheet } from '../../../src/engine/analyze';
import { a1 } from '../../../src/engine/a1';
import type { Analysis } from '../../../src/engine/model';
import { readWorkbook } from '../../../src/hosts/xlsx/read';
import { surgicalCopy } from '../../../src/hosts/xlsx/surgical';
import { engineWording } from '../../../src/i18n/engine';
import { buildReport } from '../../../src/report';
import { APPENDIX_SHEET } from './fixtures/plan-tnmt';
import { OLD_REPORT_SHEET, richWorkbook, USER_EXTENSIONS, VBA_PROJECT } from './fixtures/rich-workbook';
import { loadWorkbook, partText, zipParts } from './surgical-helpers';

const AS_OF = '2024-03-10';
const APPENDIX_PART = 'xl/worksheets/sheet2.xml';
const TAG = 'cchc-plan';

async function analyse(input: Buffer): Promise<Analysis> {
  const read = readWorkbook(await loadWorkbook(input));
  const sheet = read.sheets.find((s) => s.name === APPENDIX_SHEET)!;
  const result = analyzeSheet(sheet.grid, { asOf: AS_OF, wording: engineWording('vi') });
  if (!result.ok) throw new Error(result.failure.message);
  return result.analysis;
}

/** Names of the parts that differ between two zips, and those only in one of them. */
function partDiff(input: Buffer, output: Buffer) {
  const a = zipParts(input);
  const b = zipParts(output);
  const changed: string[] = [];
  for (const [name, part] of a) {
    const other = b.get(name);
    if (other && !(other.raw.equals(part.raw) && other.method === part.method && other.crc32 === part.crc32 && other.size === part.size)) changed.push(name);
  }
  return {
    changed: changed.sort(),
    removed: [...a.keys()].filter((n) => !b.has(n)).sort(),
    added: [...b.keys()].filter((n) => !a.has(n)).sort(),
  };
}

const matches = (xml: string, re: RegExp) => xml.match(re) ?? [];
const CELL = /<c r="[A-Z]+\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
const CF_RULE = /<cfRule\b[^>]*?(?:\/>|>[\s\S]*?<\/cfRule>)/g;
const VALIDATION = /<dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidation>)/g;
const COL = /<col\b[^>]*\/>/g;
const ROW_TAG = /<row\b[^>]*>/g;
/** The worksheet's elements other than cells that the tool never rewrites. */
const VERBATIM = [/<mergeCells[\s\S]*?<\/mergeCells>/, /<pageMargins[^>]*\/>/, /<pageSetup[^>]*\/>/, /<legacyDrawing[^>]*\/>/, /<sheetFormatPr[^>]*\/>/, /<sheetViews[\s\S]*?<\/sheetViews>/];

/** A rule without its priority: the user's rules keep their order after the tool's, whose
 * number follows the engine (the done wordings take as many rules as keep 255 characters). */
const unprioritised = (xml: string) => xml.replace(/ priority="\d+"/g, '');
const priorityOf = (rule: string) => Number(/ priority="(\d+)"/.exec(rule)?.[1] ?? NaN);

function expectSheetKept(before: string, after: string, ourRules: number): void {
  const afterCells = new Set(matches(after, CELL));
  const lost = matches(before, CELL).filter((c) => !afterCells.has(c));
  expect(lost).toEqual([]);
  // Row tags: the same, but for spans growing to cover the new cells.
  const strip = (t: string) => t.replace(/ spans="[^"]*"/, '');
  for (const tag of matches(before, ROW_TAG)) expect(matches(after, ROW_TAG).map(strip)).toContain(strip(tag));
  for (const col of matches(before, COL)) expect(after).toContain(col);
  for (const re of VERBATIM) {
    const element = re.exec(before)?.[0];
    if (element) expect(after).toContain(element);
  }
  const userRules = matches(before, CF_RULE).filter((r) => !r.includes(TAG));
  const userRulesAfter = matches(after, CF_RULE).filter((r) => !r.includes(TAG));
  expect(userRulesAfter.map(unprioritised)).toEqual(userRules.map(unprioritised));
  const shifts = userRulesAfter.map((r, i) => priorityOf(r) - priorityOf(userRules[i]));
  expect(new Set(shifts).size).toBeLessThanOrEqual(1);
  expect(matches(after, CF_RULE).filter((r) => r.includes(TAG))).toHaveLength(ourRules);
  expect(matches(after, CF_RULE)).toHaveLength(userRules.length + ourRules);
  for (const v of matches(before, VALIDATION)) expect(after).toContain(v);
  expect(unprioritised(after)).toContain(unprioritised(USER_EXTENSIONS));
}

/** styles.xml of the copy: each collection of the input is a prefix of the copy's, as written. */
function expectStylesOnlyGrow(before: string, after: string): void {
  for (const section of ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs']) {
    const inner = (xml: string) => new RegExp(`<${section}[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)?.[1] ?? '';
    expect(inner(after).startsWith(inner(before))).toBe(true);
  }
  const tail = (xml: string) => xml.slice(xml.indexOf('<tableStyles'));
  expect(tail(after)).toBe(tail(before));
}

describe.each([
  { kind: '.xlsx', macro: false },
  { kind: '.xlsm', macro: true },
])('a rich $kind workbook', ({ macro }) => {
  let input: Buffer;
  let analysis: Analysis;
  beforeAll(async () => {
    input = await richWorkbook({ macro, oldReport: true });
    analysis = await analyse(input);
  });

  test('validate: only the appendix sheet, styles.xml and workbook.xml change; every other part is the input’s bytes', () => {
    const { bytes } = surgicalCopy(input, analysis.changes);
    expect(partDiff(input, bytes)).toEqual({ changed: [APPENDIX_PART, 'xl/styles.xml', 'xl/workbook.xml'].sort(), removed: [], added: [] });
  });

  test('validate: workbook.xml gains the two names local to the appendix and the calculation on opening, nothing else', () => {
    const { bytes } = surgicalCopy(input, analysis.changes);
    const before = partText(input, 'xl/workbook.xml');
    const sheetTags = /<sheets>([\s\S]*?)<\/sheets>/.exec(before)![1].match(/<sheet [^>]*>/g)!;
    const appendixIndex = sheetTags.findIndex((t) => t.includes(`name="${APPENDIX_SHEET}"`));
    expect(appendixIndex).toBe(1);
    const names = (analysis.changes.names ?? []).map((def) => {
      const refersTo = 'cell' in def.refersTo ? `'${APPENDIX_SHEET}'!${a1(def.refersTo.cell.row, def.refersTo.cell.col, 'both')}` : def.refersTo.formula.replace(/^=/, '');
      return `<definedName name="${def.name}" localSheetId="${appendixIndex}">${refersTo}</definedName>`;
    });
    expect(names.map((n) => /name="(\w+)"/.exec(n)![1])).toEqual(['CCHC_AsOf', 'CCHC_Done']);
    const expected = before.replace('</definedNames>', `${names.join('')}</definedNames>`).replace('<calcPr calcId="171027"/>', '<calcPr calcId="171027" fullCalcOnLoad="1"/>');
    expect(partText(bytes, 'xl/workbook.xml')).toBe(expected);
  });

  test('validate: the appendix keeps every cell, row, column, rule, validation and extension of the user’s as written', () => {
    const { bytes } = surgicalCopy(input, analysis.changes);
    const before = partText(input, APPENDIX_PART);
    const after = partText(bytes, APPENDIX_PART);
    expectSheetKept(before, after, analysis.changes.conditionalFormats.rules.length);
    // The dynamic-array formula keeps its cell metadata, the external reference its index.
    expect(after).toContain('<c r="P2" cm="1"><f t="array" ref="P2:P4">_xlfn._xlws.SORT(A10:A12)</f><v>1</v></c>');
    expect(after).toContain('<c r="Q2"><f>[1]DanhMuc!$B$5</f><v>7</v></c>');
    expectStylesOnlyGrow(partText(input, 'xl/styles.xml'), partText(bytes, 'xl/styles.xml'));
  });

  test('report: the old report sheet is replaced in its place, its chart goes, everything else stays', () => {
    const built = buildReport(analysis, { period: 'Q1', year: analysis.planYear, asOf: AS_OF, lang: 'vi', madeOn: AS_OF });
    const { bytes } = surgicalCopy(input, built.changes);
    const diff = partDiff(input, bytes);
    expect(diff.added).toEqual([]);
    expect(diff.changed).toEqual([APPENDIX_PART, '[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet5.xml'].sort());
    // The old sheet's drawing and chart, and the calculation chain (stale once a sheet is
    // replaced; Excel rebuilds it).
    expect(diff.removed).toEqual(['xl/calcChain.xml', 'xl/charts/chart3.xml', 'xl/drawings/_rels/drawing3.xml.rels', 'xl/drawings/drawing3.xml', 'xl/worksheets/_rels/sheet5.xml.rels'].sort());

    const types = partText(bytes, '[Content_Types].xml');
    for (const element of matches(partText(input, '[Content_Types].xml'), /<(?:Default|Override)\b[^>]*\/>/g)) {
      if (/drawing3|chart3|calcChain/.test(element)) expect(types).not.toContain(element);
      else expect(types).toContain(element);
    }
    const rels = partText(bytes, 'xl/_rels/workbook.xml.rels');
    for (const element of matches(partText(input, 'xl/_rels/workbook.xml.rels'), /<Relationship\b[^>]*\/>/g)) {
      if (element.includes('calcChain')) expect(rels).not.toContain(element);
      else expect(rels).toContain(element);
    }
    const book = partText(bytes, 'xl/workbook.xml');
    expect(book).toContain('<sheet sheetId="5" name="BC Quý I-2024" r:id=');
    expect(book).toContain('<externalReferences><externalReference r:id="rId91"/></externalReferences>');
    expect(book).toContain('<pivotCaches><pivotCache cacheId="5" r:id="rId92"/></pivotCaches>');
    // The old sheet's own names (its print titles) go with it; the new sheet's print titles are
    // the model's (the report as an administrative document repeats no rows).
    const repeat = built.changes.sheets[0].print.repeatRows;
    const titles = book.match(/<definedName [^>]*localSheetId="4"[^>]*>[^<]*<\/definedName>/g) ?? [];
    expect(titles).toEqual(repeat ? [`<definedName name="_xlnm.Print_Titles" localSheetId="4">'BC Quý I-2024'!$${repeat.first + 1}:$${repeat.last + 1}</definedName>`] : []);
    expect(book).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    expectSheetKept(partText(input, APPENDIX_PART), partText(bytes, APPENDIX_PART), analysis.changes.conditionalFormats.rules.length);
  });

  test('report on a workbook without an old report: a new sheet part at the end, the calculation chain kept', async () => {
    const fresh = await richWorkbook({ macro });
    const built = buildReport(analysis, { period: 'Q1', year: analysis.planYear, asOf: AS_OF, lang: 'vi', madeOn: AS_OF });
    const { bytes } = surgicalCopy(fresh, built.changes);
    const diff = partDiff(fresh, bytes);
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual(['xl/worksheets/sheet5.xml']);
    expect(diff.changed).toEqual([APPENDIX_PART, '[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml'].sort());
    const workbook = await loadWorkbook(bytes);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', APPENDIX_SHEET, 'Biểu đồ', 'Tổng hợp', 'BC Quý I-2024']);
  });

  test('exceljs reads the copy: the tracking block and the report sheet hold the change set’s values', async () => {
    // (The exceljs executor itself cannot write this workbook: it fails on the user's rules.)
    const built = buildReport(analysis, { period: 'Q1', year: analysis.planYear, asOf: AS_OF, lang: 'vi', madeOn: AS_OF });
    const workbook = await loadWorkbook(surgicalCopy(input, built.changes).bytes);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', APPENDIX_SHEET, 'Biểu đồ', 'Tổng hợp', 'BC Quý I-2024']);
    expect(workbook.worksheets.map((w) => w.name)).not.toContain(OLD_REPORT_SHEET);
    const appendix = workbook.getWorksheet(APPENDIX_SHEET)!;
    let written = 0;
    for (const write of built.changes.writes) {
      write.values.forEach((line, i) => line.forEach((v, j) => {
        if (v === null) return;
        const cell = appendix.getCell(write.range.top + i + 1, write.range.left + j + 1);
        const value = cell.value instanceof Date ? Math.round(cell.value.getTime() / 86_400_000) + 25569 : cell.value;
        expect(value).toEqual(v === '' ? null : v);
        written++;
      }));
    }
    expect(written).toBeGreaterThan(40);
    const report = workbook.getWorksheet('BC Quý I-2024')!;
    for (const cell of built.sheet.cells) {
      const got = report.getCell(cell.row + 1, cell.col + 1).value as unknown;
      if (cell.formula !== undefined) expect(got).toEqual({ formula: cell.formula.replace(/^=/, '') });
      // A link is a HYPERLINK formula with its text cached (link-formula.ts).
      else if (cell.link) expect(got).toMatchObject({ formula: expect.stringMatching(/^HYPERLINK\("#/), result: cell.value });
      else if (typeof cell.value === 'string' && cell.value !== '') expect(got).toBe(cell.value);
    }
    expect(appendix.getCell('Q2').value).toMatchObject({ formula: '[1]DanhMuc!$B$5' });
  });

  test('checking the copy again replaces the tool’s rules and validation, nothing else', () => {
    const first = surgicalCopy(input, analysis.changes).bytes;
    const second = surgicalCopy(first, analysis.changes).bytes;
    const diff = partDiff(first, second);
    expect(diff).toEqual({ changed: [], removed: [], added: [] });
    expectSheetKept(partText(input, APPENDIX_PART), partText(second, APPENDIX_PART), analysis.changes.conditionalFormats.rules.length);
  });
});

test('an .xlsm copy stays a macro workbook: same content types, the VBA project copied unread', async () => {
  const input = await richWorkbook({ macro: true, oldReport: true });
  const analysis = await analyse(input);
  const { bytes } = surgicalCopy(input, analysis.changes);
  const types = partText(bytes, '[Content_Types].xml');
  expect(types).toBe(partText(input, '[Content_Types].xml'));
  expect(types).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  const parts = zipParts(bytes);
  expect(parts.get('xl/vbaProject.bin')!.raw.equals(zipParts(input).get('xl/vbaProject.bin')!.raw)).toBe(true);
  expect(parts.get('xl/vbaProject.bin')!.size).toBe(VBA_PROJECT.length);
});
