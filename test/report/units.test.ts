import { splitLeadUnits, unitKey, UnitResolver } from '../../src/report/units';

const cell = (value: string, text = value.replace(/\s+/g, ' ').trim()) => ({ value, text });

describe('splitLeadUnits', () => {
  test('";" separates units', () => {
    expect(splitLeadUnits(cell('Văn phòng Sở; Thanh tra Sở'))).toEqual(['Văn phòng Sở', 'Thanh tra Sở']);
    expect(splitLeadUnits(cell('Phòng Hành chính - Tổng hợp;'))).toEqual(['Phòng Hành chính - Tổng hợp']);
  });

  test('a line break separates units', () => {
    expect(splitLeadUnits(cell('Phòng Kế hoạch - Tài chính\nTrung tâm Công nghệ thông tin'))).toEqual([
      'Phòng Kế hoạch - Tài chính',
      'Trung tâm Công nghệ thông tin',
    ]);
  });

  test('a line starting in lower case continues the unit above (a name wrapped by hand)', () => {
    expect(splitLeadUnits(cell('Các phòng\nchuyên môn,\nđơn vị'))).toEqual(['Các phòng chuyên môn, đơn vị']);
  });

  test('commas do not split: "Các phòng, ban, đơn vị thuộc Sở" is one unit', () => {
    expect(splitLeadUnits(cell('Các phòng, ban, đơn vị thuộc Sở'))).toEqual(['Các phòng, ban, đơn vị thuộc Sở']);
  });

  test('bullets and trailing punctuation are dropped', () => {
    expect(splitLeadUnits(cell('- Văn phòng Sở;\n- Phòng Quản lý xây dựng.'))).toEqual(['Văn phòng Sở', 'Phòng Quản lý xây dựng']);
  });

  test('a tail joined from a continuation row belongs to the last unit', () => {
    expect(splitLeadUnits({ value: 'Thanh tra Sở; Phòng Quản lý', text: 'Thanh tra Sở; Phòng Quản lý vận tải' })).toEqual(['Thanh tra Sở', 'Phòng Quản lý vận tải']);
  });

  test('empty cells name no unit', () => {
    expect(splitLeadUnits(undefined)).toEqual([]);
    expect(splitLeadUnits({ value: '', text: '' })).toEqual([]);
  });
});

describe('unit merging', () => {
  test('case and spacing do not matter, even without aliases', () => {
    expect(unitKey('Văn  phòng  SỞ')).toBe(unitKey('văn phòng Sở'));
    expect(unitKey('Văn phòng Sở.')).toBe(unitKey('Văn phòng Sở'));
    // NFD input is the same unit.
    expect(unitKey('Văn phòng Sở'.normalize('NFD'))).toBe(unitKey('Văn phòng Sở'));
  });

  test('diacritics do matter: two names differing by a tone mark stay apart without an alias', () => {
    expect(unitKey('Phòng Tư pháp')).not.toBe(unitKey('Phòng Tu phap'));
  });

  test('the alias list merges different wordings into the named unit', () => {
    const r = new UnitResolver([
      { alias: 'Văn phòng', unit: 'Văn phòng Sở' },
      { alias: 'VP Sở', unit: 'Văn phòng Sở' },
    ]);
    const a = r.resolve('Văn phòng');
    const b = r.resolve('vp sở');
    const c = r.resolve('VĂN PHÒNG SỞ');
    expect(a).toEqual({ key: unitKey('Văn phòng Sở'), canonical: 'Văn phòng Sở' });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(r.resolve('Thanh tra Sở')).toEqual({ key: unitKey('Thanh tra Sở'), canonical: null });
  });
});
