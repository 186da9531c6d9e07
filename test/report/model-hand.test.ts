/**
 * The report model and sheet on a plan given as hand-built task rows (no table recognition):
 * the grouping rules, lists and layout. Counts are worked out by hand in the comments.
 */
import type { Issue } from '../../src/engine/model';
import { isReportSheet } from '../../src/engine/report-marker';
import { buildReport, type DocumentOverrides } from '../../src/report';
import { reportJsonSchema } from '../../src/contract/report-json';
import { reportJson } from '../../src/report/json';
import { wrappedLines } from '../../src/report/sheet';
import { parseA1Range } from '../../src/engine/a1';
import { cellAddress, SheetEvaluator } from './formula-eval';
import { deadline, handAnalysis, type HandTask } from './hand-built';

const issue = (code: Issue['code'], message: string): Issue => ({ code, severity: 'error', message, params: {} });

// Q1 2024: D = 14/03/2024.
const TASKS: HandTask[] = [
  // I
  { row: 7, section: 'I', stt: '1', task: 'Ban hành kế hoạch rà soát văn bản', lead: 'Văn phòng Sở', deadline: deadline('date', '2024-01-31'), status: 'done', doneDate: '2024-01-10' }, // doneOnTime
  { row: 8, section: 'I', stt: '2', task: 'Tự kiểm tra văn bản quy phạm', lead: 'Phòng Pháp chế; Văn phòng', deadline: deadline('date', '2024-02-15'), status: 'done', doneDate: '2024-02-20' }, // doneLate
  { row: 9, section: 'I', stt: '3', task: 'Lập danh mục văn bản cần sửa đổi', lead: 'văn phòng  sở', deadline: deadline('date', '2024-01-31'), status: 'in-progress' }, // overdue 43
  // II
  { row: 11, section: 'II', stt: '4', task: 'Công khai thủ tục trên cổng dịch vụ công', lead: 'Thanh tra Sở', deadline: deadline('date', '2024-02-29'), status: null }, // overdue 14
  { row: 12, section: 'II', stt: '5', task: 'Rà soát quy trình nội bộ', lead: 'Thanh tra Sở', deadline: deadline('date', '2024-03-31'), status: 'in-progress' }, // inProgress, upcoming
  { row: 13, section: 'II', stt: '6', task: 'Số hóa hồ sơ lưu trữ', lead: 'Phòng Pháp chế', deadline: deadline('date', '2024-06-30'), status: 'not-started' }, // notDue (after 14/06)
  {
    row: 14, section: 'II', stt: '7', task: 'Khắc phục hạn chế sau công bố chỉ số', deadline: deadline('event', null, 'Sau khi có kết quả công bố'), status: null,
    issues: [issue('lead-missing', 'Thiếu đơn vị chủ trì'), issue('deadline-not-fixed', 'Thời hạn phụ thuộc sự kiện')],
  }, // notFixed, no lead
  // VII and its sub-sections 7.1, 7.2
  { row: 17, section: '7.1', stt: '8', task: 'Tuyên truyền cải cách hành chính', lead: 'Văn phòng Sở Thanh tra Sở', leadRaw: 'Văn phòng Sở\nThanh tra Sở', deadline: deadline('recurring', '2024-12-31', 'Thường xuyên'), status: 'in-progress' }, // inProgress
  { row: 18, section: '7.1', stt: '9', task: 'Kiểm tra công vụ đợt 1', lead: 'Thanh tra Sở', deadline: deadline('date', '2024-03-10'), status: 'done', doneDate: '2024-03-20' }, // overdue 4 (done after D)
  { row: 20, section: '7.2', stt: '10', task: 'Khảo sát sự hài lòng', lead: 'Phòng Pháp chế', deadline: deadline('unparsed', null, 'Sớm'), status: null, issues: [issue('deadline-unparsed', 'Không hiểu thời hạn')] }, // notFixed
  { row: 21, section: '7.2', stt: '11', task: 'Báo cáo sơ kết 6 tháng', lead: 'VP Sở', deadline: deadline('date', '2024-06-14'), status: 'not-started' }, // notDue, upcoming (window end)
];
const SECTIONS = [
  { id: 'I', title: 'CẢI CÁCH THỂ CHẾ', row: 6 },
  { id: 'II', title: 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', row: 10 },
  { id: 'VII', title: 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', row: 15 },
  { id: '7.1', title: 'Tuyên truyền', row: 16 },
  { id: '7.2', title: 'Khảo sát', row: 19 },
];
const ALIASES = [
  { alias: 'Văn phòng', unit: 'Văn phòng Sở' },
  { alias: 'VP Sở', unit: 'Văn phòng Sở' },
];

const counts = (c: Partial<Record<'doneOnTime' | 'doneLate' | 'inProgress' | 'overdue' | 'notDue' | 'notFixed', number>>) => {
  const full = { doneOnTime: 0, doneLate: 0, inProgress: 0, overdue: 0, notDue: 0, notFixed: 0, ...c };
  const done = full.doneOnTime + full.doneLate;
  const total = done + full.inProgress + full.overdue + full.notDue + full.notFixed;
  return { ...full, done, total };
};

function build(opts: { aliases?: boolean; asOf?: string; document?: DocumentOverrides } = {}) {
  return buildReport(handAnalysis(TASKS, SECTIONS), {
    document: opts.document,
    period: 'Q1',
    year: 2024,
    asOf: opts.asOf,
    lang: 'vi',
    madeOn: '2024-03-18',
    settings: { unitAliases: opts.aliases === false ? [] : ALIASES },
  });
}

describe('report model from hand-built rows', () => {
  const { model } = build();

  test('by reform area: plan order, sub-sections 7.1 and 7.2 counted in VII', () => {
    expect(model.bySection.map((s) => [s.section, s.counts])).toEqual([
      ['I', counts({ doneOnTime: 1, doneLate: 1, overdue: 1 })],
      ['II', counts({ overdue: 1, inProgress: 1, notDue: 1, notFixed: 1 })],
      ['VII', counts({ inProgress: 1, overdue: 1, notFixed: 1, notDue: 1 })],
    ]);
    expect(model.total).toEqual(counts({ doneOnTime: 1, doneLate: 1, overdue: 3, inProgress: 2, notDue: 2, notFixed: 2 }));
    expect(model.totalRate).toBeCloseTo(2 / 11);
  });

  test('by lead unit: aliases and case/space merge; a two-unit cell counts for both; no lead last', () => {
    expect(model.byLead.map((u) => [u.lead, u.counts])).toEqual([
      // rows 7, 8 ("Văn phòng"), 9 ("văn phòng  sở"), 17, 21 ("VP Sở")
      ['Văn phòng Sở', counts({ doneOnTime: 1, doneLate: 1, overdue: 1, inProgress: 1, notDue: 1 })],
      // rows 8, 13, 20
      ['Phòng Pháp chế', counts({ doneLate: 1, notDue: 1, notFixed: 1 })],
      // rows 11, 12, 17, 18
      ['Thanh tra Sở', counts({ overdue: 2, inProgress: 2 })],
      [null, counts({ notFixed: 1 })],
    ]);
    expect(model.byLead[0].spellings).toEqual(['Văn phòng Sở', 'Văn phòng', 'văn phòng sở', 'VP Sở']);
    expect(model.leadTotalsExceedPlan).toBe(true);
  });

  test('without the alias list only case and spacing merge', () => {
    const plain = build({ aliases: false }).model;
    const byName = new Map(plain.byLead.map((u) => [u.lead, u.counts.total]));
    expect(byName.get('Văn phòng Sở')).toBe(3); // rows 7, 9, 17
    expect(byName.get('Văn phòng')).toBe(1); // row 8
    expect(byName.get('VP Sở')).toBe(1); // row 21
  });

  test('overdue list: most late first, with days late', () => {
    expect(model.overdue.map((t) => [t.row, t.daysLate])).toEqual([
      [9, 43],
      [11, 14],
      [18, 4],
    ]);
    expect(model.overdue[2].statusAsOf).toBe('in-progress');
  });

  test('due in the next period: 15/03–14/06/2024, earliest first', () => {
    expect(model.upcoming.map((t) => [t.row, t.due, t.daysLeft])).toEqual([
      [12, '2024-03-31', 17],
      [21, '2024-06-14', 92],
    ]);
  });

  test('data quality: rows whose lead, deadline or output failed, with reasons', () => {
    expect(model.dataQuality.map((q) => [q.row, q.codes, q.reasons])).toEqual([
      [14, ['lead-missing', 'deadline-not-fixed'], ['Thiếu đơn vị chủ trì', 'Thời hạn phụ thuộc sự kiện']],
      [20, ['deadline-unparsed'], ['Không hiểu thời hạn']],
    ]);
  });

  test('a later as-of date reclassifies without changing the period', () => {
    const later = build({ asOf: '2024-04-01' }).model;
    // Row 12 (due 31/03, in progress) is now overdue by 1 day; row 18 was done on 20/03 → doneLate.
    expect(later.period.to).toBe('2024-03-14');
    expect(later.overdue.map((t) => [t.row, t.daysLate])).toEqual([
      [9, 61],
      [11, 32],
      [12, 1],
    ]);
    expect(later.total.doneLate).toBe(2);
  });

  test('the JSON matches the contract', () => {
    const json = reportJson(model, 'ke-hoach.xlsx');
    expect(reportJsonSchema.parse(json)).toEqual(json);
    expect(json).toMatchObject({ period: 'Q1', year: 2024, from: '2023-12-15', to: '2024-03-14', asOf: '2024-03-14', sheetName: 'BC Quý I-2024' });
    expect(json.overdue[0]).toMatchObject({ row: 9, stt: '3', due: '2024-01-31', daysLate: 43 });
    expect(json.dataQuality[0].codes).toEqual(['lead-missing', 'deadline-not-fixed']);
  });

  test('agency: the explicit option, then the setting, then the plan title', () => {
    const a = handAnalysis(TASKS, SECTIONS);
    const base = { period: 'Q1' as const, year: 2024, lang: 'vi' as const };
    expect(buildReport(a, base).model.agency).toBe('Sở Thông tin và Truyền thông');
    expect(buildReport(a, { ...base, settings: { agency: 'UBND huyện Hòa Bình' } }).model.agency).toBe('UBND huyện Hòa Bình');
    expect(buildReport(a, { ...base, settings: { agency: 'UBND huyện Hòa Bình' }, agency: 'Sở Tư pháp' }).model.agency).toBe('Sở Tư pháp');
  });

});

describe('report sheet from hand-built rows', () => {
  const { model, sheet, changes } = build();
  const ev = new SheetEvaluator(sheet);
  const byAddress = new Map(sheet.cells.map((c) => [cellAddress(c), c]));
  const rowOf = (text: string) => {
    const c = sheet.cells.find((x) => x.value === text);
    if (!c) throw new Error(`no cell "${text}"`);
    return c.row + 1;
  };

  test('document header: the agency from the plan, placeholders for what nobody gave, the period in words', () => {
    // The hand-built analysis has no title rows: no governing agency, no place, no symbol.
    expect(byAddress.get('A1')?.value).toBe('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(byAddress.get('E1')?.value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(byAddress.get('E2')?.value).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(byAddress.get('A4')?.value).toBe('Số: …/BC-…');
    expect(byAddress.get('E4')?.value).toBe('…………, ngày … tháng … năm 2024');
    expect(byAddress.get('A6')?.value).toBe('BÁO CÁO');
    expect(byAddress.get('A7')?.value).toBe('Kết quả thực hiện công tác cải cách hành chính quý I năm 2024');
    expect(byAddress.get('A8')?.value).toBe('(Số liệu tính từ ngày 15/12/2023 đến ngày 14/03/2024)');
    const intro = String(byAddress.get('A10')?.value);
    for (const part of ['14/03/2024', 'Phụ lục', '18/03/2024', '20/03/2024']) expect(intro).toContain(part);
    expect(sheet.print).toEqual({
      orientation: 'landscape',
      paper: 'A4',
      repeatRows: null,
      fitToWidth: true,
      margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
      pageNumbers: { where: 'header', fontName: 'Times New Roman', fontSize: 13, skipFirst: true },
    });
  });

  test('the document fields given for the report fill the header and the closing', () => {
    const { sheet: given } = build({
      document: { governingAgency: 'UBND tỉnh Bình An', place: 'Bình An', docSymbol: 'STTTT', signerTitle: 'KT. Giám đốc\nPhó Giám đốc', signerName: 'Nguyễn Văn An', recipients: ['Sở Nội vụ', 'Lưu: VT'] },
    });
    const at = new Map(given.cells.map((c) => [cellAddress(c), c.value]));
    expect([at.get('A1'), at.get('A2'), at.get('A4'), at.get('E4')]).toEqual(['UBND TỈNH BÌNH AN', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Số: …/BC-STTTT', 'Bình An, ngày … tháng … năm 2024']);
    const texts = given.cells.map((c) => String(c.value ?? ''));
    const from = texts.indexOf('Nơi nhận:');
    expect(texts.slice(from)).toEqual(['Nơi nhận:', '- Sở Nội vụ;', '- Lưu: VT.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An']);
  });

  test('totals and rates are formulas, and evaluate to the hand counts', () => {
    const totals = rowOf('Tổng cộng'); // the first "Tổng cộng" row is the by-area table's
    for (const col of ['I', 'J', 'K', 'C', 'H']) expect(byAddress.get(`${col}${totals}`)?.formula).toMatch(/^=/);
    // C..H: doneOnTime, doneLate, inProgress, overdue, notDue, notFixed; I total; J done; K rate.
    expect(['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((c) => ev.value(`${c}${totals}`))).toEqual([1, 1, 2, 3, 2, 2, 11, 2]);
    expect(ev.value(`K${totals}`)).toBeCloseTo(2 / 11);
    expect(byAddress.get(`K${totals}`)?.numberFormat).toMatch(/%/);
    // Section I's row: rate 2/3.
    const first = rowOf('CẢI CÁCH THỂ CHẾ');
    expect(byAddress.get(`I${first}`)?.formula).toBe(`=SUM(C${first}:H${first})`);
    expect(ev.value(`K${first}`)).toBeCloseTo(2 / 3);
  });

  test('editing a count on the sheet moves the totals (formulas, not frozen numbers)', () => {
    const first = rowOf('CẢI CÁCH THỂ CHẾ');
    const edited = { ...sheet, cells: sheet.cells.map((c) => (cellAddress(c) === `E${first}` ? { ...c, value: 4 } : c)) };
    const e2 = new SheetEvaluator(edited);
    const totals = rowOf('Tổng cộng');
    expect(e2.value(`I${first}`)).toBe(7);
    expect(e2.value(`I${totals}`)).toBe(15);
  });

  test('the by-lead table totals 13 for 11 tasks, and the note says why', () => {
    const leadHeader = rowOf('Đơn vị chủ trì');
    const totals = sheet.cells.filter((c) => c.value === 'Tổng cộng').map((c) => c.row + 1);
    const leadTotals = totals.find((r) => r > leadHeader) as number;
    expect(ev.value(`I${leadTotals}`)).toBe(13);
    expect(String(byAddress.get(`A${leadTotals + 1}`)?.value)).toMatch(/lớn hơn tổng số nhiệm vụ/);
  });

  test('list cells link back to their appendix row', () => {
    const overdueRow = sheet.cells.find((c) => c.value === 'Lập danh mục văn bản cần sửa đổi');
    const b9 = { sheet: 'Phụ lục', row: 8, col: 1 };
    expect(overdueRow?.link).toEqual(b9);
    const r = overdueRow!.row + 1;
    for (const col of ['A', 'B', 'C', 'F', 'G', 'I', 'J']) expect(byAddress.get(`${col}${r}`)?.link).toEqual(b9);
    expect(byAddress.get(`I${r}`)?.value).toBe(43);
  });

  test('chart: classes (C:H) by reform area, from the header row to the last area', () => {
    const header = rowOf('Lĩnh vực cải cách');
    const last = rowOf('CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH');
    expect(sheet.chart).toMatchObject({ type: 'stackedBar', data: parseA1Range(`B${header}:H${last}`) });
  });

  test('the report sheet joins the analysis changes, replacing one of the same name', () => {
    expect(changes.sheets.map((s) => s.name)).toEqual(['BC Quý I-2024']);
    expect(model.sheetName).toBe(sheet.name);
  });

  test('every merge is a legal rectangle and no two overlap', () => {
    const seen = new Set<string>();
    for (const m of sheet.merges) {
      expect(m.top).toBeLessThanOrEqual(m.bottom);
      expect(m.left).toBeLessThanOrEqual(m.right);
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) {
        const key = `${r},${c}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
  });
});

describe('row heights for wrapped text', () => {
  const { sheet } = build();
  // Row heights are keyed by 0-based row.
  const rowOf = (text: string) => sheet.cells.find((x) => x.value === text)!.row;

  test('the stats header (class names in 10-character columns) gets several lines; a short row one line of its font', () => {
    const header = rowOf('Lĩnh vực cải cách');
    // Three or more lines of 12-point bold text.
    expect(sheet.rowHeights?.[header]).toBeGreaterThanOrEqual(3 * 12 * 1.3);
    // One line of 12-point text: a little taller than Calibri 11's 15 points, never two lines.
    const area = sheet.rowHeights?.[rowOf('CẢI CÁCH THỂ CHẾ')] ?? 0;
    expect(area).toBeGreaterThan(15);
    expect(area).toBeLessThan(2 * 12 * 1.2);
    // The summary line (14 pt) is taller than a normal line.
    expect(sheet.rowHeights?.[rowOf('Kết quả thực hiện công tác cải cách hành chính quý I năm 2024')]).toBeGreaterThan(18);
  });
});

describe('wrappedLines', () => {
  test('wraps at spaces, counts explicit line breaks, breaks over-long words', () => {
    expect(wrappedLines('Chưa đến hạn', 12)).toBe(1);
    expect(wrappedLines('Đang thực hiện trong hạn', 12)).toBe(3);
    expect(wrappedLines('a\nb', 40)).toBe(2);
    expect(wrappedLines('x'.repeat(30), 10)).toBe(3);
  });
});

describe('list cells without text', () => {
  test('a task with no lead shows the no-lead words; empty cells carry no link', () => {
    const { sheet } = build();
    const row = sheet.cells.find((c) => c.value === 'Khắc phục hạn chế sau công bố chỉ số' && cellAddress(c).startsWith('B'));
    const r = row!.row + 1;
    expect(sheet.cells.find((c) => cellAddress(c) === `C${r}`)?.value).toBe('(Chưa xác định đơn vị chủ trì)');
    for (const c of sheet.cells) if (c.link) expect(String(c.value ?? '')).not.toBe('');
  });
});

describe('isReportSheet', () => {
  test('the report sheet is recognised by its title; a plan is not', () => {
    const { sheet } = build();
    const values: (string | number | null)[][] = [];
    for (const c of sheet.cells) {
      (values[c.row] ??= [])[c.col] = typeof c.value === 'boolean' ? null : (c.value ?? null);
    }
    const grid = { sheetName: sheet.name, values: Array.from(values, (row) => Array.from(row ?? [], (v) => v ?? null)), origin: { row: 0, col: 0 }, merges: [], hiddenRows: [], date1904: false };
    expect(isReportSheet(grid)).toBe(true);
    const plan = { ...grid, values: [['SỞ TƯ PHÁP'], ['NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024'], ['STT', 'Nhiệm vụ', 'Chủ trì', 'Thời gian']] };
    expect(isReportSheet(plan)).toBe(false);
    // English report too, and NFD text.
    expect(isReportSheet({ ...plan, values: [[''], ['REPORT ON THE ADMINISTRATIVE REFORM PLAN — YEAR 2024']] })).toBe(true);
    expect(isReportSheet({ ...plan, values: [['BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'.normalize('NFD')]] })).toBe(true);
  });
});

describe('edge plans', () => {
  test('a plan with no task: zero totals (values, not formulas over nothing), blank rate, no chart', () => {
    const { model, sheet } = buildReport(handAnalysis([], []), { period: 'Y', year: 2024, lang: 'vi', madeOn: '2024-12-16' });
    expect(model.total.total).toBe(0);
    expect(model.bySection).toEqual([]);
    const ev = new SheetEvaluator(sheet);
    const totals = sheet.cells.find((c) => c.value === 'Tổng cộng')!.row + 1;
    expect(ev.value(`I${totals}`)).toBe(0);
    expect(ev.value(`K${totals}`)).toBe('');
    expect(sheet.chart).toBeNull();
  });

  test('tasks above the first section get a row of their own, first', () => {
    const { model } = buildReport(
      handAnalysis(
        [
          { row: 5, stt: '1', task: 'Ban hành kế hoạch CCHC năm 2024', lead: 'Văn phòng', deadline: deadline('date', '2024-01-15'), status: 'done' },
          { row: 7, section: 'I', stt: '2', task: 'Rà soát văn bản', lead: 'Văn phòng', deadline: deadline('date', '2024-05-31') },
        ],
        [{ id: 'I', title: 'CẢI CÁCH THỂ CHẾ', row: 6 }],
      ),
      { period: 'Q1', year: 2024, lang: 'en' },
    );
    expect(model.bySection.map((s) => [s.section, s.counts.total, s.counts.doneOnTime, s.counts.notDue])).toEqual([
      [null, 1, 1, 0],
      ['I', 1, 0, 1],
    ]);
  });
});
