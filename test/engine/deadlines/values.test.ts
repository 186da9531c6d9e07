/**
 * Cell values that are not text: date serials in both date systems, years typed as numbers,
 * booleans, error values, and the never-throw guarantee on odd contexts.
 */
import { parseDateCell, parseDeadline } from '../../../src/engine/deadlines';
import { isoToSerial } from '../../../src/engine/dates';
import type { CellValue, DeadlineContext } from '../../../src/engine/model';

const ctx1900: DeadlineContext = { planYear: 2024, date1904: false };
const ctx1904: DeadlineContext = { planYear: 2024, date1904: true };

describe('Excel date serials', () => {
  it.each<[number, DeadlineContext, string]>([
    [45306, ctx1900, '2024-01-15'],
    [45306 - 1462, ctx1904, '2024-01-15'],
    [45306.75, ctx1900, '2024-01-15'],
    [45351, ctx1900, '2024-02-29'],
    [45351 - 1462, ctx1904, '2024-02-29'],
    [45657, ctx1900, '2024-12-31'],
    [45292, ctx1900, '2024-01-01'],
    [36526, ctx1900, '2000-01-01'],
  ])('%d → %s', (serial, ctx, due) => {
    expect(parseDeadline(serial, ctx)).toEqual({
      text: String(serial), kind: 'date', due, start: null, steps: [], every: [], onDemand: false, offset: null,
    });
  });

  it('the same day gives the same due in both systems', () => {
    for (const day of ['2023-12-31', '2024-03-31', '2024-06-30', '2025-01-01']) {
      expect(parseDeadline(isoToSerial(day, false), ctx1900).due).toBe(day);
      expect(parseDeadline(isoToSerial(day, true), ctx1904).due).toBe(day);
    }
  });

  it('a serial written as text reads as the serial', () => {
    expect(parseDeadline('45306', ctx1900).due).toBe('2024-01-15');
  });
});

describe('numbers that are not a day', () => {
  it('a year typed as a number is that year', () => {
    expect(parseDeadline(2024, ctx1900)).toMatchObject({ kind: 'date', start: '2024-01-01', due: '2024-12-31' });
    expect(parseDeadline('2025', ctx1900)).toMatchObject({ kind: 'date', start: '2025-01-01', due: '2025-12-31' });
  });

  it.each([-1, 0, 60, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e12, 2_958_466])('%d is unparsed', (n) => {
    const d = parseDeadline(n, ctx1900);
    expect(d.kind).toBe('unparsed');
    expect(d.due).toBeNull();
  });
});

describe('serial or year: a whole number 1990–2100 is a year in either date system', () => {
  // 13/06/1909 is serial 3452 in the 1900 system and 1990 in the 1904 system; no plan has a
  // deadline in 1905–1910, so 1990 is the year whatever the system.
  it('3452 is a serial in both systems', () => {
    expect(parseDeadline(3452, ctx1900)).toMatchObject({ kind: 'date', start: null, due: '1909-06-13' });
    expect(parseDeadline(3452, ctx1904)).toMatchObject({ kind: 'date', start: null, due: '1913-06-14' });
    expect(parseDateCell(3452, false)).toBe('1909-06-13');
    expect(parseDateCell(3452, true)).toBe('1913-06-14');
  });

  it('1990 is the year 1990 in both systems', () => {
    for (const ctx of [ctx1900, ctx1904]) {
      expect(parseDeadline(1990, ctx)).toMatchObject({ kind: 'date', start: '1990-01-01', due: '1990-12-31' });
      expect(parseDeadline('1990', ctx)).toMatchObject({ kind: 'date', start: '1990-01-01', due: '1990-12-31' });
    }
    expect(parseDateCell(1990, false)).toBeNull();
    expect(parseDateCell(1990, true)).toBeNull();
  });

  it('the window ends are years, the numbers just outside are serials', () => {
    expect(parseDeadline(2100, ctx1904)).toMatchObject({ start: '2100-01-01', due: '2100-12-31' });
    expect(parseDeadline(1989, ctx1900)).toMatchObject({ start: null, due: '1905-06-11' });
    expect(parseDeadline(2101, ctx1900)).toMatchObject({ start: null, due: '1905-10-01' });
    expect(parseDeadline(2024.5, ctx1900)).toMatchObject({ start: null, due: '1905-07-16' });
  });
});

describe('booleans, errors, empty values', () => {
  it.each<[CellValue, string, string]>([
    [true, 'unparsed', 'TRUE'],
    [false, 'unparsed', 'FALSE'],
    ['#REF!', 'missing', '#REF!'],
    ['#N/A', 'missing', '#N/A'],
    [' #VALUE! ', 'missing', '#VALUE!'],
    [null, 'missing', ''],
    ['', 'missing', ''],
    ['\u00a0\u200b ', 'missing', ''],
    ['--', 'missing', '--'],
  ])('%j → %s', (value, kind, text) => {
    expect(parseDeadline(value, ctx1900)).toEqual({ text, kind, due: null, start: null, steps: [], every: [], onDemand: false, offset: null });
  });
});

describe('odd contexts never throw', () => {
  it.each([Number.NaN, 0, -5, 99999, 2024.5])('plan year %d', (planYear) => {
    for (const v of ['Quý I', 'Thường xuyên', 'Trong năm', 'Tháng 6 và tháng 12', 'Quý I/2024', 45306]) {
      const d = parseDeadline(v, { planYear, date1904: false });
      expect(['date', 'recurring', 'milestones', 'unparsed']).toContain(d.kind);
      if (d.due !== null) expect(d.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('a year-less deadline cannot be placed without a plan year', () => {
    expect(parseDeadline('Quý I', { planYear: Number.NaN, date1904: false }).kind).toBe('unparsed');
    expect(parseDeadline('Quý I/2024', { planYear: Number.NaN, date1904: false }).due).toBe('2024-03-31');
  });
});
