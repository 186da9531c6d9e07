/**
 * The bundled sample plan (assets/sample/ke-hoach-cchc-2024.xlsx), written as readable data:
 * an invented department of an invented province, in the style of the real appendices. It has
 * what real ones have — title rows, a two-row header with a merged "Đơn vị thực hiện" parent, a
 * numbering row, sections I–VII, STT and Mục tiêu merged over task groups, a row split by a page
 * break, a real Excel date — and some rows with the problems the checker finds (no lead unit,
 * no deadline, a deadline before the plan year, outputs without a target, deadlines that name
 * no date). Its tracking columns (status, done date) are filled in for part of the tasks, so the
 * demo report shows every class: as of the Q3 cut-off (14/09) tasks done on time and late, in
 * progress, overdue (one of them finished only after the cut-off), not yet due, and without a
 * fixed date. `npx tsx scripts/make-sample.ts` regenerates the file from this definition.
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../src/engine/model';
import { layOutPlan, type DateCell, type OutlineSection, type OutlineTask, type PlanSheet, type PlanWorkbook } from '../src/testing/plans';

const TX = 'Kinh phí thường xuyên';

/** The plan's year: the tracking columns' done dates are days of it, so the demo report of any
 * period of that year shows every class (the deadlines name the same year). */
export const SAMPLE_YEAR = 2024;
const DONE = 'Hoàn thành';
const DOING = 'Đang thực hiện';

/** A day of the plan year, written as a real Excel date. */
function on(month: number, day: number): DateCell {
  return { date: `${SAMPLE_YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

export const SAMPLE_SHEET = 'Phụ lục';

export const SAMPLE_SECTIONS: OutlineSection[] = [
  {
    id: 'I',
    title: 'CẢI CÁCH THỂ CHẾ',
    groups: [
      {
        objective: 'Nâng cao chất lượng xây dựng, ban hành văn bản quy phạm pháp luật',
        tasks: [
          { task: 'Tham mưu UBND tỉnh ban hành văn bản QPPL thuộc lĩnh vực công thương theo Chương trình xây dựng văn bản năm 2024', output: 'Tờ trình, dự thảo Quyết định', lead: 'Phòng Quản lý thương mại', support: 'Văn phòng Sở; các phòng liên quan', deadline: 'Theo Chương trình của UBND tỉnh', budget: TX, status: DOING },
        ],
      },
      {
        objective: 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật',
        tasks: [
          { task: 'Xây dựng Kế hoạch rà soát văn bản QPPL năm 2024', output: 'Kế hoạch', lead: 'Văn phòng Sở', support: 'Các phòng chuyên môn', deadline: 'Trước ngày 31/01/2024', budget: TX, status: DONE, doneDate: on(1, 25) },
          { task: 'Rà soát văn bản QPPL thuộc lĩnh vực quản lý của ngành, báo cáo kết quả', output: 'Báo cáo kết quả rà soát', lead: 'Văn phòng Sở', support: 'Các phòng chuyên môn', deadline: 'Trước ngày 15/11/2024', status: DOING },
          { task: 'Rà soát quy định về kinh doanh xăng dầu, đề xuất sửa đổi cho phù hợp quy định mới', output: 'Báo cáo', lead: 'Phòng Quản lý thương mại', support: '', deadline: 'Quý III/2024', status: DOING },
        ],
      },
      {
        objective: 'Tăng cường phổ biến, giáo dục pháp luật',
        tasks: [
          { task: 'Phổ biến pháp luật về an toàn thực phẩm, an toàn hóa chất cho doanh nghiệp trên địa bàn', output: 'Tối thiểu 02 hội nghị', lead: 'Phòng Kỹ thuật an toàn - Môi trường', support: 'Văn phòng Sở', deadline: 'Quý II, III/2024', budget: 'Kinh phí sự nghiệp', status: DOING },
        ],
      },
      {
        objective: 'Theo dõi tình hình thi hành pháp luật',
        tasks: [
          { task: 'Kiểm tra tình hình thi hành pháp luật trong lĩnh vực điện lực', output: 'Kết quả kiểm tra', lead: '', support: 'Thanh tra Sở', deadline: 'Quý III/2024' },
        ],
      },
    ],
  },
  {
    id: 'II',
    title: 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
    groups: [
      {
        objective: 'Kiểm soát chặt chẽ thủ tục hành chính',
        tasks: [
          { task: 'Xây dựng Kế hoạch kiểm soát TTHC năm 2024', output: 'Kế hoạch', lead: 'Văn phòng Sở', support: 'Các phòng chuyên môn', deadline: 'Tháng 01/2024', budget: TX, status: DONE, doneDate: on(1, 29) },
          { task: 'Rà soát, đánh giá TTHC, đề xuất phương án đơn giản hóa', output: 'Phương án đơn giản hóa TTHC', lead: 'Văn phòng Sở', support: 'Các phòng có TTHC', deadline: 'Trước ngày 30/6/2024', status: DOING },
        ],
      },
      {
        objective: '100% TTHC được công khai đúng quy định',
        tasks: [
          { task: 'Cập nhật, công khai đầy đủ TTHC thuộc thẩm quyền trên Cổng dịch vụ công của tỉnh', output: 'TTHC được công khai đầy đủ', lead: 'Văn phòng Sở', support: 'Trung tâm Phục vụ hành chính công tỉnh', deadline: 'Thường xuyên', status: DOING },
          { task: 'Niêm yết TTHC tại Trung tâm Phục vụ hành chính công tỉnh', output: 'Danh mục TTHC được niêm yết', lead: 'Văn phòng Sở', support: '', deadline: 'Tháng 4/2024', status: DONE, doneDate: on(4, 22) },
        ],
      },
      {
        objective: 'Giải quyết hồ sơ đúng hạn',
        tasks: [
          {
            task: 'Giải quyết hồ sơ TTHC đúng hạn; thực hiện xin lỗi tổ chức, cá nhân khi hồ sơ',
            output: 'Tối thiểu 98% hồ sơ giải quyết đúng',
            lead: 'Các phòng có TTHC',
            support: 'Văn phòng Sở',
            deadline: 'Năm 2024',
            status: DOING,
            tail: { task: 'giải quyết trễ hạn', output: 'hạn' },
          },
        ],
      },
      {
        objective: 'Tiếp nhận, xử lý phản ánh, kiến nghị',
        tasks: [
          { task: 'Tiếp nhận, xử lý phản ánh, kiến nghị của tổ chức, cá nhân về quy định hành chính', output: 'Kết quả xử lý phản ánh, kiến nghị', lead: 'Văn phòng Sở', support: 'Các phòng chuyên môn', deadline: 'Khi có phản ánh, kiến nghị', status: DOING },
        ],
      },
      {
        objective: 'Đo lường sự hài lòng của người dân, doanh nghiệp',
        tasks: [
          { task: 'Khảo sát mức độ hài lòng của người dân, doanh nghiệp đối với việc giải quyết TTHC của Sở', output: 'Báo cáo kết quả khảo sát', lead: 'Văn phòng Sở', support: 'Trung tâm Phục vụ hành chính công tỉnh', deadline: 'Quý IV/2024' },
        ],
      },
    ],
  },
  {
    id: 'III',
    title: 'CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC',
    groups: [
      {
        objective: 'Kiện toàn tổ chức bộ máy tinh gọn, hiệu quả',
        tasks: [
          { task: 'Rà soát chức năng, nhiệm vụ, cơ cấu tổ chức các phòng, đơn vị thuộc Sở', output: 'Quyết định', lead: 'Văn phòng Sở', support: 'Các phòng, đơn vị', deadline: 'Quý II/2024', status: DONE, doneDate: on(7, 15) },
          { task: 'Sắp xếp, kiện toàn đơn vị sự nghiệp công lập trực thuộc', output: 'Đề án sắp xếp', lead: 'Văn phòng Sở', support: 'Trung tâm Khuyến công', deadline: 'Quý III/2024', status: DOING },
        ],
      },
      {
        objective: 'Quản lý chặt chẽ biên chế',
        tasks: [
          { task: 'Xây dựng kế hoạch biên chế công chức, số lượng người làm việc năm 2025', output: 'Kế hoạch', lead: 'Văn phòng Sở', support: '', deadline: 'Trước ngày 15/7/2024', status: DONE, doneDate: on(9, 26) },
        ],
      },
      {
        objective: 'Đẩy mạnh phân cấp, ủy quyền',
        tasks: [
          { task: 'Rà soát nhiệm vụ có thể phân cấp, ủy quyền cho UBND cấp huyện', output: 'Báo cáo đề xuất', lead: 'Văn phòng Sở', support: 'Các phòng chuyên môn', deadline: '' },
        ],
      },
    ],
  },
  {
    id: 'IV',
    title: 'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ',
    groups: [
      {
        objective: 'Nâng cao chất lượng đội ngũ công chức, viên chức',
        tasks: [
          { task: 'Xây dựng Kế hoạch đào tạo, bồi dưỡng công chức, viên chức năm 2024', output: 'Kế hoạch', lead: 'Văn phòng Sở', support: '', deadline: 'Tháng 02/2024', budget: TX, status: DONE, doneDate: on(2, 26) },
          { task: 'Cử công chức, viên chức tham gia các lớp bồi dưỡng theo kế hoạch', output: 'Tối thiểu 20 lượt người được bồi dưỡng', lead: 'Văn phòng Sở', support: 'Các phòng, đơn vị', deadline: 'Năm 2024', status: DOING },
        ],
      },
      {
        objective: 'Đánh giá đúng chất lượng công chức, viên chức',
        tasks: [
          { task: 'Đánh giá, xếp loại chất lượng công chức, viên chức năm 2024', output: 'Quyết định công nhận kết quả', lead: 'Văn phòng Sở', support: 'Các phòng, đơn vị', deadline: 'Tháng 12/2024' },
          { task: 'Thực hiện chế độ, chính sách đối với công chức, viên chức', output: 'Quyết định nâng lương', lead: 'Văn phòng Sở', support: 'Phòng Kế hoạch - Tài chính', deadline: 'Thường xuyên', status: DOING },
        ],
      },
      {
        objective: 'Siết chặt kỷ luật, kỷ cương hành chính',
        tasks: [
          { task: 'Kiểm tra công vụ, việc chấp hành kỷ luật, kỷ cương hành chính tại các phòng, đơn vị', output: 'Tối thiểu 02 cuộc kiểm tra', lead: 'Thanh tra Sở', support: 'Văn phòng Sở', deadline: 'Quý II/2024', status: DONE, doneDate: on(6, 20) },
          { task: 'Cập nhật Đề án vị trí việc làm theo hướng dẫn mới', output: 'Đề án vị trí việc làm', lead: 'Văn phòng Sở', support: '', deadline: 'Sau khi có hướng dẫn của Bộ Nội vụ' },
        ],
      },
    ],
  },
  {
    id: 'V',
    title: 'CẢI CÁCH TÀI CHÍNH CÔNG',
    groups: [
      {
        objective: 'Quản lý, sử dụng tài chính, tài sản công đúng quy định',
        tasks: [
          { task: 'Sửa đổi, bổ sung Quy chế chi tiêu nội bộ', output: 'Quy chế chi tiêu nội bộ', lead: 'Phòng Kế hoạch - Tài chính', support: 'Văn phòng Sở', deadline: 'Quý I/2024', budget: TX, status: DONE, doneDate: on(3, 28) },
          { task: 'Công khai dự toán, quyết toán ngân sách theo quy định', output: 'Thông báo công khai', lead: 'Phòng Kế hoạch - Tài chính', support: '', deadline: 'Theo quy định', status: DONE, doneDate: on(1, 20) },
          { task: 'Thực hiện cơ chế tự chủ tài chính tại đơn vị sự nghiệp trực thuộc', output: 'Phương án tự chủ tài chính', lead: 'Phòng Kế hoạch - Tài chính', support: 'Trung tâm Khuyến công', deadline: 'Quý II/2024' },
        ],
      },
      {
        objective: 'Thực hành tiết kiệm, chống lãng phí',
        tasks: [
          { task: 'Xây dựng Chương trình thực hành tiết kiệm, chống lãng phí năm 2024', output: 'Chương trình', lead: 'Phòng Kế hoạch - Tài chính', support: 'Các phòng, đơn vị', deadline: 'Tháng 3/2024', status: DONE, doneDate: on(4, 12) },
          { task: 'Giải ngân vốn đầu tư công được giao', output: 'Tỷ lệ giải ngân đạt trên 95%', lead: 'Phòng Kế hoạch - Tài chính', support: 'Ban Quản lý dự án', deadline: { date: '2024-12-31' }, status: DOING },
        ],
      },
    ],
  },
  {
    id: 'VI',
    title: 'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ',
    groups: [
      {
        objective: 'Tối thiểu 80% hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến',
        tasks: [
          { task: 'Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình', output: 'Tỷ lệ hồ sơ trực tuyến', lead: 'Văn phòng Sở', support: 'Trung tâm Phục vụ hành chính công tỉnh', deadline: 'Năm 2024', status: DOING },
          { task: 'Số hóa hồ sơ, kết quả giải quyết TTHC', output: 'Hồ sơ được số hóa', lead: 'Văn phòng Sở', support: 'Các phòng có TTHC', deadline: 'Năm 2024', status: DOING },
        ],
      },
      {
        objective: 'Ứng dụng công nghệ thông tin trong hoạt động của Sở',
        tasks: [
          { task: 'Ký số, gửi nhận văn bản điện tử giữa các cơ quan hành chính', output: '100% văn bản đi được ký số', lead: 'Văn phòng Sở', support: 'Các phòng, đơn vị', deadline: 'Thường xuyên', status: DOING },
          { task: 'Duy trì hệ thống quản lý chất lượng theo TCVN ISO 9001:2015', output: 'Theo tiêu chuẩn TCVN ISO 9001:2015', lead: 'Văn phòng Sở', support: 'Các phòng chuyên môn', deadline: 'Năm 2024' },
          { task: 'Cập nhật dữ liệu ngành công thương lên hệ thống thông tin của tỉnh', output: 'Dữ liệu được cập nhật', lead: 'Phòng Quản lý công nghiệp', support: '', deadline: 'Hàng tháng', status: DOING },
          { task: 'Bảo đảm an toàn thông tin mạng tại cơ quan', output: 'Phương án bảo đảm an toàn thông tin', lead: 'Văn phòng Sở', support: '', deadline: 'Tháng 6/2024', status: DONE, doneDate: on(6, 25) },
        ],
      },
    ],
  },
  {
    id: 'VII',
    title: 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH',
    groups: [
      {
        objective: 'Chỉ đạo, điều hành CCHC thống nhất, kịp thời',
        tasks: [
          { task: 'Xây dựng, ban hành Kế hoạch CCHC năm 2024 của Sở', output: 'Kế hoạch', lead: 'Văn phòng Sở', support: 'Các phòng, đơn vị', deadline: 'Trước ngày 15/01/2024', budget: TX, status: DONE, doneDate: on(1, 10) },
          { task: 'Báo cáo kết quả thực hiện công tác CCHC định kỳ', output: 'Báo cáo quý, 6 tháng, năm', lead: 'Văn phòng Sở', support: 'Các phòng, đơn vị', deadline: 'Hàng quý, 6 tháng, năm', status: DOING },
          { task: 'Tuyên truyền CCHC trên Trang thông tin điện tử của Sở', output: 'Tối thiểu 12 tin bài', lead: 'Văn phòng Sở', support: 'Các phòng, đơn vị', deadline: 'Thường xuyên', status: DOING },
          { task: 'Kiểm tra công tác CCHC tại các đơn vị trực thuộc', output: 'Thông báo kết luận kiểm tra', lead: 'Văn phòng Sở', support: 'Thanh tra Sở', deadline: 'Ban hành kế hoạch trong tháng 3/2024, kiểm tra trong Quý III/2024', status: DOING },
          { task: 'Tự đánh giá, chấm điểm Chỉ số CCHC của Sở', output: 'Báo cáo tự đánh giá', lead: 'Văn phòng Sở', support: 'Các phòng, đơn vị', deadline: 'Năm 2023', status: DONE, doneDate: on(2, 20) },
        ],
      },
      {
        objective: 'Nâng cao các chỉ số PAR INDEX, SIPAS',
        tasks: [
          { task: 'Khắc phục hạn chế theo kết quả Chỉ số CCHC năm trước', output: 'Đạt yêu cầu', lead: 'Văn phòng Sở', support: '', deadline: 'Quý IV/2024', note: 'Theo hướng dẫn của Sở Nội vụ' },
        ],
      },
    ],
  },
];

const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = 'Times New Roman';

const UNIT = 'Đơn vị thực hiện';

export interface SampleOptions {
  /** Without the tracking columns (status, done date): the plan as first written, before anyone
   * tracked it (default: with them, as the committed file is). */
  tracking?: boolean;
}

/** The definition laid out as a sheet: rows, merges, real dates, styles, widths. */
export function sampleSheet({ tracking = true }: SampleOptions = {}): PlanSheet {
  let stt = 0;
  const untracked = (t: OutlineTask): OutlineTask => {
    const { status: _status, doneDate: _doneDate, ...rest } = t;
    return rest;
  };
  const sections = SAMPLE_SECTIONS.map((s) => ({ ...s, groups: s.groups.map((g) => ({ stt: ++stt, ...g, tasks: tracking ? g.tasks : g.tasks.map(untracked) })) }));
  const { sheet, sectionRows, lastTableRow } = layOutPlan({
    sheetName: SAMPLE_SHEET,
    titleRows: [
      { cells: ['UBND TỈNH BÌNH AN', '', '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], merge: ['A:C', 'E:I'] },
      { cells: ['SỞ CÔNG THƯƠNG', '', '', '', 'Độc lập - Tự do - Hạnh phúc'], merge: ['A:C', 'E:I'] },
      { cells: [] },
      { cells: ['PHỤ LỤC'], merge: ['across'] },
      { cells: ['NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA SỞ CÔNG THƯƠNG'], merge: ['across'] },
      { cells: ['(Kèm theo Kế hoạch số 12/KH-SCT ngày 08/01/2024 của Sở Công Thương tỉnh Bình An)'], merge: ['across'] },
      { cells: [] },
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
      ...(tracking
        ? [
            { role: 'status', title: 'Tình trạng' } as const,
            { role: 'doneDate', title: 'Ngày hoàn thành' } as const,
          ]
        : []),
    ],
    numbered: true,
    sections,
    footerRows: [{ cells: [] }, { cells: ['Ghi chú: Các phòng, đơn vị báo cáo kết quả thực hiện về Văn phòng Sở trước ngày 10 của tháng cuối quý để tổng hợp.'], merge: ['across'] }],
  });
  const { rows, merges = [], dates = [] } = sheet;

  /** The table's last column. */
  const L = tracking ? 'K' : 'I';
  const base: Partial<ExcelJS.Style> = { font: { name: FONT, size: 12 } };
  const styles: { address: string; style: Partial<ExcelJS.Style> }[] = [
    { address: `A1:${L}${rows.length}`, style: base },
    { address: `A1:${L}2`, style: { font: { name: FONT, size: 12, bold: true }, alignment: { horizontal: 'center' } } },
    { address: `A4:${L}5`, style: { font: { name: FONT, size: 14, bold: true }, alignment: { horizontal: 'center' } } },
    { address: `A6:${L}6`, style: { font: { name: FONT, size: 12, italic: true }, alignment: { horizontal: 'center' } } },
    { address: `A8:${L}10`, style: { font: { name: FONT, size: 12, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: box } },
    { address: `A11:${L}${lastTableRow}`, style: { font: { name: FONT, size: 12 }, alignment: { vertical: 'top', wrapText: true }, border: box } },
    { address: `A11:A${lastTableRow}`, style: { font: { name: FONT, size: 12 }, alignment: { vertical: 'top', horizontal: 'center' }, border: box } },
    ...sectionRows.map((r) => ({ address: `A${r}:${L}${r}`, style: { font: { name: FONT, size: 12, bold: true }, alignment: { vertical: 'middle' as const }, border: box } })),
    ...dates.map((d) => ({ address: d, style: { font: { name: FONT, size: 12 }, alignment: { vertical: 'top' as const }, border: box, numFmt: 'dd/mm/yyyy' } })),
    { address: `A${rows.length}:${L}${rows.length}`, style: { font: { name: FONT, size: 12, italic: true } } },
  ];
  const columnWidths = { A: 6, B: 28, C: 46, D: 28, E: 24, F: 26, G: 20, H: 16, I: 14, ...(tracking ? { J: 16, K: 20 } : {}) };
  sheet.xlsx = {
    styles,
    columnWidths,
    rowHeights: rowHeights(rows, merges, Object.values(columnWidths), lastTableRow, L),
    freezeRowsAbove: 11,
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '8:10' },
  };
  return sheet;
}

/** Row heights that fit the wrapped text: not every program sizes rows itself on opening. */
function rowHeights(rows: CellValue[][], merges: string[], widths: number[], lastTableRow: number, last: string): Record<number, number> {
  const LINE = 15.75;
  const linesFor = (text: CellValue, width: number) => Math.max(1, Math.ceil(String(text ?? '').length / (width * 1.1)));
  const heights: Record<number, number> = {};
  const firstBodyRow = 11;
  for (let r = firstBodyRow; r <= lastTableRow; r++) {
    const line = rows[r - 1];
    // Columns C… only: STT and the objective may be merged over several rows (handled below).
    let lines = 1;
    for (let c = 2; c < widths.length; c++) lines = Math.max(lines, linesFor(line[c], widths[c]));
    heights[r] = lines * LINE + 4;
  }
  // A merged objective needs its rows together to be tall enough.
  for (const m of merges) {
    const match = /^B(\d+):B(\d+)$/.exec(m);
    const top = match ? Number(match[1]) : NaN;
    const bottom = match ? Number(match[2]) : NaN;
    if (!match || top < firstBodyRow) continue;
    const need = linesFor(rows[top - 1][1], widths[1]) * LINE + 4;
    let have = 0;
    for (let r = top; r <= bottom; r++) have += heights[r];
    if (have < need) heights[bottom] += need - have;
  }
  for (let r = firstBodyRow; r <= lastTableRow; r++) {
    const line = rows[r - 1];
    if (line.length <= 2 && !merges.includes(`B${r}:${last}${r}`)) continue;
    // Single-row objectives (no merge) must fit in their own row.
    if (!merges.some((m) => m.startsWith(`B${r}:B`))) heights[r] = Math.max(heights[r], linesFor(line[1], widths[1]) * LINE + 4);
  }
  return heights;
}

export function samplePlan(options: SampleOptions = {}): PlanWorkbook {
  return { sheets: [sampleSheet(options)], activeSheet: SAMPLE_SHEET };
}

/** How many task rows the definition holds (tails are not tasks). */
export function sampleTaskCount(): number {
  return SAMPLE_SECTIONS.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.tasks.length, 0), 0);
}
