/**
 * The `validate --json` contract (cli-json.md): one object per input file, one per line. Field
 * names are fixed; fields may be added, none renamed. Excel row numbers (1-based), column
 * letters, ISO dates. The schema is strict so that a test notices any field that slips in
 * unannounced; the CLI's tests parse its own output with it.
 *
 * Fields beyond the spec's example (allowed by "more fields may be added"): table.tracking
 * (where the tracking block is), rows[].task (the task's own words), rows[].doneDate,
 * rows[].deadline.offset (event deadlines), rows[].hidden, legacyCells (cells that held TCVN3
 * or VNI text and were read as Unicode; present only when there were such cells).
 */
import { z } from 'zod';
import { ISSUE_CODES } from '../engine/issues';
import type { Analysis, ColumnRole, Deadline, Issue, PlanRow, TaskRow } from '../engine/model';
import { columnLetter } from '../engine/a1';
import { ListMadeAsPrinted } from './made-as-printed';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const excelRow = z.number().int().min(1);
const letter = z.string().regex(/^[A-Z]{1,3}$/);
const count = z.number().int().min(0);

export const issueCodeSchema = z.enum(ISSUE_CODES);

/** The columns the JSON names, in the spec's order. */
export const JSON_COLUMN_ROLES = [
  'stt', 'objective', 'task', 'activity', 'output', 'lead', 'support', 'deadline', 'budget',
  'note', 'monitor', 'status', 'doneDate', 'result', 'start',
] as const satisfies readonly ColumnRole[];

const columnsSchema = z.strictObject(
  Object.fromEntries(JSON_COLUMN_ROLES.map((r) => [r, letter.nullable()])) as Record<(typeof JSON_COLUMN_ROLES)[number], z.ZodNullable<typeof letter>>,
);

const deadlineSchema = z.strictObject({
  text: z.string(),
  kind: z.enum(['date', 'recurring', 'milestones', 'event', 'reference', 'missing', 'unparsed']),
  due: isoDate.nullable(),
  start: isoDate.nullable(),
  steps: z.array(z.strictObject({ due: isoDate, text: z.string() })),
  every: z.array(z.enum(['continuous', 'month', 'quarter', 'half', 'year'])),
  onDemand: z.boolean(),
  offset: z.strictObject({ amount: z.number(), unit: z.enum(['day', 'workday', 'month']) }).nullable(),
});

const issueSchema = z.strictObject({
  code: issueCodeSchema,
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string().min(1),
});

const sectionRow = z.strictObject({ row: excelRow, kind: z.literal('section'), hidden: z.boolean(), section: z.string(), title: z.string() });
const taskRow = z.strictObject({
  row: excelRow,
  kind: z.literal('task'),
  hidden: z.boolean(),
  section: z.string().nullable(),
  stt: z.string().nullable(),
  task: z.string().nullable(),
  lead: z.string().nullable(),
  deadline: deadlineSchema,
  output: z.strictObject({ text: z.string(), kind: z.enum(['measurable', 'deliverable', 'vague', 'missing']) }),
  status: z.enum(['not-started', 'in-progress', 'done']).nullable(),
  doneDate: isoDate.nullable(),
  issues: z.array(issueSchema),
});
const continuationRow = z.strictObject({ row: excelRow, kind: z.literal('continuation'), hidden: z.boolean(), of: excelRow });
const otherRow = z.strictObject({ row: excelRow, kind: z.enum(['header', 'numbering', 'blank', 'note']), hidden: z.boolean() });

export const validateRowJsonSchema = z.discriminatedUnion('kind', [sectionRow, taskRow, continuationRow, otherRow]);

export const validateJsonSchema = z.strictObject({
  file: z.string(),
  sheet: z.string(),
  planYear: z.number().int(),
  asOf: isoDate,
  table: z.strictObject({
    headerRows: z.array(excelRow).min(1),
    firstRow: excelRow,
    lastRow: excelRow,
    columns: columnsSchema,
    tracking: z.strictObject({
      status: letter,
      doneDate: letter,
      result: letter,
      dueDate: letter,
      check: letter,
      reused: z.boolean(),
    }),
  }),
  rows: z.array(validateRowJsonSchema),
  summary: z.strictObject({
    tasks: count,
    errors: count,
    warnings: count,
    infos: count,
    byCode: z.partialRecord(issueCodeSchema, count),
  }),
  legacyCells: z.array(z.strictObject({ row: excelRow, col: letter, encoding: z.enum(['tcvn3', 'vni']) })).optional(),
});
export type ValidateJson = z.infer<typeof validateJsonSchema>;
export type ValidateRowJson = z.infer<typeof validateRowJsonSchema>;

/** The line printed for a file that could not be checked (exit status 2). */
export const validateFailureJsonSchema = z.strictObject({
  file: z.string(),
  error: z.strictObject({ code: z.string().min(1), message: z.string().min(1) }),
});
export type ValidateFailureJson = z.infer<typeof validateFailureJsonSchema>;

/** Any line of `validate --json` output. */
export const validateLineJsonSchema = z.union([validateJsonSchema, validateFailureJsonSchema]);

function taskText(task: TaskRow): string | null {
  const text = task.cells.task?.text || task.cells.activity?.text || '';
  return text === '' ? null : text;
}

type TaskRowJson = Extract<ValidateRowJson, { kind: 'task' }>;

function deadlineJson(d: Deadline): TaskRowJson['deadline'] {
  return {
    text: d.text,
    kind: d.kind,
    due: d.due,
    start: d.start,
    steps: d.steps.map((s) => ({ due: s.due, text: s.text })),
    every: d.every.slice(),
    onDemand: d.onDemand,
    offset: d.offset ? { amount: d.offset.amount, unit: d.offset.unit } : null,
  };
}

function outputJson(t: TaskRow): TaskRowJson['output'] {
  return { text: t.cells.output?.text ?? '', kind: t.outputKind };
}

function issueJson(i: Issue): TaskRowJson['issues'][number] {
  return { code: i.code, severity: i.severity, message: i.message };
}

/** Equal plain data (objects, arrays, primitives), whatever the order of the keys. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let keys = 0;
  for (const key in ra) {
    if (!Object.hasOwn(rb, key) || !sameData(ra[key], rb[key])) return false;
    keys++;
  }
  for (const _key in rb) keys--;
  return keys === 0;
}

/** Most distinct values one Shared keeps: a memo for the repeated ones, not a copy. */
const SHARED_MAX = 4096;

/**
 * The JSON of equal engine values as one object: the same deadline, output or issue on many
 * rows is built once, and the printer (src/cli/json-pieces.ts) stringifies it once. The data is
 * unchanged (each JSON is a function of its source only, and sources are compared with `same`
 * before their JSON is shared); only the identity of equal sub-objects is. Nothing may change
 * the returned object (none of the contract's callers does).
 */
class Shared<S, J> {
  private readonly byKey = new Map<string, { source: S; json: J }>();

  constructor(
    private readonly key: (source: S) => string,
    /** True when `json` gives both the same result. */
    private readonly same: (a: S, b: S) => boolean,
    private readonly json: (source: S) => J,
  ) {}

  of(source: S): J {
    const key = this.key(source);
    const known = this.byKey.get(key);
    if (known !== undefined && (known.source === source || this.same(known.source, source))) return known.json;
    const json = this.json(source);
    if (this.byKey.size >= SHARED_MAX) this.byKey.clear();
    this.byKey.set(key, { source, json });
    return json;
  }
}

/** The shared sub-objects of one file's rows. */
function rowParts() {
  return {
    deadlines: new Shared<Deadline, TaskRowJson['deadline']>((d) => d.text, sameData, deadlineJson),
    outputs: new Shared<TaskRow, TaskRowJson['output']>(
      (t) => t.cells.output?.text ?? '',
      (a, b) => a.outputKind === b.outputKind && (a.cells.output?.text ?? '') === (b.cells.output?.text ?? ''),
      outputJson,
    ),
    issues: new Shared<Issue, TaskRowJson['issues'][number]>(
      (i) => i.message,
      (a, b) => a.code === b.code && a.severity === b.severity && a.message === b.message,
      issueJson,
    ),
  };
}

function rowJson(row: PlanRow, parts: ReturnType<typeof rowParts>): ValidateRowJson {
  const at = row.row + 1;
  switch (row.kind) {
    case 'section':
      return { row: at, kind: 'section', hidden: row.hidden, section: row.section, title: row.title };
    case 'continuation':
      return { row: at, kind: 'continuation', hidden: row.hidden, of: row.of + 1 };
    case 'task': {
      const t = row.task;
      const lead = t.cells.lead?.text;
      return {
        row: at,
        kind: 'task',
        hidden: row.hidden,
        section: t.section,
        stt: t.stt,
        task: taskText(t),
        lead: lead ? lead : null,
        deadline: parts.deadlines.of(t.deadline),
        output: parts.outputs.of(t),
        status: t.status,
        doneDate: t.doneDate,
        issues: t.issues.map((i) => parts.issues.of(i)),
      };
    }
    default:
      return { row: at, kind: row.kind, hidden: row.hidden };
  }
}

/** The listed rows (rows above the table, titles, are not listed). */
function listedRows(rows: readonly PlanRow[], firstListed: number): ValidateRowJson[] {
  const parts = rowParts();
  const listed: ValidateRowJson[] = [];
  for (const row of rows) if (row.row >= firstListed) listed.push(rowJson(row, parts));
  return listed;
}

/** The contract's object for one checked file. `file` is the path as the user gave it. */
export function toValidateJson(analysis: Analysis, file: string): ValidateJson {
  return validateJsonWith(analysis, file, (firstListed) => listedRows(analysis.rows, firstListed));
}

/** What `toValidateJson` is with its rows a ListMadeAsPrinted: for the JSON printer only, which
 * prints exactly JSON.stringify(toValidateJson(analysis, file)) from it. */
export type ValidateJsonToPrint = Omit<ValidateJson, 'rows'> & { rows: ListMadeAsPrinted<ValidateRowJson> };

/** toValidateJson for printing: the same JSON text, each row's object made as it is printed. */
export function validateJsonToPrint(analysis: Analysis, file: string): ValidateJsonToPrint {
  return validateJsonWith(analysis, file, (firstListed) => {
    const listed: number[] = [];
    analysis.rows.forEach((row, i) => {
      if (row.row >= firstListed) listed.push(i);
    });
    const parts = rowParts();
    return new ListMadeAsPrinted(listed.length, (k) => rowJson(analysis.rows[listed[k]], parts));
  });
}

function validateJsonWith<R>(analysis: Analysis, file: string, listed: (firstListed: number) => R): Omit<ValidateJson, 'rows'> & { rows: R } {
  const { table, tracking } = analysis;
  const letterOf = (col: number | undefined) => (col === undefined ? null : columnLetter(col));
  const columns = Object.fromEntries(JSON_COLUMN_ROLES.map((r) => [r, letterOf(table.columns[r])])) as ValidateJson['table']['columns'];
  const firstListed = table.headerRows[0];
  return {
    file,
    sheet: analysis.sheetName,
    planYear: analysis.planYear,
    asOf: analysis.asOf,
    table: {
      headerRows: table.headerRows.map((r) => r + 1),
      firstRow: table.firstRow + 1,
      lastRow: table.lastRow + 1,
      columns,
      tracking: {
        status: columnLetter(tracking.columns.status),
        doneDate: columnLetter(tracking.columns.doneDate),
        result: columnLetter(tracking.columns.result),
        dueDate: columnLetter(tracking.columns.dueDate),
        check: columnLetter(tracking.columns.check),
        reused: tracking.reused,
      },
    },
    rows: listed(firstListed),
    summary: {
      tasks: analysis.summary.tasks,
      errors: analysis.summary.errors,
      warnings: analysis.summary.warnings,
      infos: analysis.summary.infos,
      byCode: { ...analysis.summary.byCode },
    },
    ...(analysis.legacyCells?.length
      ? { legacyCells: analysis.legacyCells.map((c) => ({ row: c.row + 1, col: columnLetter(c.col), encoding: c.encoding })) }
      : {}),
  };
}

export function toValidateFailureJson(file: string, code: string, message: string): ValidateFailureJson {
  return { file, error: { code, message } };
}
