/**
 * A 2024 appendix written for the report tests, in the style of a department's plan, with the
 * tracking columns already filled in (status and done-date). Every task's expected class in
 * every period is worked out by hand in test/report/report-plan.test.ts from the notes below.
 *
 *  row  task  section  deadline cell                       → due           status          done
 *   9   T1    I        Trước ngày 31/01/2024               → 2024-01-31    Hoàn thành      25/01/2024 (text)
 *  10   T2    I        Tháng 02/2024                       → 2024-02-29    Hoàn thành      05/03/2024 (date)
 *  11   T3    I        Quý I/2024                          → 2024-03-31    Đang thực hiện
 *  13   T4    II       Thường xuyên                        → 2024-12-31    Đang thực hiện
 *  14   T5    II       Trước ngày 29/02/2024               → 2024-02-29    (blank)
 *  15   T6    II       Quý II/2024                         → 2024-06-30    Chờ hướng dẫn (unknown → not started)
 *  16   T7    II       Sau khi có kết quả công bố          → event         (blank)
 *  18   T8    III      Ban hành KH trong tháng 01/2024 và tổ chức thực hiện → milestones, 2024-12-31   Đang thực hiện
 *  19   T9    III      Theo quy định                       → reference     Hoàn thành      10/05/2024 (date)
 *  20   T10   III      Quý III/2024                        → 2024-09-30    (blank), no lead
 *  22   T11   IV       Tháng 6/2024                        → 2024-06-30    Hoàn thành      28/06/2024 (date)
 *  23   T12   IV       Tháng 12/2024                       → 2024-12-31    (blank)
 *  24   T13   IV       Quý V/2024 (impossible)             → unparsed      Đang thực hiện
 *  26   T14   V        Quý I-III/2024                      → 2024-09-30    Đang thực hiện
 *  27   T15   V        15/01/2024 as an Excel date         → 2024-01-15    Hoàn thành      (none)
 *
 * Lead cells: "Văn phòng Sở" written also "văn phòng sở" (T3) and "Văn phòng" (T4, merged only
 * by the alias list); T5 names two units with ";", T11 two units on two lines; T10 has none.
 */
import { isoToSerial } from '../../src/engine/dates';
import type { PlanSheet } from '../../src/testing/plans';

const d = (iso: string) => isoToSerial(iso);

export const APPENDIX_SHEET = 'Phụ lục';

export const PLAN_2024: PlanSheet = {
  name: APPENDIX_SHEET,
  rows: [
    /* 1 */ ['SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN'],
    /* 2 */ ['PHỤ LỤC'],
    /* 3 */ ['NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
    /* 4 */ ['(Kèm theo Kế hoạch số 12/KH-SNN ngày 08/01/2024 của Sở Nông nghiệp và Phát triển nông thôn)'],
    /* 5 */ [],
    /* 6 */ ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Phối hợp', 'Thời gian hoàn thành', 'Tình trạng', 'Ngày hoàn thành'],
    /* 7 */ ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'],
    /* 8 */ ['I', 'CẢI CÁCH THỂ CHẾ'],
    /* 9 */ ['1', 'Xây dựng kế hoạch rà soát, kiểm tra văn bản quy phạm pháp luật năm 2024', 'Kế hoạch', 'Thanh tra Sở', 'Các phòng, đơn vị', 'Trước ngày 31/01/2024', 'Hoàn thành', '25/01/2024'],
    /* 10 */ ['2', 'Rà soát các văn bản do Sở tham mưu ban hành còn hiệu lực', 'Báo cáo kết quả rà soát', 'Văn phòng Sở', 'Thanh tra Sở', 'Tháng 02/2024', 'Hoàn thành', d('2024-03-05')],
    /* 11 */ ['3', 'Tham mưu sửa đổi Quy chế làm việc của cơ quan', 'Quyết định ban hành Quy chế', 'văn phòng  sở', 'Các phòng', 'Quý I/2024', 'Đang thực hiện', null],
    /* 12 */ ['II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'],
    /* 13 */ ['4', 'Cập nhật, công khai thủ tục hành chính trên Cổng dịch vụ công của tỉnh', '100% thủ tục hành chính được công khai đúng hạn', 'Văn phòng', 'Chi cục Thủy lợi', 'Thường xuyên', 'Đang thực hiện', null],
    /* 14 */ ['5', 'Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực thủy lợi', 'Phương án đơn giản hóa', 'Chi cục Thủy lợi; Văn phòng Sở', 'Phòng Pháp chế', 'Trước ngày 29/02/2024', null, null],
    /* 15 */ ['6', 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', 'Tỷ lệ hồ sơ được số hóa đạt 50%', 'Trung tâm Khuyến nông', 'Văn phòng Sở', 'Quý II/2024', 'Chờ hướng dẫn', null],
    /* 16 */ ['7', 'Khắc phục tồn tại, hạn chế sau khi công bố chỉ số SIPAS năm 2023', 'Kế hoạch khắc phục', 'Văn phòng Sở', 'Các phòng, đơn vị', 'Sau khi có kết quả công bố', null, null],
    /* 17 */ ['III', 'CẢI CÁCH TỔ CHỨC BỘ MÁY'],
    /* 18 */ ['8', 'Rà soát chức năng, nhiệm vụ của các phòng, đơn vị thuộc Sở', 'Kế hoạch rà soát', 'Phòng Tổ chức cán bộ', 'Các phòng, đơn vị', 'Ban hành KH trong tháng 01/2024 và tổ chức thực hiện', 'Đang thực hiện', null],
    /* 19 */ ['9', 'Kiện toàn tổ chức các đơn vị sự nghiệp trực thuộc', 'Quyết định kiện toàn', 'Phòng Tổ chức cán bộ', 'Các đơn vị sự nghiệp', 'Theo quy định', 'Hoàn thành', d('2024-05-10')],
    /* 20 */ ['10', 'Tự kiểm tra công tác cải cách hành chính tại các đơn vị', 'Báo cáo kết quả kiểm tra', null, 'Thanh tra Sở', 'Quý III/2024', null, null],
    /* 21 */ ['IV', 'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ'],
    /* 22 */ ['11', 'Tổ chức lớp bồi dưỡng kỹ năng giải quyết thủ tục cho công chức', 'Lớp tập huấn', 'Phòng Tổ chức cán bộ\nVăn phòng Sở', 'Các phòng, đơn vị', 'Tháng 6/2024', 'Hoàn thành', d('2024-06-28')],
    /* 23 */ ['12', 'Đánh giá, xếp loại công chức, viên chức năm 2024', 'Báo cáo', 'Văn phòng Sở', 'Các phòng, đơn vị', 'Tháng 12/2024', null, null],
    /* 24 */ ['13', 'Xây dựng đề án vị trí việc làm', 'Đề án', 'Phòng Tổ chức cán bộ', 'Các phòng, đơn vị', 'Quý V/2024', 'Đang thực hiện', null],
    /* 25 */ ['V', 'CẢI CÁCH TÀI CHÍNH CÔNG'],
    /* 26 */ ['14', 'Thực hiện cơ chế tự chủ tài chính tại các đơn vị sự nghiệp', 'Phương án tự chủ tài chính', 'Phòng Kế hoạch - Tài chính', 'Các đơn vị sự nghiệp', 'Quý I-III/2024', 'Đang thực hiện', null],
    /* 27 */ ['15', 'Công khai dự toán ngân sách năm 2024', 'Báo cáo công khai dự toán', 'Phòng Kế hoạch - Tài chính', 'Văn phòng Sở', d('2024-01-15'), 'Hoàn thành', null],
  ],
  dates: ['H10', 'H19', 'H22', 'F27'],
  xlsx: { columnWidths: { A: 6, B: 50, C: 30, D: 24, E: 22, F: 24, G: 16, H: 16 } },
};

export const ALIASES = [{ alias: 'Văn phòng', unit: 'Văn phòng Sở' }];
