/**
 * A copy's name must say what it holds: Excel refuses a macro workbook named .xlsx and a
 * workbook without macros named .xlsm ("the file format or file extension is not valid"). The
 * checked copy and the report copy keep the input's kind, so `.xlsm` in and `--out x.xlsx` (or
 * the reverse) is refused in one sentence, exit status 2, nothing written; `convert` writes a
 * workbook without macros, so its copy must end in .xlsx.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { validateLineJsonSchema } from '../../src/contract/validate-json';
import { ZipArchive } from '../../src/hosts/xlsx/zip/archive';
import { writeXlsx } from '../../src/testing/plans/xlsx';
import { planWorkbook } from '../hosts/xlsx/fixtures/plan-tnmt';
import { richWorkbook, VBA_PROJECT } from '../hosts/xlsx/fixtures/rich-workbook';
import { expectOneSentence, jsonLines, runCli, tempDir } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('cchc-macro-names-');
  await fs.writeFile(path.join(dir, 'ke-hoach.xlsm'), await richWorkbook({ macro: true }));
  await fs.writeFile(path.join(dir, 'KE-HOACH-HOA.XLSM'), await richWorkbook({ macro: true }));
  await fs.writeFile(path.join(dir, 'ke-hoach.xlsx'), await richWorkbook({ macro: false }));
  // A plain plan under an .xlsm name, for convert (exceljs cannot write the rich workbook's rules).
  await writeXlsx(planWorkbook(), path.join(dir, 'don-gian.xlsm'));
  await fs.mkdir(path.join(dir, 'ban-sao'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const AS_OF = ['--as-of', '10/03/2024'];

async function exists(name: string): Promise<boolean> {
  return fs.access(path.join(dir, name)).then(
    () => true,
    () => false,
  );
}

test.each([
  ['validate', 'ke-hoach.xlsm', 'ban-kiem-tra.xlsx', []],
  ['report', 'ke-hoach.xlsm', 'bao-cao.xlsx', ['--period', 'Q1']],
  ['validate', 'KE-HOACH-HOA.XLSM', 'ban-kiem-tra.XLSX', []],
])('%s %s --out %s: refused in one sentence, exit status 2, nothing written', async (command, input, out, extra) => {
  const result = await runCli([command, input, '--out', out, ...AS_OF, ...extra, '--lang', 'en'], { cwd: dir });
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expectOneSentence(result.stderr);
  expect(result.stderr).toContain(`The copy of “${input}” (a macro workbook) must end in .xlsm, not “${out}”`);
  expect(await exists(out)).toBe(false);
});

test('the reverse: a workbook without macros is not copied under .xlsm (Vietnamese by default)', async () => {
  const result = await runCli(['validate', 'ke-hoach.xlsx', '--out', 'ban-kiem-tra.xlsm', ...AS_OF], { cwd: dir });
  expect(result.code).toBe(2);
  expectOneSentence(result.stderr);
  expect(result.stderr).toContain('Bản sao của “ke-hoach.xlsx” (không có macro) phải có đuôi .xlsx, không phải “ban-kiem-tra.xlsm”');
  expect(await exists('ban-kiem-tra.xlsm')).toBe(false);
});

test('--json: one line naming the refusal for the file, as for any file that could not be checked', async () => {
  const result = await runCli(['validate', 'ke-hoach.xlsm', '--out', 'ban-kiem-tra.xlsx', '--json', ...AS_OF], { cwd: dir });
  expect(result.code).toBe(2);
  const lines = jsonLines(result.stdout);
  expect(lines).toHaveLength(1);
  const line = validateLineJsonSchema.parse(lines[0]);
  expect(line).toMatchObject({ file: 'ke-hoach.xlsm', error: { code: 'out-conflict' } });
});

test('an .xlsm copied under .xlsm keeps its macros and its macro content type; into a folder it keeps its name', async () => {
  const named = await runCli(['validate', 'ke-hoach.xlsm', '--out', 'ban-kiem-tra.xlsm', ...AS_OF], { cwd: dir });
  const folder = await runCli(['report', 'ke-hoach.xlsm', '--period', 'Q1', '--out', 'ban-sao', ...AS_OF], { cwd: dir });
  for (const [result, copy] of [[named, 'ban-kiem-tra.xlsm'], [folder, path.join('ban-sao', 'ke-hoach.xlsm')]] as const) {
    expect(result.stderr).toBe('');
    expect(result.code).toBeLessThan(2);
    const zip = new ZipArchive(await fs.readFile(path.join(dir, copy)));
    expect(zip.read(zip.find('xl/vbaProject.bin')!, 1 << 20).equals(VBA_PROJECT)).toBe(true);
    expect(zip.text(zip.find('[Content_Types].xml')!, 1 << 20)).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  }
});

test('convert writes a workbook without macros: --out must end in .xlsx, whatever the input', async () => {
  for (const input of ['ke-hoach.xlsm', 'ke-hoach.xlsx']) {
    const result = await runCli(['convert', input, '--out', 'unicode.xlsm', '--lang', 'en'], { cwd: dir });
    expect(result.code).toBe(2);
    expectOneSentence(result.stderr);
    expect(result.stderr).toContain('The Unicode copy is a workbook without macros, so it must end in .xlsx, not “unicode.xlsm”');
    expect(await exists('unicode.xlsm')).toBe(false);
  }
  const plain = await runCli(['convert', 'don-gian.xlsm', '--out', 'unicode.xlsx', '--lang', 'en'], { cwd: dir });
  expect(plain.code).toBe(0);
  expect(await exists('unicode.xlsx')).toBe(true);
});
