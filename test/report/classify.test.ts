import { addToCounts, classifyTask, completionRate, emptyCounts, TASK_CLASSES } from '../../src/report/classify';
import type { Deadline } from '../../src/engine/model';
import { deadline } from './hand-built';

const D = '2024-03-14';

describe('classifyTask as of D (report.md rules)', () => {
  test.each([
    // [what, deadline, status, doneDate, class, daysLate]
    ['done before due', deadline('date', '2024-01-31'), 'done', '2024-01-20', 'doneOnTime', null],
    ['done on the due day', deadline('date', '2024-01-31'), 'done', '2024-01-31', 'doneOnTime', null],
    ['done, no done-date given', deadline('date', '2024-01-31'), 'done', null, 'doneOnTime', null],
    ['done a day after due', deadline('date', '2024-01-31'), 'done', '2024-02-01', 'doneLate', null],
    ['done, deadline an event (no due)', deadline('event', null, 'Sau khi có kết quả công bố'), 'done', '2024-02-10', 'doneOnTime', null],
    ['done, deadline missing', deadline('missing', null), 'done', null, 'doneOnTime', null],
    ['not done, due passed (31/01 → 14/03 is 43 days)', deadline('date', '2024-01-31'), 'in-progress', null, 'overdue', 43],
    ['not started, due 29/02 of a leap year → 14 days late', deadline('date', '2024-02-29'), 'not-started', null, 'overdue', 14],
    ['due yesterday', deadline('date', '2024-03-13'), null, null, 'overdue', 1],
    ['due on D itself is not overdue', deadline('date', '2024-03-14'), 'in-progress', null, 'inProgress', null],
    ['in progress, due later', deadline('date', '2024-03-31'), 'in-progress', null, 'inProgress', null],
    ['not started, due later', deadline('date', '2024-06-30'), 'not-started', null, 'notDue', null],
    ['blank status counts as not started', deadline('date', '2024-06-30'), null, null, 'notDue', null],
    ['recurring duty: due = 31/12', deadline('recurring', '2024-12-31', 'Thường xuyên'), 'in-progress', null, 'inProgress', null],
    ['milestones: judged on the final due, not the first step', { ...deadline('milestones', '2024-12-31'), steps: [{ due: '2024-01-31', text: 'tháng 01/2024' }] }, 'not-started', null, 'notDue', null],
    ['event, not done', deadline('event', null, 'Khi có văn bản hướng dẫn'), 'in-progress', null, 'notFixed', null],
    ['reference, not done', deadline('reference', null, 'Theo quy định'), null, null, 'notFixed', null],
    ['missing, not done', deadline('missing', null), 'not-started', null, 'notFixed', null],
    ['unparsed, not done', deadline('unparsed', null, 'Sớm nhất có thể'), null, null, 'notFixed', null],
    // Done after D: not yet done on D.
    ['done after D, due passed before D', deadline('date', '2024-02-15'), 'done', '2024-03-20', 'overdue', 28],
    ['done after D, due after D: under way on D', deadline('date', '2024-03-31'), 'done', '2024-03-25', 'inProgress', null],
    ['done after D, no fixed date', deadline('reference', null), 'done', '2024-04-02', 'notFixed', null],
  ] as const)('%s', (_what, dl, status, doneDate, cls, daysLate) => {
    const c = classifyTask({ deadline: dl as Deadline, status, doneDate }, D);
    expect(c.cls).toBe(cls);
    expect(c.daysLate).toBe(daysLate);
  });

  test('a task done after D shows "in progress" as its status on D', () => {
    expect(classifyTask({ deadline: deadline('date', '2024-03-31'), status: 'done', doneDate: '2024-03-25' }, D).statusAsOf).toBe('in-progress');
    expect(classifyTask({ deadline: deadline('date', '2024-03-31'), status: 'done', doneDate: '2024-03-10' }, D).statusAsOf).toBe('done');
  });

  test('the same task moves class as D moves', () => {
    const t = { deadline: deadline('date', '2024-05-31'), status: 'done' as const, doneDate: '2024-06-10' };
    expect(classifyTask(t, '2024-03-14').cls).toBe('inProgress');
    expect(classifyTask(t, '2024-06-05').cls).toBe('overdue');
    expect(classifyTask(t, '2024-06-14').cls).toBe('doneLate');
  });
});

describe('counts', () => {
  test('done = doneOnTime + doneLate; total counts every class once', () => {
    const c = emptyCounts();
    for (const cls of TASK_CLASSES) addToCounts(c, cls);
    addToCounts(c, 'doneLate');
    expect(c).toEqual({ total: 7, doneOnTime: 1, doneLate: 2, done: 3, inProgress: 1, overdue: 1, notDue: 1, notFixed: 1 });
    expect(completionRate(c)).toBeCloseTo(3 / 7);
    expect(completionRate(emptyCounts())).toBeNull();
  });
});
