import fc from 'fast-check';
import { DONE_WORDINGS, IN_PROGRESS_WORDINGS, STATUS_CHOICES, parseStatus } from '../../src/engine/status';
import type { CellValue, TaskStatus } from '../../src/engine/model';

const cases: Array<[CellValue, TaskStatus | null]> = [
  // empty
  [null, null],
  ['', null],
  ['   ', null],
  ['-', null],
  ['—', null],
  ['#N/A', null],
  ['#REF!', null],
  // the drop-down's own words
  ['Chưa thực hiện', 'not-started'],
  ['Đang thực hiện', 'in-progress'],
  ['Hoàn thành', 'done'],
  // done wordings
  ['Đã hoàn thành', 'done'],
  ['Hoàn thành đúng hạn', 'done'],
  ['Hoàn thành quá hạn', 'done'],
  ['Hoàn thành trước hạn', 'done'],
  ['Hoàn thành trễ hạn 5 ngày', 'done'],
  ['hoàn thành', 'done'],
  ['HOÀN THÀNH', 'done'],
  ['  Đã  hoàn   thành. ', 'done'],
  ['Đã ban hành Kế hoạch số 15/KH-SNV', 'done'],
  ['Đã thực hiện', 'done'],
  ['Đã xong', 'done'],
  ['Hoàn thành 100%', 'done'],
  ['100%', 'done'],
  ['Tháng 3 đã hoàn thành', 'done'],
  ['Đã hoàn thành, đang chờ UBND tỉnh phê duyệt', 'done'],
  ['Done', 'done'],
  ['completed', 'done'],
  ['x', 'done'],
  ['X', 'done'],
  ['✓', 'done'],
  ['✔ xong', 'done'],
  ['TRUE', 'done'],
  [true, 'done'],
  [1, 'done'],
  [45306, 'done'], // a date typed into the status cell: it was done that day
  // in progress
  ['Đang triển khai', 'in-progress'],
  ['đang xây dựng dự thảo', 'in-progress'],
  ['Tiếp tục thực hiện', 'in-progress'],
  ['Cơ bản hoàn thành', 'in-progress'],
  ['Hoàn thành một phần', 'in-progress'],
  ['Đã hoàn thành một phần', 'in-progress'],
  ['Đã hoàn thành 70%', 'in-progress'],
  ['Chậm tiến độ', 'in-progress'],
  ['Chưa hoàn thành, đang thực hiện', 'in-progress'],
  ['Chưa hoàn thành (đạt 60%)', 'in-progress'],
  ['In progress', 'in-progress'],
  ['ongoing', 'in-progress'],
  [0.4, 'in-progress'],
  // not started
  ['Chưa triển khai', 'not-started'],
  ['Chưa hoàn thành', 'not-started'],
  ['chưa hoàn thành', 'not-started'],
  ['Không hoàn thành', 'not-started'],
  ['Không thực hiện', 'not-started'],
  ['Tạm dừng', 'not-started'],
  ['Tạm dừng do chờ hướng dẫn của Bộ', 'not-started'],
  ['Chưa triển khai, đang chờ hướng dẫn', 'not-started'],
  ['Đang chờ hướng dẫn của Trung ương', 'not-started'],
  ['Hủy', 'not-started'],
  ['Not started', 'not-started'],
  ['Quá hạn', 'not-started'],
  ['Đã quá hạn', 'not-started'],
  ['0%', 'not-started'],
  ['FALSE', 'not-started'],
  [false, 'not-started'],
  [0, 'not-started'],
  ['Ghi chú thêm của phòng', 'not-started'],
  ['?', 'not-started'],
];

describe('parseStatus', () => {
  it.each(cases)('%j → %s', (value, status) => {
    expect(parseStatus(value)).toBe(status);
  });

  it.each(cases.filter(([v]) => typeof v === 'string'))('NFD %j → %s', (value, status) => {
    expect(parseStatus((value as string).normalize('NFD'))).toBe(status);
  });

  it('keeps the drop-down choices in order, each understood as its own class', () => {
    expect(STATUS_CHOICES).toEqual(['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành']);
    expect(STATUS_CHOICES.map((c) => parseStatus(c))).toEqual(['not-started', 'in-progress', 'done']);
  });

  it('every done wording is done, every in-progress wording is in progress, all NFC and distinct', () => {
    for (const w of DONE_WORDINGS) {
      expect(parseStatus(w)).toBe('done');
      expect(w).toBe(w.normalize('NFC'));
      expect(w).toBe(w.trim());
    }
    for (const w of IN_PROGRESS_WORDINGS) {
      expect(parseStatus(w)).toBe('in-progress');
      expect(w).toBe(w.normalize('NFC'));
    }
    for (const w of ['Hoàn thành', 'Đã hoàn thành', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Hoàn thành trước hạn']) {
      expect(DONE_WORDINGS).toContain(w);
    }
    for (const w of ['Đang thực hiện', 'Đang triển khai']) expect(IN_PROGRESS_WORDINGS).toContain(w);
    // Excel compares case-insensitively: no two wordings may differ by case only
    const lower = [...DONE_WORDINGS, ...IN_PROGRESS_WORDINGS].map((w) => w.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    // a formula quotes them: no double quote inside
    expect(lower.some((w) => w.includes('"'))).toBe(false);
  });

  it('never throws and returns a status or null', () => {
    const ok = new Set(['not-started', 'in-progress', 'done', null]);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.boolean(), fc.constant(null)), (v) => {
        expect(ok.has(parseStatus(v))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
