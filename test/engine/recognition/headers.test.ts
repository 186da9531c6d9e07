/**
 * Header words: every synonym docs/recognition.md lists names its role; a header cut over two
 * unmerged rows by a PDF converter is found as one header, and its repeats as header rows.
 */
import { roleOfHeader } from '../../../src/engine/table/header-roles';
import type { ColumnRole } from '../../../src/engine/model';
import { END_WORDS, HEADER_WORDS } from './layout-words';
import { analyse, kinds, letters } from './helpers';

describe('synonyms', () => {
  it.each(Object.entries(HEADER_WORDS).flatMap(([role, words]) => words!.map((w) => [w, role])))('"%s" names the %s', (word, role) => {
    expect(roleOfHeader(word)).toBe(role as ColumnRole);
  });

  it.each(END_WORDS.filter((w) => w !== 'Ngày hoàn thành'))('"%s" names the deadline', (word) => {
    expect(roleOfHeader(word)).toBe('deadline');
  });

  it('who leads, named without "chủ trì", is the lead in a real header', () => {
    for (const lead of ['Bộ phận thực hiện', 'Người thực hiện', 'Công chức phụ trách', 'Cán bộ phụ trách', 'Bộ phận chủ trì']) {
      const a = analyse([
        ['STT', 'Nội dung', 'Kết quả', lead, 'Tiến độ'],
        ['1', 'Cập nhật quy trình nội bộ', 'Quy trình', 'Tổ một cửa', 'Quý II/2025'],
      ]);
      expect(letters(a).lead).toBe('D');
    }
  });

  it('words that are not headers stay unnamed', () => {
    for (const word of ['Đầu mối', 'Hoàn thành', 'Tổ chức thực hiện', 'Văn phòng Sở']) expect(roleOfHeader(word)).toBeNull();
    expect(roleOfHeader('Lãnh đạo phụ trách')).toBe('monitor');
  });
});

describe('a header a converter cut over two lines', () => {
  const rows = [
    ['PHỤ LỤC'],
    ['STT', 'Nhiệm vụ', 'Kết quả/', 'Đơn vị', 'Đơn vị', 'Thời gian', 'Kinh phí'],
    ['', '', 'sản phẩm', 'chủ trì', 'phối hợp', 'hoàn thành', 'dự kiến'],
    ['I', 'Cải cách thể chế'],
    ['1', 'Rà soát văn bản của đơn vị', 'Báo cáo', 'Phòng Pháp chế', 'Các phòng', 'Quý II/2025', ''],
    ['STT', 'Nhiệm vụ', 'Kết quả/', 'Đơn vị', 'Đơn vị', 'Thời gian', 'Kinh phí'],
    ['', '', 'sản phẩm', 'chủ trì', 'phối hợp', 'hoàn thành', 'dự kiến'],
    ['2', 'Kiểm tra việc thi hành', 'Biên bản', 'Thanh tra', '', 'Quý III/2025', ''],
  ];

  it('finds both lines as one header and names every column', () => {
    const a = analyse(rows);
    expect(a.table.headerRows).toEqual([1, 2]);
    expect(letters(a)).toEqual({ stt: 'A', task: 'B', output: 'C', lead: 'D', support: 'E', deadline: 'F', budget: 'G' });
    expect(a.table.headers[3]).toBe('Đơn vị chủ trì');
  });

  it('a repeat of the cut header is two header rows', () => {
    const a = analyse(rows);
    expect(kinds(a)[6]).toBe('header');
    expect(kinds(a)[7]).toBe('header');
    expect(a.tasks.map((t) => t.row + 1)).toEqual([5, 8]);
  });

  it('the second line of a repeat may hold a single cut word', () => {
    const a = analyse([
      ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Đơn vị', 'Thời hạn'],
      ['', '', '', 'chủ trì', ''],
      ['1', 'Lập danh mục hồ sơ', 'Danh mục', 'Văn phòng', 'Tháng 4/2025'],
      ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Đơn vị', 'Thời hạn'],
      ['', '', '', 'chủ trì', ''],
      ['2', 'Chỉnh lý tài liệu', 'Tài liệu được chỉnh lý', 'Văn phòng', 'Tháng 8/2025'],
    ]);
    expect(letters(a).lead).toBe('D');
    expect(kinds(a)).toEqual({ 3: 'task', 4: 'header', 5: 'header', 6: 'task' });
  });

  it('a first task row is never taken for the header\'s second line', () => {
    const a = analyse([
      ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Thời hạn'],
      ['1', 'kiểm tra nội bộ', 'báo cáo', 'văn phòng', 'quý II/2025'],
    ]);
    expect(a.table.headerRows).toEqual([0]);
    expect(a.tasks).toHaveLength(1);
  });
});
