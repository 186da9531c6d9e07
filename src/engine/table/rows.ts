/**
 * Reading the table body row by row: which rows are sections (or group headings), tasks,
 * continuations of the row above (page breaks in tables pasted from Word/PDF), repeated
 * headers, numbering, blanks and notes; and each task's cells once merges, task groups and
 * continuation rows are resolved. docs/recognition.md states the rules.
 */
import type { ColumnRole, SectionInfo } from '../model';
import { cellError, cellText } from '../text';
import { isNoteText, isSignatureRow, totalsRow } from './closing';
import { isNumberingRow, looksLikeOtherHeader, repeatsHeader } from './find-header';
import { normaliseHeader } from './header-roles';
import { ITEM_KINDS, itemPrefix, labelAlone, labelWithTitle, Outline, PART_KINDS, SECTION_KINDS, type LabelKind, type RowLabel } from './labels';
import { DATA_ROLES, hasNarrativeTail, isContinuation, looksLikeFullTask, shapeOf, type RowCell, type ShapeOf } from './row-shapes';
import type { SheetView } from './sheet-view';
import { appendRow, CellResolver, isIncomplete, lastPart, startTask, type ScannedTask, type TaskBuilder } from './task-cells';

export type { ScannedTask } from './task-cells';

export interface TableLayout {
  headerRows: number[];
  firstRow: number;
  firstCol: number;
  lastCol: number;
  columns: Partial<Record<ColumnRole, number>>;
  headerWords: Map<number, Set<string>>;
}

/** A body row as scanned; task rows point into `tasks`. */
export type ScannedRow =
  | { row: number; kind: 'section'; hidden: boolean; section: string; title: string }
  | { row: number; kind: 'task'; hidden: boolean; task: ScannedTask }
  | { row: number; kind: 'continuation'; hidden: boolean; of: number }
  | { row: number; kind: 'header' | 'numbering' | 'blank' | 'note'; hidden: boolean };

export interface BodyScan {
  rows: ScannedRow[];
  tasks: ScannedTask[];
  sections: SectionInfo[];
  numberingRow: number | null;
  lastRow: number;
  /** Row where a second, different table header starts (the body stops before it). */
  otherTableRow: number | null;
}

/** Columns of the tracking block: the user's progress notes, not the plan's content. */
const TRACKING: ReadonlySet<ColumnRole> = new Set(['status', 'doneDate', 'result', 'dueDate', 'check']);
const DESCRIPTIVE: ReadonlySet<ColumnRole | null> = new Set<ColumnRole | null>(['task', 'activity', 'objective']);
const LONE_DASH_RE = /^\s*[-–—•·*]\s*$/;
/** After this many blank rows, only clearly table-like rows continue the table. */
const GAP_ROWS = 2;
/** How far a row with only a number and a title looks for deeper numbers under it. */
const LOOKAHEAD_ROWS = 400;
/** Longest cell read as a number and its title: longer is prose. */
const MAX_TITLE = 150;
const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

interface OpenHeading {
  id: string;
  title: string;
  row: number;
  depth: number;
  part: boolean;
  /** Its entry in `sections`, once listed. */
  info: SectionInfo | null;
  /** Its row in `rows`, whose title grows when a converter cut it over two lines. */
  scanned: Extract<ScannedRow, { kind: 'section' }>;
  /** Last row of its title (the heading row, or the line that ends a cut title). */
  lastRow: number;
}

/** A row's label and the column it is written in. */
type PlacedLabel = RowLabel & { col: number };

/** What a labelled row holds besides its label. */
interface LabelledShape {
  titleOnly: boolean;
  title: string;
  hasData: boolean;
  /** Nothing at all besides the label. */
  bare: boolean;
}

export function scanBody(view: SheetView, layout: TableLayout): BodyScan {
  return new BodyScanner(view, layout).run();
}

class BodyScanner {
  readonly rows: ScannedRow[] = [];
  readonly tasks: ScannedTask[] = [];
  readonly sections: SectionInfo[] = [];
  private numberingRow: number | null = null;
  private otherTableRow: number | null = null;

  private readonly sttCol: number | null;
  private readonly roleAt: (ColumnRole | null)[] = [];
  private readonly hasMerges: boolean;
  private readonly resolver: CellResolver;
  private readonly outline = new Outline();
  /** Labels read ahead of the scan by a heading's look-ahead. */
  private readonly readAhead = new Map<number, PlacedLabel | null>();

  private current: TaskBuilder | null = null;
  /** The current task's cells are resolved (it died young, see finish()). */
  private resolved: TaskBuilder | null = null;
  /** Group state: inherited by rows without their own STT. */
  private groupStt: string | null = null;
  /** A heading was passed: the next task starts a new group. */
  private groupReset = false;
  private headings: OpenHeading[] = [];
  private section: string | null = null;
  private blankRun = 0;
  private lastContentRow: number;
  private ended = false;
  private afterRepeatedHeader = false;

  constructor(
    private readonly view: SheetView,
    private readonly layout: TableLayout,
  ) {
    const roleByCol = new Map<number, ColumnRole>();
    for (const [role, col] of Object.entries(layout.columns) as [ColumnRole, number][]) roleByCol.set(col, role);
    this.sttCol = layout.columns.stt ?? null;
    for (let c = layout.firstCol; c <= layout.lastCol; c++) this.roleAt.push(roleByCol.get(c) ?? null);
    this.hasMerges = view.grid.merges.length > 0;
    this.resolver = new CellResolver(view, roleByCol, layout.firstRow);
    this.lastContentRow = layout.firstRow - 1;
  }

  run(): BodyScan {
    for (let r = this.layout.firstRow; r < this.view.endRow && !this.ended; r++) this.scanRow(r);
    this.finish();
    const lastRow = Math.max(this.lastContentRow, this.layout.firstRow);
    const rows = this.rows;
    // Trailing blank rows are not part of the table.
    while (rows.length && rows[rows.length - 1].row > lastRow && rows[rows.length - 1].kind === 'blank') rows.pop();
    if (this.sections.some((s, i) => i > 0 && s.row < this.sections[i - 1].row)) this.sections.sort((a, b) => a.row - b.row);
    return { rows, tasks: this.tasks, sections: this.sections, numberingRow: this.numberingRow, lastRow, otherTableRow: this.otherTableRow };
  }

  private ownCells(row: number): RowCell[] {
    const out: RowCell[] = [];
    const { view } = this;
    const values = view.rowValues(row);
    if (!values) return out;
    const { firstCol, lastCol } = this.layout;
    const end = Math.min(lastCol, view.firstCol + values.length - 1);
    for (let c = firstCol; c <= end; c++) {
      const raw = values[c - view.firstCol];
      if (raw === null || raw === '' || raw === undefined) continue;
      if (this.hasMerges && view.isCovered(row, c)) continue;
      const text = cellText(raw);
      if (text !== '') out.push({ col: c, role: this.roleAt[c - firstCol], text, raw });
      else if (typeof raw === 'string' && raw.trim().startsWith('#')) {
        const err = cellError(raw);
        if (err) out.push({ col: c, role: this.roleAt[c - firstCol], text: err, raw });
      }
    }
    return out;
  }

  private push(row: ScannedRow, content: boolean): void {
    this.rows.push(row);
    if (content) this.lastContentRow = row.row;
  }

  /** The current task is complete (a new task, a section or the end follows): resolve its
   * cells now, so its builder dies young instead of surviving the whole scan. */
  private finish(): void {
    if (this.current && this.current !== this.resolved) {
      this.resolver.resolve(this.current);
      this.resolved = this.current;
    }
  }

  private scanRow(r: number): void {
    const hidden = this.view.isHidden(r);
    const cells = this.ownCells(r);
    if (cells.length === 0) {
      this.blankRun++;
      this.afterRepeatedHeader = false;
      this.rows.push({ row: r, kind: 'blank', hidden });
      return;
    }
    const afterGap = this.blankRun >= GAP_ROWS && this.tasks.length > 0;
    this.blankRun = 0;
    if (this.headerLike(r, hidden, cells)) return;
    if (this.closing(r, hidden, cells)) return;

    const label = this.labelOf(r, cells);
    if (label === null && this.tasks.length > 0 && isSignatureRow(cells)) {
      this.rows.push({ row: r, kind: 'note', hidden });
      this.ended = true;
      return;
    }
    if (label && label.kind !== 'dash' && label.kind !== 'plus') {
      this.labelled(r, hidden, cells, label);
      return;
    }
    if (label) {
      // A bullet item is read like any row without a number, but it may head a group.
      const depth = this.enterLabel(label.kind);
      const shape = this.shapeOfLabelled(cells, label);
      if (shape.titleOnly && !shape.hasData && this.isHeadingOver(r, label, depth)) {
        this.heading(r, hidden, label, shape.title, depth);
        return;
      }
    }
    this.unlabelled(r, hidden, cells, afterGap);
  }

  /** Repeated header rows, a second table's header, the numbering row. */
  private headerLike(r: number, hidden: boolean, cells: RowCell[]): boolean {
    const { view, layout } = this;
    if (this.afterRepeatedHeader && cells.every((c) => layout.headerWords.get(c.col)?.has(normaliseHeader(c.text)))) {
      // The second line of a repeated two-line header may hold a single cell.
      this.rows.push({ row: r, kind: 'header', hidden });
      return true;
    }
    this.afterRepeatedHeader = false;
    if (mightBeHeader(cells, this.sttCol)) {
      if (repeatsHeader(view, r, layout.headerWords)) {
        this.rows.push({ row: r, kind: 'header', hidden });
        this.afterRepeatedHeader = true;
        return true;
      }
      if (looksLikeOtherHeader(view, r)) {
        this.otherTableRow = r;
        this.ended = true;
        return true;
      }
    }
    if (this.numberingRow === null && this.tasks.length === 0 && isNumberingRow(view, r)) {
      this.numberingRow = r;
      this.rows.push({ row: r, kind: 'numbering', hidden });
      return true;
    }
    return false;
  }

  /** Notes, totals: rows under (or closing) the table that are never part of a task. */
  private closing(r: number, hidden: boolean, cells: RowCell[]): boolean {
    const first = cells[0];
    if (isNoteText(first.text) && (this.tasks.length > 0 || cells.length <= 2)) {
      this.rows.push({ row: r, kind: 'note', hidden });
      if (this.tasks.length > 0) this.ended = true;
      return true;
    }
    const totals = totalsRow(cells);
    if (totals) {
      this.rows.push({ row: r, kind: 'note', hidden });
      if (totals === 'total' && this.tasks.length > 0) this.ended = true;
      return true;
    }
    return false;
  }

  /** The row's label: the STT cell's own, else an item marker or a heading written at the
   * start of its first cell. Rows a heading's look-ahead read keep their label until the scan
   * reaches them. */
  private labelOf(r: number, cells: RowCell[]): PlacedLabel | null {
    if (this.readAhead.size > 0) {
      const label = this.readAhead.get(r);
      if (label !== undefined) {
        this.readAhead.delete(r);
        return label;
      }
    }
    return this.readLabel(r, cells);
  }

  private labelAhead(r: number, cells: RowCell[]): PlacedLabel | null {
    let label = this.readAhead.get(r);
    if (label === undefined) {
      label = this.readLabel(r, cells);
      this.readAhead.set(r, label);
    }
    return label;
  }

  private readLabel(r: number, cells: RowCell[]): PlacedLabel | null {
    const { sttCol } = this;
    if (sttCol !== null && !(this.hasMerges && this.view.isCovered(r, sttCol))) {
      let own: RowCell | undefined;
      for (const c of cells) if (c.col === sttCol) own = c;
      if (own) {
        const alone = own.text.length <= 14 ? labelAlone(own.text) : null;
        if (alone) return placed(alone, sttCol);
        // A title written after its number, alone on the row ("I. CẢI CÁCH THỂ CHẾ" merged across).
        const titled = own.text.length <= MAX_TITLE && this.onlyTitle(cells) === own ? labelWithTitle(own.text) : null;
        return titled && !ITEM_KINDS.has(titled.kind) ? placed(titled, sttCol) : null;
      }
      // A lone dash reads as an empty cell but, before other words, it marks an item.
      const raw = this.view.raw(r, sttCol);
      if (typeof raw === 'string' && LONE_DASH_RE.test(raw)) return { kind: 'dash', id: '-', rest: '', col: sttCol };
    }
    const first = cells[0];
    if (first.text.length <= MAX_TITLE && this.onlyTitle(cells) === first) {
      const atStart = first.col === this.layout.firstCol || (sttCol !== null && first.col <= sttCol);
      const heading = atStart ? labelWithTitle(first.text) : headingWithTitle(first.text);
      if (heading) return placed(heading, first.col);
    }
    // An item marker opens the row's first descriptive text ("- …" in the task column), even
    // with a unit name written to its left.
    for (const c of cells) {
      if (DESCRIPTIVE.has(c.role)) {
        const item = itemPrefix(c.text);
        return item ? placed(item, c.col) : null;
      }
    }
    return null;
  }

  /** The row's single title cell, if it holds nothing else but budget or note cells; a title
   * merged across the row may start in any column, the budget's included. */
  private onlyTitle(cells: RowCell[]): RowCell | null {
    if (cells.length === 1) return cells[0];
    let title: RowCell | null = null;
    for (const c of cells) {
      if (c.role === 'budget' || c.role === 'note' || (c.role !== null && TRACKING.has(c.role))) continue;
      if (title) return null;
      title = c;
    }
    return title;
  }

  private enterLabel(kind: LabelKind): number {
    const depth = this.outline.enter(kind);
    if (this.headings.length && this.headings[this.headings.length - 1].depth >= depth) {
      this.headings = this.headings.filter((h) => h.depth < depth);
      this.section = this.chainSection();
    }
    return depth;
  }

  private shapeOfLabelled(cells: RowCell[], label: PlacedLabel): LabelledShape {
    let hasData = false;
    let titles = 0;
    let title = '';
    let others = 0;
    for (const c of cells) {
      if (c.col === label.col || (c.role !== null && TRACKING.has(c.role))) continue;
      others++;
      if (DATA_ROLES.has(c.role)) hasData = true;
      if (c.role === 'budget' || c.role === 'note') continue;
      if (titles++ === 0) {
        title = c.text;
        // A title in a data column ("1 | | Kế hoạch") is a task's output, not a heading's words.
        if (DATA_ROLES.has(c.role) && !SECTION_KINDS.has(label.kind)) titles++;
      }
    }
    if (label.rest !== '') return { titleOnly: titles === 0, title: label.rest, hasData, bare: false };
    return { titleOnly: titles === 1, title, hasData, bare: others === 0 };
  }

  /** A row with a label other than a bullet: a heading, a numbered task, an item of a group. */
  private labelled(r: number, hidden: boolean, cells: RowCell[], label: PlacedLabel): void {
    const depth = this.enterLabel(label.kind);
    const shape = this.shapeOfLabelled(cells, label);
    const item = ITEM_KINDS.has(label.kind);
    if (shape.titleOnly && (SECTION_KINDS.has(label.kind) || this.isHeadingOver(r, label, depth))) {
      this.heading(r, hidden, label, shape.title, depth);
      return;
    }
    if (shape.bare && SECTION_KINDS.has(label.kind)) {
      // A numeral alone, no title: nothing of the plan on this row.
      this.rows.push({ row: r, kind: 'note', hidden });
      return;
    }
    const content = this.contentOf(cells, this.sttCol !== null && cells.some((c) => c.col === this.sttCol) ? this.sttCol : -1);
    if (item && !shape.hasData && this.current) {
      // A detail line ("a) …", "- …" without a lead, deadline or output of its own) belongs
      // to the task above.
      this.continueCurrent(r, hidden, content);
      return;
    }
    if (item) {
      const inSttColumn = this.sttCol !== null && label.col === this.sttCol;
      this.newTask(r, hidden, inSttColumn ? label.id : this.groupStt, { stt: true, group: false }, content);
      return;
    }
    this.numberedTask(r, hidden, label.id, content);
  }

  private numberedTask(r: number, hidden: boolean, stt: string, content: { withRole: RowCell[]; content: RowCell[] }): void {
    const current = this.current;
    // A page break may put a numbered task's number, lead and deadline on the second part:
    // the part above had no number of its own and lacks a lead or a deadline, and this row's
    // descriptive cells continue its sentences.
    if (current && !current.sttOwn && isIncomplete(current, this.layout.columns) && hasNarrativeTail(content.content, this.shapes(current))) {
      appendRow(current, r, content.withRole);
      current.task.stt = stt;
      current.sttOwn = true;
      this.groupStt = stt;
      this.push({ row: r, kind: 'continuation', hidden, of: current.task.row }, true);
      return;
    }
    this.groupStt = stt;
    this.newTask(r, hidden, stt, { stt: true, group: true }, content);
  }

  /** A row without a label of its own (or a bullet item): a group row, a continuation, the
   * table's end, or an unnumbered section title. */
  private unlabelled(r: number, hidden: boolean, cells: RowCell[], afterGap: boolean): void {
    if (this.continuesTitle(r, hidden, cells) || this.upperCaseTitle(r, hidden, cells)) return;
    const sttCell = this.sttCol !== null ? cells.find((c) => c.col === this.sttCol) : undefined;
    const content = this.contentOf(cells, sttCell ? sttCell.col : -1);
    if (content.content.length === 0) {
      // A long text alone in the STT column is prose under the table; only tracking values (or
      // unnamed columns) hold nothing of the plan.
      this.rows.push({ row: r, kind: 'note', hidden });
      if (sttCell && this.tasks.length > 0) this.ended = true;
      return;
    }
    if (afterGap && !looksLikeFullTask(content.content)) {
      // Blank rows then something that is not a task: the table has ended (signature, prose).
      this.ended = true;
      return;
    }
    if (this.current && isContinuation(content.content, this.shapes(this.current))) {
      this.continueCurrent(r, hidden, content);
      return;
    }
    this.newTask(r, hidden, this.groupStt, { stt: false, group: false }, content);
  }

  /** An upper-case title alone in a cell merged across most of the row: a section without a
   * numeral, numbered here after the sections before it. */
  private upperCaseTitle(r: number, hidden: boolean, cells: RowCell[]): boolean {
    if (cells.length !== 1) return false;
    const first = cells[0];
    const m = this.view.mergeAt(r, first.col);
    const span = m ? m.right - m.left + 1 : 1;
    const { firstCol, lastCol } = this.layout;
    const letters = first.text.replace(/[^\p{L}]/gu, '');
    if (span < Math.max(3, (lastCol - firstCol + 1) / 2) || letters.length < 4 || letters !== letters.toUpperCase() || first.text.length > 150) return false;
    const id = ROMANS[this.sections.length] ?? String(this.sections.length + 1);
    this.heading(r, hidden, { kind: 'roman', id, rest: first.text }, first.text, this.enterLabel('roman'));
    return true;
  }

  private heading(r: number, hidden: boolean, label: RowLabel, title: string, depth: number): void {
    this.finish();
    this.current = null;
    const part = PART_KINDS.has(label.kind);
    const scanned = { row: r, kind: 'section' as const, hidden, section: label.id, title };
    const heading: OpenHeading = { id: label.id, title, row: r, depth, part, info: null, scanned, lastRow: r };
    // A section of the plan (a reform area) is the shallowest heading that is not a part;
    // deeper ones are sub-sections or group headings.
    if (!part && !this.headings.some((h) => !h.part)) this.list(heading);
    this.headings.push(heading);
    this.section = this.chainSection();
    this.rows.push(scanned);
    this.lastContentRow = r;
    this.groupStt = label.kind === 'arabic' || label.kind.startsWith('decimal') || label.kind === 'lower' ? label.id : null;
    this.groupReset = true;
  }

  private list(h: OpenHeading): void {
    h.info = { id: h.id, title: h.title, row: h.row };
    this.sections.push(h.info);
  }

  /** Right under a heading, a row without data whose words read as the end of its title (a
   * long title a converter cut over two lines) continues the title. */
  private continuesTitle(r: number, hidden: boolean, cells: RowCell[]): boolean {
    const h = this.headings[this.headings.length - 1];
    if (this.current !== null || !h || h.lastRow !== this.lastContentRow) return false;
    // A cell merged across the row is the title's line whatever column it starts in.
    const across = cells.length === 1 && (this.view.mergeAt(r, cells[0].col)?.right ?? 0) > cells[0].col;
    const data = (c: RowCell) => !across && (DATA_ROLES.has(c.role) || (c.role !== null && TRACKING.has(c.role)));
    if (cells.some((c) => data(c) || shapeOf(c.text, h.title, c.role) !== 'tail')) return false;
    h.title = [h.title, ...cells.map((c) => c.text)].join(' ');
    h.scanned.title = h.title;
    if (h.info) h.info.title = h.title;
    h.lastRow = r;
    this.push({ row: r, kind: 'continuation', hidden, of: h.row }, true);
    return true;
  }

  /** The section a task under the open headings belongs to: the shallowest heading that is not
   * a part, else (tasks right under "A. …" or "Phần I") the deepest part. */
  private chainSection(): string | null {
    const section = this.headings.find((h) => !h.part) ?? this.headings[this.headings.length - 1];
    return section ? section.id : null;
  }

  /** Does a row with only a label and a title head the rows under it? Yes when a deeper label
   * follows before the next label of its own level or above (a detail line does not count). */
  private isHeadingOver(r: number, label: RowLabel, depth: number): boolean {
    const end = Math.min(this.view.endRow, r + 1 + LOOKAHEAD_ROWS);
    let blanks = 0;
    for (let rr = r + 1; rr < end; rr++) {
      const cells = this.ownCells(rr);
      if (cells.length === 0) {
        if (++blanks >= GAP_ROWS) return false;
        continue;
      }
      blanks = 0;
      if (mightBeHeader(cells, this.sttCol) && repeatsHeader(this.view, rr, this.layout.headerWords)) continue;
      if (isNoteText(cells[0].text) || totalsRow(cells) || isSignatureRow(cells)) return false;
      const next = this.labelAhead(rr, cells);
      if (!next) continue;
      if (next.kind === label.kind || this.outline.closes(next.kind, depth)) return false;
      if (ITEM_KINDS.has(next.kind) && !this.shapeOfLabelled(cells, next).hasData) continue;
      return true;
    }
    return false;
  }

  /** The row's cells of named columns but `skipCol` (withRole), and those of the plan's own
   * columns (content). Most rows drop nothing: they share the row's array (none of these arrays
   * is changed once built). */
  private contentOf(cells: RowCell[], skipCol: number): { withRole: RowCell[]; content: RowCell[] } {
    let dropsAny = false;
    let tracking = false;
    for (const c of cells) {
      if (c.col === skipCol || c.role === null) dropsAny = true;
      else if (TRACKING.has(c.role)) tracking = true;
    }
    const withRole = dropsAny ? cells.filter((c) => c.col !== skipCol && c.role !== null) : cells;
    const content = tracking ? withRole.filter((c) => !TRACKING.has(c.role!)) : withRole;
    return { withRole, content };
  }

  /** Shapes (tail / head) against the task above, computed on demand: most rows are decided by
   * their first descriptive cell. */
  private shapes(above: TaskBuilder): ShapeOf {
    return (c) => shapeOf(c.text, lastPart(above, c.col), c.role);
  }

  private continueCurrent(r: number, hidden: boolean, content: { withRole: RowCell[] }): void {
    const current = this.current!;
    appendRow(current, r, content.withRole);
    this.push({ row: r, kind: 'continuation', hidden, of: current.task.row }, true);
  }

  private newTask(r: number, hidden: boolean, stt: string | null, own: { stt: boolean; group: boolean }, content: { withRole: RowCell[] }): void {
    this.finish();
    const section = this.taskSection();
    const b = startTask(r, section, stt, { stt: own.stt, group: own.group || this.groupReset }, content.withRole);
    this.groupReset = false;
    this.current = b;
    this.push({ row: r, kind: 'task', hidden, task: b.task }, true);
    this.tasks.push(b.task);
  }

  /** The section of a task here; a part heading that holds tasks directly becomes a section. */
  private taskSection(): string | null {
    const section = this.section;
    if (section !== null && !this.headings.some((h) => !h.part)) {
      const part = this.headings[this.headings.length - 1];
      if (part && !part.info) this.list(part);
    }
    return section;
  }
}

/** The label, now placed in its column (labels are fresh objects: no copy). */
function placed(label: RowLabel, col: number): PlacedLabel {
  const out = label as PlacedLabel;
  out.col = col;
  return out;
}

function headingWithTitle(text: string): RowLabel | null {
  const label = labelWithTitle(text);
  return label && SECTION_KINDS.has(label.kind) ? label : null;
}

/** Cheap test before the header checks: header rows have several short cells and no task number. */
function mightBeHeader(cells: RowCell[], sttCol: number | null): boolean {
  if (cells.length < 2) return false;
  for (const c of cells) {
    if (c.text.length > 60) return false;
    // A task number, not a numbered header word ("1. STT").
    if (c.col === sttCol && /^\d[\d.]*[.)]?$/.test(c.text)) return false;
  }
  return true;
}
