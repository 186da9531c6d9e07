/**
 * A synthetic appendix of any size, shaped like the real ones: title rows, a two-row header with
 * a merged "Đơn vị thực hiện" parent, a numbering row, eight sections, STT and objective merged
 * over task groups (and the lead unit over every other group), deadlines in the usual wordings
 * (and some real dates), outputs of every class, a continuation row now and then, some tasks
 * with problems. Deterministic (seeded), so
 * runs compare. Used by the bench and by the 50,000-row CLI test.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../engine/model';
import { a1, parseA1Range } from '../engine/a1';
import { serialToDate } from '../hosts/xlsx/cell-value';

const SECTIONS = [
  'CẢI CÁCH THỂ CHẾ',
  'CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
  'CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC',
  'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ',
  'CẢI CÁCH TÀI CHÍNH CÔNG',
  'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ',
  'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
  'NÂNG CAO CHỈ SỐ PAR INDEX, SIPAS',
];
const OBJECTIVES = [
  'Nâng cao chất lượng công tác xây dựng văn bản',
  'Tối thiểu 80% hồ sơ được giải quyết trực tuyến',
  'Kiện toàn tổ chức bộ máy tinh gọn, hiệu quả',
  'Nâng cao chất lượng đội ngũ công chức, viên chức',
  'Quản lý, sử dụng ngân sách đúng quy định',
  '100% văn bản được ký số và gửi nhận trên môi trường mạng',
];
const VERBS = ['Rà soát', 'Xây dựng', 'Tổ chức', 'Triển khai', 'Kiểm tra', 'Cập nhật', 'Theo dõi, đôn đốc', 'Tuyên truyền'];
const OBJECTS = [
  'văn bản quy phạm pháp luật thuộc lĩnh vực quản lý',
  'thủ tục hành chính thuộc thẩm quyền giải quyết của Sở',
  'quy trình nội bộ giải quyết hồ sơ trên hệ thống một cửa điện tử',
  'kế hoạch đào tạo, bồi dưỡng công chức, viên chức',
  'quy chế chi tiêu nội bộ và quản lý tài sản công',
  'dữ liệu chuyên ngành trên nền tảng số của tỉnh',
  'việc thực hiện kỷ luật, kỷ cương hành chính',
];
const OUTPUTS = ['Kế hoạch', 'Báo cáo kết quả', '- Công văn - Quyết định', 'Đạt 100% hồ sơ đúng hạn', 'Tối thiểu 02 cuộc kiểm tra', 'Kết quả xử lý hồ sơ', 'Quy chế', 'Tin bài', ''];
const LEADS = ['Văn phòng Sở', 'Thanh tra Sở', 'Phòng Kế hoạch - Tài chính', 'Phòng Tổ chức cán bộ', 'Trung tâm Công nghệ thông tin', 'Các phòng chuyên môn', ''];
const SUPPORTS = ['Các phòng, đơn vị thuộc Sở', 'Văn phòng Sở', 'Sở Nội vụ', ''];
const DEADLINES = [
  'Quý I/2024', 'Tháng 3/2024', 'Trước ngày 15/5/2024', 'Quý III/2024', 'Năm 2024', 'Thường xuyên',
  'Hàng quý, 6 tháng, năm', 'Theo quy định', 'Khi có văn bản hướng dẫn', 'Ban hành kế hoạch trong tháng 01/2024 và tổ chức thực hiện', '',
];
/** A few deadlines are real dates: these serials (2024-03-31, 2024-06-30, 2024-09-30). */
const DATE_SERIALS = [45382, 45473, 45565];

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticPlan {
  sheetName: string;
  rows: CellValue[][];
  merges: string[];
  /** Cells holding a date serial to be written as a real date. */
  dateCells: string[];
  /** Number of task rows. */
  tasks: number;
}

export const SYNTHETIC_COLUMNS = 9;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

/** About `rows` table rows (tasks, sections and continuations), never fewer. */
export function syntheticPlan(rows: number, seed = 2024): SyntheticPlan {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const out: CellValue[][] = [
    ['SỞ NỘI VỤ TỈNH MẪU'],
    ['PHỤ LỤC'],
    ['NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
    ['(Kèm theo Kế hoạch số 20/KH-SNV ngày 08/01/2024 của Sở Nội vụ)'],
    ['STT', 'Mục tiêu', 'Nhiệm vụ', 'Sản phẩm', 'Đơn vị thực hiện', '', 'Thời gian hoàn thành', 'Kinh phí', 'Ghi chú'],
    ['', '', '', '', 'Chủ trì', 'Phối hợp', '', '', ''],
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)'],
  ];
  const merges = ['A2:I2', 'A3:I3', 'A4:I4', 'A5:A6', 'B5:B6', 'C5:C6', 'D5:D6', 'E5:F5', 'G5:G6', 'H5:H6', 'I5:I6'];
  const dateCells: string[] = [];
  const perSection = Math.max(1, Math.ceil(rows / SECTIONS.length));
  let stt = 0;
  let tasks = 0;
  let sectionIndex = 0;
  let inSection = perSection;
  const firstDataRow = out.length;
  while (out.length - firstDataRow < rows) {
    if (inSection >= perSection && sectionIndex < SECTIONS.length) {
      out.push([ROMAN[sectionIndex], SECTIONS[sectionIndex]]);
      merges.push(`B${out.length}:I${out.length}`);
      sectionIndex++;
      inSection = 0;
      continue;
    }
    // A task group: one STT and objective over 1–3 tasks, merged down.
    stt++;
    const group = 1 + Math.floor(random() * 3);
    const top = out.length + 1;
    const objective = pick(OBJECTIVES);
    for (let k = 0; k < group && out.length - firstDataRow < rows; k++) {
      const deadlineChoice = random();
      const useDate = deadlineChoice < 0.08;
      const deadline: CellValue = useDate ? pick(DATE_SERIALS) : pick(DEADLINES);
      const output = pick(OUTPUTS);
      let lead = pick(LEADS);
      // A row with nothing but its task words reads as the tail of the row above; a task of
      // the plan always names at least one of output, lead or deadline.
      if (output === '' && lead === '' && deadline === '') lead = LEADS[0];
      out.push([
        k === 0 ? stt : '',
        k === 0 ? objective : '',
        `${pick(VERBS)} ${pick(OBJECTS)} năm 2024`,
        output,
        lead,
        pick(SUPPORTS),
        deadline,
        random() < 0.5 ? 'Kinh phí thường xuyên' : '',
        '',
      ]);
      if (useDate) dateCells.push(`G${out.length}`);
      tasks++;
      inSection++;
      // Now and then a page break split the task text: a continuation row.
      if (random() < 0.03 && out.length - firstDataRow < rows) {
        out.push(['', '', 'theo kế hoạch của Ủy ban nhân dân tỉnh', '', '', '', '', '', '']);
        inSection++;
      }
    }
    const bottom = out.length;
    if (bottom > top) merges.push(`A${top}:A${bottom}`, `B${top}:B${bottom}`);
    // Every other group shares one lead unit, written once and merged down (as pasted from Word),
    // where no row below the first would be left with nothing but its task words.
    const followers = out.slice(top, bottom);
    const keepsTasks = followers.every((row) => row[4] === '' || row[3] !== '' || row[6] !== '');
    if (bottom > top && stt % 2 === 0 && keepsTasks) merges.push(`E${top}:E${bottom}`);
  }
  // Followers of a merge read as "" (only the top-left holds the value).
  for (const m of merges) {
    const r = parseA1Range(m);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) if ((row !== r.top || col !== r.left) && out[row] && col < out[row].length) out[row][col] = '';
    }
  }
  return { sheetName: 'Phụ lục', rows: out, merges, dateCells, tasks };
}

export function syntheticGrid(plan: SyntheticPlan): Grid {
  return {
    sheetName: plan.sheetName,
    values: plan.rows.map((r) => r.slice()),
    origin: { row: 0, col: 0 },
    merges: plan.merges.map(parseA1Range),
    hiddenRows: [],
    date1904: false,
  };
}

/** Write the plan as a real .xlsx (exceljs streaming writer: low memory even at 50,000 rows). */
export async function writeSyntheticXlsx(plan: SyntheticPlan, file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const ws = workbook.addWorksheet(plan.sheetName);
  const dates = new Set(plan.dateCells);
  ws.columns = [6, 30, 45, 26, 24, 24, 20, 16, 10].map((width) => ({ width }));
  // The writer's own mergeCells compares each merge with all earlier ones (quadratic); these
  // merges are known not to overlap, so they are recorded directly.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Range = require('exceljs/lib/doc/range');
  const merges = (ws as unknown as { _merges: unknown[] })._merges;
  for (const m of plan.merges) merges.push(new Range(m));
  plan.rows.forEach((line, r) => {
    const row = ws.getRow(r + 1);
    line.forEach((v, c) => {
      if (v === null || v === '') return;
      const cell = row.getCell(c + 1);
      if (typeof v === 'number' && dates.has(a1(r, c))) {
        cell.value = serialToDate(v, false);
        cell.numFmt = 'dd/mm/yyyy';
      } else {
        cell.value = v;
      }
      if (r >= 4) cell.alignment = { wrapText: true, vertical: 'top' };
    });
    row.commit();
  });
  ws.commit();
  await workbook.commit();
}
