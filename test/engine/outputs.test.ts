import fc from 'fast-check';
import { classifyOutput, isMeasurable, DELIVERABLE_WORDS } from '../../src/engine/outputs';
import type { OutputKind } from '../../src/engine/model';

const nfd = (s: string) => s.normalize('NFD');

describe('isMeasurable: target numbers', () => {
  it.each([
    // percentages
    ['Tỷ lệ hồ sơ nộp trực tuyến đạt 45% trở lên'],
    ['100% văn bản đi được ký số trước khi phát hành'],
    ['tỷ lệ 85% số thủ tục có phát sinh hồ sơ'],
    ['Giảm 10% chi phí tuân thủ so với năm 2023'],
    ['100%'],
    ['đạt 100 % kế hoạch'],
    ['Phấn đấu 1,5% hồ sơ trễ hẹn trở xuống'],
    ['Tối thiểu 60 phần trăm cán bộ được bồi dưỡng'],
    // counts
    ['Tổ chức ít nhất 01 cuộc kiểm tra đột xuất mỗi quý'],
    ['03 sáng kiến được Hội đồng cấp tỉnh công nhận'],
    ['Đưa tối thiểu 25 thủ tục vào liên thông cùng cấp'],
    ['01 lớp bồi dưỡng kỹ năng cho công chức một cửa'],
    ['Mở 02 (hai) lớp tập huấn nghiệp vụ'],
    ['Số hóa 1.200 hồ sơ lưu trữ'],
    ['Tổng số 150 hồ sơ được rà soát'],
    ['Hàng quý 01 cuộc tự kiểm tra tại các phòng'],
    ['Kiểm tra từ 01- 02 đơn vị trực thuộc'],
    ['Ít nhất một cuộc đối thoại với doanh nghiệp'],
    ['Giải quyết trước hạn, không quá 03 ngày làm việc'],
    ['Rút ngắn 05 ngày so với thời gian quy định'],
    ['02 Kế hoạch và 01 Báo cáo'],
    ['1/2 số xã triển khai chứng thực điện tử'],
    ['Chỉ số SIPAS đạt 85,5 trở lên'],
    ['Chỉ số PAR INDEX xếp thứ 12/63 tỉnh, thành phố'],
    ['Duy trì trong top 10 đơn vị dẫn đầu'],
    ['Chỉ số CCHC nằm trong tốp 5 của tỉnh'],
    // outline numbering in front does not hide a real target
    ['1.4. Tối thiểu 75% thủ tục có phí được thanh toán trực tuyến'],
    ['2.3 Phấn đấu có ít nhất 02 mô hình mới'],
  ])('%s', (text) => {
    expect(isMeasurable(text)).toBe(true);
    expect(isMeasurable(nfd(text))).toBe(true);
  });
});

describe('isMeasurable: numbers that identify, date or name are not targets', () => {
  it.each([
    ['Triển khai Nghị định số 45/2020/NĐ-CP của Chính phủ'],
    ['Kế hoạch cải cách hành chính năm 2024'],
    ['Thực hiện Chương trình tổng thể giai đoạn 2021-2030'],
    ['Theo quy định tại Điều 12'],
    ['Sửa đổi khoản 3 Điều 7 Quy chế làm việc'],
    ['Duy trì hệ thống quản lý chất lượng ISO 9001:2015'],
    ['Theo Quyết định 468/QĐ-TTg của Thủ tướng'],
    ['Ban hành trước ngày 20/02/2024'],
    ['Căn cứ Kế hoạch số 87/KH-UBND của UBND tỉnh'],
    ['Hướng dẫn tại Thông tư 02/2023/TT-BNV'],
    ['Hệ thống hóa văn bản kỳ 2019 - 2023'],
    ['Quyết định 1085 của UBND tỉnh'],
    ['Báo cáo 6 tháng và báo cáo năm'],
    ['Báo cáo 09 tháng gửi Sở Nội vụ'],
    ['Trong vòng 15 ngày kể từ khi nhận đủ hồ sơ'],
    ['Cán bộ dưới 35 tuổi được đào tạo ngoại ngữ'],
    ['Áp dụng công cụ 5S tại bộ phận một cửa'],
    ['Ứng dụng công nghệ 4.0 trong quản lý'],
    ['Dịch vụ công trực tuyến mức độ 3, 4'],
    ['Triển khai Đề án 06 của Chính phủ'],
    ['Chỉ thị 05-CT/TW của Bộ Chính trị'],
    ['Hội nghị lần thứ 2 Ban Chỉ đạo'],
    ['Đợt 2 năm 2024'],
    ['Rà soát TTHC theo đúng lộ trình'],
    ['Kiểm tra tất cả các phòng chuyên môn'],
    ['1.2. Tăng cường kỷ luật hành chính'],
    ['2.10 Rà soát văn bản quy phạm pháp luật'],
    ['05'],
    ['Một phần hồ sơ được số hóa'],
    ['Thực hiện cơ chế một cửa, một cửa liên thông'],
    [''],
  ])('%s', (text) => {
    expect(isMeasurable(text)).toBe(false);
    expect(isMeasurable(nfd(text))).toBe(false);
  });
});

const cases: Array<[string, OutputKind]> = [
  // measurable
  ['Tỷ lệ thanh toán trực tuyến đạt 40% trở lên', 'measurable'],
  ['100% thủ tục nội bộ được công bố, công khai', 'measurable'],
  ['Tăng 5% so với năm 2023', 'measurable'],
  ['100%', 'measurable'],
  ['- Hồ sơ công việc lập trên phần mềm đạt trên 85%. - Văn bản ký số đạt 95%', 'measurable'],
  ['Tổ chức tối thiểu 02 hội nghị đối thoại', 'measurable'],
  ['Báo cáo kết quả; 100% phòng được kiểm tra', 'measurable'], // both: measurable wins
  ['01 Kế hoạch', 'measurable'],
  // deliverable: one word, several items, bullets, prefixes
  ['Kế hoạch', 'deliverable'],
  ['Báo cáo kết quả', 'deliverable'],
  ['Báo cáo kết quả thực hiện năm 2024', 'deliverable'],
  ['Quyết định của Giám đốc Sở', 'deliverable'],
  ['- Công văn - Tờ trình - Quyết định', 'deliverable'],
  ['-Kế hoạch -Thông báo', 'deliverable'],
  ['Văn bản, kế hoạch, báo cáo', 'deliverable'],
  ['Văn bản Báo cáo', 'deliverable'],
  ['Kế hoạch/Công văn', 'deliverable'],
  ['Ý kiến tham gia; Biên bản họp', 'deliverable'],
  ['Rà soát nội bộ\nBáo cáo gửi Sở Nội vụ', 'deliverable'],
  ['a) Phương án sắp xếp\nb) Tờ trình', 'deliverable'],
  ['1. Danh mục TTHC nội bộ 2. Quy trình nội bộ', 'deliverable'],
  ['(1) Quy chế phối hợp', 'deliverable'],
  ['• Chương trình hành động', 'deliverable'],
  ['+ Hướng dẫn nghiệp vụ', 'deliverable'],
  ['Các văn bản đôn đốc', 'deliverable'],
  ['Các kế hoạch, thông báo kiểm tra', 'deliverable'],
  ['Dự thảo Quy định chức năng nhiệm vụ', 'deliverable'],
  ['Dự thảo tờ trình UBND tỉnh', 'deliverable'],
  ['Phiếu khảo sát mức độ hài lòng', 'deliverable'],
  ['Tin bài, cuộc thi trực tuyến', 'deliverable'],
  ['Tin, bài tuyên truyền trên trang điện tử', 'deliverable'],
  ['Lớp tập huấn kỹ năng số', 'deliverable'],
  ['Hội nghị quán triệt', 'deliverable'],
  ['Đề án vị trí việc làm', 'deliverable'],
  ['Thực hiện công khai. Báo cáo kết quả.', 'deliverable'],
  ['Giấy tờ được số hóa; văn bản hướng dẫn', 'deliverable'],
  ['Văn bản, báo cáo <i>(lồng ghép báo cáo chuyển đổi số)</i>', 'deliverable'],
  ['<ul><li>Công văn đôn đốc</li><li>Báo cáo tháng</li></ul>', 'deliverable'],
  ['KH; BC', 'deliverable'],
  ['BÁO CÁO TỔNG HỢP', 'deliverable'],
  ['Vấn bản chỉ đạo', 'deliverable'], // tone-mark slip of "Văn bản"
  // vague
  ['Kết quả xử lý hồ sơ', 'vague'],
  ['Kết quả kiểm tra', 'vague'],
  ['Theo lộ trình đã được phê duyệt', 'vague'],
  ['Tỷ lệ số hóa theo quy định', 'vague'],
  ['TTHC được công khai, niêm yết đầy đủ', 'vague'],
  ['Kết quả chia sẻ dữ liệu báo cáo', 'vague'],
  ['Tổng hợp dữ liệu báo cáo', 'vague'],
  ['Hồ sơ, tài liệu được số hóa', 'vague'],
  ['Tỷ lệ giải ngân vốn được nâng cao', 'vague'],
  ['Ban hành kế hoạch', 'vague'],
  ['Xây dựng quy trình nội bộ', 'vague'],
  ['Cơ sở dữ liệu được kết nối, chia sẻ', 'vague'],
  ['Tin học hóa quy trình', 'vague'],
  ['Để an toàn thông tin mạng', 'vague'],
  ['Sở KH&CN', 'vague'],
  ['Báo cáo viên pháp luật', 'vague'], // a person, not a report
  ['02', 'vague'],
  ['45306', 'vague'],
  ['Ứng dụng theo Nghị định số 30/2020/NĐ-CP', 'vague'],
  // missing
  ['', 'missing'],
  ['   ', 'missing'],
  ['-', 'missing'],
  ['…', 'missing'],
  ['#REF!', 'missing'],
  ['#N/A', 'missing'],
  ['<br/>', 'missing'],
];

describe('classifyOutput', () => {
  it.each(cases)('%j → %s', (text, kind) => {
    expect(classifyOutput(text)).toBe(kind);
  });

  it.each(cases)('NFD %j → %s', (text, kind) => {
    expect(classifyOutput(nfd(text))).toBe(kind);
  });

  it('lists every word of the spec as built-in', () => {
    for (const w of ['Kế hoạch', 'Báo cáo', 'Quyết định', 'Công văn', 'Tờ trình', 'Văn bản', 'Thông báo', 'Hội nghị',
      'Biên bản', 'Quy chế', 'Đề án', 'Quy trình', 'Danh mục', 'Phương án', 'Chương trình', 'Hướng dẫn', 'Phiếu',
      'Tin bài', 'Cuộc thi', 'Lớp tập huấn', 'Dự thảo']) {
      expect(DELIVERABLE_WORDS).toContain(w);
      expect(classifyOutput(`${w} về công tác cải cách hành chính`)).toBe('deliverable');
      expect(classifyOutput(`- ${w.toUpperCase()}`)).toBe('deliverable');
      expect(classifyOutput(`Tổng hợp ${w.toLowerCase()}`)).toBe('vague');
    }
  });

  it('user words extend the list, with the same tolerance', () => {
    expect(classifyOutput('Giấy chứng nhận ISO')).toBe('vague');
    expect(classifyOutput('Giấy chứng nhận ISO', ['Giấy chứng nhận'])).toBe('deliverable');
    expect(classifyOutput('- giay chung nhan', ['Giấy chứng nhận'])).toBe('deliverable');
    expect(classifyOutput(nfd('Các Bộ tài liệu hỏi đáp'), ['bộ tài liệu'])).toBe('deliverable');
    expect(classifyOutput('Kết quả; Sổ theo dõi', [' Sổ theo dõi '])).toBe('deliverable');
    // still only at the start of an item
    expect(classifyOutput('Cập nhật sổ theo dõi', ['Sổ theo dõi'])).toBe('vague');
    // word boundary: "Sổ" does not match "Sở"… nor "Sổ tayx"
    expect(classifyOutput('Sổ tayx', ['Sổ tay x'])).toBe('vague');
    // empty or odd entries are ignored, regex characters are literal
    expect(classifyOutput('Kết quả xử lý', ['', '   '])).toBe('vague');
    expect(classifyOutput('Kết quả (a+b)', ['(a+b)'])).toBe('vague');
    expect(classifyOutput('(a+b) hồ sơ', ['(a+b)'])).toBe('deliverable');
    // switching lists between calls does not leak
    expect(classifyOutput('Giấy chứng nhận', ['Giấy chứng nhận'])).toBe('deliverable');
    expect(classifyOutput('Giấy chứng nhận', [])).toBe('vague');
  });

  it('never throws and always returns one of the four kinds', () => {
    const kinds = new Set(['measurable', 'deliverable', 'vague', 'missing']);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.string(), { maxLength: 3 }), (s, extra) => {
        expect(kinds.has(classifyOutput(s, extra))).toBe(true);
        expect(typeof isMeasurable(s)).toBe('boolean');
      }),
      { numRuns: 1500 },
    );
  });

  it('tolerates values that are not strings at run time', () => {
    expect(classifyOutput(null as unknown as string)).toBe('missing');
    expect(classifyOutput(12 as unknown as string)).toBe('vague');
    expect(classifyOutput('Kế hoạch', null as unknown as string[])).toBe('deliverable');
    expect(isMeasurable(undefined as unknown as string)).toBe(false);
  });

  // How fast this is belongs to `npm run bench` (section "hostile"); here only the verdicts.
  it('classifies very long cells', () => {
    const long = 'Rà soát, cập nhật 12/2024 hồ sơ; dữ liệu báo cáo - năm 2024, '.repeat(600); // ~38,000 chars
    expect(classifyOutput(long)).toBe('vague');
    expect(classifyOutput(`${long} - Báo cáo`)).toBe('deliverable');
    expect(classifyOutput(`${'<'.repeat(20000)}a`)).toBe('vague');
  });
});
