import { ISSUE_CATALOGUE } from '../../src/engine/issues';
import { ISSUE_TEMPLATES, ISSUE_TITLES, issueMessage, severityLabel } from '../../src/i18n/issues';
import type { IssueCode, IssueParams, Lang, Severity } from '../../src/engine/model';

const CODES: IssueCode[] = [
  'lead-missing', 'deadline-missing', 'deadline-unparsed', 'deadline-not-fixed', 'deadline-before-plan',
  'output-missing', 'output-unquantified', 'overdue', 'milestone-missed', 'due-soon',
];
const LANGS: Lang[] = ['vi', 'en'];

/** Params a real row could carry for each code. */
const PARAMS: Record<IssueCode, IssueParams> = {
  'lead-missing': {},
  'deadline-missing': {},
  'deadline-unparsed': { deadlineText: 'Quý V/2024' },
  'deadline-not-fixed': { deadlineText: 'Khi có văn bản chỉ đạo của Bộ' },
  'deadline-before-plan': { due: '2023-12-31', deadlineText: 'Tháng 12/2023', planYear: 2024 },
  'output-missing': {},
  'output-unquantified': {},
  overdue: { due: '2024-03-31', daysLate: 17 },
  'milestone-missed': { due: '2024-01-31', stepText: 'Ban hành kế hoạch trong tháng 01/2024' },
  'due-soon': { due: '2024-06-30', daysLeft: 9 },
};

describe('issue messages', () => {
  it('has a template for every message key of the catalogue, and no other, in both languages', () => {
    const keys = CODES.map((c) => ISSUE_CATALOGUE[c].messageKey).sort();
    for (const lang of LANGS) expect(Object.keys(ISSUE_TEMPLATES[lang]).sort()).toEqual(keys);
  });

  describe.each(CODES)('%s', (code) => {
    it.each(LANGS)('%s: non-empty, NFC, one short line, no placeholder left', (lang) => {
      for (const params of [PARAMS[code], {}]) {
        const m = issueMessage(code, params, lang);
        expect(m.trim().length).toBeGreaterThan(5);
        expect(m).toBe(m.normalize('NFC'));
        expect(m).not.toMatch(/undefined|null|NaN|\$\{|\n/);
        expect(m.length).toBeLessThanOrEqual(140);
      }
    });

    it('differs between Vietnamese and English', () => {
      expect(issueMessage(code, PARAMS[code], 'vi')).not.toBe(issueMessage(code, PARAMS[code], 'en'));
    });

    it('has a short title in both languages', () => {
      const t = ISSUE_TITLES[code];
      expect(t.vi.length).toBeGreaterThan(3);
      expect(t.en.length).toBeGreaterThan(3);
      expect(t.vi.length).toBeLessThanOrEqual(40);
      expect(t.vi).toBe(t.vi.normalize('NFC'));
    });
  });

  it('shows dates as dd/mm/yyyy and the numbers it is given', () => {
    expect(issueMessage('overdue', PARAMS.overdue, 'vi')).toBe('Quá hạn 17 ngày (hạn 31/03/2024), chưa hoàn thành');
    expect(issueMessage('overdue', PARAMS.overdue, 'en')).toBe('Overdue by 17 days (due 31/03/2024), not done');
    expect(issueMessage('overdue', { due: '2024-05-15', daysLate: 1 }, 'en')).toContain('by 1 day (');
    expect(issueMessage('due-soon', PARAMS['due-soon'], 'vi')).toBe('Sắp đến hạn: còn 9 ngày (hạn 30/06/2024)');
    expect(issueMessage('due-soon', PARAMS['due-soon'], 'en')).toBe('Due soon: 9 days left (due 30/06/2024)');
    expect(issueMessage('due-soon', { due: '2024-06-30', daysLeft: 0 }, 'vi')).toBe('Đến hạn hôm nay (hạn 30/06/2024)');
    expect(issueMessage('due-soon', { due: '2024-06-30', daysLeft: 0 }, 'en')).toBe('Due today (due 30/06/2024)');
    const before = issueMessage('deadline-before-plan', PARAMS['deadline-before-plan'], 'vi');
    expect(before).toContain('31/12/2023');
    expect(before).toContain('2024');
    expect(issueMessage('deadline-before-plan', PARAMS['deadline-before-plan'], 'en')).toContain('31/12/2023');
    const step = issueMessage('milestone-missed', PARAMS['milestone-missed'], 'vi');
    expect(step).toContain('Ban hành kế hoạch trong tháng 01/2024');
    expect(step).toContain('31/01/2024');
    expect(issueMessage('milestone-missed', PARAMS['milestone-missed'], 'en')).toContain('31/01/2024');
  });

  it('quotes the deadline text it could not use, cut to fit a cell', () => {
    expect(issueMessage('deadline-unparsed', PARAMS['deadline-unparsed'], 'vi')).toContain('“Quý V/2024”');
    expect(issueMessage('deadline-unparsed', PARAMS['deadline-unparsed'], 'en')).toContain('“Quý V/2024”');
    expect(issueMessage('deadline-not-fixed', PARAMS['deadline-not-fixed'], 'vi')).toContain('Khi có văn bản chỉ đạo của Bộ');
    const long = 'Sau khi Bộ Nội vụ ban hành hướng dẫn và UBND tỉnh có văn bản giao nhiệm vụ cụ thể cho từng sở, ngành, địa phương';
    const m = issueMessage('deadline-unparsed', { deadlineText: long }, 'vi');
    expect(m.length).toBeLessThanOrEqual(100);
    expect(m).toContain('…');
    // NFD text in the cell comes out NFC, line breaks folded
    const nfd = issueMessage('deadline-unparsed', { deadlineText: 'Quý\nIII/2024'.normalize('NFD') }, 'vi');
    expect(nfd).toBe(nfd.normalize('NFC'));
    expect(nfd).toContain('“Quý III/2024”');
  });

  it('says when a cell holds an error value', () => {
    expect(issueMessage('lead-missing', { cellError: '#REF!' }, 'vi')).toContain('Ô chủ trì chứa giá trị lỗi #REF!');
    expect(issueMessage('lead-missing', { cellError: '#REF!' }, 'en')).toContain('#REF!');
    expect(issueMessage('deadline-missing', { cellError: '#N/A' }, 'vi')).toContain('giá trị lỗi #N/A');
    expect(issueMessage('deadline-missing', { cellError: '#N/A' }, 'en')).toContain('#N/A');
    expect(issueMessage('output-missing', { cellError: '#VALUE!' }, 'vi')).toContain('giá trị lỗi #VALUE!');
    expect(issueMessage('output-missing', { cellError: '#VALUE!' }, 'en')).toContain('#VALUE!');
    expect(issueMessage('lead-missing', {}, 'vi')).toBe('Thiếu đơn vị chủ trì');
    expect(issueMessage('lead-missing', {}, 'vi')).not.toContain('#');
  });

  it('labels severities in both languages', () => {
    const severities: Severity[] = ['error', 'warning', 'info'];
    const vi = severities.map((s) => severityLabel(s, 'vi'));
    const en = severities.map((s) => severityLabel(s, 'en'));
    expect(vi).toEqual(['Lỗi', 'Cảnh báo', 'Lưu ý']);
    expect(en).toEqual(['Error', 'Warning', 'Note']);
  });
});
