import { formatDate } from '../../src/i18n/dates';

describe('formatDate', () => {
  it('writes dates day first, dd/mm/yyyy', () => {
    expect(formatDate('2024-03-14')).toBe('14/03/2024');
    expect(formatDate('2024-01-05')).toBe('05/01/2024');
  });

  it('leaves anything else alone', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('Quý I')).toBe('Quý I');
    expect(formatDate('not a date')).toBe('not a date');
  });
});
