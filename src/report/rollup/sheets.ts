/**
 * The roll-up laid out as sheets (report.md, "Roll-up"): the summary (one line per unit, ranked,
 * and the total), by reform area across units, every unit's overdue tasks, data quality per
 * unit, the files received, and one detail sheet per unit (that unit's own report sheet).
 * Counts are values; totals, "done", rates and ranks are Excel formulas over them, each with its
 * computed result as `value` for hosts that write a cached result.
 */
import { a1 } from '../../engine/a1';
import type { CellInput, CellRange, SheetCell, SheetModel } from '../../engine/model';
import { formatDate } from '../../i18n/dates';
import { TASK_CLASSES, type ClassCounts } from '../classify';
import { reportLabels, type ReportLabels } from '../labels';
import { periodTitleWords } from '../periods';
import { estimateRowHeights, reportSheet } from '../sheet';
import { rollupLabels, type RollupLabels } from './labels';
import type { QualityCounts, RollupModel, RollupUnit } from './model';

const HEADER_FILL = '#DDEBF7';
const TOTAL_FILL = '#F2F2F2';
const RATE_FORMAT = '0.0%';
const BOX = { border: true, verticalAlignment: 'center' as const };
const HEAD = { ...BOX, bold: true, wrapText: true, fill: HEADER_FILL, horizontalAlignment: 'center' as const };
const TOTAL = { ...BOX, bold: true, fill: TOTAL_FILL, horizontalAlignment: 'center' as const };
const CENTER = { ...BOX, horizontalAlignment: 'center' as const };

type CellContent = Omit<SheetCell, 'row' | 'col'>;

class Builder {
  readonly cells: SheetCell[] = [];
  readonly merges: CellRange[] = [];
  row = 0;

  constructor(private readonly lastCol: number) {}

  put(row: number, col: number, cell: CellContent): void {
    this.cells.push({ row, col, ...cell });
  }

  /** A line of text across the sheet's columns. */
  line(text: string, style: Omit<CellContent, 'value'> = {}): number {
    const r = this.row++;
    this.put(r, 0, { value: text, wrapText: true, ...style });
    this.merges.push({ top: r, left: 0, bottom: r, right: this.lastCol });
    return r;
  }

  header(headings: string[]): number {
    const r = this.row++;
    headings.forEach((h, c) => this.put(r, c, { value: h, ...HEAD }));
    return r;
  }

  sheet(name: string, widths: number[], repeatRows: { first: number; last: number } | null): SheetModel {
    const columnWidths: Record<number, number> = Object.fromEntries(widths.map((w, c) => [c, w]));
    return {
      name,
      cells: this.cells,
      merges: this.merges,
      columnWidths,
      rowHeights: estimateRowHeights(this.cells, this.merges, columnWidths),
      print: { orientation: 'landscape', paper: 'A4', repeatRows, fitToWidth: true },
      chart: null,
    };
  }
}

/** The title block every consolidated sheet starts with (its first line marks it as the
 * tool's, engine/report-marker.ts). */
function titleBlock(b: Builder, model: RollupModel, L: RollupLabels, R: ReportLabels, heading: string): void {
  const p = model.period;
  b.line(L.title(periodTitleWords(p.id, p.year, model.lang)), { bold: true, fontSize: 14, horizontalAlignment: 'center' });
  b.line(R.dataPeriod(formatDate(p.from), formatDate(p.to)), { italic: true, horizontalAlignment: 'center' });
  b.line(R.asOfAndDue(formatDate(model.asOf), formatDate(p.due)), { horizontalAlignment: 'center' });
  const counted = model.files.filter((f) => f.status === 'counted').length;
  b.line(`${L.unitsLine(model.units.length, counted, model.files.length)} ${L.madeOn(formatDate(model.madeOn))}`, { italic: true, horizontalAlignment: 'center' });
  b.row++;
  b.line(heading, { bold: true });
}

function rateValue(done: number, total: number): CellInput {
  return total === 0 ? '' : done / total;
}

/** Class counts as values at C…H, then total, done and rate as formulas at I, J, K. */
const CLASS_COLS = [2, 3, 4, 5, 6, 7];
const TOTAL_COL = 8;
const DONE_COL = 9;
const RATE_COL = 10;

function countCells(b: Builder, r: number, counts: ClassCounts, style = CENTER): void {
  TASK_CLASSES.forEach((cls, i) => b.put(r, CLASS_COLS[i], { value: counts[cls], ...style }));
  b.put(r, TOTAL_COL, { formula: `=SUM(${a1(r, CLASS_COLS[0])}:${a1(r, CLASS_COLS[5])})`, value: counts.total, ...style, bold: true });
  b.put(r, DONE_COL, { formula: `=${a1(r, CLASS_COLS[0])}+${a1(r, CLASS_COLS[1])}`, value: counts.done, ...style });
  b.put(r, RATE_COL, { formula: `=IF(${a1(r, TOTAL_COL)}=0,"",${a1(r, DONE_COL)}/${a1(r, TOTAL_COL)})`, value: rateValue(counts.done, counts.total), numberFormat: RATE_FORMAT, ...style });
}

/** The totals row: SUM of every count column over the lines, and the rate of the sums. */
function countTotals(b: Builder, r: number, first: number, last: number, sums: ClassCounts): void {
  const columns: [number, number][] = [...TASK_CLASSES.map((cls, i): [number, number] => [CLASS_COLS[i], sums[cls]]), [TOTAL_COL, sums.total], [DONE_COL, sums.done]];
  for (const [col, value] of columns) {
    if (last < first) b.put(r, col, { value: 0, ...TOTAL });
    else b.put(r, col, { formula: `=SUM(${a1(first, col)}:${a1(last, col)})`, value, ...TOTAL });
  }
  b.put(r, RATE_COL, { formula: `=IF(${a1(r, TOTAL_COL)}=0,"",${a1(r, DONE_COL)}/${a1(r, TOTAL_COL)})`, value: rateValue(sums.done, sums.total), numberFormat: RATE_FORMAT, ...TOTAL });
}

function classHeadings(R: ReportLabels): string[] {
  return [...TASK_CLASSES.map((c) => R.classHeading[c]), R.total, R.done, R.rate];
}

/** Rank among the lines by rate: ties share a rank; a unit without tasks has none. */
function rankOf(units: readonly RollupUnit[], u: RollupUnit): CellInput {
  if (u.rate === null) return '';
  return 1 + units.filter((o) => o.rate !== null && o.rate > (u.rate as number)).length;
}

function summarySheet(model: RollupModel, L: RollupLabels, R: ReportLabels): SheetModel {
  const RANK_COL = 11;
  const FILE_COL = 12;
  const b = new Builder(FILE_COL);
  titleBlock(b, model, L, R, L.heading.summary);
  const header = b.header([R.stt, L.unit, ...classHeadings(R), L.rank, L.file]);
  const first = b.row;
  const last = first + model.units.length - 1;
  for (const u of model.units) {
    const r = b.row++;
    b.put(r, 0, { value: u.line, ...CENTER });
    b.put(r, 1, { value: u.unit, ...BOX, wrapText: true, link: { sheet: u.sheetName, row: 0, col: 0 } });
    countCells(b, r, u.counts);
    const rate = a1(r, RATE_COL);
    b.put(r, RANK_COL, { formula: `=IF(${rate}="","",RANK(${rate},${a1(first, RATE_COL, 'both')}:${a1(last, RATE_COL, 'both')}))`, value: rankOf(model.units, u), ...CENTER });
    b.put(r, FILE_COL, { value: u.file, ...BOX, wrapText: true });
  }
  if (model.units.length === 0) b.line(L.noUnits, { italic: true, ...BOX });
  const t = b.row++;
  b.put(t, 0, { value: '', ...TOTAL });
  b.put(t, 1, { value: R.totalsRow, ...TOTAL });
  countTotals(b, t, first, last, model.total);
  b.put(t, RANK_COL, { value: '', ...TOTAL });
  b.put(t, FILE_COL, { value: '', ...TOTAL });
  return b.sheet(L.sheets.summary, [6, 40, 11, 11, 11, 11, 11, 11, 10, 10, 11, 9, 28], { first: header, last: header });
}

function areasSheet(model: RollupModel, L: RollupLabels, R: ReportLabels): SheetModel {
  const UNITS_COL = 11;
  const b = new Builder(UNITS_COL);
  titleBlock(b, model, L, R, L.heading.areas);
  const header = b.header([R.stt, L.area, ...classHeadings(R), L.unit]);
  const first = b.row;
  model.areas.forEach((a, i) => {
    const r = b.row++;
    b.put(r, 0, { value: i + 1, ...CENTER });
    b.put(r, 1, { value: a.name, ...BOX, wrapText: true });
    countCells(b, r, a.counts);
    b.put(r, UNITS_COL, { value: a.units, ...CENTER });
  });
  const last = b.row - 1;
  const t = b.row++;
  b.put(t, 0, { value: '', ...TOTAL });
  b.put(t, 1, { value: R.totalsRow, ...TOTAL });
  countTotals(b, t, first, last, model.total);
  b.put(t, UNITS_COL, { value: model.units.length, ...TOTAL });
  return b.sheet(L.sheets.areas, [6, 40, 11, 11, 11, 11, 11, 11, 10, 10, 11, 9], { first: header, last: header });
}

function overdueSheet(model: RollupModel, L: RollupLabels, R: ReportLabels): SheetModel {
  const b = new Builder(7);
  titleBlock(b, model, L, R, L.heading.overdue);
  const header = b.header([R.stt, L.unit, R.task, R.lead, R.due, R.daysLate, L.file, R.appendixRow]);
  if (model.overdue.length === 0) b.line(R.none, { italic: true, ...BOX });
  model.overdue.forEach((t, i) => {
    const r = b.row++;
    b.put(r, 0, { value: i + 1, ...CENTER });
    b.put(r, 1, { value: t.unit, ...BOX, wrapText: true });
    b.put(r, 2, { value: t.task, ...BOX, wrapText: true });
    b.put(r, 3, { value: t.lead ?? R.noLead, ...BOX, wrapText: true });
    b.put(r, 4, { value: formatDate(t.due), ...CENTER });
    b.put(r, 5, { value: t.daysLate, ...CENTER });
    b.put(r, 6, { value: t.file, ...BOX, wrapText: true });
    b.put(r, 7, { value: t.row, ...CENTER });
  });
  return b.sheet(L.sheets.overdue, [6, 28, 50, 24, 12, 10, 24, 10], { first: header, last: header });
}

const QUALITY_KEYS: (keyof QualityCounts)[] = ['tasks', 'noLead', 'noFixedDeadline', 'outputNotQuantified', 'rows'];

function qualitySheet(model: RollupModel, L: RollupLabels, R: ReportLabels): SheetModel {
  const SHARE_COL = 7;
  const b = new Builder(SHARE_COL);
  titleBlock(b, model, L, R, L.heading.quality);
  const header = b.header([R.stt, L.unit, ...QUALITY_KEYS.map((k) => L.quality[k]), L.quality.share]);
  const share = (r: number) => `=IF(${a1(r, 2)}=0,"",${a1(r, 6)}/${a1(r, 2)})`;
  const first = b.row;
  for (const u of model.units) {
    const r = b.row++;
    b.put(r, 0, { value: u.line, ...CENTER });
    b.put(r, 1, { value: u.unit, ...BOX, wrapText: true });
    QUALITY_KEYS.forEach((k, i) => b.put(r, 2 + i, { value: u.quality[k], ...CENTER }));
    b.put(r, SHARE_COL, { formula: share(r), value: rateValue(u.quality.rows, u.quality.tasks), numberFormat: RATE_FORMAT, ...CENTER });
  }
  const last = b.row - 1;
  const t = b.row++;
  b.put(t, 0, { value: '', ...TOTAL });
  b.put(t, 1, { value: R.totalsRow, ...TOTAL });
  QUALITY_KEYS.forEach((k, i) => {
    const col = 2 + i;
    if (last < first) b.put(t, col, { value: 0, ...TOTAL });
    else b.put(t, col, { formula: `=SUM(${a1(first, col)}:${a1(last, col)})`, value: model.quality[k], ...TOTAL });
  });
  b.put(t, SHARE_COL, { formula: share(t), value: rateValue(model.quality.rows, model.quality.tasks), numberFormat: RATE_FORMAT, ...TOTAL });
  return b.sheet(L.sheets.quality, [6, 40, 12, 14, 14, 14, 14, 14], { first: header, last: header });
}

function filesSheet(model: RollupModel, L: RollupLabels, R: ReportLabels): SheetModel {
  const b = new Builder(8);
  titleBlock(b, model, L, R, L.heading.files);
  const header = b.header([R.stt, L.file, L.files.read, L.files.reason, L.unit, L.files.planYear, L.files.tasks, L.files.sha256, L.files.note]);
  model.files.forEach((f, i) => {
    const r = b.row++;
    const counted = f.status === 'counted';
    b.put(r, 0, { value: i + 1, ...CENTER });
    b.put(r, 1, { value: f.file, ...BOX, wrapText: true });
    b.put(r, 2, { value: counted ? L.files.yes : L.files.no, ...CENTER, ...(counted ? {} : { bold: true, fontColor: '#C00000' }) });
    b.put(r, 3, { value: counted ? '' : (f.reason ?? ''), ...BOX, wrapText: true });
    b.put(r, 4, { value: f.unit ?? '', ...BOX, wrapText: true });
    b.put(r, 5, { value: f.planYear ?? '', ...CENTER });
    b.put(r, 6, { value: f.tasks ?? '', ...CENTER });
    b.put(r, 7, { value: f.sha256 ?? '', ...BOX, wrapText: true });
    b.put(r, 8, { value: counted ? (f.reason ?? '') : '', ...BOX, wrapText: true });
  });
  return b.sheet(L.sheets.files, [6, 28, 9, 40, 28, 9, 9, 34, 34], { first: header, last: header });
}

/** The unit's own report sheet, as `report` builds it, under the unit's sheet name. Its list
 * cells linked to the unit's appendix, which is not in this workbook: the row numbers stay. */
function unitSheet(u: RollupUnit, L: RollupLabels): SheetModel {
  const sheet = reportSheet({ ...u.report, tasks: [], agency: u.unit, sheetName: u.sheetName, sourceSheet: L.unitSource(u.file, u.report.sourceSheet) });
  return { ...sheet, cells: sheet.cells.map(({ link: _link, ...cell }) => cell), chart: null };
}

export function rollupSheets(model: RollupModel): SheetModel[] {
  const L = rollupLabels(model.lang);
  const R = reportLabels(model.lang);
  return [
    summarySheet(model, L, R),
    areasSheet(model, L, R),
    overdueSheet(model, L, R),
    qualitySheet(model, L, R),
    filesSheet(model, L, R),
    ...model.units.map((u) => unitSheet(u, L)),
  ];
}
