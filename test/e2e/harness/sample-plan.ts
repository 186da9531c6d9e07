/**
 * The workbook the browser e2e opens: a department's CCHC plan appendix, written for this project
 * in the style of real plans (title rows, a header with a numbering row, Roman-numeral sections,
 * free-text deadlines), with problems of several kinds and one cell holding markup.
 */
import type { FakeWorkbookSeed } from '../../../src/testing/fake-excel';

export const SHEET = 'Phụ lục';

/** Entities a browser would decode, and a tag with a script: as text, the pane must show the
 * entities as typed (the engine drops the tag itself, as it does for HTML pasted into cells). */
export const MARKUP_TEXT = 'Số hóa hồ sơ lưu trữ &lt;giai đoạn 1&gt; <img src=x onerror="window.__pwned=1">';
export const MARKUP_SHOWN = '&lt;giai đoạn 1&gt;';

export const SAMPLE_WORKBOOK: FakeWorkbookSeed = {
  activeSheet: SHEET,
  sheets: [
    {
      name: 'Kế hoạch',
      rows: [
        ['SỞ TƯ PHÁP TỈNH NAM HẢI'],
        ['KẾ HOẠCH Cải cách hành chính năm 2024'],
        ['(Nội dung kế hoạch ở văn bản kèm theo; phụ lục ở trang bên cạnh.)'],
      ],
    },
    {
      name: SHEET,
      rows: [
        ['PHỤ LỤC'],
        ['NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA SỞ TƯ PHÁP TỈNH NAM HẢI'],
        ['(Kèm theo Kế hoạch số 12/KH-STP ngày 15/01/2024 của Sở Tư pháp)'],
        [],
        ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Phòng, đơn vị chủ trì', 'Phòng, đơn vị phối hợp', 'Thời gian thực hiện', 'Kinh phí dự kiến'],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
        ['I', 'CẢI CÁCH THỂ CHẾ'],
        [1, 'Xây dựng, ban hành Kế hoạch rà soát văn bản quy phạm pháp luật năm 2024 của Sở', 'Kế hoạch của Sở Tư pháp', 'Phòng Xây dựng và Kiểm tra văn bản', 'Các phòng thuộc Sở', 'Tháng 02/2024', 'Kinh phí thường xuyên'],
        [2, 'Tổ chức tập huấn kỹ năng soạn thảo văn bản cho công chức của Sở', 'Ít nhất 01 lớp tập huấn', '', 'Văn phòng Sở', 'Quý II/2024', 'Kinh phí thường xuyên'],
        ['II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'],
        [1, 'Cập nhật, công khai thủ tục hành chính thuộc thẩm quyền giải quyết của Sở trên Cổng thông tin điện tử', '100% thủ tục hành chính được công khai đúng quy định', 'Văn phòng Sở', 'Các phòng chuyên môn', 'Tháng 6/2024', ''],
        [2, 'Tiếp nhận, giải quyết hồ sơ thủ tục hành chính tại Bộ phận Một cửa', 'Kết quả giải quyết hồ sơ', 'Phòng Hành chính tư pháp', 'Trung tâm Phục vụ hành chính công tỉnh', 'Tháng 12/2024', ''],
        [3, 'Rà soát, đề xuất đơn giản hóa thủ tục hành chính lĩnh vực hộ tịch', '', 'Phòng Hành chính tư pháp', '', 'Tháng 9/2024', ''],
        ['III', 'CẢI CÁCH TỔ CHỨC BỘ MÁY'],
        [1, 'Rà soát chức năng, nhiệm vụ của các phòng thuộc Sở', 'Quyết định của Giám đốc Sở', 'Văn phòng Sở', 'Các phòng thuộc Sở', 'Sau khi có hướng dẫn của UBND tỉnh', ''],
        ['IV', 'XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ'],
        [1, 'Triển khai chữ ký số cho công chức, viên chức của Sở', '100% công chức có chữ ký số cá nhân', 'Văn phòng Sở', '', 'Tháng 5/2024', 'Kinh phí thường xuyên'],
        [2, MARKUP_TEXT, 'Dự thảo Đề án số hóa', '', 'Phòng Công chứng', 'Tháng 11/2024', ''],
      ],
      merges: ['A1:G1', 'A2:G2', 'A3:G3', 'B7:G7', 'B10:G10', 'B14:G14', 'B16:G16'],
      columnWidths: { A: 30, B: 220, C: 150, D: 120, E: 120, F: 90, G: 90 },
    },
  ],
};
