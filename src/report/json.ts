/** The report as the `report --json` contract prints it (src/contract/report-json.ts). */
import type { ReportJson } from '../contract/report-json';
import type { ClassCounts } from './classify';
import type { ReportModel, ReportTask } from './model';

function countsJson(c: ClassCounts, rate: number | null) {
  return {
    total: c.total,
    doneOnTime: c.doneOnTime,
    doneLate: c.doneLate,
    done: c.done,
    inProgress: c.inProgress,
    overdue: c.overdue,
    notDue: c.notDue,
    notFixed: c.notFixed,
    rate,
  };
}

function taskRef(t: ReportTask) {
  return { row: t.row, stt: t.stt, task: t.task, lead: t.lead, due: t.due, status: t.status, doneDate: t.doneDate };
}

export function reportJson(model: ReportModel, file: string): ReportJson {
  return {
    file,
    sheet: model.sourceSheet,
    agency: model.agency,
    period: model.period.id,
    year: model.period.year,
    from: model.period.from,
    to: model.period.to,
    due: model.period.due,
    asOf: model.asOf,
    next: { period: model.next.id, year: model.next.year, from: model.upcomingWindow.from, to: model.upcomingWindow.to },
    bySection: model.bySection.map((s) => ({ section: s.section, title: s.title, ...countsJson(s.counts, s.rate) })),
    byLead: model.byLead.map((u) => ({ lead: u.lead, spellings: u.spellings, ...countsJson(u.counts, u.rate) })),
    total: countsJson(model.total, model.totalRate),
    overdue: model.overdue.map((t) => ({ ...taskRef(t), daysLate: t.daysLate ?? 0 })),
    upcoming: model.upcoming.map((t) => ({ ...taskRef(t), daysLeft: t.daysLeft })),
    dataQuality: model.dataQuality.map((q) => ({ ...taskRef(q), codes: q.codes, reasons: q.reasons })),
    sheetName: model.sheetName,
  };
}
