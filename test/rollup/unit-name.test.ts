/** Which unit a plan's title rows name, and when two names are one unit. */
import { normalizeUnitName, unitFromTitles, unitNameKey } from '../../src/report/rollup';
import { areaOf } from '../../src/report/rollup';

describe('unitFromTitles', () => {
  test.each<[string, (string | null)[][], string | null]>([
    ['a department under its committee: the department', [['UBND TỈNH BÌNH AN', null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], ['SỞ NỘI VỤ', null, 'Độc lập - Tự do - Hạnh phúc']], 'SỞ NỘI VỤ'],
    ['both in one cell on two lines', [['ỦY BAN NHÂN DÂN TỈNH BÌNH AN\nSỞ TÀI CHÍNH']], 'SỞ TÀI CHÍNH'],
    ['a committee alone, split over two lines of a cell', [['UỶ BAN NHÂN DÂN\nHUYỆN ĐỒNG XUÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']], 'ỦY BAN NHÂN DÂN HUYỆN ĐỒNG XUÂN'],
    ['a committee over two rows', [['ỦY BAN NHÂN DÂN'], ['XÃ PHÚ HÒA'], ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024']], 'ỦY BAN NHÂN DÂN XÃ PHÚ HÒA'],
    ['the plan’s own title and its "kèm theo" line are not units', [['PHỤ LỤC'], ['(Ban hành kèm theo Kế hoạch số 5/KH-UBND của UBND xã)'], ['NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024']], null],
    ['NFD text is read as NFC', [['SỞ NỘI VỤ'.normalize('NFD')]], 'SỞ NỘI VỤ'],
  ])('%s', (_name, rows, unit) => {
    expect(unitFromTitles(rows)).toBe(unit);
  });
});

describe('unit names', () => {
  test('old and new tone placement, case, spacing, NFD and UBND name the same unit', () => {
    const spellings = ['UỶ BAN NHÂN DÂN XÃ HOÀ BÌNH', 'Ủy ban nhân dân xã Hòa Bình', 'UBND  xã Hòa Bình', 'ỦY BAN NHÂN DÂN XÃ HÒA BÌNH'.normalize('NFD')];
    expect(new Set(spellings.map(unitNameKey)).size).toBe(1);
    expect(normalizeUnitName('UỶ BAN NHÂN DÂN XÃ HOÀ BÌNH')).toBe('ỦY BAN NHÂN DÂN XÃ HÒA BÌNH');
  });

  test('a tone mark still tells two communes apart', () => {
    expect(unitNameKey('UBND xã Hòa Bình')).not.toBe(unitNameKey('UBND xã Hoa Bình'));
  });
});

describe('reform areas across units', () => {
  test('differently worded sections fall in one area; an unknown one keeps its title', () => {
    const key = (title: string) => areaOf('I', title, 'vi', '').key;
    expect(key('CẢI CÁCH THỂ CHẾ')).toBe(key('2. Cải cách thể chế hành chính'));
    expect(key('Cải cách thủ tục hành chính')).toBe(key('CÔNG TÁC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH'));
    expect(areaOf('IX', 'Xây dựng nông thôn mới', 'vi', '')).toMatchObject({ key: 't:xay dung nong thon moi', name: 'Xây dựng nông thôn mới' });
    expect(areaOf(null, '', 'vi', '(none)')).toMatchObject({ key: 'none', name: '(none)' });
  });
});
