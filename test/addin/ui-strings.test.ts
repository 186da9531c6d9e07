/**
 * The pane's strings: both languages complete, Unicode NFC, and the language choice rule.
 */
import { UI_STRINGS, detectLang } from '../../src/taskpane/strings';

function leaves(value: unknown, path: string, out: [string, string][]): void {
  if (typeof value === 'string') out.push([path, value]);
  else if (typeof value === 'function') {
    // Formatters: call with sample arguments (numbers and words) to check their output too.
    const args = Array.from({ length: value.length }, (_, i) => (i % 2 === 0 ? 3 : 'Văn phòng Sở'));
    out.push([`${path}()`, String((value as (...a: unknown[]) => unknown)(...args))]);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, `${path}.${k}`, out);
  }
}

describe('UI strings', () => {
  const vi: [string, string][] = [];
  const en: [string, string][] = [];
  leaves(UI_STRINGS.vi, 'vi', vi);
  leaves(UI_STRINGS.en, 'en', en);

  it('have the same entries in Vietnamese and English, none empty', () => {
    expect(vi.map(([p]) => p.slice(3))).toEqual(en.map(([p]) => p.slice(3)));
    expect(vi.length).toBeGreaterThan(100);
    for (const [path, s] of [...vi, ...en]) {
      if (s.trim() === '') throw new Error(`${path} is empty`);
    }
  });

  it('are Unicode NFC (a decomposed "ệ" would not match what Excel stores)', () => {
    for (const [path, s] of [...vi, ...en]) {
      if (s !== s.normalize('NFC')) throw new Error(`${path} is not NFC`);
    }
  });

  it('are actually translated: the Vietnamese ones carry Vietnamese letters', () => {
    const translatedDiffer = vi.filter(([p, s]) => s !== en.find(([q]) => q.slice(3) === p.slice(3))?.[1]);
    expect(translatedDiffer.length).toBeGreaterThan(vi.length * 0.8);
    expect(UI_STRINGS.vi.checkButton).toBe('Kiểm tra và tô màu');
    expect(UI_STRINGS.vi.tabReport).toBe('Báo cáo quý');
  });
});

describe('wording', () => {
  it('says that existing cells are kept in words people use, not as a translation', () => {
    expect(UI_STRINGS.vi.checkHint).toContain('Nội dung các ô hiện có được giữ nguyên.');
    expect(UI_STRINGS.en.checkHint).toContain('The contents of your existing cells are left unchanged.');
    const found: [string, string][] = [];
    leaves(UI_STRINGS, 'all', found);
    const all = found.map(([, text]) => text);
    for (const stale of ['Ô của bạn', 'ô của bạn', 'không bị thay đổi', 'Đã ghi bản đã kiểm tra', 'Your own cells are not changed']) {
      expect(all.filter((s) => s.includes(stale))).toEqual([]);
    }
  });
});

describe('language choice', () => {
  it('is Vietnamese unless Office runs in English', () => {
    expect(detectLang('vi-VN')).toBe('vi');
    expect(detectLang('en-US')).toBe('en');
    expect(detectLang('en-GB')).toBe('en');
    expect(detectLang('EN')).toBe('en');
    expect(detectLang('fr-FR')).toBe('vi');
    expect(detectLang('eng')).toBe('vi');
    expect(detectLang(undefined)).toBe('vi');
    expect(detectLang('')).toBe('vi');
  });
});
