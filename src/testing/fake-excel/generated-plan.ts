/**
 * An appendix of any length for the fake Excel, in the style of a district plan: title rows
 * merged across, a header, eight reform areas as sections merged across the table, tasks with
 * the usual deadline wordings, a lead unit merged down over some task pairs, a few hidden rows,
 * and the user's own formatting (header fill, borders, a highlighted cell, a comment, their own
 * conditional format and drop-down) that the add-in must leave exactly as it was.
 * Deterministic, so runs compare. Used by the host tests and the Office bench.
 */
import type { FakeCellValue, FakeSheetSeed, FakeWorkbookSeed } from './model';

const AREAS = [
  'CẢI CÁCH THỂ CHẾ',
  'CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
  'CẢI CÁCH TỔ CHỨC BỘ MÁY',
  'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ',
  'CẢI CÁCH TÀI CHÍNH CÔNG',
  'XÂY DỰNG CHÍNH QUYỀN SỐ',
  'CHỈ ĐẠO, ĐIỀU HÀNH',
  'NÂNG CAO CÁC CHỈ SỐ ĐÁNH GIÁ',
];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

const SHORT_TASKS = ['Rà soát quy chế làm việc', 'Cập nhật thủ tục trên cổng', 'Kiểm tra công vụ tại xã', 'Tập huấn ký số', 'Báo cáo tình hình giải ngân'];
const LONG_TASKS = [
  'Rà soát, sửa đổi quy chế làm việc của Ủy ban nhân dân huyện cho phù hợp với quy định mới về phân cấp, ủy quyền',
  'Cập nhật, công khai đầy đủ thủ tục hành chính thuộc thẩm quyền giải quyết của cấp huyện, cấp xã trên Cổng dịch vụ công của tỉnh',
  'Tổ chức kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức tại bộ phận một cửa các xã, thị trấn',
  'Tập huấn sử dụng chữ ký số và phần mềm quản lý văn bản cho công chức văn phòng các phòng, ban chuyên môn',
  'Theo dõi, tổng hợp và báo cáo tình hình giải ngân vốn đầu tư công, thực hiện cơ chế tự chủ của các đơn vị sự nghiệp',
];
const OUTPUTS = ['Quyết định', 'Báo cáo', 'Kế hoạch; Báo cáo kết quả', '100% thủ tục được công khai', 'Ít nhất 02 cuộc kiểm tra', 'Kết quả thực hiện', ''];
const LEADS = ['Phòng Nội vụ', 'Văn phòng HĐND và UBND', 'Phòng Tư pháp', 'Phòng Tài chính - Kế hoạch', 'Trung tâm Văn hóa - Thông tin'];
const SUPPORTS = ['Các phòng, ban chuyên môn', 'UBND các xã, thị trấn', '', 'Phòng Nội vụ'];
const DEADLINES: FakeCellValue[] = ['Quý I/2024', 'Tháng 6/2024', 'Trước ngày 30/9/2024', 'Năm 2024', 'Thường xuyên', 'Quý IV/2024', 'Hằng quý', 45473];

export const GENERATED_SHEET = 'Phụ lục KH';
/** Columns A–G: STT · Nhiệm vụ · Sản phẩm · Đơn vị chủ trì · Đơn vị phối hợp · Thời gian hoàn thành · Ghi chú. */
export const GENERATED_COLUMNS = 7;
/** Excel row of the header. */
export const GENERATED_HEADER_ROW = 4;

export interface GeneratedPlanOptions {
  /** Long task wordings (≈ 300 bytes a row) instead of short ones (≈ 120). */
  long?: boolean;
  /** Add the user's own formats, conditional format, validation and comment. */
  userFormatting?: boolean;
}

export interface GeneratedPlan {
  seed: FakeWorkbookSeed;
  sheet: FakeSheetSeed;
  /** Task rows written. */
  tasks: number;
  /** Last Excel row of the table. */
  lastRow: number;
}

/** An appendix of `taskRows` tasks (plus section rows), one sheet, active. */
export function generatedPlan(taskRows: number, options: GeneratedPlanOptions = {}): GeneratedPlan {
  const long = options.long ?? false;
  const userFormatting = options.userFormatting ?? true;
  const rows: FakeCellValue[][] = [
    ['ỦY BAN NHÂN DÂN HUYỆN MẪU'],
    ['PHỤ LỤC: NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
    ['(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2024 của UBND huyện)'],
    ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Ghi chú'],
  ];
  const merges = ['A1:G1', 'A2:G2', 'A3:G3'];
  const hiddenRows: number[] = [];
  const perArea = Math.max(1, Math.ceil(taskRows / AREAS.length));
  let task = 0;
  let area = 0;
  while (task < taskRows) {
    if (task % perArea === 0 && area < AREAS.length) {
      rows.push([ROMAN[area], AREAS[area]]);
      merges.push(`B${rows.length}:G${rows.length}`);
      area++;
    }
    const i = task;
    const taskWords = (long ? LONG_TASKS : SHORT_TASKS)[i % 5];
    const lead = LEADS[(i * 3) % LEADS.length];
    const pairTop = i % 10 === 4 && task + 1 < taskRows && (task + 1) % perArea !== 0;
    rows.push([
      String(i + 1),
      `${taskWords} (${i + 1})`,
      OUTPUTS[(i * 5) % OUTPUTS.length],
      lead,
      SUPPORTS[i % SUPPORTS.length],
      DEADLINES[(i * 7) % DEADLINES.length],
      i % 13 === 0 ? 'Nhiệm vụ chuyển tiếp từ năm 2023' : '',
    ]);
    task++;
    if (pairTop) {
      // The lead is written once and merged over the next task too, as staff do.
      const i2 = task;
      rows.push([String(i2 + 1), `${(long ? LONG_TASKS : SHORT_TASKS)[i2 % 5]} (${i2 + 1})`, OUTPUTS[(i2 * 5) % OUTPUTS.length], '', SUPPORTS[i2 % SUPPORTS.length], DEADLINES[(i2 * 7) % DEADLINES.length], '']);
      merges.push(`D${rows.length - 1}:D${rows.length}`);
      task++;
    }
    if (i % 97 === 50) hiddenRows.push(rows.length);
  }
  const lastRow = rows.length;
  const sheet: FakeSheetSeed = { name: GENERATED_SHEET, rows, merges, hiddenRows };
  if (userFormatting) {
    sheet.styles = {
      [`A${GENERATED_HEADER_ROW}:G${GENERATED_HEADER_ROW}`]: { bold: true, fill: '#D9E1F2', horizontalAlignment: 'Center', borderTop: true, borderBottom: true },
      'A2:G2': { bold: true, fontSize: 13 },
      [`B${GENERATED_HEADER_ROW + 2}`]: { fill: '#FFFF00' },
      [`A${GENERATED_HEADER_ROW + 1}:G${Math.min(lastRow, GENERATED_HEADER_ROW + 40)}`]: { wrapText: true, verticalAlignment: 'Top' },
    };
    sheet.numberFormats = { [`F${GENERATED_HEADER_ROW + 1}:F${lastRow}`]: 'dd/mm/yyyy' };
    sheet.comments = { [`C${GENERATED_HEADER_ROW + 3}`]: 'Đề nghị Phòng Nội vụ xem lại sản phẩm này' };
    sheet.conditionalFormats = [
      { appliesTo: `G${GENERATED_HEADER_ROW + 1}:G${lastRow}`, formula: `=LEN($G${GENERATED_HEADER_ROW + 1})>0`, fill: '#E2EFDA', fontColor: '#375623' },
      { type: 'DataBar', appliesTo: `A${GENERATED_HEADER_ROW + 1}:A${lastRow}` },
    ];
    sheet.validations = [{ address: `E${GENERATED_HEADER_ROW + 1}:E${lastRow}`, list: ['Các phòng chuyên môn', 'UBND các xã', 'Phòng Nội vụ'] }];
    sheet.columnWidths = { A: 30, B: 220, C: 120, D: 110, E: 110, F: 90, G: 90 };
  }
  return { seed: { sheets: [sheet] }, sheet, tasks: taskRows, lastRow };
}
