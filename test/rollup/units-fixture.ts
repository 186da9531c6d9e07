/**
 * The units' plans a district office receives for its quarter-I 2024 roll-up, written for these
 * tests in several layouts, with each task's class on 14/03/2024 (the Q1 cut-off) worked out
 * by hand beside it. PLAN_2024 (test/report/plan-fixture.ts, a department's plan) is the fourth
 * unit; its counts are worked out there.
 */
import type { CellValue } from '../../src/engine/model';
import { encodeTcvn3 } from '../../src/engine/legacy';
import type { PlanSheet } from '../../src/testing/plans';
import { isoToSerial } from '../../src/engine/dates';

export interface Counts {
  total: number;
  doneOnTime: number;
  doneLate: number;
  done: number;
  inProgress: number;
  overdue: number;
  notDue: number;
  notFixed: number;
}

export function counts(c: Omit<Counts, 'total' | 'done'>): Counts {
  const done = c.doneOnTime + c.doneLate;
  return { ...c, done, total: done + c.inProgress + c.overdue + c.notDue + c.notFixed };
}

/**
 * A commune's plan: the title block in two columns, the committee in one cell on two lines with
 * the old tone placement ("UỶ"), the national title on the right; sections numbered "1.", "2.";
 * a status column and no done-date column.
 *
 *  task                                   deadline                     status           class on 14/03
 *  Niêm yết thủ tục…                      Tháng 01/2024                Đã hoàn thành    doneOnTime (no done date)
 *  Rà soát quy trình một cửa…             Trước ngày 28/02/2024        Đang thực hiện   overdue (15 days)
 *  Cập nhật hồ sơ lên phần mềm…           Quý II/2024                  Đang thực hiện   inProgress
 *  Tập huấn cho công chức…                Năm 2024                     (blank)          notDue
 *  Triển khai mô hình mới…                Khi có văn bản của huyện     (blank)          notFixed
 *  Khảo sát sự hài lòng…                  Tháng 3/2024                 (blank)          notDue (due 31/03)
 */
export const COMMUNE: PlanSheet = {
  name: 'Phụ lục',
  rows: [
    ['UỶ BAN NHÂN DÂN\nXÃ AN BÌNH', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'],
    [],
    ['DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
    [],
    ['TT', 'Nội dung công việc', 'Thời gian thực hiện', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Kết quả, sản phẩm', 'Tình trạng'],
    ['1.', 'Cải cách thủ tục hành chính'],
    ['1.1', 'Niêm yết đầy đủ thủ tục hành chính tại bộ phận một cửa của xã', 'Tháng 01/2024', 'Công chức Văn phòng - Thống kê', 'Công chức Tư pháp - Hộ tịch', 'Bảng niêm yết', 'Đã hoàn thành'],
    ['1.2', 'Rà soát quy trình tiếp nhận, trả kết quả tại bộ phận một cửa', 'Trước ngày 28/02/2024', 'Công chức Văn phòng - Thống kê', null, 'Báo cáo rà soát', 'Đang thực hiện'],
    ['1.3', 'Cập nhật hồ sơ lên phần mềm một cửa điện tử', 'Quý II/2024', 'Công chức Tư pháp - Hộ tịch', null, '100% hồ sơ được cập nhật', 'Đang thực hiện'],
    ['2.', 'Cải cách chế độ công vụ'],
    ['2.1', 'Tập huấn kỹ năng giao tiếp cho công chức xã', 'Năm 2024', 'Công chức Văn hóa - Xã hội', null, 'Lớp tập huấn', null],
    ['2.2', 'Triển khai mô hình tiếp dân mới', 'Khi có văn bản của huyện', 'Chủ tịch UBND xã', null, 'Kế hoạch triển khai', null],
    ['2.3', 'Khảo sát sự hài lòng của người dân', 'Tháng 3/2024', 'Công chức Văn hóa - Xã hội', null, 'Phiếu khảo sát', null],
  ],
};
export const COMMUNE_COUNTS = counts({ doneOnTime: 1, doneLate: 0, inProgress: 1, overdue: 1, notDue: 2, notFixed: 1 });

/**
 * Another file of the same commune (its supplementary plan), the committee written on one line
 * with the new tone placement; a done-date column.
 *
 *  task                               deadline         status        done         class on 14/03
 *  Số hóa sổ hộ tịch…                 Quý I/2024       Hoàn thành    20/03/2024   inProgress (done after D)
 *  Báo cáo công tác CCHC quý…         Tháng 2/2024     (blank)                    overdue (14 days)
 *  Kiện toàn tổ một cửa…              Tháng 01/2024    Hoàn thành    05/02/2024   doneLate
 */
export const COMMUNE_EXTRA: PlanSheet = {
  name: 'KH bổ sung',
  rows: [
    ['ỦY BAN NHÂN DÂN XÃ AN BÌNH'],
    ['KẾ HOẠCH BỔ SUNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
    [],
    ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Sản phẩm', 'Tình trạng', 'Ngày hoàn thành'],
    ['I', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'],
    ['1', 'Số hóa sổ hộ tịch lưu trữ tại xã', 'Công chức Tư pháp - Hộ tịch', 'Quý I/2024', 'Dữ liệu số hóa', 'Hoàn thành', isoToSerial('2024-03-20')],
    ['2', 'Báo cáo công tác cải cách hành chính quý I', 'Công chức Văn phòng - Thống kê', 'Tháng 2/2024', 'Báo cáo', null, null],
    ['II', 'CẢI CÁCH TỔ CHỨC BỘ MÁY'],
    ['3', 'Kiện toàn tổ một cửa của xã', 'Chủ tịch UBND xã', 'Tháng 01/2024', 'Quyết định kiện toàn', 'Hoàn thành', isoToSerial('2024-02-05')],
  ],
  dates: ['G6', 'G9'],
};
export const COMMUNE_EXTRA_COUNTS = counts({ doneOnTime: 0, doneLate: 1, inProgress: 1, overdue: 1, notDue: 0, notFixed: 0 });

/**
 * A district's plan as a workbook of the 2000s holds it: every text in TCVN3 in a ".VnTime"
 * font. No status column.
 *
 *  task                                   deadline                      class on 14/03
 *  Rà soát thủ tục đất đai…               Quý I/2024                    notDue (due 31/03)
 *  Ban hành kế hoạch kiểm tra…            Tháng 01/2024                 overdue (43 days)
 *  Theo dõi thi hành pháp luật…           Thường xuyên                  notDue (due 31/12)
 *  Triển khai đề án của tỉnh…             Theo chỉ đạo của UBND tỉnh    notFixed
 */
const LEGACY_UNICODE: CellValue[][] = [
  ['UBND HUYỆN SÔNG MÂY'],
  ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
  [],
  ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Sản phẩm'],
  ['I', 'CẢI CÁCH THỂ CHẾ'],
  [1, 'Rà soát thủ tục trong lĩnh vực đất đai', 'Phòng Tài nguyên và Môi trường', 'Văn phòng HĐND và UBND', 'Quý I/2024', 'Báo cáo rà soát'],
  [2, 'Ban hành kế hoạch kiểm tra công tác cải cách', 'Phòng Nội vụ', null, 'Tháng 01/2024', 'Kế hoạch kiểm tra'],
  ['II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'],
  [3, 'Theo dõi thi hành pháp luật trên địa bàn', 'Phòng Tư pháp', 'Các phòng chuyên môn', 'Thường xuyên', 'Báo cáo định kỳ'],
  [4, 'Triển khai đề án của tỉnh về một cửa liên thông', 'Văn phòng HĐND và UBND', null, 'Theo chỉ đạo của UBND tỉnh', 'Kết quả triển khai'],
];
export const LEGACY_DISTRICT: PlanSheet = {
  name: 'PL',
  rows: LEGACY_UNICODE.map((line) => line.map((v) => (typeof v === 'string' ? encodeTcvn3(v) : v))),
  xlsx: { styles: [{ address: 'A1:F10', style: { font: { name: '.VnTime', size: 12 } } }] },
};
export const LEGACY_COUNTS = counts({ doneOnTime: 0, doneLate: 0, inProgress: 0, overdue: 1, notDue: 2, notFixed: 1 });
export const LEGACY_UNIT = 'UBND HUYỆN SÔNG MÂY';
