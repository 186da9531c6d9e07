/**
 * The analysis's memo of issue messages (src/engine/issue-messages.ts): it answers what the
 * wording answers, and its key tells apart every input a message is worded from.
 */
import fc from 'fast-check';
import { IssueMessages, messageKey } from '../../src/engine/issue-messages';
import { ISSUE_CATALOGUE, ISSUE_CODES, type IssueCode } from '../../src/engine/issues';
import type { IssueParams } from '../../src/engine/model';
import { engineWording } from '../../src/i18n/engine';

/** Every field of IssueParams set: a field added there must be added here (the type asks). */
const FULL: Required<IssueParams> = {
  due: '2024-03-31',
  daysLate: 12,
  daysLeft: 3,
  deadlineText: 'Quý I/2024',
  cellError: '#REF!',
  stepText: 'Ban hành kế hoạch trong tháng 01/2024',
  planYear: 2024,
};

/** Another value for each field, of the same type. */
const OTHER: Required<IssueParams> = {
  due: '2024-04-01',
  daysLate: 13,
  daysLeft: 4,
  deadlineText: 'Quý II/2024',
  cellError: '#N/A',
  stepText: 'Tổ chức thực hiện',
  planYear: 2025,
};

const wordingOf = (code: IssueCode, lang: 'vi' | 'en') => engineWording(lang).issues[ISSUE_CATALOGUE[code].messageKey];

const paramsArb: fc.Arbitrary<IssueParams> = fc.record(
  {
    due: fc.oneof(fc.constantFrom('2024-01-31', '2024-12-31', '2023-06-30'), fc.constant(null)),
    daysLate: fc.integer({ min: 0, max: 400 }),
    daysLeft: fc.integer({ min: 0, max: 30 }),
    deadlineText: fc.oneof(fc.constantFrom('Thường xuyên', 'Theo quy định', 'Quý I/2024', ''), fc.string({ maxLength: 12 })),
    cellError: fc.constantFrom('#REF!', '#N/A', '#VALUE!'),
    stepText: fc.oneof(fc.constantFrom('Ban hành kế hoạch', 'a|t1:b'), fc.string({ maxLength: 12 })),
    planYear: fc.integer({ min: 2020, max: 2030 }),
  },
  { requiredKeys: [] },
);

describe('issue messages of one analysis', () => {
  it('gives each issue the message its wording gives, however often it is asked', () => {
    fc.assert(
      fc.property(fc.constantFrom<'vi' | 'en'>('vi', 'en'), fc.array(fc.tuple(fc.constantFrom(...ISSUE_CODES), paramsArb), { maxLength: 30 }), (lang, issues) => {
        const messages = new IssueMessages(engineWording(lang));
        // Twice over: the second round is answered from the memo.
        for (const [code, params] of [...issues, ...issues]) expect(messages.message(code, params)).toBe(wordingOf(code, lang)(params));
      }),
    );
  });

  it('keeps the languages of two analyses apart', () => {
    const vi = new IssueMessages(engineWording('vi'));
    const en = new IssueMessages(engineWording('en'));
    expect(vi.message('overdue', { due: '2024-03-31', daysLate: 5 })).toBe('Quá hạn 5 ngày (hạn 31/03/2024), chưa hoàn thành');
    expect(en.message('overdue', { due: '2024-03-31', daysLate: 5 })).toBe('Overdue by 5 days (due 31/03/2024), not done');
  });

  it('answers two issues that differ only in one input with their own messages', () => {
    const messages = new IssueMessages(engineWording('vi'));
    expect(messages.message('overdue', { due: '2024-03-31', daysLate: 5 })).toBe('Quá hạn 5 ngày (hạn 31/03/2024), chưa hoàn thành');
    expect(messages.message('overdue', { due: '2024-03-31', daysLate: 6 })).toBe('Quá hạn 6 ngày (hạn 31/03/2024), chưa hoàn thành');
    expect(messages.message('overdue', { due: '2024-04-30', daysLate: 5 })).toBe('Quá hạn 5 ngày (hạn 30/04/2024), chưa hoàn thành');
    expect(messages.message('due-soon', { due: '2024-03-31', daysLeft: 5 })).toBe('Sắp đến hạn: còn 5 ngày (hạn 31/03/2024)');
  });
});

describe('issues of one analysis', () => {
  it('gives one object per distinct issue, with its own code, severity, params and message', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ISSUE_CODES), paramsArb), { maxLength: 30 }), (asked) => {
        const messages = new IssueMessages(engineWording('vi'));
        const made = [...asked, ...asked].map(([code, params]) => ({ code, params, issue: messages.issue(code, 'warning', params) }));
        for (const { code, params, issue } of made) {
          expect(issue).toStrictEqual({ code, severity: 'warning', message: wordingOf(code, 'vi')(params), params: issue.params });
          // The params kept are equal to the ones asked with (the first asker's object).
          expect(JSON.stringify(issue.params)).toBe(JSON.stringify(params));
        }
        for (const a of made) {
          for (const b of made) expect(a.issue === b.issue).toBe(a.code === b.code && messageKey(a.code, a.params) === messageKey(b.code, b.params));
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('the key of a message', () => {
  it('changes with the code', () => {
    const keys = new Set(ISSUE_CODES.map((code) => messageKey(code, FULL)));
    expect(keys.size).toBe(ISSUE_CODES.length);
  });

  it('changes with each field of the params: its value, its absence, and null for the day', () => {
    const full = messageKey('overdue', FULL);
    for (const field of Object.keys(FULL) as (keyof IssueParams)[]) {
      expect([field, messageKey('overdue', { ...FULL, [field]: OTHER[field] })]).not.toEqual([field, full]);
      const without: IssueParams = { ...FULL };
      delete without[field];
      expect([field, messageKey('overdue', without)]).not.toEqual([field, full]);
    }
    expect(messageKey('overdue', { due: null })).not.toBe(messageKey('overdue', {}));
  });

  it('cannot be made the same by text that looks like another field', () => {
    // The text of one field holding what would be written for the next one.
    expect(messageKey('milestone-missed', { deadlineText: 'a|e1:b' })).not.toBe(messageKey('milestone-missed', { deadlineText: 'a', cellError: 'b' }));
    expect(messageKey('milestone-missed', { stepText: 'x|y2024' })).not.toBe(messageKey('milestone-missed', { stepText: 'x', planYear: 2024 }));
    fc.assert(
      fc.property(paramsArb, paramsArb, (a, b) => {
        const same = JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
        expect(messageKey('deadline-unparsed', a) === messageKey('deadline-unparsed', b)).toBe(same);
      }),
    );
  });
});
