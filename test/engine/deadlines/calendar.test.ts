/** The parser's integer calendar agrees with the engine's date-fns helpers (src/engine/dates.ts). */
import fc from 'fast-check';
import { iso, monthEnd, plusDays, plusMonths, plusWorkdays, validDay } from '../../../src/engine/deadlines/calendar';
import { addDays, addMonths, endOfMonth, isValidDay } from '../../../src/engine/dates';

const day = fc.record({ y: fc.integer({ min: 1950, max: 2150 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .filter(({ y, m, d }) => isValidDay(y, m, d))
  .map(({ y, m, d }) => iso(y, m, d));

describe('calendar', () => {
  it('validDay and monthEnd match dates.ts', () => {
    for (let y = 1900; y <= 2200; y += 7) {
      for (let m = 1; m <= 12; m++) {
        expect(monthEnd(y, m)).toBe(endOfMonth(y, m));
        for (const d of [0, 1, 28, 29, 30, 31, 32]) expect(validDay(y, m, d)).toBe(isValidDay(y, m, d));
      }
    }
  });

  it('plusDays and plusMonths match date-fns', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -120, max: 120 }), (d, n, k) => {
        expect(plusDays(d, n)).toBe(addDays(d, n));
        expect(plusMonths(d, k)).toBe(addMonths(d, k));
      }),
    );
  });

  it('plusWorkdays skips weekends', () => {
    // Friday 15/03/2024
    expect(plusWorkdays('2024-03-15', 1)).toBe('2024-03-18');
    expect(plusWorkdays('2024-03-15', 5)).toBe('2024-03-22');
    expect(plusWorkdays('2024-03-16', 5)).toBe('2024-03-22');
    expect(plusWorkdays('2024-03-17', 1)).toBe('2024-03-18');
    expect(plusWorkdays('2024-03-13', 3)).toBe('2024-03-18');
    expect(plusWorkdays('2024-03-15', 10)).toBe('2024-03-29');
    expect(plusWorkdays('2024-03-15', 0)).toBe('2024-03-15');
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 400 }), (d, n) => {
        const out = plusWorkdays(d, n);
        if (out === null) return;
        const dow = new Date(`${out}T00:00:00Z`).getUTCDay();
        expect(dow === 0 || dow === 6).toBe(false);
        // Count the working days walked one by one.
        let count = 0;
        for (let x = d; x < out; x = addDays(x, 1)) {
          const next = addDays(x, 1);
          const w = new Date(`${next}T00:00:00Z`).getUTCDay();
          if (w !== 0 && w !== 6) count++;
        }
        expect(count).toBe(n);
      }),
      { numRuns: 200 },
    );
  });
});
