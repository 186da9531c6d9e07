/** yearsInText: the plan-like years a deadline or title text names (the lead infers the plan year). */
import { yearsInText } from '../../../src/engine/deadlines';

describe('yearsInText', () => {
  it.each<[string, number[]]>([
    ['Quý I/2024', [2024]],
    ['Năm 2024', [2024]],
    ['Trước ngày 15/01/2024', [2024]],
    ['Tháng 12/2023', [2023]],
    ['Năm 2024 - 2025', [2024, 2025]],
    ['Hàng quý, 6 tháng, năm 2024', [2024]],
    ['Báo cáo 06 tháng và báo cáo năm 2024', [2024]],
    ['Theo KH Thanh tra năm 2024 của UBND tỉnh', [2024]],
    ['NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024', [2024]],
    ['Kế hoạch cải cách hành chính năm 2025', [2025]],
    ['Quý IV/2023 và Quý I/2024', [2023, 2024]],
    ['Quý I/2024, Quý II/2024', [2024]],
    ['Ban hành KH trước ngày 15/01/2024 theo KH số 255/KH-UBND ngày 27/12/2023 của UBND tỉnh', [2024]],
    ['Trước ngày 20/01/2024 theo Công văn số 1969/STP-XD ngày 16/10/2023 của Sở Tư pháp', [2024]],
    ['Nghị định số 42/2022/NĐ-CP', []],
    ['Quyết định 766/QĐ-TTg ngày 23/6/2022', []],
    ['Thông tư số 01/2023/TT-BNV', []],
    ['(Kèm theo Kế hoạch số 45/KH-SGTVT ngày 15/01/2024 của Sở Giao thông vận tải)', []],
    ['(Ban hành kèm theo Kế hoạch số      /KH-SXD ngày     /12/2023 của Sở Xây dựng)', []],
    ['(Kèm theo Kế hoạch số 45/KH-SGTVT ngày 15/01/2024 về cải cách hành chính năm 2024)', [2024]],
    ['Nam Định, ngày      tháng 12 năm 2023', []],
    ['Chương trình tổng thể giai đoạn 2021-2030', []],
    ['Kế hoạch CCHC giai đoạn 2021-2025, định hướng đến năm 2030', []],
    ['ISO 9001:2015', []],
    ['Thường xuyên', []],
    ['Quý I', []],
    ['Năm 1850', []],
    ['Năm 2150', []],
    ['', []],
  ])('%j → %j', (text, years) => {
    expect(yearsInText(text)).toEqual(years);
  });

  it('never throws', () => {
    expect(yearsInText(undefined as unknown as string)).toEqual([]);
    expect(yearsInText('/'.repeat(10_000) + '2024')).toEqual([2024]);
  });
});
