/**
 * Hand-built TaskRow and Analysis objects, for unit tests of the report's pieces that do not
 * need the engine's table recognition. The plan-level tests go through analyzeSheet.
 */
import type { Analysis, Deadline, DeadlineKind, Issue, ISODate, ResolvedCell, SectionInfo, TaskRow, TaskStatus } from '../../src/engine/model';

export function deadline(kind: DeadlineKind, due: ISODate | null, text = ''): Deadline {
  return { text, kind, due, start: null, steps: [], every: [], onDemand: false, offset: null };
}

function cell(text: string, value: string = text): ResolvedCell {
  return { text, value, error: null, inherited: false };
}

export interface HandTask {
  /** Excel row number (1-based). */
  row: number;
  section?: string | null;
  stt?: string | null;
  task?: string;
  lead?: string;
  /** Raw lead value when it differs from the resolved text (line breaks). */
  leadRaw?: string;
  deadline: Deadline;
  status?: TaskStatus | null;
  doneDate?: ISODate | null;
  issues?: Issue[];
}

export function taskRow(t: HandTask): TaskRow {
  const cells: TaskRow['cells'] = {};
  if (t.task !== undefined) cells.task = cell(t.task);
  if (t.lead !== undefined) cells.lead = cell(t.lead, t.leadRaw ?? t.lead);
  return {
    row: t.row - 1,
    section: t.section ?? null,
    stt: t.stt ?? null,
    cells,
    continuationRows: [],
    deadline: t.deadline,
    outputKind: 'deliverable',
    status: t.status ?? null,
    doneDate: t.doneDate ?? null,
    issues: t.issues ?? [],
  };
}

/** Sections given with Excel row numbers. */
export function handAnalysis(tasks: HandTask[], sections: { id: string; title: string; row: number }[], sheetName = 'Phụ lục'): Analysis {
  const rows = tasks.map(taskRow);
  const sectionInfos: SectionInfo[] = sections.map((s) => ({ id: s.id, title: s.title, row: s.row - 1 }));
  return {
    sheetName,
    planYear: 2024,
    planYearSource: 'title',
    asOf: '2024-03-14',
    lang: 'vi',
    agency: 'Sở Thông tin và Truyền thông',
    table: { headerRows: [4], numberingRow: null, firstRow: 5, lastRow: 40, firstCol: 0, lastCol: 7, columns: { stt: 0, task: 1, output: 2, lead: 3, deadline: 4 }, headers: {}, corrected: [] },
    rows: [],
    tasks: rows,
    sections: sectionInfos,
    summary: { tasks: rows.length, errors: 0, warnings: 0, infos: 0, byCode: {} },
    tracking: { columns: { status: 8, doneDate: 9, result: 10, dueDate: 11, check: 12 }, reused: false },
    changes: { sheet: sheetName, writes: [], formats: [], validations: [], conditionalFormats: { tag: 'cchc', rules: [] }, sheets: [] },
  };
}
