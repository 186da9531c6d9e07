/**
 * Day arithmetic on ISO dates (src/engine/dates.ts) with its memo of day numbers: the same
 * answers for dates asked again, and after the memo started over.
 */
import fc from 'fast-check';
import { daysBetween, isoToSerial } from '../../src/engine/dates';

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
/** Calendar days between 1900 and 2200, as ISO text and as UTC milliseconds. */
const dayArb = fc.integer({ min: Date.UTC(1900, 0, 1) / DAY, max: Date.UTC(2200, 11, 31) / DAY }).map((n) => ({ t: n * DAY, iso: iso(n * DAY) }));

describe('days between two ISO dates', () => {
  it('counts calendar days, however often a date is asked for', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(dayArb, dayArb), { maxLength: 20 }), (pairs) => {
        for (const [a, b] of [...pairs, ...pairs]) expect(daysBetween(a.iso, b.iso)).toBe((b.t - a.t) / DAY);
      }),
    );
  });

  it('counts across month ends, leap days and years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-07-15', '2024-03-31')).toBe(-106);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
  });

  it('answers as before once the memo started over', () => {
    const before = [daysBetween('2024-07-15', '2024-12-31'), isoToSerial('2024-03-31')];
    // More distinct dates than the memo keeps.
    for (let n = 0; n < 12_000; n++) daysBetween('2000-01-01', iso(Date.UTC(2000, 0, 1) + n * DAY));
    expect([daysBetween('2024-07-15', '2024-12-31'), isoToSerial('2024-03-31')]).toEqual(before);
    expect(before).toEqual([169, 45382]);
  });
});
