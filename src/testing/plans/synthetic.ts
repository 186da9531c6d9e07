/**
 * A synthetic appendix of any size, shaped like the real ones: title rows, a two-row header with
 * a merged "Đơn vị thực hiện" parent, a numbering row, eight sections, STT and objective merged
 * over task groups (and the lead unit over every other group), deadlines in the usual wordings
 * (and some real dates), outputs of every class, a continuation row now and then, some tasks
 * with problems. Deterministic (seeded), so runs compare. Used by the bench and by the 50,000-row CLI test.
 */
import { layOutPlan, type OutlineGroup, type OutlineSection, type OutlineValue, type PlanOutline } from './outline';
import type { PlanSheet } from './sheet';

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
/** A few deadlines are real dates. */
const DATES: OutlineValue[] = [{ date: '2024-03-31' }, { date: '2024-06-30' }, { date: '2024-09-30' }];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

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
  sheet: PlanSheet;
  /** Number of task rows. */
  tasks: number;
}

/** The sections of about `rows` table rows (tasks, sections and continuations), never fewer. */
function syntheticSections(rows: number, seed: number): OutlineSection[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const sections: OutlineSection[] = [];
  const perSection = Math.max(1, Math.ceil(rows / SECTIONS.length));
  let made = 0;
  let stt = 0;
  let inSection = perSection;
  while (made < rows) {
    if (inSection >= perSection && sections.length < SECTIONS.length) {
      sections.push({ id: ROMAN[sections.length], title: SECTIONS[sections.length], groups: [] });
      made++;
      inSection = 0;
      continue;
    }
    // A task group: one STT and objective over 1–3 tasks, merged down.
    stt++;
    const size = 1 + Math.floor(random() * 3);
    const group: OutlineGroup = { stt, objective: pick(OBJECTIVES), tasks: [] };
    sections[sections.length - 1].groups.push(group);
    for (let k = 0; k < size && made < rows; k++) {
      const deadline = random() < 0.08 ? pick(DATES) : pick(DEADLINES);
      const output = pick(OUTPUTS);
      let lead = pick(LEADS);
      // A row with nothing but its task words reads as the tail of the row above; a task of
      // the plan always names at least one of output, lead or deadline.
      if (output === '' && lead === '' && deadline === '') lead = LEADS[0];
      const task = `${pick(VERBS)} ${pick(OBJECTS)} năm 2024`;
      const support = pick(SUPPORTS);
      const budget = random() < 0.5 ? 'Kinh phí thường xuyên' : '';
      group.tasks.push({ task, output, lead, support, deadline, budget });
      made++;
      inSection++;
      // Now and then a page break split the task text: a continuation row.
      if (random() < 0.03 && made < rows) {
        group.tasks[group.tasks.length - 1].tail = { task: 'theo kế hoạch của Ủy ban nhân dân tỉnh' };
        made++;
        inSection++;
      }
    }
    // Every other group shares one lead unit, written once and merged down (as pasted from Word),
    // where no row below the first would be left with nothing but its task words.
    const spansRows = group.tasks.length > 1 || group.tasks.some((t) => t.tail);
    const keepsTasks = group.tasks.slice(1).every((t) => t.lead === '' || t.output !== '' || t.deadline !== '');
    if (spansRows && stt % 2 === 0 && keepsTasks) group.lead = group.tasks[0].lead;
  }
  return sections;
}

const UNIT = 'Đơn vị thực hiện';

/** About `rows` table rows (tasks, sections and continuations), never fewer. */
export function syntheticPlan(rows: number, seed = 2024): SyntheticPlan {
  const outline: PlanOutline = {
    sheetName: 'Phụ lục',
    titleRows: [
      { cells: ['SỞ NỘI VỤ TỈNH MẪU'] },
      { cells: ['PHỤ LỤC'], merge: ['across'] },
      { cells: ['NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024'], merge: ['across'] },
      { cells: ['(Kèm theo Kế hoạch số 20/KH-SNV ngày 08/01/2024 của Sở Nội vụ)'], merge: ['across'] },
    ],
    columns: [
      { role: 'stt', title: 'STT' },
      { role: 'objective', title: 'Mục tiêu' },
      { role: 'task', title: 'Nhiệm vụ' },
      { role: 'output', title: 'Sản phẩm' },
      { role: 'lead', title: 'Chủ trì', under: UNIT },
      { role: 'support', title: 'Phối hợp', under: UNIT },
      { role: 'deadline', title: 'Thời gian hoàn thành' },
      { role: 'budget', title: 'Kinh phí' },
      { role: 'note', title: 'Ghi chú' },
    ],
    numbered: true,
    sections: syntheticSections(rows, seed),
  };
  const { sheet, taskRows } = layOutPlan(outline);
  sheet.xlsx = {
    columnWidths: { A: 6, B: 30, C: 45, D: 26, E: 24, F: 24, G: 20, H: 16, I: 10 },
    styles: [{ address: `A5:I${sheet.rows.length}`, style: { alignment: { wrapText: true, vertical: 'top' } } }],
  };
  return { sheet, tasks: taskRows.length };
}
