/** Words on the report sheet, Vietnamese first, English second (NFC). */
import type { Lang, TaskStatus } from '../engine/model';
import type { TaskClass } from './classify';

export interface ReportLabels {
  dataPeriod: (from: string, to: string) => string;
  asOfAndDue: (asOf: string, due: string) => string;
  classHeading: Record<TaskClass, string>;
  total: string;
  done: string;
  rate: string;
  stt: string;
  sectionHeading: string;
  sectionColumn: string;
  leadHeading: string;
  leadColumn: string;
  leadNote: string;
  totalsRow: string;
  noSection: string;
  noLead: string;
  overdueHeading: string;
  upcomingHeading: (nextPeriod: string, from: string, to: string) => string;
  qualityHeading: string;
  task: string;
  lead: string;
  due: string;
  status: string;
  daysLate: string;
  daysLeft: string;
  appendixRow: string;
  issues: string;
  reasons: string;
  rowRef: (row: number) => string;
  none: string;
  chartTitle: string;
  statusWord: Record<TaskStatus, string>;
  doneOn: (date: string) => string;
}

const VI: ReportLabels = {
  dataPeriod: (from, to) => `(Số liệu tính từ ngày ${from} đến ngày ${to})`,
  asOfAndDue: (asOf, due) => `Tình trạng nhiệm vụ tính đến ngày ${asOf}. Hạn gửi báo cáo: ngày ${due}.`,
  classHeading: {
    doneOnTime: 'Hoàn thành đúng hạn',
    doneLate: 'Hoàn thành quá hạn',
    inProgress: 'Đang thực hiện trong hạn',
    overdue: 'Quá hạn chưa hoàn thành',
    notDue: 'Chưa đến hạn',
    notFixed: 'Không có mốc thời gian',
  },
  total: 'Tổng số nhiệm vụ',
  done: 'Tổng số hoàn thành',
  rate: 'Tỷ lệ hoàn thành',
  stt: 'STT',
  sectionHeading: 'I. KẾT QUẢ THEO LĨNH VỰC CẢI CÁCH',
  sectionColumn: 'Lĩnh vực cải cách',
  leadHeading: 'II. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ',
  leadColumn: 'Đơn vị chủ trì',
  leadNote:
    'Ghi chú: nhiệm vụ có nhiều đơn vị chủ trì được tính cho từng đơn vị, nên tổng của bảng này có thể lớn hơn tổng số nhiệm vụ của kế hoạch.',
  totalsRow: 'Tổng cộng',
  noSection: '(Chưa thuộc lĩnh vực nào)',
  noLead: '(Chưa xác định đơn vị chủ trì)',
  overdueHeading: 'III. NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH',
  upcomingHeading: (next, from, to) => `IV. NHIỆM VỤ ĐẾN HẠN TRONG KỲ TIẾP THEO (${next}: từ ngày ${from} đến ngày ${to})`,
  qualityHeading: 'V. DÒNG CẦN HOÀN THIỆN DỮ LIỆU (đơn vị chủ trì, thời hạn, sản phẩm)',
  task: 'Nhiệm vụ',
  lead: 'Đơn vị chủ trì',
  due: 'Thời hạn',
  status: 'Tình trạng',
  daysLate: 'Số ngày quá hạn',
  daysLeft: 'Số ngày còn lại',
  appendixRow: 'Dòng trong phụ lục',
  issues: 'Vấn đề',
  reasons: 'Lý do',
  rowRef: (row) => `Dòng ${row}`,
  none: 'Không có nhiệm vụ nào.',
  chartTitle: 'Kết quả thực hiện nhiệm vụ theo lĩnh vực cải cách',
  statusWord: { 'not-started': 'Chưa thực hiện', 'in-progress': 'Đang thực hiện', done: 'Hoàn thành' },
  doneOn: (date) => `Hoàn thành ngày ${date}`,
};

const EN: ReportLabels = {
  dataPeriod: (from, to) => `(Data from ${from} to ${to})`,
  asOfAndDue: (asOf, due) => `Task status as of ${asOf}. Report due: ${due}.`,
  classHeading: {
    doneOnTime: 'Done on time',
    doneLate: 'Done late',
    inProgress: 'In progress, on schedule',
    overdue: 'Overdue, not done',
    notDue: 'Not yet due',
    notFixed: 'No fixed date',
  },
  total: 'Tasks',
  done: 'Done',
  rate: 'Completion rate',
  stt: 'No.',
  sectionHeading: 'I. RESULTS BY REFORM AREA',
  sectionColumn: 'Reform area',
  leadHeading: 'II. RESULTS BY LEAD UNIT',
  leadColumn: 'Lead unit',
  leadNote: 'Note: a task with several lead units counts once for each unit, so this table’s totals may exceed the plan’s.',
  totalsRow: 'Total',
  noSection: '(No section)',
  noLead: '(No lead unit)',
  overdueHeading: 'III. OVERDUE TASKS NOT DONE',
  upcomingHeading: (next, from, to) => `IV. TASKS DUE IN THE NEXT PERIOD (${next}: ${from} to ${to})`,
  qualityHeading: 'V. ROWS WITH INCOMPLETE DATA (lead unit, deadline, output)',
  task: 'Task',
  lead: 'Lead unit',
  due: 'Due',
  status: 'Status',
  daysLate: 'Days late',
  daysLeft: 'Days left',
  appendixRow: 'Appendix row',
  issues: 'Problems',
  reasons: 'Reasons',
  rowRef: (row) => `Row ${row}`,
  none: 'No tasks.',
  chartTitle: 'Task results by reform area',
  statusWord: { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done' },
  doneOn: (date) => `Done on ${date}`,
};

export function reportLabels(lang: Lang): ReportLabels {
  return lang === 'en' ? EN : VI;
}
