/**
 * Invisible characters (soft hyphen, ZWNJ, ZWJ, word joiner, Mongolian vowel separator, Hangul
 * filler, BOM) are removed with the other white space before any comparison; a header written
 * one letter per line is its word; two tables side by side are named, not "no table".
 */
import { analyzeSheet } from '../../../src/engine/analyze';
import type { CellValue } from '../../../src/engine/model';
import { cellText, fold } from '../../../src/engine/text';
import { roleOfHeader } from '../../../src/engine/table/header-roles';
import { engineWording } from '../../../src/i18n/engine';
import { splitLeadUnits, unitKey } from '../../../src/report/units';
import { toGrid } from '../../../src/testing/plans';
import { analyse, letters, task } from './helpers';

const HEADER = ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Thời gian hoàn thành'];
const BODY: CellValue[][] = [
  ['1', 'Rà soát, đơn giản hoá thủ tục cấp phép', 'Báo cáo rà soát', 'Văn phòng Sở', 'Quý II/2025'],
  ['2', 'Cập nhật dữ liệu lên cổng dịch vụ công', 'Dữ liệu được cập nhật', 'Phòng Tư pháp', 'Tháng 6/2025'],
];
const INVISIBLES = ['\u00ad', '\u200c', '\u200d', '\u2060', '\u180e', '\u3164', '\ufeff'];

function attempt(rows: CellValue[][]) {
  return analyzeSheet(toGrid({ name: 'Phụ lục', rows, merges: [] }), { asOf: '2025-07-01', wording: engineWording('en') });
}

describe('invisible characters', () => {
  test.each(INVISIBLES.map((ch) => [ch.codePointAt(0)!.toString(16), ch]))('U+%s inside a header word does not hide the table', (_hex, ch) => {
    const header = ['STT', `Nhi${ch}ệm vụ`, 'Sản phẩm', `Chủ tr${ch}ì`, `Thời gi${ch}an hoàn thành`];
    expect(letters(analyse([header, ...BODY]))).toEqual({ stt: 'A', task: 'B', output: 'C', lead: 'D', deadline: 'E' });
  });

  test('a lead cell holding only invisible characters is no lead', () => {
    const rows = [HEADER, ...INVISIBLES.map((ch, i) => [String(i + 1), `Nhiệm vụ số ${i + 1} của kế hoạch`, 'Báo cáo', `${ch}${ch}`, 'Quý II/2025'])];
    const a = analyse(rows);
    for (let i = 0; i < INVISIBLES.length; i++) {
      const t = task(a, i + 2);
      expect(t.cells.lead?.text ?? '').toBe('');
      expect(t.issues.map((x) => x.code)).toContain('lead-missing');
    }
    expect(cellText('\u00ad\u200c\u2060\u180e\u3164')).toBe('');
  });

  test('comparisons: folded and cleaned text drop them', () => {
    expect(fold('Chủ tr\u00adì')).toBe('chu tri');
    expect(fold('\ufeffKi\u200dểm tra')).toBe('kiem tra');
    expect(cellText('Văn ph\u00adòng Sở')).toBe('Văn phòng Sở');
  });

  test('a soft hyphen does not split a unit of the by-lead table', () => {
    expect(unitKey('Văn ph\u00adòng Sở')).toBe(unitKey('Văn phòng Sở'));
    const units = splitLeadUnits({ value: 'Phòng Tư pháp\n\u00advà các đơn vị', text: 'Phòng Tư pháp và các đơn vị' });
    expect(units).toEqual(['Phòng Tư pháp và các đơn vị']);
    expect(splitLeadUnits({ value: 'Văn ph\u00adòng Sở', text: 'Văn phòng Sở' })).toEqual(['Văn phòng Sở']);
  });
});

describe('header words', () => {
  test('"S\\nT\\nT" (one letter per line) is STT', () => {
    expect(roleOfHeader('S\nT\nT')).toBe('stt');
    expect(letters(analyse([['S\nT\nT', ...HEADER.slice(1)], ...BODY])).stt).toBe('A');
  });

  test('two single-letter words that are not a header word stay unrecognised', () => {
    expect(roleOfHeader('A\nB')).toBeNull();
  });
});

describe('two tables side by side', () => {
  const side = (gap: boolean) => [
    [...HEADER, ...(gap ? [null] : []), ...HEADER],
    ...BODY.map((b) => [...b, ...(gap ? [null] : []), ...b]),
  ];

  test('with an empty column between: a message naming both, nothing else', () => {
    const res = attempt(side(true));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.failure.code).toBe('ambiguous-table');
    expect(res.failure.message).toContain('A–E');
    expect(res.failure.message).toContain('G–K');
    expect(res.failure.message).not.toMatch(/No appendix/);
  });

  test('touching each other: the second STT starts the second table', () => {
    const res = attempt(side(false));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.failure.message).toMatch(/A–E.*F–J/);
  });

  test('one table with an empty column inside is still one table', () => {
    const header = ['STT', 'Nhiệm vụ', 'Chủ trì', null, 'Sản phẩm', 'Thời gian hoàn thành', 'Phối hợp'];
    const body = BODY.map(([n, t, o, l, d]) => [n, t, l, null, o, d, 'Các phòng']);
    expect(letters(analyse([header, ...body]))).toMatchObject({ stt: 'A', task: 'B', lead: 'C', output: 'E', deadline: 'F', support: 'G' });
  });
});
