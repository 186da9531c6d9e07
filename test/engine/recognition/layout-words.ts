/**
 * Words for generated appendices: header wordings of every role (the synonyms
 * docs/recognition.md lists) and cell texts, written for these tests. Texts are whole phrases:
 * none ends on a connective or an open bracket, none starts with a bullet, a label or lower
 * case — the generator cuts them itself when it wants a continuation.
 */
import type { ColumnRole } from '../../../src/engine/model';

/** Header wordings per role for a one-row header (or a column the parent row spans alone). */
export const HEADER_WORDS: Partial<Record<ColumnRole, readonly string[]>> = {
  stt: ['STT', 'TT', 'Số TT', 'Số thứ tự'],
  objective: ['Mục tiêu', 'Mục tiêu cụ thể', 'Chỉ tiêu'],
  task: ['Nhiệm vụ', 'Nhiệm vụ trọng tâm', 'Nhiệm vụ/Hoạt động cụ thể', 'Nội dung', 'Nội dung công việc', 'Tên nhiệm vụ', 'Nội dung nhiệm vụ'],
  activity: ['Hoạt động', 'Hoạt động cụ thể'],
  output: ['Sản phẩm', 'Kết quả/Sản phẩm', 'Kết quả đầu ra', 'Sản phẩm đầu ra', 'Kết quả', 'Sản phẩm dự kiến'],
  lead: [
    'Chủ trì', 'Chủ trì thực hiện', 'Đơn vị chủ trì', 'Cơ quan chủ trì', 'Phòng chủ trì', 'Phòng, đơn vị chủ trì', 'Đơn vị thực hiện',
    'Cơ quan thực hiện', 'Bộ phận thực hiện', 'Người thực hiện', 'Công chức phụ trách', 'Cán bộ phụ trách', 'Bộ phận chủ trì',
    'Đơn vị chịu trách nhiệm', 'Trách nhiệm thực hiện', 'Đơn vị phụ trách',
  ],
  support: ['Phối hợp', 'Phối hợp thực hiện', 'Đơn vị phối hợp', 'Phòng, đơn vị phối hợp', 'Cơ quan phối hợp'],
  deadline: ['Thời gian', 'Thời gian hoàn thành', 'Thời gian thực hiện', 'Thời hạn', 'Thời hạn hoàn thành', 'Tiến độ', 'Tiến độ thực hiện', 'Mốc thời gian'],
  start: ['Thời gian bắt đầu', 'Ngày bắt đầu', 'Bắt đầu', 'Từ ngày'],
  budget: ['Kinh phí', 'Kinh phí dự kiến', 'Nguồn kinh phí', 'Dự toán kinh phí', 'Nguồn vốn'],
  monitor: ['Theo dõi, kiểm tra, đôn đốc', 'Đơn vị theo dõi', 'Giám sát'],
  note: ['Ghi chú'],
};

/** The end column's wording when a start column stands before it, in a one-row header. */
export const END_WORDS = ['Thời gian hoàn thành', 'Thời gian kết thúc', 'Ngày hoàn thành', 'Kết thúc', 'Đến ngày', 'Thời hạn hoàn thành'];
/** Children under a merged "Thời gian …" parent. */
export const TIME_PARENTS = ['Thời gian', 'Thời gian thực hiện', 'Tiến độ thực hiện'];
export const START_CHILDREN = ['Bắt đầu', 'Ngày bắt đầu', 'Từ ngày'];
export const END_CHILDREN = ['Hoàn thành', 'Kết thúc', 'Ngày hoàn thành', 'Đến ngày'];
/** Parents over "Chủ trì" / "Phối hợp". */
export const UNIT_PARENTS = ['Đơn vị thực hiện', 'Trách nhiệm thực hiện', 'Phân công thực hiện', 'Cơ quan thực hiện'];
export const LEAD_CHILDREN = ['Chủ trì', 'Đơn vị chủ trì'];
export const SUPPORT_CHILDREN = ['Phối hợp', 'Đơn vị phối hợp'];

export const TITLES = [
  'PHỤ LỤC',
  'DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025',
  '(Ban hành kèm theo Kế hoạch số 07/KH-UBND ngày 08/01/2025)',
  'Kế hoạch thực hiện công tác cải cách hành chính năm 2025',
];

export const SECTION_TITLES = [
  'Cải cách thể chế',
  'Cải cách thủ tục hành chính',
  'Cải cách tổ chức bộ máy',
  'Cải cách chế độ công vụ',
  'Cải cách tài chính công',
  'Xây dựng chính quyền số',
  'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
  'Công tác chỉ đạo, điều hành',
  'Nâng cao các chỉ số đánh giá',
];
export const PART_TITLES = ['NHIỆM VỤ CHUNG', 'NHIỆM VỤ CỤ THỂ', 'TỔ CHỨC THỰC HIỆN'];

const VERBS = ['Rà soát', 'Xây dựng', 'Triển khai', 'Kiểm tra', 'Cập nhật', 'Tổng hợp', 'Tuyên truyền', 'Hướng dẫn', 'Đánh giá'];
const OBJECTS = [
  'quy chế làm việc của cơ quan năm 2025',
  'danh mục thủ tục hành chính đang áp dụng tại đơn vị',
  'quy trình tiếp nhận hồ sơ trên hệ thống một cửa điện tử',
  'kết quả thực hiện nhiệm vụ được giao hằng quý',
  'việc chấp hành kỷ luật, kỷ cương hành chính',
  'tình hình sử dụng chữ ký số trong xử lý văn bản',
  'hồ sơ công việc lưu trữ điện tử tại các phòng',
];

export function taskText(i: number): string {
  return `${VERBS[i % VERBS.length]} ${OBJECTS[Math.floor(i / VERBS.length) % OBJECTS.length]}`;
}

export const OBJECTIVES = [
  'Nâng cao chất lượng xây dựng văn bản',
  'Phấn đấu 90% hồ sơ được giải quyết trước hạn',
  'Bảo đảm bộ máy tinh gọn, hoạt động hiệu quả',
  'Nâng cao năng lực đội ngũ công chức',
];
export const ACTIVITIES = ['Soạn thảo và trình ký văn bản', 'Tổ chức lấy ý kiến các phòng', 'Cập nhật tiến độ và báo cáo lãnh đạo', 'Tập huấn cho công chức phụ trách'];
export const OUTPUTS = [
  'Kế hoạch được ban hành',
  'Báo cáo kết quả thực hiện',
  'Quyết định công bố danh mục',
  'Tỷ lệ hồ sơ trực tuyến đạt 80%',
  'Hội nghị tập huấn nghiệp vụ',
  'Văn bản hướng dẫn thực hiện',
  'Thông báo kết luận kiểm tra',
];
export const LEADS = ['Văn phòng Sở', 'Thanh tra Sở', 'Phòng Kế hoạch - Tài chính', 'Phòng Nghiệp vụ Dược', 'Trung tâm Công nghệ thông tin', 'Bộ phận Một cửa', 'Phòng Tổ chức cán bộ'];
export const SUPPORTS = ['Các phòng chuyên môn', 'Các đơn vị trực thuộc', 'Văn phòng Sở', 'Phòng Pháp chế'];
export const DEADLINES = ['Quý I/2025', 'Quý II/2025', 'Quý III/2025', 'Tháng 3/2025', 'Tháng 10/2025', 'Trước ngày 30/6/2025', 'Thường xuyên', 'Năm 2025', 'Hằng quý', 'Trong tháng 5/2025'];
/** 2025-03-31, 2025-06-30, 2025-09-30 as serials. */
export const DATE_SERIALS = [45747, 45838, 45930];
export const STARTS = ['Tháng 1/2025', 'Quý I/2025', 'Tháng 4/2025', 'Đầu năm 2025'];
export const MONITORS = ['Văn phòng Sở', 'Lãnh đạo Sở'];
export const NOTES = ['Trọng tâm của năm', 'Chuyển tiếp từ năm trước', 'Lồng ghép với kế hoạch khác'];
export const DETAILS = ['Phổ biến cho lãnh đạo các phòng', 'Hướng dẫn công chức một cửa', 'Đăng tải trên trang thông tin điện tử', 'Gửi báo cáo về Sở Nội vụ'];

export const SIGN_TITLES = ['KT. GIÁM ĐỐC', 'CHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'GIÁM ĐỐC', 'Q. CHÁNH VĂN PHÒNG'];
export const SIGN_SUBTITLES = ['PHÓ GIÁM ĐỐC', 'PHÓ CHỦ TỊCH'];
export const SIGNERS = ['Nguyễn Văn Bình', 'Trần Thị Hạnh', 'Lê Minh Quang', 'Phạm Thu Trang', 'Hoàng Đức Long'];
export const NOTE_LINES = [
  'Ghi chú: Các phòng gửi báo cáo tiến độ về Văn phòng trước ngày 15 hằng tháng.',
  'Lưu ý: Nhiệm vụ phát sinh được bổ sung theo chỉ đạo của lãnh đạo Sở.',
  '(*) Nhiệm vụ có sử dụng kinh phí từ nguồn sự nghiệp.',
];
