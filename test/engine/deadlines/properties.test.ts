/**
 * Properties: any string, number or value never makes the parser throw, and what it returns is
 * a well-formed Deadline (deadlines.md); huge and hostile cells too. Speed is measured by
 * `npm run bench`, not here.
 */
import fc from 'fast-check';
import { parseDateCell, parseDeadline, yearsInText } from '../../../src/engine/deadlines';
import { isISODate } from '../../../src/engine/dates';
import type { CellValue, Deadline } from '../../../src/engine/model';

const KINDS = ['date', 'recurring', 'milestones', 'event', 'reference', 'missing', 'unparsed'];
const RECURRENCES = ['continuous', 'month', 'quarter', 'half', 'year'];

/** What "well formed" means, checked field by field. */
function problems(d: Deadline): string[] {
  const out: string[] = [];
  if (!KINDS.includes(d.kind)) out.push(`kind ${d.kind}`);
  if (typeof d.text !== 'string') out.push('text');
  if (d.due !== null && !isISODate(d.due)) out.push(`due ${d.due}`);
  if (d.start !== null && !isISODate(d.start)) out.push(`start ${d.start}`);
  if (d.start !== null && (d.due === null || d.start > d.due)) out.push('start after due');
  const fixed = d.kind === 'date' || d.kind === 'recurring' || d.kind === 'milestones';
  if (fixed && d.due === null) out.push('no due');
  if (!fixed && (d.due !== null || d.start !== null || d.steps.length > 0 || d.every.length > 0)) out.push('dates on a kind without dates');
  if (d.kind === 'milestones' && d.steps.length === 0) out.push('milestones without steps');
  if (d.kind === 'recurring' && d.every.length === 0) out.push('recurring without recurrence');
  for (let i = 0; i < d.steps.length; i++) {
    const s = d.steps[i];
    if (!isISODate(s.due) || typeof s.text !== 'string') out.push('step');
    if (i > 0 && s.due <= d.steps[i - 1].due) out.push('steps not sorted');
    if (d.due !== null && s.due > d.due) out.push('step after due');
  }
  if (new Set(d.every).size !== d.every.length || d.every.some((r) => !RECURRENCES.includes(r))) out.push('every');
  if ([...d.every].sort((a, b) => RECURRENCES.indexOf(a) - RECURRENCES.indexOf(b)).join() !== d.every.join()) out.push('every order');
  if (d.offset !== null && (d.kind !== 'event' || !(d.offset.amount >= 0) || !['day', 'workday', 'month'].includes(d.offset.unit))) out.push('offset');
  if (typeof d.onDemand !== 'boolean') out.push('onDemand');
  return out;
}

const PIECES = [
  'Quý', 'quí', 'Q', 'T', 'I', 'II', 'IV', 'V', 'Ⅲ', '/', '-', '–', '.', ',', ';', ':', ' ', '  ', '\n', '(', ')', '<i>', '</i>',
  'năm', 'Năm', 'tháng', 'ngày', '2024', '2023', '24', '15', '01', '31', '02', '29', '12', '6', '9', '0', '00', '99999', '2100', '1899',
  'trước', 'chậm nhất', 'đến', 'hết', 'từ', 'hoặc', 'và', 'theo', 'KH', 'số', 'của', 'về', 'UBND', 'NĐ-CP', 'hàng', 'hằng', 'mỗi',
  'báo cáo', 'định kỳ', 'thường xuyên', 'khi có', 'yêu cầu', 'đột xuất', 'sau', 'kể từ', 'làm việc', 'trong vòng', 'lần',
  'đầu', 'giữa', 'cuối', 'nửa', 'tổ chức thực hiện', 'quy định', 'lộ trình', 'ISO', 'giai đoạn', 'Nam', 'quỹ', '#REF!', '-',
];

const deadlineText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((parts) => parts.join(' ')),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  deadlineText,
  fc.integer({ min: -100, max: 3_000_000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

const context = fc.record({
  planYear: fc.oneof(fc.integer({ min: 1990, max: 2100 }), fc.integer(), fc.double()),
  date1904: fc.boolean(),
});

describe('deadline parser properties', () => {
  it('never throws and always returns a well-formed Deadline', () => {
    fc.assert(
      fc.property(cellValue, context, (value, ctx) => {
        const d = parseDeadline(value, ctx);
        expect(problems(d)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('is deterministic and case-insensitive', () => {
    fc.assert(
      fc.property(deadlineText, (text) => {
        const ctx = { planYear: 2024, date1904: false };
        const a = parseDeadline(text, ctx);
        const b = parseDeadline(text.toUpperCase(), ctx);
        expect(parseDeadline(text, ctx)).toEqual(a);
        expect({ ...b, text: '', steps: b.steps.map((s) => s.due) }).toEqual({ ...a, text: '', steps: a.steps.map((s) => s.due) });
      }),
      { numRuns: 1000 },
    );
  });

  it('NFD input reads like NFC input', () => {
    fc.assert(
      fc.property(deadlineText, (text) => {
        const ctx = { planYear: 2024, date1904: false };
        expect(parseDeadline(text.normalize('NFD'), ctx)).toEqual(parseDeadline(text.normalize('NFC'), ctx));
      }),
      { numRuns: 1000 },
    );
  });

  // docs/deadlines.md: a whole number 1990–2100 is a year whatever the date system; any other
  // number is a serial. So a day reads the same in both systems when neither of its two
  // serials is such a number (13/06/1909 is 3452 in 1900 but 1990, a year, in 1904).
  const isPlanYear = (n: number): boolean => n >= 1990 && n <= 2100;

  it('a date serial gives the same day in both date systems', () => {
    const serial1900 = fc.integer({ min: 2000, max: 73000 }).filter((n) => !isPlanYear(n) && !isPlanYear(n - 1462));
    fc.assert(
      fc.property(serial1900, (n) => {
        const a = parseDeadline(n, { planYear: 2024, date1904: false });
        const b = parseDeadline(n - 1462, { planYear: 2024, date1904: true });
        expect(a.kind).toBe('date');
        expect(b.kind).toBe('date');
        expect(b.due).toBe(a.due);
      }),
    );
  });

  it('a whole number 1990–2100 is that year in both date systems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.boolean(), (y, date1904) => {
        expect(parseDeadline(y, { planYear: 2024, date1904 })).toMatchObject({ kind: 'date', start: `${y}-01-01`, due: `${y}-12-31` });
        expect(parseDateCell(y, date1904)).toBeNull();
      }),
    );
  });

  it('a year-less deadline moves with the plan year', () => {
    fc.assert(
      fc.property(fc.constantFrom('Quý II', 'Tháng 6', 'Trước ngày 15/01', 'Trong năm', 'Thường xuyên', 'Tháng 6 và tháng 12'), fc.integer({ min: 1990, max: 2099 }), (text, y) => {
        const d = parseDeadline(text, { planYear: y, date1904: false });
        expect(d.due?.slice(0, 4)).toBe(String(y));
      }),
    );
  });

  it('parseDateCell and yearsInText never throw and stay in range', () => {
    fc.assert(
      fc.property(cellValue, fc.boolean(), fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: undefined }), (value, d1904, planYear) => {
        const day = parseDateCell(value, d1904, planYear);
        if (day !== null) expect(isISODate(day)).toBe(true);
        if (typeof value === 'string') for (const y of yearsInText(value)) expect(y >= 1990 && y <= 2100).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('huge and hostile cells', () => {
  const ctx = { planYear: 2024, date1904: false };
  const hostile = [
    'Quý I, '.repeat(5000),
    '<i'.repeat(10000),
    ' '.repeat(30000) + 'x',
    ', , ; '.repeat(6000),
    '255/KH-UBND-'.repeat(3000),
    'theo KH số 1/KH ngày 1/1/2024 của '.repeat(1000),
    '1/2/3/4/5/6/7/8/9/'.repeat(2000),
    'thường xuyên '.repeat(3000),
    'Trong vòng 5 ngày kể từ ngày 1/1/2024 '.repeat(900),
    'a'.repeat(32000),
    'Quý I/2024 '.repeat(3000),
  ];
  it.each(hostile.map((h) => [h.slice(0, 24), h]))('%j… never throws and parses well formed', (_label, text) => {
    const d = parseDeadline(text, ctx);
    expect(problems(d)).toEqual([]);
    expect(yearsInText(text).every((y) => y >= 1990 && y <= 2100)).toBe(true);
    const day = parseDateCell(text, false, 2024);
    if (day !== null) expect(isISODate(day)).toBe(true);
  });
});
