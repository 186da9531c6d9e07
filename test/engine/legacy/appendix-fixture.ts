/**
 * A district appendix written for these tests, in Unicode, and its twins as a workbook of the
 * 2000s would hold them: every text cell in TCVN3 (titles in capitals, as typed in ".VnTimeH")
 * or in VNI.
 */
import type { CellValue } from '../../../src/engine/model';
import { encodeTcvn3, encodeVni } from '../../../src/engine/legacy';
import type { PlanSheet } from '../../../src/testing/plans';

export const unicodeAppendix: PlanSheet = {
  name: 'Phụ lục',
  rows: [
    ['UỶ BAN NHÂN DÂN HUYỆN SÔNG MÂY', null, null, null, null, null],
    ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025', null, null, null, null, null],
    [null, null, null, null, null, null],
    ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Sản phẩm'],
    ['I', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', null, null, null, null],
    [1, 'Rà soát quy trình giải quyết hồ sơ đất đai', 'Phòng Tài nguyên và Môi trường', 'Văn phòng HĐND và UBND', 'Quý II/2025', 'Báo cáo rà soát'],
    [2, 'Niêm yết công khai thủ tục tại bộ phận một cửa', 'Văn phòng HĐND và UBND', 'UBND các xã, thị trấn', 'Tháng 6/2025', 'Bảng niêm yết'],
    [3, 'Số hóa hồ sơ đã giải quyết', 'Phòng Nội vụ', 'Các phòng chuyên môn', 'Trước ngày 15/12/2025', 'Tỷ lệ số hóa đạt 80%'],
    ['II', 'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ', null, null, null, null],
    [1, 'Đánh giá, xếp loại công chức cấp xã', 'Phòng Nội vụ', 'UBND các xã, thị trấn', 'Tháng 12/2025', 'Kết quả đánh giá'],
    [2, 'Kiểm tra việc chấp hành giờ làm việc', 'Phòng Nội vụ', 'Thanh tra huyện', 'Hàng quý', 'Thông báo kết quả kiểm tra'],
    [3, 'Bồi dưỡng kỹ năng giao tiếp cho công chức một cửa', 'Phòng Nội vụ', null, 'Quý III/2025', 'Lớp bồi dưỡng'],
  ],
};

function encodeRows(rows: CellValue[][], encode: (s: string) => string): CellValue[][] {
  return rows.map((line) => line.map((v) => (typeof v === 'string' ? encode(v) : v)));
}

export const tcvn3Appendix: PlanSheet = { ...unicodeAppendix, name: 'PL', rows: encodeRows(unicodeAppendix.rows, encodeTcvn3) };
export const vniAppendix: PlanSheet = { ...unicodeAppendix, name: 'PL', rows: encodeRows(unicodeAppendix.rows, encodeVni) };

/** Cells (0-based) whose text the encoding changes. */
export function changedCells(sheet: PlanSheet): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  sheet.rows.forEach((line, row) => line.forEach((v, col) => {
    if (typeof v === 'string' && v !== unicodeAppendix.rows[row][col]) out.push({ row, col });
  }));
  return out;
}
