/**
 * A small plan in the style of a department's appendix (own wording), as the memory host's
 * analysis: two sections, six tasks, problems of every severity, and one task whose text holds
 * markup that must be shown as typed.
 */
import type { Lang } from '../../src/engine/model';
import type { CheckRequest, CheckOutcome } from '../../src/hosts/plan-host';
import { makeAnalysis, type PlanSpec } from './memory-host';

export const MARKUP_TASK = 'Số hóa <b>hồ sơ</b> lưu trữ <img src=x onerror="window.__pwned=1"> năm 2023';

const MESSAGES: Record<Lang, Record<string, string>> = {
  vi: {
    lead: 'Chưa có đơn vị chủ trì.',
    overdue: 'Quá hạn 45 ngày (hạn 31/03/2024) mà chưa hoàn thành.',
    vague: 'Sản phẩm chưa có chỉ tiêu đo được và chưa phải một văn bản cụ thể.',
    outputMissing: 'Chưa ghi sản phẩm.',
    deadlineMissing: 'Chưa ghi thời hạn.',
    soon: 'Còn 16 ngày đến hạn (31/05/2024).',
  },
  en: {
    lead: 'No lead unit.',
    overdue: 'Overdue by 45 days (due 31/03/2024) and not done.',
    vague: 'The output has no measurable target and is not a concrete document.',
    outputMissing: 'No output given.',
    deadlineMissing: 'No deadline given.',
    soon: 'Due in 16 days (31/05/2024).',
  },
};

export function samplePlan(lang: Lang): PlanSpec {
  const m = MESSAGES[lang];
  return {
    sheetName: 'Phụ lục KH CCHC',
    planYear: 2024,
    agency: 'Sở Xây dựng',
    lang,
    sections: [
      { id: 'I', title: 'Cải cách thể chế', row: 6 },
      { id: 'II', title: 'Cải cách thủ tục hành chính', row: 9 },
    ],
    tasks: [
      { row: 7, stt: '1', section: 'I', task: 'Rà soát văn bản quy phạm pháp luật về quản lý xây dựng', output: 'Báo cáo kết quả rà soát', lead: 'Phòng Pháp chế', deadline: 'Tháng 5/2024', due: '2024-05-31', status: 'in-progress', issues: [['due-soon', m.soon]] },
      { row: 8, stt: '2', section: 'I', task: 'Tuyên truyền pháp luật cho công chức, viên chức', output: 'Ít nhất 02 hội nghị', lead: '', deadline: 'Quý II/2024', due: '2024-06-30', issues: [['lead-missing', m.lead]] },
      { row: 10, stt: '1', section: 'II', task: 'Công bố danh mục thủ tục hành chính sửa đổi, bổ sung', output: 'Quyết định công bố', lead: 'Văn phòng Sở', deadline: 'Tháng 3/2024', due: '2024-03-31', issues: [['overdue', m.overdue]] },
      { row: 11, stt: '2', section: 'II', task: MARKUP_TASK, output: 'Kết quả số hóa', lead: 'Văn phòng Sở', deadline: 'Tháng 9/2024', due: '2024-09-30', issues: [['output-unquantified', m.vague]] },
      { row: 12, stt: '3', section: 'II', task: 'Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa', output: '', lead: 'Văn phòng Sở', deadline: '', issues: [['deadline-missing', m.deadlineMissing], ['output-missing', m.outputMissing]] },
      { row: 13, stt: '4', section: 'II', task: 'Cập nhật quy trình nội bộ giải quyết thủ tục hành chính', output: 'Quy trình nội bộ', lead: '', deadline: 'Tháng 6/2024', due: '2024-06-30', status: 'done', doneDate: '2024-04-20', issues: [['lead-missing', m.lead]] },
    ],
  };
}

/** What the host answers: the sample plan analysed in the language asked for, as of the day asked. */
export function sampleOutcome(request: CheckRequest): CheckOutcome {
  return { ok: true, analysis: { ...makeAnalysis(samplePlan(request.lang)), asOf: request.asOf } };
}
