/**
 * The Word report's draft: sentences made from the counts and the lists only, worked out by hand
 * from the report fixture (test/report/plan-fixture.ts; Q1: D = 14/03/2024).
 */
import { analyzeSheet } from '../../src/engine/analyze';
import type { Lang } from '../../src/engine/model';
import { engineWording } from '../../src/i18n/engine';
import { buildReport, type PeriodId } from '../../src/report';
import { areaSentence, formatRate, narrativeDraft, sentenceCase } from '../../src/report/narrative';
import { toGrid } from '../../src/testing/plans';
import { PLAN_2024 } from './plan-fixture';

function model(period: PeriodId, lang: Lang = 'vi') {
  const result = analyzeSheet(toGrid(PLAN_2024), { asOf: '2024-12-14', wording: engineWording(lang) });
  if (!result.ok) throw new Error(result.failure.message);
  return buildReport(result.analysis, { period, year: 2024, lang, madeOn: '2024-03-18' }).model;
}

test('a plan heading in a sentence: lower case, abbreviations kept; mixed case loses only its capital', () => {
  expect(sentenceCase('CẢI CÁCH THỦ TỤC HÀNH CHÍNH')).toBe('cải cách thủ tục hành chính');
  expect(sentenceCase('XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ')).toBe('xây dựng và phát triển chính quyền điện tử, chính quyền số');
  expect(sentenceCase('CẢI CÁCH TTHC VÀ NÂNG CAO CHỈ SỐ PAR INDEX')).toBe('cải cách TTHC và nâng cao chỉ số PAR INDEX');
  expect(sentenceCase('Cải cách thể chế')).toBe('cải cách thể chế');
  expect(sentenceCase('TTHC liên thông')).toBe('TTHC liên thông');
});

test('rates as people write them', () => {
  expect([formatRate(2 / 3, 'vi'), formatRate(2 / 3, 'en'), formatRate(0, 'vi'), formatRate(null, 'vi')]).toEqual(['66,7%', '66.7%', '0,0%', '']);
});

test('Q1, by hand: each area\'s sentence says its counts and names its overdue tasks with their due dates', () => {
  const m = model('Q1');
  const [i, ii] = m.bySection;
  // I: T1 on time, T2 late, T3 in progress.
  expect(areaSentence(i, m.overdue.filter((t) => t.area === 0), 'vi')).toBe(
    'Lĩnh vực cải cách thể chế: 2/3 nhiệm vụ hoàn thành (trong đó 1 nhiệm vụ hoàn thành quá hạn), 1 nhiệm vụ đang thực hiện trong hạn.',
  );
  // II: T4 in progress, T5 overdue (due 29/02, 14 days late), T6 not due, T7 no fixed date.
  expect(areaSentence(ii, m.overdue.filter((t) => t.area === 1), 'vi')).toBe(
    'Lĩnh vực cải cách thủ tục hành chính: 0/4 nhiệm vụ hoàn thành, 1 nhiệm vụ đang thực hiện trong hạn, 1 nhiệm vụ chưa đến hạn, 1 nhiệm vụ chưa có mốc thời gian cụ thể, 1 nhiệm vụ quá hạn: “Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực thủy lợi” (hạn 29/02/2024, quá 14 ngày).',
  );
  const en = model('Q1', 'en');
  expect(areaSentence(en.bySection[1], en.overdue.filter((t) => t.area === 1), 'en')).toBe(
    'Area “cải cách thủ tục hành chính”: 0 of 4 tasks done, 1 in progress on schedule, 1 not yet due, 1 without a fixed date, 1 overdue: “Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực thủy lợi” (due 29/02/2024, 14 days late).',
  );
});

test('the outline: every area under II, the whole plan\'s counts under III, the tasks due next under IV', () => {
  const m = model('Q1');
  const draft = narrativeDraft(m);
  expect(draft.opening).toBe('Thực hiện Kế hoạch cải cách hành chính năm 2024, Sở Nông nghiệp và Phát triển nông thôn báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2024 như sau:');
  expect(draft.results.areas.map((a) => a.heading)).toEqual(['1. Cải cách thể chế', '2. Cải cách thủ tục hành chính', '3. Cải cách tổ chức bộ máy', '4. Cải cách chế độ công vụ', '5. Cải cách tài chính công']);
  // Q1 totals by hand: 2 on time, 1 late, 5 in progress, 1 overdue, 3 not due, 3 no fixed date.
  expect(draft.assessment.strengths.paragraphs[0]).toBe(
    'Kế hoạch cải cách hành chính năm 2024 có 15 nhiệm vụ thuộc 5 lĩnh vực. Tính đến ngày 14/03/2024, đã hoàn thành 3/15 nhiệm vụ (đạt 20,0%), trong đó 2 nhiệm vụ hoàn thành đúng hạn, 1 nhiệm vụ hoàn thành quá hạn; 5 nhiệm vụ đang thực hiện trong hạn; 1 nhiệm vụ quá hạn chưa hoàn thành; 3 nhiệm vụ chưa đến hạn; 3 nhiệm vụ chưa có mốc thời gian cụ thể.',
  );
  // Due from 15/03 to 14/06/2024: T3 only (31/03).
  expect(draft.nextPeriod.intro).toBe('Trong quý II năm 2024, tập trung hoàn thành 1 nhiệm vụ đến hạn (Bảng 5):');
  expect(draft.nextPeriod.tasks).toEqual(['Tham mưu sửa đổi Quy chế làm việc của cơ quan (chủ trì: văn phòng sở; hạn 31/03/2024).']);
  expect(draft.nextPeriod.overdueNote).toBe('Khẩn trương hoàn thành 1 nhiệm vụ quá hạn nêu tại mục III.');
  // What only the official knows is left dotted, never made up.
  expect(draft.proposals.paragraphs).toEqual(['………… (đơn vị bổ sung)']);
});

test('an area of direction and organisation is drafted under I, not II', () => {
  const m = model('Q1');
  const direction = { ...m, bySection: [...m.bySection, { section: 'VI', title: 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH', counts: m.bySection[0].counts, rate: m.bySection[0].rate }] };
  const draft = narrativeDraft(direction);
  expect(draft.direction.paragraphs[0]).toMatch(/^Lĩnh vực công tác chỉ đạo, điều hành cải cách hành chính: 2\/3 nhiệm vụ hoàn thành/);
  expect(draft.results.areas.map((a) => a.area)).toEqual([0, 1, 2, 3, 4]);
});
