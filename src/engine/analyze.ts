/**
 * The engine pipeline: grid → header and column roles → body rows → parsed deadlines, outputs,
 * statuses → issues → the tracking block and highlights as a change set. Pure: writes nothing.
 */
import { serialToISO, yearOf } from './dates';
import { parseDateCell, parseDeadline } from './deadlines';
import { FAILURE_CATALOGUE, type FailureFacts, type FailureReason } from './issues';
import type {
  AnalyzeResult,
  Analysis,
  CellValue,
  ChangeSet,
  ColumnRole,
  Deadline,
  Grid,
  ISODate,
  IssueCode,
  PlanRow,
  RecognisedTable,
  ResolvedCell,
  Summary,
  TakenWidths,
  TaskRow,
  TrackingBlock,
} from './model';
import { classifyOutput, isMeasurable } from './outputs';
import { agencyFromTitles, titleBlockFromTitles, yearFromDeadlines, yearFromTitles } from './plan-info';
import { decodeLegacyGrid } from './legacy/sheet';
import { isReportSheet } from './report-marker';
import { checkTask, type RuleContext } from './rules';
import { IssueMessages } from './issue-messages';
import { columnCorrectionSchema, correctionHeader, correctionRole, settingsSchema, type ColumnCorrection, type Settings } from './settings';
import { parseStatus } from './status';
import { findHeaderCandidates, headerAt, headerWords, type HeaderCandidate } from './table/find-header';
import { normaliseHeader } from './table/header-roles';
import { sideBySideTables } from './table/side-by-side';
import { scanBody, type BodyScan, type ScannedTask } from './table/rows';
import { SheetView } from './table/sheet-view';
import { columnIndex } from './a1';
import { placeTracking, trackingChanges, type TrackingInput, type TrackingPlan } from './tracking';
import { isBlockAddition } from './as-of';
import { takenWidths } from './clean';
import type { EngineWording } from './wording';

export interface AnalyzeOptions {
  /** The day "overdue" and "due soon" are judged on. */
  asOf: ISODate;
  /** The sentences of issues and failures, in the language of the analysis (src/i18n's
   * engineWording(lang)). */
  wording: EngineWording;
  /** When that day depends on the plan year (a report's cut-off day, the report year defaulting
   * to the plan year): the day for the plan year found, so one analysis is enough. `asOf` then
   * only stands in for the plan year when nothing else gives it. */
  asOfForPlanYear?: (planYear: number) => ISODate;
  settings?: Partial<Settings>;
  /** Write the as-of day into the sheet's as-of cell (a review as of a cut-off); otherwise the
   * cell holds =TODAY() and the highlights stay live (validation.md, "The as-of date"). */
  fixAsOf?: boolean;
  /** The user's column-role correction for this sheet. */
  correction?: ColumnCorrection;
}

export function analyzeSheet(input: Grid, options: AnalyzeOptions): AnalyzeResult {
  const { wording } = options;
  // TCVN3 and VNI cells are read as Unicode before anything else looks at the sheet.
  const { grid, cells: legacyCells } = decodeLegacyGrid(input);
  const fail = <K extends FailureReason>(reason: K, facts: FailureFacts[K]): AnalyzeResult =>
    ({ ok: false, failure: { code: FAILURE_CATALOGUE[reason], message: wording.failures[reason](facts) } });
  const parsedOptions = parseOptions(options);
  if ('badSettings' in parsedOptions) return fail('badSettings', { detail: parsedOptions.badSettings });
  const { settings, correction } = parsedOptions;

  const view = new SheetView(grid);
  if (view.endRow <= view.firstRow || view.endCol <= view.firstCol || !hasAnyText(view)) return fail('emptySheet', { sheet: grid.sheetName });
  if (isReportSheet(grid)) return fail('reportSheet', { sheet: grid.sheetName });
  const header = findHeaderCandidates(view, 1)[0];
  if (!header) return fail('noTable', { sheet: grid.sheetName });
  const twoTables = sideBySideTables(header);
  if (twoTables) return fail('sideBySideTables', { sheet: grid.sheetName, ...twoTables });

  const corrected0 = applyCorrection(header, correction);
  const { columns, corrected, dropped, firstCol } = corrected0;
  // The block's hidden helper column (and an as-of cell beside it) are the tool's, not the table's.
  const lastCol = withoutBlockAdditions(view, header.rows, corrected0.lastCol, firstCol);
  const words = headerWords(view, header);
  const firstBodyRow = header.rows[header.rows.length - 1] + 1;
  const scan = scanBody(view, { headerRows: header.rows, firstRow: firstBodyRow, firstCol, lastCol, columns, headerWords: words });

  if (scan.otherTableRow !== null) {
    const other = headerAt(view, scan.otherTableRow);
    if (other && hasRole(other, 'lead') && hasRole(other, 'deadline')) {
      return fail('ambiguousTable', { sheet: grid.sheetName, firstHeaderRow: header.rows[0] + 1, secondHeaderRow: scan.otherTableRow + 1 });
    }
  }

  const firstRow = scan.numberingRow !== null ? scan.numberingRow + 1 : firstBodyRow;
  const headers: Record<number, string> = {};
  for (const [c, t] of header.texts) headers[c] = t.normalize('NFC');
  const table: RecognisedTable = {
    headerRows: header.rows,
    numberingRow: scan.numberingRow,
    firstRow,
    lastRow: Math.max(scan.lastRow, firstRow),
    firstCol,
    lastCol,
    columns,
    headers,
    corrected,
  };

  const titleCells = titleRows(view, header.rows[0]);
  const titleLines = titleCells.map((cells) => cells.join(' '));
  const planYear = settings.planYear ?? yearFromTitles(titleLines) ?? deadlineYear(scan, columns, grid.date1904) ?? yearOf(options.asOf);
  const planYearSource: Analysis['planYearSource'] =
    settings.planYear !== undefined ? 'setting' : yearFromTitles(titleLines) !== null ? 'title' : deadlineYear(scan, columns, grid.date1904) !== null ? 'deadlines' : 'asOf';
  const asOf = options.asOfForPlanYear ? options.asOfForPlanYear(planYear) : options.asOf;

  const { outputKindOf, isMeasurableText } = textClassifiers(settings);

  // Deadlines repeat even more ("Năm 2024", "Thường xuyên"): parse each distinct value once.
  // Parsed deadlines are shared between tasks and never mutated.
  const deadlines = new Map<CellValue, Deadline>();
  const ctx = { planYear, date1904: grid.date1904 };
  const deadlineOf = (value: CellValue) => {
    let d = deadlines.get(value);
    if (d === undefined) deadlines.set(value, (d = parseDeadline(value, ctx)));
    return d;
  };

  const rules: RuleContext = { asOf, planYear, dueSoonDays: settings.dueSoonDays, messages: new IssueMessages(wording) };
  const tasks = scan.tasks.map((t): TaskRow => {
    const cells = t.cells;
    const deadlineCell = cells.deadline;
    const deadlineValue: CellValue = !deadlineCell || deadlineCell.error ? null : typeof deadlineCell.value === 'number' ? deadlineCell.value : deadlineCell.text;
    const deadline = withStart(deadlineOf(deadlineValue), cells.start, deadlineOf);
    const outputKind = outputKindOf(cells.output && !cells.output.error ? cells.output.text : '');
    const objectiveMeasurable = isMeasurableText(cells.objective?.text ?? '');
    const status = cells.status && !cells.status.error ? parseStatus(cells.status.value) : null;
    const doneDate = cells.doneDate && !cells.doneDate.error ? parseDateCell(cells.doneDate.value, grid.date1904, planYear) : null;
    const issues = checkTask({ lead: cells.lead, deadline, deadlineCell, output: cells.output, outputKind, objectiveMeasurable, status }, rules);
    // The scanned task becomes the task row in place: one object per task, not two.
    const task = t as ScannedTask & Partial<TaskRow>;
    task.deadline = deadline;
    task.outputKind = outputKind;
    task.status = status;
    task.doneDate = doneDate;
    task.issues = issues;
    return task as TaskRow;
  });

  // Task rows already point at their task, which became a TaskRow in place above.
  const rows = scan.rows as PlanRow[];
  const plan = placeTracking(view, table);
  const asOfCell = options.fixAsOf ? { fixed: asOf } : 'live';
  // With no room for the block nothing is written: the check stands, the copy is refused.
  const changes = plan.noRoom
    ? emptyChanges(grid.sheetName)
    : withTakenWidths(trackingChanges({ sheet: grid.sheetName, table, tasks, plan, lang: wording.lang, date1904: grid.date1904, asOfCell, ...pageOf(grid, view) }), takenWidths(plan, grid.page));

  const analysis: Analysis = {
    sheetName: grid.sheetName,
    planYear,
    planYearSource,
    asOf,
    lang: wording.lang,
    agency: settings.agency ?? agencyFromTitles(titleLines),
    titleBlock: titleBlockFromTitles(titleCells),
    table,
    rows,
    tasks,
    sections: scan.sections,
    summary: summarise(tasks),
    tracking: trackingBlock(plan),
    changes,
  };
  if (legacyCells.length > 0) analysis.legacyCells = legacyCells;
  if (dropped.length > 0) analysis.droppedCorrections = dropped;
  return { ok: true, analysis };
}

/** Outputs and objectives repeat across a plan ("Kế hoạch", an objective inherited by a group):
 * each distinct text is classified once. */
function textClassifiers(settings: Settings) {
  const outputKinds = new Map<string, TaskRow['outputKind']>();
  const measurable = new Map<string, boolean>();
  const outputKindOf = (text: string) => {
    let k = outputKinds.get(text);
    if (k === undefined) outputKinds.set(text, (k = classifyOutput(text, settings.extraDeliverables)));
    return k;
  };
  const isMeasurableText = (text: string) => {
    let m = measurable.get(text);
    if (m === undefined) measurable.set(text, (m = isMeasurable(text)));
    return m;
  };
  return { outputKindOf, isMeasurableText };
}

/** The settings and correction, validated; or what is wrong with them. */
function parseOptions(options: AnalyzeOptions): { settings: Settings; correction: ColumnCorrection } | { badSettings: string } {
  const parsedSettings = settingsSchema.safeParse(options.settings ?? {});
  if (!parsedSettings.success) return { badSettings: parsedSettings.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  if (!options.correction) return { settings: parsedSettings.data, correction: {} };
  const parsed = columnCorrectionSchema.safeParse(options.correction);
  if (!parsed.success) return { badSettings: parsed.error.issues.map((i) => i.message).join('; ') };
  return { settings: parsedSettings.data, correction: parsed.data };
}

/** The plan's own start column ("Bắt đầu") gives the window's first day when it names one: a
 * date, or a period whose first day it is ("Tháng 3/2025" → 1 March). An end column left empty
 * stays a missing deadline whatever the start says. */
function withStart(deadline: Deadline, startCell: ResolvedCell | undefined, parse: (value: CellValue) => Deadline): Deadline {
  if (!startCell || startCell.error || startCell.text === '') return deadline;
  const parsed = parse(typeof startCell.value === 'number' ? startCell.value : startCell.text);
  const start = parsed.kind === 'date' ? (parsed.start ?? parsed.due) : null;
  // Parsed deadlines are shared between tasks: a task's own start makes a copy.
  return start && start !== deadline.start ? { ...deadline, start } : deadline;
}

function withoutBlockAdditions(view: SheetView, headerRows: readonly number[], lastCol: number, firstCol: number): number {
  let col = lastCol;
  while (col > firstCol && headerRows.some((r) => isBlockAddition(view.text(r, col))) && headerRows.every((r) => view.text(r, col) === '' || isBlockAddition(view.text(r, col)))) col--;
  return col;
}

/** How the sheet prints, when the host read it: the tracking block extends the printout. */
function withTakenWidths(changes: ChangeSet, taken: TakenWidths | undefined): ChangeSet {
  return taken ? { ...changes, takenWidths: taken } : changes;
}

function pageOf(grid: Grid, view: SheetView): Pick<TrackingInput, 'page' | 'rowHeights'> {
  return {
    ...(grid.page ? { page: { setup: grid.page, used: { first: view.firstCol, last: view.endCol - 1 }, hiddenCols: grid.hiddenCols ?? [] } } : {}),
    ...(grid.rowHeights ? { rowHeights: grid.rowHeights } : {}),
  };
}

function hasAnyText(view: SheetView): boolean {
  for (let r = view.firstRow; r < view.endRow; r++) if (view.filledColumns(r).length) return true;
  return false;
}

function hasRole(h: HeaderCandidate, role: ColumnRole): boolean {
  for (const r of h.roles.values()) if (r === role) return true;
  return false;
}

/** What the analysis tells of the tracking block: where its columns, helper and as-of cell are. */
function trackingBlock(plan: TrackingPlan): TrackingBlock {
  return {
    columns: plan.columns,
    reused: plan.reused,
    created: plan.created,
    helper: plan.helper,
    asOfCell: { row: plan.asOf.row, col: plan.asOf.valueCol },
    ...(plan.noRoom ? { noRoom: true } : {}),
  };
}

function emptyChanges(sheet: string): ChangeSet {
  return { sheet, writes: [], formats: [], validations: [], conditionalFormats: { tag: '', rules: [] }, sheets: [] };
}

/**
 * The header's roles with the user's correction applied. A correction entry that remembers the
 * header it was made on is applied only while that column's header reads the same (compared as
 * headers are: case, accents, spacing and invisible characters aside); otherwise the column has
 * changed under it — a column inserted or moved — and it is dropped, and said. Entries stored
 * before headers were remembered are applied as they are.
 */
function applyCorrection(header: HeaderCandidate, correction: ColumnCorrection) {
  const byCol = new Map(header.roles);
  const corrected: ColumnRole[] = [];
  const dropped: { column: string; header: string }[] = [];
  for (const [letter, entry] of Object.entries(correction)) {
    const col = columnIndex(letter);
    const role = correctionRole(entry);
    const madeOn = correctionHeader(entry);
    if (madeOn !== undefined && normaliseHeader(header.texts.get(col) ?? '') !== normaliseHeader(madeOn)) {
      dropped.push({ column: letter, header: madeOn });
      continue;
    }
    if (role === 'none') {
      byCol.delete(col);
      continue;
    }
    for (const [c, r] of byCol) if (r === role) byCol.delete(c);
    byCol.set(col, role);
    corrected.push(role);
  }
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (const [c, r] of [...byCol].sort((a, b) => a[0] - b[0])) if (columns[r] === undefined) columns[r] = c;
  const cols = [header.firstCol, header.lastCol, ...byCol.keys()];
  return { columns, corrected, dropped, firstCol: Math.min(...cols), lastCol: Math.max(...cols) };
}

/** Text of each row above the header (title block). */
/** The filled cells of each row above the header (at most 15 rows), left to right. */
function titleRows(view: SheetView, headerRow: number): string[][] {
  const out: string[][] = [];
  for (let r = Math.max(view.firstRow, headerRow - 15); r < headerRow; r++) {
    const parts = view.filledColumns(r).map((c) => view.text(r, c));
    if (parts.length) out.push(parts);
  }
  return out;
}

function deadlineYear(scan: BodyScan, columns: Partial<Record<ColumnRole, number>>, date1904: boolean): number | null {
  if (columns.deadline === undefined) return null;
  const texts: string[] = [];
  const serialYears: number[] = [];
  for (const t of scan.tasks) {
    const c = t.cells.deadline;
    if (!c) continue;
    if (typeof c.value === 'number') {
      const iso = serialToISO(c.value, date1904);
      if (iso) serialYears.push(yearOf(iso));
    } else if (c.text) texts.push(c.text);
  }
  return yearFromDeadlines(texts, serialYears);
}

function summarise(tasks: readonly TaskRow[]): Summary {
  // Counted in a Map (a keyed store per issue into a plain object is slow when the keys vary);
  // the object lists the codes in the same order, first met first.
  const counts = new Map<IssueCode, number>();
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const t of tasks) {
    for (const i of t.issues) {
      counts.set(i.code, (counts.get(i.code) ?? 0) + 1);
      if (i.severity === 'error') errors++;
      else if (i.severity === 'warning') warnings++;
      else infos++;
    }
  }
  const byCode: Partial<Record<IssueCode, number>> = Object.fromEntries(counts);
  return { tasks: tasks.length, errors, warnings, infos, byCode };
}

/** Index of the grid that holds the appendix: the preferred one when it has a table, else the
 * first that has one; -1 when none has. */
export function chooseAppendixSheet(grids: readonly Grid[], preferred?: number): number {
  const hasHeader = (g: Grid) => findHeaderCandidates(new SheetView(g), 1).length > 0;
  // A sheet in TCVN3 or VNI shows its header only once read as Unicode.
  const has = (g: Grid) => !isReportSheet(g) && (hasHeader(g) || hasLegacyHeader(g));
  const hasLegacyHeader = (g: Grid) => {
    const decoded = decodeLegacyGrid(g);
    return decoded.cells.length > 0 && hasHeader(decoded.grid);
  };
  if (preferred !== undefined && preferred >= 0 && preferred < grids.length && has(grids[preferred])) return preferred;
  for (let i = 0; i < grids.length; i++) if (has(grids[i])) return i;
  return -1;
}
