/**
 * An appendix of any length in the style of a district plan, for the fake Excel: title rows
 * merged across, a header, eight reform areas as sections merged across the table, tasks with
 * the usual deadline wordings, a lead unit merged down over some task pairs, a few hidden rows,
 * and the user's own formatting (header fill, borders, a highlighted cell, a comment, their own
 * conditional format and drop-down) that the add-in must leave exactly as it was.
 * Deterministic, so runs compare. Used by the host tests.
 */
import type { CellValue } from '../../engine/model';
import { layOutPlan, type OutlineGroup, type OutlineSection, type OutlineTask } from './outline';
import type { FakeFormatting, PlanSheet, PlanWorkbook } from './sheet';

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
/** The number is a date serial (30/06/2024) typed without a date format, as staff paste it. */
const DEADLINES: CellValue[] = ['Quý I/2024', 'Tháng 6/2024', 'Trước ngày 30/9/2024', 'Năm 2024', 'Thường xuyên', 'Quý IV/2024', 'Hằng quý', 45473];

export const DISTRICT_SHEET = 'Phụ lục KH';
/** Excel row of the header. */
const DISTRICT_HEADER_ROW = 4;

export interface DistrictPlanOptions {
  /** Long task wordings (≈ 300 bytes a row) instead of short ones (≈ 120). */
  long?: boolean;
  /** Add the user's own formats, conditional format, validation and comment. */
  userFormatting?: boolean;
}

export interface DistrictPlan {
  /** The plan sheet alone, active. */
  workbook: PlanWorkbook;
  sheet: PlanSheet;
  /** Task rows written. */
  tasks: number;
  /** Last Excel row of the table. */
  lastRow: number;
}

/** Task i (0-based); the lead is left out when a merged lead above covers it. */
function districtTask(i: number, long: boolean): OutlineTask {
  return {
    stt: String(i + 1),
    task: `${(long ? LONG_TASKS : SHORT_TASKS)[i % 5]} (${i + 1})`,
    output: OUTPUTS[(i * 5) % OUTPUTS.length],
    support: SUPPORTS[i % SUPPORTS.length],
    deadline: DEADLINES[(i * 7) % DEADLINES.length],
  };
}

function districtSections(taskRows: number, long: boolean): OutlineSection[] {
  const sections: OutlineSection[] = [];
  const perArea = Math.max(1, Math.ceil(taskRows / AREAS.length));
  let task = 0;
  while (task < taskRows) {
    if (task % perArea === 0 && sections.length < AREAS.length) sections.push({ id: ROMAN[sections.length], title: AREAS[sections.length], groups: [] });
    const i = task;
    const lead = LEADS[(i * 3) % LEADS.length];
    const first: OutlineTask = { ...districtTask(i, long), note: i % 13 === 0 ? 'Nhiệm vụ chuyển tiếp từ năm 2023' : '' };
    let group: OutlineGroup;
    if (i % 10 === 4 && task + 1 < taskRows && (task + 1) % perArea !== 0) {
      // The lead is written once and merged over the next task too, as staff do.
      group = { lead, tasks: [first, districtTask(i + 1, long)] };
      task += 2;
    } else {
      group = { tasks: [{ ...first, lead }] };
      task += 1;
    }
    if (i % 97 === 50) group.tasks[group.tasks.length - 1].hidden = true;
    sections[sections.length - 1].groups.push(group);
  }
  return sections;
}

function userFormatting(lastRow: number): FakeFormatting {
  const h = DISTRICT_HEADER_ROW;
  return {
    styles: {
      [`A${h}:G${h}`]: { bold: true, fill: '#D9E1F2', horizontalAlignment: 'Center', borderTop: true, borderBottom: true },
      'A2:G2': { bold: true, fontSize: 13 },
      [`B${h + 2}`]: { fill: '#FFFF00' },
      [`A${h + 1}:G${Math.min(lastRow, h + 40)}`]: { wrapText: true, verticalAlignment: 'Top' },
    },
    numberFormats: { [`F${h + 1}:F${lastRow}`]: 'dd/mm/yyyy' },
    comments: { [`C${h + 3}`]: 'Đề nghị Phòng Nội vụ xem lại sản phẩm này' },
    conditionalFormats: [
      { appliesTo: `G${h + 1}:G${lastRow}`, formula: `=LEN($G${h + 1})>0`, fill: '#E2EFDA', fontColor: '#375623' },
      { type: 'DataBar', appliesTo: `A${h + 1}:A${lastRow}` },
    ],
    validations: [{ address: `E${h + 1}:E${lastRow}`, list: ['Các phòng chuyên môn', 'UBND các xã', 'Phòng Nội vụ'] }],
    columnWidths: { A: 30, B: 220, C: 120, D: 110, E: 110, F: 90, G: 90 },
  };
}

/** An appendix of `taskRows` tasks (plus section rows), one sheet, active. */
export function districtPlan(taskRows: number, options: DistrictPlanOptions = {}): DistrictPlan {
  const { sheet, lastTableRow } = layOutPlan({
    sheetName: DISTRICT_SHEET,
    titleRows: [
      { cells: ['ỦY BAN NHÂN DÂN HUYỆN MẪU'], merge: ['across'] },
      { cells: ['PHỤ LỤC: NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024'], merge: ['across'] },
      { cells: ['(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2024 của UBND huyện)'], merge: ['across'] },
    ],
    columns: [
      { role: 'stt', title: 'STT' },
      { role: 'task', title: 'Nhiệm vụ' },
      { role: 'output', title: 'Sản phẩm' },
      { role: 'lead', title: 'Đơn vị chủ trì' },
      { role: 'support', title: 'Đơn vị phối hợp' },
      { role: 'deadline', title: 'Thời gian hoàn thành' },
      { role: 'note', title: 'Ghi chú' },
    ],
    sections: districtSections(taskRows, options.long ?? false),
  });
  if (options.userFormatting ?? true) sheet.fake = userFormatting(lastTableRow);
  return { workbook: { sheets: [sheet] }, sheet, tasks: taskRows, lastRow: lastTableRow };
}
