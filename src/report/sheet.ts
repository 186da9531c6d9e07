/**
 * Lays a ReportModel out as a SheetModel (report.md "What the sheet holds"). Counts are values;
 * every total, "done" and rate is an Excel formula over them, so the sheet stays right when
 * someone edits a count. Each formula cell also carries its computed result as `value`, for
 * hosts that write a cached result next to the formula.
 */
import { a1, a1Range } from '../engine/a1';
import type { CellInput, CellRange, SheetCell, SheetModel } from '../engine/model';
import { formatDate } from '../i18n/dates';
import { TASK_CLASSES, type ClassCounts } from './classify';
import { reportLabels, type ReportLabels } from './labels';
import type { ReportModel, ReportTask } from './model';
import { periodTitleWords, periodWords } from './periods';

/** Sheet columns (0-based: A = 0): the six classes sit right of the category column so that
 * one contiguous range (B:H) feeds the stacked-bar chart; totals, done and rate follow. */
const COL = {
  stt: 0,
  name: 1,
  classes: [2, 3, 4, 5, 6, 7],
  total: 8,
  done: 9,
  rate: 10,
} as const;
const LAST_COL = 10;
/** Column widths in characters, A…K. */
const COLUMN_WIDTHS = [7, 46, 12, 12, 12, 12, 12, 12, 11, 11, 12];

const HEADER_FILL = '#DDEBF7';
const TOTAL_FILL = '#F2F2F2';
const RATE_FORMAT = '0.0%';
/** Rows the chart takes below the last table (Excel only). */
const CHART_ROWS = 20;
/** Title rows repeated on every printed page. */
const TITLE_ROWS = 5;

type CellContent = Omit<SheetCell, 'row' | 'col'>;

/** Rows and columns are 0-based sheet coordinates, as in the SheetModel. */
class SheetBuilder {
  readonly cells: SheetCell[] = [];
  readonly merges: CellRange[] = [];
  row = 0;

  put(col: number, row: number, cell: CellContent): void {
    this.cells.push({ row, col, ...cell });
  }

  /** Cells left…right of a row become one. */
  merge(row: number, left: number, right: number): void {
    this.merges.push({ top: row, left, bottom: row, right });
  }

  /** A line of text across A:K. */
  line(text: string, style: Omit<CellContent, 'value'> = {}): number {
    const r = this.row++;
    this.put(COL.stt, r, { value: text, wrapText: true, ...style });
    this.merge(r, COL.stt, LAST_COL);
    return r;
  }

  skip(n = 1): void {
    this.row += n;
  }
}

const BOX = { border: true, verticalAlignment: 'center' as const };

function statsHeader(b: SheetBuilder, L: ReportLabels, nameHeading: string): number {
  const r = b.row++;
  const head = { ...BOX, bold: true, wrapText: true, fill: HEADER_FILL, horizontalAlignment: 'center' as const };
  b.put(COL.stt, r, { value: L.stt, ...head });
  b.put(COL.name, r, { value: nameHeading, ...head });
  TASK_CLASSES.forEach((cls, i) => b.put(COL.classes[i], r, { value: L.classHeading[cls], ...head }));
  b.put(COL.total, r, { value: L.total, ...head });
  b.put(COL.done, r, { value: L.done, ...head });
  b.put(COL.rate, r, { value: L.rate, ...head });
  return r;
}

/** done / total of the row, blank when the row counts no task. */
function rateFormula(r: number): string {
  return `=IF(${a1(r, COL.total)}=0,"",${a1(r, COL.done)}/${a1(r, COL.total)})`;
}

function rateValue(done: number, total: number): CellInput {
  return total === 0 ? '' : done / total;
}

/** One data row: counts as values, total/done/rate as formulas. */
function statsRow(b: SheetBuilder, stt: string, name: string, counts: ClassCounts): number {
  const r = b.row++;
  b.put(COL.stt, r, { value: stt, ...BOX, horizontalAlignment: 'center' });
  b.put(COL.name, r, { value: name, ...BOX, wrapText: true });
  TASK_CLASSES.forEach((cls, i) => b.put(COL.classes[i], r, { value: counts[cls], ...BOX, horizontalAlignment: 'center' }));
  const classes: CellRange = { top: r, left: COL.classes[0], bottom: r, right: COL.classes[COL.classes.length - 1] };
  b.put(COL.total, r, { formula: `=SUM(${a1Range(classes)})`, value: counts.total, ...BOX, bold: true, horizontalAlignment: 'center' });
  // doneOnTime and doneLate are the first two class columns.
  b.put(COL.done, r, { formula: `=${a1(r, COL.classes[0])}+${a1(r, COL.classes[1])}`, value: counts.done, ...BOX, horizontalAlignment: 'center' });
  b.put(COL.rate, r, {
    formula: rateFormula(r),
    value: rateValue(counts.done, counts.total),
    numberFormat: RATE_FORMAT,
    ...BOX,
    horizontalAlignment: 'center',
  });
  return r;
}

/** The totals row: a SUM of every count column over the data rows, and the rate of the sums. */
function totalsRow(b: SheetBuilder, L: ReportLabels, firstData: number, lastData: number, sums: ClassCounts): number {
  const r = b.row++;
  const style = { ...BOX, bold: true, fill: TOTAL_FILL, horizontalAlignment: 'center' as const };
  b.put(COL.stt, r, { value: '', ...style });
  b.put(COL.name, r, { value: L.totalsRow, ...style });
  const columns: [number, number][] = [
    ...TASK_CLASSES.map((cls, i): [number, number] => [COL.classes[i], sums[cls]]),
    [COL.total, sums.total],
    [COL.done, sums.done],
  ];
  for (const [col, value] of columns) {
    // An empty table sums nothing: write 0 rather than a formula over a reversed range.
    if (lastData < firstData) b.put(col, r, { value: 0, ...style });
    else b.put(col, r, { formula: `=SUM(${a1(firstData, col)}:${a1(lastData, col)})`, value, ...style });
  }
  b.put(COL.rate, r, {
    formula: rateFormula(r),
    value: rateValue(sums.done, sums.total),
    numberFormat: RATE_FORMAT,
    ...style,
  });
  return r;
}

function sumCounts(list: ClassCounts[]): ClassCounts {
  const s: ClassCounts = { total: 0, doneOnTime: 0, doneLate: 0, done: 0, inProgress: 0, overdue: 0, notDue: 0, notFixed: 0 };
  for (const c of list) for (const k of Object.keys(s) as (keyof ClassCounts)[]) s[k] += c[k];
  return s;
}

/** List columns: A STT · B task · C:E lead · F due · G:H status · I days · J:K appendix row. */
interface ListColumn {
  from: number;
  to: number;
  heading: string;
  cell: (t: ReportTask) => Omit<CellContent, 'link'>;
}

function listTable(b: SheetBuilder, L: ReportLabels, heading: string, columns: ListColumn[], tasks: ReportTask[]): void {
  b.line(heading, { bold: true });
  const hr = b.row++;
  const head = { ...BOX, bold: true, wrapText: true, fill: HEADER_FILL, horizontalAlignment: 'center' as const };
  for (const c of columns) {
    b.put(c.from, hr, { value: c.heading, ...head });
    if (c.from !== c.to) b.merge(hr, c.from, c.to);
  }
  if (tasks.length === 0) {
    b.line(L.none, { italic: true, ...BOX });
    return;
  }
  for (const t of tasks) {
    const r = b.row++;
    for (const c of columns) {
      // Built field by field rather than by spreads: lists can run to thousands of rows.
      const cell: SheetCell = { row: r, col: c.from, border: true, verticalAlignment: 'center', wrapText: true };
      Object.assign(cell, c.cell(t));
      // An empty cell gets no link: there is no text to click, and some writers mangle it.
      if (cell.value !== '' && cell.value !== null && cell.value !== undefined) cell.link = t.link;
      b.cells.push(cell);
      if (c.from !== c.to) b.merge(r, c.from, c.to);
    }
  }
}

function statusText(t: ReportTask, L: ReportLabels): string {
  // A task finished after D shows both facts: under way on D, done later.
  if (t.status === 'done' && t.statusAsOf !== 'done' && t.doneDate) return `${L.statusWord[t.statusAsOf]} (${L.doneOn(formatDate(t.doneDate))})`;
  return L.statusWord[t.statusAsOf];
}

export function reportSheet(model: ReportModel): SheetModel {
  const L = reportLabels(model.lang);
  const lang = model.lang;
  const b = new SheetBuilder();

  // 1. Title block.
  b.line(model.agency ? model.agency.toLocaleUpperCase('vi') : '', { bold: true });
  b.line(L.title(periodTitleWords(model.period.id, model.period.year, lang)), { bold: true, fontSize: 14, wrapText: true, horizontalAlignment: 'center' });
  b.line(L.dataPeriod(formatDate(model.period.from), formatDate(model.period.to)), { italic: true, horizontalAlignment: 'center' });
  b.line(L.asOfAndDue(formatDate(model.asOf), formatDate(model.period.due)), { horizontalAlignment: 'center' });
  b.line(L.source(model.sourceSheet, formatDate(model.madeOn)), { italic: true, horizontalAlignment: 'center' });
  b.skip();

  // 2. By reform area.
  b.line(L.sectionHeading, { bold: true });
  const sectionHeaderRow = statsHeader(b, L, L.sectionColumn);
  const firstSection = b.row;
  for (const s of model.bySection) statsRow(b, s.section ?? '', s.section === null ? L.noSection : s.title, s.counts);
  const lastSection = b.row - 1;
  totalsRow(b, L, firstSection, lastSection, sumCounts(model.bySection.map((s) => s.counts)));
  b.skip();

  // 3. By lead unit.
  b.line(L.leadHeading, { bold: true });
  statsHeader(b, L, L.leadColumn);
  const firstLead = b.row;
  model.byLead.forEach((u, i) => statsRow(b, String(i + 1), u.lead ?? L.noLead, u.counts));
  totalsRow(b, L, firstLead, b.row - 1, sumCounts(model.byLead.map((u) => u.counts)));
  b.line(L.leadNote, { italic: true, wrapText: true });
  b.skip();

  const stt: ListColumn = { from: 0, to: 0, heading: L.stt, cell: (t) => ({ value: t.stt ?? '', horizontalAlignment: 'center' }) };
  const task: ListColumn = { from: 1, to: 1, heading: L.task, cell: (t) => ({ value: t.task }) };
  const lead: ListColumn = { from: 2, to: 4, heading: L.lead, cell: (t) => ({ value: t.lead ?? L.noLead }) };
  const due: ListColumn = {
    from: 5,
    to: 5,
    heading: L.due,
    // Text, not a date serial: a linked cell shows its value as text in every host.
    cell: (t) => ({ value: t.due ? formatDate(t.due) : t.deadlineText, horizontalAlignment: 'center' }),
  };
  const status: ListColumn = { from: 6, to: 7, heading: L.status, cell: (t) => ({ value: statusText(t, L) }) };
  const appendixRow: ListColumn = { from: 9, to: 10, heading: L.appendixRow, cell: (t) => ({ value: L.rowRef(t.row), horizontalAlignment: 'center' }) };

  // 4. Overdue, most late first.
  listTable(
    b,
    L,
    L.overdueHeading,
    [stt, task, lead, due, status, { from: 8, to: 8, heading: L.daysLate, cell: (t) => ({ value: t.daysLate ?? 0, horizontalAlignment: 'center' }) }, appendixRow],
    model.overdue,
  );
  b.skip();

  // 5. Due in the next period.
  const daysLeft = new Map(model.upcoming.map((u) => [u.row, u.daysLeft]));
  listTable(
    b,
    L,
    L.upcomingHeading(
      periodWords(model.next.id, model.next.year, lang),
      formatDate(model.upcomingWindow.from),
      formatDate(model.upcomingWindow.to),
    ),
    [stt, task, lead, due, status, { from: 8, to: 8, heading: L.daysLeft, cell: (t) => ({ value: daysLeft.get(t.row) ?? 0, horizontalAlignment: 'center' }) }, appendixRow],
    model.upcoming,
  );
  b.skip();

  // 6. Data quality.
  const quality = new Map(model.dataQuality.map((q) => [q.row, q]));
  listTable(
    b,
    L,
    L.qualityHeading,
    [
      stt,
      task,
      lead,
      // F:G and H:I.
      { from: 5, to: 6, heading: L.codes, cell: (t) => ({ value: (quality.get(t.row)?.codes ?? []).join(', ') }) },
      { from: 7, to: 8, heading: L.reasons, cell: (t) => ({ value: (quality.get(t.row)?.reasons ?? []).join('\n') }) },
      appendixRow,
    ],
    model.dataQuality,
  );

  // 7. Chart of the classes by reform area (Excel draws it; other hosts skip it).
  let chart: SheetModel['chart'] = null;
  if (lastSection >= firstSection) {
    b.skip();
    const top = b.row;
    chart = {
      type: 'stackedBar',
      data: { top: sectionHeaderRow, left: COL.name, bottom: lastSection, right: COL.classes[COL.classes.length - 1] },
      placement: { top, left: COL.stt, bottom: top + CHART_ROWS - 1, right: LAST_COL },
      title: L.chartTitle,
    };
  }

  const columnWidths: Record<number, number> = Object.fromEntries(COLUMN_WIDTHS.map((width, col) => [col, width]));
  return {
    name: model.sheetName,
    cells: b.cells,
    merges: b.merges,
    columnWidths,
    rowHeights: estimateRowHeights(b.cells, b.merges, columnWidths),
    print: { orientation: 'landscape', paper: 'A4', repeatRows: { first: 0, last: TITLE_ROWS - 1 }, fitToWidth: true },
    chart,
  };
}

// ---------------------------------------------------------------------------------------------
// Row heights
// ---------------------------------------------------------------------------------------------

const DEFAULT_FONT_SIZE = 11;
/** Points per line of 11-point text, and the padding of a row. */
const LINE_POINTS = 15;
const ROW_PADDING = 3;

/** Lines a text takes in a cell `width` characters wide, wrapping at spaces as Excel does.
 * Column width counts digits of the default font; Vietnamese text runs a little narrower,
 * bold and larger fonts wider. */
export function wrappedLines(text: string, width: number, fontSize = DEFAULT_FONT_SIZE, bold = false): number {
  const perLine = Math.max(1, Math.floor((width * 1.15 * DEFAULT_FONT_SIZE) / fontSize / (bold ? 1.1 : 1)) - 1);
  // Most cells fit on one line: skip the word walk.
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const len = word.length; // NFC Vietnamese is one UTF-16 unit a letter
      if (used === 0) used = len;
      else if (used + 1 + len <= perLine) used += 1 + len;
      else {
        lines += 1;
        used = len;
      }
      // A word longer than a line breaks inside it.
      while (used > perLine) {
        lines += 1;
        used -= perLine;
      }
    }
  }
  return lines;
}

/** A height for every row whose wrapped text needs more than one line (or a larger font). */
export function estimateRowHeights(cells: SheetCell[], merges: CellRange[], widths: Record<number, number>): Record<number, number> {
  /** Width of each merge, by its top-left cell ("row,col"). */
  const spanWidth = new Map<string, number>();
  for (const m of merges) {
    let w = 0;
    for (let c = m.left; c <= m.right; c++) w += widths[c] ?? 9;
    spanWidth.set(`${m.top},${m.left}`, w);
  }
  const heights: Record<number, number> = {};
  for (const cell of cells) {
    if (typeof cell.value !== 'string' || cell.value === '') continue;
    const row = cell.row;
    const width = spanWidth.get(`${row},${cell.col}`) ?? widths[cell.col] ?? 9;
    const size = cell.fontSize ?? DEFAULT_FONT_SIZE;
    const lines = cell.wrapText ? wrappedLines(cell.value, width, size, cell.bold) : 1;
    const points = Math.ceil((lines * LINE_POINTS * size) / DEFAULT_FONT_SIZE + ROW_PADDING);
    if ((lines > 1 || size > DEFAULT_FONT_SIZE) && points > (heights[row] ?? 0)) heights[row] = points;
  }
  return heights;
}
