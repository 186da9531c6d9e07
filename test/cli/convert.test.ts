/**
 * `cchc-plan convert`: a Unicode copy of a workbook kept in TCVN3 and VNI, fonts switched to
 * Times New Roman, the input never written, the copy complete or absent, one sentence and exit
 * status 2 on bad input.
 */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { encodeTcvn3, encodeVni } from '../../src/engine/legacy';
import { validateJsonSchema } from '../../src/contract/validate-json';
import type { PlanWorkbook } from '../../src/testing/plans';
import { buildWorkbook, writeXlsx } from '../../src/testing/plans/xlsx';
import { tcvn3Appendix, unicodeAppendix, vniAppendix } from '../engine/legacy/appendix-fixture';
import { expectOneSentence, jsonLines, runCli, tempDir } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('cchc-convert-');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const lastRow = unicodeAppendix.rows.length;

/** The TCVN3 appendix in ".VnTime" with its first title typed in small letters in ".VnTimeH";
 * a VNI copy in "VNI-Times"; a Unicode cover sheet in Arial. */
function legacyWorkbook(): PlanWorkbook {
  const tcvn3Rows = tcvn3Appendix.rows.map((line) => line.slice());
  tcvn3Rows[0][0] = encodeTcvn3(String(unicodeAppendix.rows[0][0]).toLowerCase());
  // A formula whose stored result is the TCVN3 title: the formula is kept, the result converted.
  tcvn3Rows[1].push(null, tcvn3Rows[1][0]);
  return {
    sheets: [
      {
        ...tcvn3Appendix,
        name: 'PL TCVN3',
        rows: tcvn3Rows,
        formulas: { H2: 'A2' },
        xlsx: {
          styles: [
            { address: `A1:F${lastRow}`, style: { font: { name: '.VnTime', size: 12 } } },
            { address: 'A1', style: { font: { name: '.VnTimeH', size: 13, bold: true } } },
          ],
        },
      },
      { ...vniAppendix, name: 'PL VNI', xlsx: { styles: [{ address: `A1:F${lastRow}`, style: { font: { name: 'VNI-Times', size: 12 } } }] } },
      { name: 'Bìa', rows: [['Hồ sơ lưu trữ năm 2005'], ['Tháng 6'], [encodeTcvn3('Lưu ý') + ' ®']], xlsx: { styles: [{ address: 'A1:A2', style: { font: { name: 'Arial' } } }] } },
    ],
  };
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('a workbook in TCVN3 and VNI', () => {
  let input: string;
  let inputBytes: Buffer;
  let result: Awaited<ReturnType<typeof runCli>>;
  let copy: ExcelJS.Workbook;

  beforeAll(async () => {
    input = path.join(dir, 'ke-hoach-2005.xlsx');
    await writeXlsx(legacyWorkbook(), input);
    inputBytes = await fs.readFile(input);
    result = await runCli(['convert', 'ke-hoach-2005.xlsx', '--out', 'ke-hoach-unicode.xlsx'], { cwd: dir });
    copy = await readBack(path.join(dir, 'ke-hoach-unicode.xlsx'));
  });

  it('says how many cells of each sheet were converted, and where the copy is', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const cells = (rows: typeof unicodeAppendix.rows, encode: (s: string) => string) =>
      rows.flat().filter((v) => typeof v === 'string' && encode(v) !== v).length;
    const tcvn3Cells = cells(unicodeAppendix.rows, encodeTcvn3);
    const vniCells = cells(unicodeAppendix.rows, encodeVni);
    // The TCVN3 sheet also has the formula H2, whose stored result is converted.
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      `Trang “PL TCVN3”: ${tcvn3Cells + 1} ô đã chuyển sang Unicode (TCVN3: ${tcvn3Cells + 1}).`,
      `Trang “PL VNI”: ${vniCells} ô đã chuyển sang Unicode (VNI: ${vniCells}).`,
      'Trang “Bìa”: 1 ô đã chuyển sang Unicode (TCVN3: 1).',
      'Đã ghi bản Unicode (phông Times New Roman) vào “ke-hoach-unicode.xlsx”; tệp gốc không bị thay đổi.',
    ]);
  });

  it('holds the Unicode text of every cell, in Times New Roman, sizes and boldness kept', () => {
    for (const name of ['PL TCVN3', 'PL VNI']) {
      const ws = copy.getWorksheet(name)!;
      unicodeAppendix.rows.forEach((line, r) =>
        line.forEach((v, c) => {
          const cell = ws.getCell(r + 1, c + 1);
          expect([name, r + 1, c + 1, cell.value ?? null]).toEqual([name, r + 1, c + 1, v]);
          // "Quý II/2025" is the same in TCVN3: nothing to convert, the font is kept.
          const encode = name === 'PL VNI' ? encodeVni : encodeTcvn3;
          if (typeof v === 'string' && encode(v) !== v) expect(cell.font?.name).toBe('Times New Roman');
        }),
      );
    }
    const a1 = copy.getWorksheet('PL TCVN3')!.getCell('A1');
    expect(a1.font).toMatchObject({ name: 'Times New Roman', size: 13, bold: true });
    expect(copy.getWorksheet('PL TCVN3')!.getCell('B4').font).toMatchObject({ name: 'Times New Roman', size: 12 });
  });

  it('keeps formulas (their stored results converted), and Unicode cells and their fonts as they were', () => {
    const pl = copy.getWorksheet('PL TCVN3')!;
    expect(pl.getCell('H2').formula).toBe('A2');
    expect(pl.getCell('H2').result).toBe(unicodeAppendix.rows[1][0]);
    expect(pl.getCell('A4').font?.name).toBe('.VnTime'); // "STT": nothing to convert
    const cover = copy.getWorksheet('Bìa')!;
    expect(cover.getCell('A1').value).toBe('Hồ sơ lưu trữ năm 2005');
    expect(cover.getCell('A1').font?.name).toBe('Arial');
    expect(cover.getCell('A2').value).toBe('Tháng 6');
    expect(cover.getCell('A3').value).toBe('Lưu ý đ');
  });

  it('never writes the input', async () => {
    expect((await fs.readFile(input)).equals(inputBytes)).toBe(true);
  });

  it('checks as the Unicode twin once converted, and the input says which cells were legacy text', async () => {
    const twinFile = path.join(dir, 'twin.xlsx');
    await writeXlsx({ sheets: [{ ...unicodeAppendix, name: 'PL TCVN3' }] }, twinFile);
    const twin = validateJsonSchema.parse(jsonLines((await runCli(['validate', twinFile, '--json', '--as-of', '2025-07-01'], { cwd: dir })).stdout)[0]);
    const converted = validateJsonSchema.parse(jsonLines((await runCli(['validate', 'ke-hoach-unicode.xlsx', '--json', '--as-of', '2025-07-01'], { cwd: dir })).stdout)[0]);
    const legacy = validateJsonSchema.parse(jsonLines((await runCli(['validate', 'ke-hoach-2005.xlsx', '--json', '--as-of', '2025-07-01'], { cwd: dir })).stdout)[0]);
    const { file: _a, ...twinRest } = twin;
    const { file: _b, ...convertedRest } = converted;
    expect(convertedRest).toEqual(twinRest);
    const { file: _c, legacyCells, ...legacyRest } = legacy;
    expect(legacyRest).toEqual(twinRest);
    expect(legacyCells?.length).toBeGreaterThan(20);
    expect(legacyCells?.every((c) => c.encoding === 'tcvn3')).toBe(true);
  });

  it('speaks English when asked', async () => {
    const en = await runCli(['convert', 'ke-hoach-2005.xlsx', '--out', 'en.xlsx', '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Sheet “PL VNI”:');
    expect(en.stdout).toContain('Wrote the Unicode copy (font Times New Roman) to “en.xlsx”; the input is unchanged.');
  });
});

describe('rich text', () => {
  it('keeps its runs, each read in its own font: a ".VnTimeH" capital before ".VnTime" letters', async () => {
    const wb = buildWorkbook({ sheets: [{ name: 'PL', rows: [[null]] }] });
    const ws = wb.getWorksheet('PL')!;
    ws.getCell('A1').value = {
      richText: [
        { text: '\u00f1', font: { name: '.VnTimeH', bold: true } },
        { text: 'y ban nh\u00a9n d\u00a9n x\u00b7', font: { name: '.VnTime' } },
      ],
    };
    await wb.xlsx.writeFile(path.join(dir, 'rich.xlsx'));
    const result = await runCli(['convert', 'rich.xlsx', '--out', 'rich-unicode.xlsx'], { cwd: dir });
    expect(result.code).toBe(0);
    const value = (await readBack(path.join(dir, 'rich-unicode.xlsx'))).getWorksheet('PL')!.getCell('A1').value as ExcelJS.CellRichTextValue;
    expect(value.richText.map((r) => [r.text, r.font?.name, !!r.font?.bold])).toEqual([
      ['Ủ', 'Times New Roman', true],
      ['y ban nhân dân xã', 'Times New Roman', false],
    ]);
  });
});

describe('a Unicode workbook', () => {
  it('is copied as it is, and the command says there was nothing to convert', async () => {
    await writeXlsx({ sheets: [unicodeAppendix] }, path.join(dir, 'unicode.xlsx'));
    const result = await runCli(['convert', 'unicode.xlsx', '--out', 'unicode-copy.xlsx'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Trang “Phụ lục”: không có ô nào cần chuyển.');
    expect(result.stdout).toContain('Không có ô nào ở bảng mã TCVN3 hay VNI');
    const copy = await readBack(path.join(dir, 'unicode-copy.xlsx'));
    expect(copy.getWorksheet('Phụ lục')!.getCell('B4').value).toBe('Nội dung nhiệm vụ');
  });
});

describe('bad input', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = path.join(dir, 'out');
    await fs.mkdir(outDir);
    await writeXlsx({ sheets: [tcvn3Appendix] }, path.join(dir, 'pl.xlsx'));
  });

  async function expectRefused(argv: string[], pattern: RegExp): Promise<void> {
    const result = await runCli(argv, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneSentence(result.stderr);
    expect(result.stderr).toMatch(pattern);
    expect(await fs.readdir(outDir)).toEqual([]);
  }

  it('a missing file, a file that is not a workbook, a missing --out, the input as --out, a missing folder', async () => {
    await expectRefused(['convert', 'khong-co.xlsx', '--out', 'out/a.xlsx'], /Không tìm thấy tệp “khong-co\.xlsx”/);
    await fs.writeFile(path.join(dir, 'ghi-chu.xlsx'), 'STT;Nhiệm vụ\n');
    await expectRefused(['convert', 'ghi-chu.xlsx', '--out', 'out/a.xlsx'], /không phải là sổ tính Excel/);
    await expectRefused(['convert', 'pl.xlsx'], /Thiếu --out/);
    await expectRefused(['convert', 'pl.xlsx', '--out', 'pl.xlsx'], /tệp gốc không bao giờ bị ghi đè/);
    await expectRefused(['convert', 'pl.xlsx', '--out', 'khong-co/a.xlsx'], /thư mục chứa tệp không tồn tại/);
    await expectRefused(['convert', 'pl.xlsx', 'unicode.xlsx', '--out', 'out/a.xlsx'], /đúng một tệp/);
    await expectRefused(['convert', 'pl.xlsx', '--out', 'out/a.xlsx', '--lang', 'fr'], /only vi or en/);
    await expectRefused(['convert', '--out', 'out/a.xlsx', '--lang', 'en'], /No plan file given/);
  });

  it('a copy that cannot be written leaves nothing behind', async () => {
    await fs.mkdir(path.join(outDir, 'a-folder.xlsx'));
    const result = await runCli(['convert', 'pl.xlsx', '--out', 'out/a-folder.xlsx/'], { cwd: dir });
    // A trailing slash names a folder: the copy goes inside it under the input's name.
    expect(result.code).toBe(0);
    expect(await fs.readdir(path.join(outDir, 'a-folder.xlsx'))).toEqual(['pl.xlsx']);
    await fs.rm(path.join(outDir, 'a-folder.xlsx'), { recursive: true });
  });
});
