/**
 * A PlanHost held in memory for the pane's component tests: analyses are built by hand from a
 * readable description of the plan's rows (so the UI tests do not depend on the engine's
 * recognition), every call is recorded, and any call can be held open to observe busy states.
 */
import type { Analysis, ColumnRole, Issue, IssueCode, ISODate, Lang, ResolvedCell, Severity, TaskRow } from '../../src/engine/model';
import type { AsOfSetting, CheckOutcome, CheckRequest, PlanHost, ReportOutcome, ReportRequest } from '../../src/hosts/plan-host';
import { SEVERITY } from '../../src/engine/issues';
import { emptyWorkbookState, type ColumnCorrection, type Settings, type WorkbookState } from '../../src/engine/settings';

const SEVERITIES: Record<IssueCode, Severity> = SEVERITY;

export interface TaskSpec {
  /** Excel row number (1-based). */
  row: number;
  stt?: string;
  section?: string;
  task: string;
  output?: string;
  lead?: string;
  deadline?: string;
  due?: ISODate | null;
  status?: TaskRow['status'];
  doneDate?: ISODate | null;
  issues?: [IssueCode, string][];
}

export interface PlanSpec {
  sheetName?: string;
  planYear?: number;
  agency?: string | null;
  asOf?: ISODate;
  lang?: Lang;
  sections?: { id: string; title: string; row: number }[];
  tasks: TaskSpec[];
  /** Roles the user corrected (shown as such). */
  corrected?: ColumnRole[];
  /** Override where roles sit (sheet column, 0-based). */
  columns?: Partial<Record<ColumnRole, number>>;
}

/** The plan's columns, A..G, as a sheet in the style of the seeds lays them out. */
export const HEADERS: Record<number, string> = {
  0: 'STT',
  1: 'Nhiệm vụ',
  2: 'Sản phẩm',
  3: 'Thời gian hoàn thành',
  4: 'Chủ trì thực hiện',
  5: 'Phối hợp thực hiện',
  6: 'Ghi chú',
};

function cell(text: string | undefined): ResolvedCell | undefined {
  return text === undefined ? undefined : { text, value: text, error: null, inherited: false };
}

export function makeAnalysis(spec: PlanSpec): Analysis {
  const tasks: TaskRow[] = spec.tasks.map((t) => {
    const issues: Issue[] = (t.issues ?? []).map(([code, message]) => ({ code, severity: SEVERITIES[code], message, params: {} }));
    const due = t.due ?? null;
    return {
      row: t.row - 1,
      section: t.section ?? null,
      stt: t.stt ?? null,
      cells: {
        ...(t.stt ? { stt: cell(t.stt) } : {}),
        task: cell(t.task),
        ...(t.output !== undefined ? { output: cell(t.output) } : {}),
        ...(t.lead !== undefined ? { lead: cell(t.lead) } : {}),
        ...(t.deadline !== undefined ? { deadline: cell(t.deadline) } : {}),
      },
      continuationRows: [],
      deadline: {
        text: t.deadline ?? '',
        kind: due ? 'date' : t.deadline ? 'event' : 'missing',
        due,
        start: null,
        steps: [],
        every: [],
        onDemand: false,
        offset: null,
      },
      outputKind: t.output ? 'deliverable' : 'missing',
      status: t.status ?? null,
      doneDate: t.doneDate ?? null,
      issues,
    };
  });
  const all = tasks.flatMap((t) => t.issues);
  const byCode: Partial<Record<IssueCode, number>> = {};
  for (const i of all) byCode[i.code] = (byCode[i.code] ?? 0) + 1;
  const lastRow = Math.max(5, ...tasks.map((t) => t.row));
  const sheetName = spec.sheetName ?? 'Phụ lục';
  return {
    sheetName,
    planYear: spec.planYear ?? 2024,
    planYearSource: 'title',
    asOf: spec.asOf ?? '2024-05-15',
    lang: spec.lang ?? 'vi',
    agency: spec.agency === undefined ? 'Sở Xây dựng' : spec.agency,
    table: {
      headerRows: [3],
      numberingRow: 4,
      firstRow: 5,
      lastRow,
      firstCol: 0,
      lastCol: 6,
      columns: spec.columns ?? { stt: 0, task: 1, output: 2, deadline: 3, lead: 4, support: 5, note: 6 },
      headers: HEADERS,
      corrected: spec.corrected ?? [],
    },
    rows: tasks.map((task) => ({ row: task.row, kind: 'task' as const, hidden: false, task })),
    tasks,
    sections: (spec.sections ?? []).map((s) => ({ id: s.id, title: s.title, row: s.row - 1 })),
    summary: {
      tasks: tasks.length,
      errors: all.filter((i) => i.severity === 'error').length,
      warnings: all.filter((i) => i.severity === 'warning').length,
      infos: all.filter((i) => i.severity === 'info').length,
      byCode,
    },
    tracking: { columns: { status: 7, doneDate: 8, result: 9, dueDate: 10, check: 11 }, reused: false },
    changes: { sheet: sheetName, writes: [], formats: [], validations: [], conditionalFormats: { tag: 'cchc', rules: [] }, sheets: [] },
  };
}

/** A promise whose settling the test decides. */
export interface Gate {
  promise: Promise<void>;
  open: () => void;
  fail: (err: unknown) => void;
}

export function gate(): Gate {
  let open!: () => void;
  let fail!: (err: unknown) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

export class MemoryHost implements PlanHost {
  state: WorkbookState = emptyWorkbookState();
  /** What inspect and check return, by language (the engine's messages are per language). */
  outcome: (request: CheckRequest) => CheckOutcome;
  reportOutcome: (request: ReportRequest) => Promise<ReportOutcome> = async (request) => ({ ok: true, sheetName: `BC ${request.period}-${request.year}`, replaced: false });
  /** When set, the next call of that method waits for the gate (and fails if it fails). */
  holds: Partial<Record<keyof PlanHost, Gate>> = {};
  calls: { method: keyof PlanHost; args: unknown[] }[] = [];
  selected: { sheet: string; address: string } | null = null;
  /** The sheet's as-of cell: null until a check writes it. */
  asOfCell: AsOfSetting | null = null;
  selectError: Error | null = null;

  constructor(outcome: (request: CheckRequest) => CheckOutcome) {
    this.outcome = outcome;
  }

  private async enter(method: keyof PlanHost, args: unknown[]): Promise<void> {
    this.calls.push({ method, args });
    const held = this.holds[method];
    if (held) {
      delete this.holds[method];
      await held.promise;
    }
  }

  callsOf(method: keyof PlanHost): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  async inspect(request: CheckRequest): Promise<CheckOutcome> {
    await this.enter('inspect', [request]);
    return this.outcome(request);
  }

  async check(request: CheckRequest): Promise<CheckOutcome> {
    await this.enter('check', [request]);
    const outcome = this.outcome(request);
    if (outcome.ok) this.asOfCell = request.fixAsOf ? { mode: 'fixed', day: request.asOf } : { mode: 'live' };
    return outcome;
  }

  async readAsOf(): Promise<AsOfSetting | null> {
    await this.enter('readAsOf', []);
    return this.asOfCell;
  }

  async setAsOf(setting: AsOfSetting): Promise<boolean> {
    await this.enter('setAsOf', [setting]);
    if (!this.asOfCell) return false;
    this.asOfCell = setting;
    return true;
  }

  async select(sheet: string, address: string): Promise<void> {
    await this.enter('select', [sheet, address]);
    if (this.selectError) throw this.selectError;
    this.selected = { sheet, address };
  }

  async loadState(): Promise<WorkbookState> {
    await this.enter('loadState', []);
    return JSON.parse(JSON.stringify(this.state)) as WorkbookState;
  }

  async saveCorrection(sheet: string, correction: ColumnCorrection): Promise<void> {
    await this.enter('saveCorrection', [sheet, correction]);
    this.state.corrections[sheet] = correction;
  }

  async saveSettings(settings: Settings): Promise<void> {
    await this.enter('saveSettings', [settings]);
    this.state.settings = settings;
  }

  async buildReport(request: ReportRequest): Promise<ReportOutcome> {
    await this.enter('buildReport', [request]);
    return this.reportOutcome(request);
  }
}
