/**
 * What a plan's title rows say about its issuer, for the report's document header: the agency
 * block (governing over issuing agency), the place of the place-and-date line, and the symbol of
 * the plan's own number.
 */
import { titleBlockFromTitles } from '../../src/engine/plan-info';

test('two agency lines beside the national title: governing and issuing agency; the symbol from the cited plan', () => {
  expect(
    titleBlockFromTitles([
      ['UBND TỈNH BÌNH AN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['SỞ CÔNG THƯƠNG', 'Độc lập - Tự do - Hạnh phúc'],
      ['PHỤ LỤC'],
      ['(Kèm theo Kế hoạch số 12/KH-SCT ngày 08/01/2024 của Sở Công Thương tỉnh Bình An)'],
    ]),
  ).toEqual({ governingAgency: 'UBND TỈNH BÌNH AN', agency: 'SỞ CÔNG THƯƠNG', place: null, docSymbol: 'SCT' });
});

test('one agency line above the heading: the issuing agency alone', () => {
  expect(titleBlockFromTitles([['SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG'], ['PHỤ LỤC'], ['NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025']])).toEqual({
    governingAgency: null,
    agency: 'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
    place: null,
    docSymbol: null,
  });
});

test('a document header on its own rows: the place before ", ngày", not the symbol written before it', () => {
  expect(
    titleBlockFromTitles([
      ['ỦY BAN NHÂN DÂN TỈNH HÒA LẠC'],
      ['SỞ TƯ PHÁP'],
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['Độc lập - Tự do - Hạnh phúc'],
      ['Số:       /KH-STP Hòa Lạc, ngày     tháng 01 năm 2025'],
      ['KẾ HOẠCH'],
      ['Cải cách hành chính năm 2025'],
    ]),
  ).toEqual({ governingAgency: 'ỦY BAN NHÂN DÂN TỈNH HÒA LẠC', agency: 'SỞ TƯ PHÁP', place: 'Hòa Lạc', docSymbol: 'STP' });
});

test('a place written in lower case after its first word, and a number line without a colon', () => {
  const block = titleBlockFromTitles([['UBND HUYỆN ĐÔNG SƠN'], ['PHÒNG NỘI VỤ'], ['Số 215 /KH-PNV'], ['Đông sơn, ngày 20 tháng 12 năm 2024'], ['KẾ HOẠCH']]);
  expect(block).toEqual({ governingAgency: 'UBND HUYỆN ĐÔNG SƠN', agency: 'PHÒNG NỘI VỤ', place: 'Đông sơn', docSymbol: 'PNV' });
});

test('no agency words, no number, no date: nothing is made up', () => {
  expect(titleBlockFromTitles([['DANH MỤC NHIỆM VỤ'], ['Năm 2025']])).toEqual({ governingAgency: null, agency: null, place: null, docSymbol: null });
});
