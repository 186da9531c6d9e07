/**
 * Anything a file can hold gives a clear sentence and the right exit status, never a stack
 * trace, never a partly written --out (validation.md "Bad input", cli-json.md exit statuses).
 */
import { promises as fs } from 'fs';
import path from 'path';
import { ZipArchive } from '../../src/hosts/xlsx/zip/archive';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { analyzeSheet } from '../../src/engine/analyze';
import { syntheticPlan, toGrid, type PlanWorkbook } from '../../src/testing/plans';
import { buildWorkbook, writeXlsx, writeXlsxStream } from '../../src/testing/plans/xlsx';
import { engineWording } from '../../src/i18n/engine';
import { validateJsonSchema } from '../../src/contract/validate-json';
import { planWorkbook } from '../hosts/xlsx/fixtures/plan-tnmt';
import { expectOneSentence, jsonLines, runCli, tempDir } from './helpers';

let dir: string;
let outDir: string;
beforeAll(async () => {
  dir = await tempDir('cchc-bad-');
  outDir = path.join(dir, 'out');
  await fs.mkdir(outDir);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Nothing, not even a temp file, may be left in the --out folder after a failure. */
async function expectNothingWritten(): Promise<void> {
  expect(await fs.readdir(outDir)).toEqual([]);
}

async function expectCannotCheck(file: string, pattern?: RegExp, lang: 'vi' | 'en' = 'vi'): Promise<string> {
  const result = await runCli(['validate', file, '--out', path.join('out', 'copy.xlsx'), '--lang', lang], { cwd: dir });
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expectOneSentence(result.stderr);
  if (pattern) expect(result.stderr).toMatch(pattern);
  await expectNothingWritten();
  return result.stderr.trim();
}

const simplePlanRows = (extra: (string | number | null)[][]) => [
  ['NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
  [],
  ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Phối hợp', 'Thời gian hoàn thành'],
  ['I', 'CẢI CÁCH THỂ CHẾ'],
  ...extra,
];

describe('files that cannot be checked', () => {
  test('a missing file, a folder, a text file, an empty file, a truncated workbook, an old .xls', async () => {
    expect(await expectCannotCheck('khong-co.xlsx', /khong-co\.xlsx/)).toContain('Không tìm thấy');
    await fs.mkdir(path.join(dir, 'thu-muc.xlsx'));
    await expectCannotCheck('thu-muc.xlsx', /thư mục/);
    await fs.writeFile(path.join(dir, 'ghi-chu.xlsx'), 'STT,Nhiệm vụ,Chủ trì\n1,Rà soát văn bản,Văn phòng Sở\n');
    await expectCannotCheck('ghi-chu.xlsx', /không phải là sổ tính Excel/);
    await fs.writeFile(path.join(dir, 'rong.xlsx'), '');
    await expectCannotCheck('rong.xlsx', /không phải là sổ tính Excel/);
    const whole = Buffer.from(await buildWorkbook(planWorkbook()).xlsx.writeBuffer());
    await fs.writeFile(path.join(dir, 'cat-ngang.xlsx'), whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expectCannotCheck('cat-ngang.xlsx', /bị hỏng hoặc chưa tải về đầy đủ/);
    expect(await expectCannotCheck('cat-ngang.xlsx', undefined, 'en')).toMatch(/damaged or incomplete/);
    await fs.writeFile(path.join(dir, 'cu.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
    await expectCannotCheck('cu.xls', /\.xls\)/);
  });

  test('a zip bomb: a sheet that says it expands past the cap is refused in one sentence, never inflated', async () => {
    const whole = Buffer.from(await buildWorkbook(planWorkbook()).xlsx.writeBuffer());
    const zip = new ZipArchive(whole);
    const sheet = zip.find('xl/worksheets/sheet1.xml')!;
    // Forge the central directory's uncompressed size of the sheet to 3 GB, as a bomb declares it.
    const bomb = Buffer.from(whole);
    let forged = 0;
    for (let at = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
      const nameLength = bomb.readUInt16LE(at + 28);
      if (bomb.toString('utf8', at + 46, at + 46 + nameLength) === sheet.name) forged = bomb.writeUInt32LE(3_000_000_000, at + 24) && forged + 1;
    }
    expect(forged).toBe(1);
    await fs.writeFile(path.join(dir, 'bom.xlsx'), bomb);
    expect(await expectCannotCheck('bom.xlsx', /giải nén ra quá lớn/)).toContain('bom.xlsx');
    expect(await expectCannotCheck('bom.xlsx', undefined, 'en')).toMatch(/expands to more than/);
  });

  test('a workbook whose sheets are all empty', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    workbook.addWorksheet('Sheet2').getCell('C3').style = { font: { bold: true } };
    await workbook.xlsx.writeFile(path.join(dir, 'trong.xlsx'));
    await expectCannotCheck('trong.xlsx', /mọi trang tính đều trống/);
  });

  test('a plan kept as prose, with no appendix table: the engine says so', async () => {
    const prose: PlanWorkbook = {
      sheets: [
        {
          name: 'Kế hoạch',
          rows: [
            ['ỦY BAN NHÂN DÂN HUYỆN MẪU'],
            ['KẾ HOẠCH Cải cách hành chính năm 2024'],
            ['I. MỤC TIÊU'],
            ['Phấn đấu 95% hồ sơ thủ tục hành chính được giải quyết đúng hạn; 100% cơ quan chuyên môn cập nhật dữ liệu lên Cổng dịch vụ công.'],
            ['II. NHIỆM VỤ TRỌNG TÂM'],
            ['Văn phòng HĐND và UBND huyện chủ trì theo dõi, tổng hợp, báo cáo kết quả thực hiện hằng quý.'],
            ['III. TỔ CHỨC THỰC HIỆN'],
            ['Thủ trưởng các cơ quan, đơn vị căn cứ Kế hoạch này xây dựng kế hoạch của đơn vị mình.'],
          ],
        },
      ],
    };
    await writeXlsx(prose, path.join(dir, 'van-xuoi.xlsx'));
    const direct = analyzeSheet(toGrid(prose.sheets[0]), { asOf: '2024-07-15', wording: engineWording('vi') });
    expect(direct.ok).toBe(false);
    const said = await expectCannotCheck('van-xuoi.xlsx');
    expect(said).toBe(!direct.ok ? direct.failure.message : '');
  });
});

describe('unusual cells are checked, not crashed on', () => {
  test('error values in the lead, output and deadline cells are reported as what they are', async () => {
    await writeXlsx({ sheets: [{ name: 'Phụ lục', rows: simplePlanRows([
      [1, 'Rà soát văn bản quy phạm pháp luật', '#VALUE!', 'Văn phòng Sở', '', 'Quý IV/2024'],
      [2, 'Tuyên truyền pháp luật', 'Tin bài', '#N/A', '', 'Quý IV/2024'],
      [3, 'Kiểm tra công tác pháp chế', 'Báo cáo', 'Thanh tra Sở', '', '#REF!'],
    ]) }] }, path.join(dir, 'gia-tri-loi.xlsx'));
    const result = await runCli(['validate', 'gia-tri-loi.xlsx', '--json', '--as-of', '2024-07-15'], { cwd: dir });
    expect(result.stderr).toBe('');
    const json = validateJsonSchema.parse(jsonLines(result.stdout)[0]);
    const codes = (row: number) => {
      const r = json.rows.find((x) => x.row === row);
      return r && r.kind === 'task' ? r.issues.map((i) => `${i.code} ${i.message}`) : [];
    };
    expect(codes(5).join('\n')).toMatch(/output-missing .*#VALUE!/);
    expect(codes(6).join('\n')).toMatch(/lead-missing .*#N\/A/);
    expect(codes(7).join('\n')).toMatch(/deadline-missing .*#REF!/);
    expect(result.code).toBe(1);
  });

  test('a 32,000-character cell is kept whole in JSON and shortened in the terminal', async () => {
    const long = `Rà soát ${'thủ tục hành chính '.repeat(1700)}`.slice(0, 32000);
    await writeXlsx({ sheets: [{ name: 'Phụ lục', rows: simplePlanRows([
      [1, long, 'Báo cáo', 'Văn phòng Sở', '', 'Quý IV/2024'],
      [2, 'Tuyên truyền pháp luật', 'Tin bài', '', '', 'Quý IV/2024'],
    ]) }] }, path.join(dir, 'o-rat-dai.xlsx'));
    const json = await runCli(['validate', 'o-rat-dai.xlsx', '--json', '--as-of', '2024-07-15'], { cwd: dir });
    const parsed = validateJsonSchema.parse(jsonLines(json.stdout)[0]);
    const task = parsed.rows.find((r) => r.row === 5);
    expect(task?.kind === 'task' && task.task?.length).toBe(long.trim().length);
    const human = await runCli(['validate', 'o-rat-dai.xlsx', '--as-of', '2024-07-15', '--out', path.join('out', 'dai.xlsx')], { cwd: dir });
    expect(human.code).toBe(json.code);
    expect(Math.max(...human.stdout.split('\n').map((l) => l.length))).toBeLessThan(400);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(outDir, 'dai.xlsx'));
    expect(copy.getWorksheet('Phụ lục')!.getCell('B5').value).toBe(long);
    await fs.rm(path.join(outDir, 'dai.xlsx'));
  });

  test('formulas count by their cached results; one without a result counts as empty', async () => {
    const fixture: PlanWorkbook = {
      sheets: [{
        name: 'Phụ lục',
        rows: simplePlanRows([
          [1, 'Rà soát văn bản quy phạm pháp luật', 'Báo cáo', 'Văn phòng Sở', '', 'Quý IV/2024'],
          [2, 'Tuyên truyền pháp luật', 'Tin bài', 'Thanh tra Sở', '', 'Quý IV/2024'],
        ]),
        formulas: { D5: '"Văn phòng "&"Sở"', A6: 'A5+1', F6: 'IF(1=1,"Quý IV/2024","")', C5: 'LOWER("")' },
      }],
    };
    // C5: a formula whose cached result is missing (never calculated).
    fixture.sheets[0].rows[4][2] = null;
    await writeXlsx(fixture, path.join(dir, 'cong-thuc.xlsx'));
    const result = await runCli(['validate', 'cong-thuc.xlsx', '--json', '--as-of', '2024-07-15'], { cwd: dir });
    const json = validateJsonSchema.parse(jsonLines(result.stdout)[0]);
    const first = json.rows.find((r) => r.row === 5);
    const second = json.rows.find((r) => r.row === 6);
    expect(first?.kind === 'task' && first.lead).toBe('Văn phòng Sở');
    expect(first?.kind === 'task' && first.issues.map((i) => i.code)).toContain('output-missing');
    expect(second?.kind === 'task' && [second.stt, second.deadline.text]).toEqual(['2', 'Quý IV/2024']);
  });
});

describe('a protected sheet', () => {
  test('is checked, but no copy is written (Excel would lock the tracking columns)', async () => {
    const workbook = buildWorkbook(planWorkbook());
    await workbook.getWorksheet('Phụ lục')!.protect('mat-khau', {});
    await workbook.xlsx.writeFile(path.join(dir, 'bao-ve.xlsx'));
    const checkOnly = await runCli(['validate', 'bao-ve.xlsx', '--json', '--as-of', '2024-07-15'], { cwd: dir });
    expect(checkOnly.code).toBe(1);
    validateJsonSchema.parse(jsonLines(checkOnly.stdout)[0]);
    await expectCannotCheck('bao-ve.xlsx', /đang được bảo vệ/);
    expect(await expectCannotCheck('bao-ve.xlsx', undefined, 'en')).toMatch(/is protected/);
  });
});

describe('bad arguments', () => {
  test.each([
    [['validate', 'plan.xlsx', '--as-of', '2024-13-01'], /--as-of “2024-13-01”/],
    [['validate', 'plan.xlsx', '--as-of', '31/02/2024'], /--as-of “31\/02\/2024” không phải một ngày có thật/],
    [['validate', 'plan.xlsx', '--plan-year', '24'], /--plan-year “24”/],
    [['validate', 'plan.xlsx', '--lang', 'fr'], /vi hoặc en/],
    [['validate', 'plan.xlsx', '--bogus'], /“--bogus”/],
    [['validate'], /Thiếu tệp/],
    [['validate', 'plan.xlsx', '--out'], /“--out” cần một giá trị/],
    [['kiem-tra', 'plan.xlsx'], /“kiem-tra”/],
    [[], /Thiếu lệnh/],
  ])('%j', async (argv, pattern) => {
    const result = await runCli(argv as string[], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneSentence(result.stderr);
    expect(result.stderr).toMatch(pattern as RegExp);
  });

  test('the sentence follows --lang en', async () => {
    const result = await runCli(['validate', 'plan.xlsx', '--as-of', 'yesterday', '--lang', 'en'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is not a real date; write day\/month\/year as 22\/11\/2024/);
  });

  test('--help and --version succeed', async () => {
    const help = await runCli(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--as-of');
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('an --out that cannot be written', () => {
  beforeAll(async () => {
    await writeXlsx(planWorkbook(), path.join(dir, 'plan.xlsx'));
    await fs.writeFile(path.join(dir, 'la-tep'), 'không phải thư mục');
  });

  test.each([
    [path.join('khong-co-thu-muc', 'ra.xlsx'), /thư mục chứa tệp không tồn tại/],
    [path.join('la-tep', 'ra.xlsx'), /thư mục chứa tệp không tồn tại/],
    ['out', null],
  ])('--out %s', async (out, pattern) => {
    const result = await runCli(['validate', 'plan.xlsx', '--out', out, '--as-of', '2024-07-15'], { cwd: dir });
    if (pattern === null) {
      // An existing folder is fine: the copy goes in it under the input's name.
      expect(await fs.readdir(outDir)).toEqual(['plan.xlsx']);
      await fs.rm(path.join(outDir, 'plan.xlsx'));
      return;
    }
    expect(result.code).toBe(2);
    expectOneSentence(result.stderr);
    expect(result.stderr).toMatch(pattern);
    expect(result.stdout).toBe('');
  });
});

describe('50,000 rows', () => {
  test('a 50,000-row appendix is checked and copied in one go', async () => {
    const plan = syntheticPlan(50_000);
    const file = path.join(dir, 'lon.xlsx');
    await writeXlsxStream(plan.sheet, file);
    const result = await runCli(['validate', 'lon.xlsx', '--json', '--as-of', '2024-07-15', '--out', path.join('out', 'lon.xlsx')], { cwd: dir });
    expect(result.stderr).toBe('');
    const json = validateJsonSchema.parse(jsonLines(result.stdout)[0]);
    expect(json.summary.tasks).toBe(plan.tasks);
    expect(json.table.lastRow).toBe(plan.sheet.rows.length);
    expect([0, 1]).toContain(result.code);
    // The copy carries the tracking block: its headers are among the copy's strings, not the input's.
    const strings = async (f: string) => {
      const zip = await JSZip.loadAsync(await fs.readFile(f));
      const parts = Object.keys(zip.files).filter((n) => n === 'xl/sharedStrings.xml' || n.startsWith('xl/worksheets/sheet'));
      return (await Promise.all(parts.map((n) => zip.file(n)!.async('string')))).join('');
    };
    expect(await strings(file)).not.toContain('Hạn chót');
    const copied = await strings(path.join(outDir, 'lon.xlsx'));
    for (const header of ['Tình trạng', 'Hạn chót', 'Kiểm tra']) expect(copied).toContain(header);
    await fs.rm(path.join(outDir, 'lon.xlsx'));
  }, 180_000);
});
