/**
 * The body of a generated appendix: sections in the drawn numbering scheme, units of work
 * (numbered tasks with group rows, detail lines and cut cells; group headings over items;
 * tasks cut by a page break), repeated headers and blank rows between them, then the rows
 * that close the table. Each row is written with the kind docs/recognition.md gives it.
 */
import type { CellValue, ColumnRole, RowKind } from '../../../src/engine/model';
import type { Layout, LayoutTruth } from './layout-gen';
import type { Rng, SheetBuilder } from './layout-sheet';
import * as W from './layout-words';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
const LETTERS = ['A', 'B', 'C'];
const LOWER = ['a', 'b', 'c', 'd'];
/** Words after which a number continues the cell (the engine's rule, for cutting cells). */
const NUMBER_TAKING = new Set(['quý', 'tháng', 'năm', 'ngày', 'đạt']);
const NUMBER_START_RE = /^(\d|[IVX]{1,4}\/)/;
/** Columns a converter may cut: text columns. */
const CUTTABLE: readonly ColumnRole[] = ['task', 'objective', 'activity', 'output', 'lead', 'support', 'deadline', 'start', 'monitor', 'note'];

type Values = Partial<Record<ColumnRole, CellValue>>;
type Body = Omit<LayoutTruth, 'headerRows' | 'columns'>;

export function writeBody(rng: Rng, sheet: SheetBuilder, layout: Layout, headerRows: number[], features: string[]): Body {
  const writer = new BodyWriter(rng, sheet, layout, headerRows, features);
  writer.write();
  return writer.truth(headerRows[headerRows.length - 1] + 1);
}

class BodyWriter {
  private text = 0;
  private readonly restart: boolean;

  constructor(
    private readonly rng: Rng,
    private readonly sheet: SheetBuilder,
    private readonly layout: Layout,
    private readonly headerRows: number[],
    private readonly features: string[],
  ) {
    this.restart = rng.chance(0.7);
    this.text = rng.int(0, 50);
  }

  private feature(name: string): void {
    if (!this.features.includes(name)) this.features.push(name);
  }

  write(): void {
    const { rng, sheet } = this;
    if (rng.chance(0.4)) {
      this.feature('numbering-row');
      const bracket = rng.chance(0.5);
      sheet.row(sheet.roles.map((_, i) => (bracket ? `(${i + 1})` : i + 1)), 'numbering');
    }
    this.scheme();
    this.closing();
  }

  private scheme(): void {
    const { rng } = this;
    const sections = rng.int(2, 4);
    let n = 0;
    const units = (label: (i: number) => string, count = rng.int(1, 3)) => {
      if (this.restart) n = 0;
      for (let i = 0; i < count; i++) this.unit(label(++n), i === 0);
      this.maybeSubtotal();
    };
    switch (this.layout.scheme) {
      case 'roman-arabic':
        for (let s = 0; s < sections; s++) {
          this.section(ROMAN[s], 'roman');
          units((k) => String(k));
        }
        break;
      case 'arabic-decimal':
        for (let s = 0; s < sections; s++) {
          this.section(String(s + 1), 'arabic');
          n = 0;
          units((k) => `${s + 1}.${k}`);
        }
        break;
      case 'roman-subsection':
        for (let s = 0; s < sections; s++) {
          this.section(ROMAN[s], 'roman');
          for (let k = 1, subs = rng.int(1, 2); k <= subs; k++) {
            this.section(`${s + 1}.${k}`, 'sub');
            n = 0;
            units((i) => String(i));
          }
        }
        break;
      case 'letter-roman':
      case 'part-roman': {
        const parts = rng.int(2, 3);
        for (let p = 0; p < parts; p++) {
          this.section(this.layout.scheme === 'letter-roman' ? LETTERS[p] : `Phần ${ROMAN[p]}`, 'part');
          if (p === 0 && rng.chance(0.5)) {
            units((k) => String(k));
            continue;
          }
          for (let s = 0, count = rng.int(1, 2); s < count; s++) {
            this.section(ROMAN[s], 'roman');
            units((k) => String(k));
          }
        }
        break;
      }
      case 'upper-titles':
        for (let s = 0; s < sections; s++) {
          this.section(null, 'upper');
          units((k) => String(k));
        }
        break;
      case 'no-stt':
        for (let s = 0; s < sections; s++) {
          this.section(ROMAN[s], 'roman');
          for (let i = 0, count = rng.int(1, 3); i < count; i++) this.unnumberedUnit();
        }
        break;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Sections

  /** A heading row: its label in the STT cell and the title beside it, or label and title in
   * one cell merged across the row; "upper" is an upper-case title alone. */
  private section(label: string | null, kind: 'roman' | 'arabic' | 'sub' | 'part' | 'upper'): void {
    const { rng, sheet } = this;
    this.between();
    const words = kind === 'part' ? W.PART_TITLES : W.SECTION_TITLES;
    let title = rng.pick(words);
    if (kind === 'upper' || (kind === 'roman' && rng.chance(0.4))) title = title.toUpperCase();
    const stt = sheet.colOf('stt');
    const task = sheet.colOf('task');
    const oneCell = label === null || stt < 0 || rng.chance(0.3);
    // A long title a converter cut over two lines: its end on the next row.
    const cut = rng.chance(0.2) ? cutTitle(rng, title) : null;
    if (cut) {
      title = cut[0];
      this.feature('section-title-cut');
    }
    if (oneCell) {
      const text = label === null ? title : `${label}${rng.pick(['. ', '. ', ' - '])}${title}`;
      const r = sheet.row([text], 'section');
      sheet.merge(r, 0, r, sheet.width - 1);
      this.feature(`section-one-cell-${kind}`);
      if (cut) sheet.merge(sheet.row([cut[1]], 'continuation'), 0, sheet.rows.length - 1, sheet.width - 1);
      return;
    }
    const r = sheet.cells({ stt: rng.chance(0.3) && kind !== 'sub' ? `${label}.` : label, task: title }, 'section');
    const end = stt > task ? stt - 1 : sheet.width - 1;
    const merged = rng.chance(0.5);
    if (merged) sheet.merge(r, task, r, end);
    this.feature(`section-${kind}`);
    if (cut) {
      const t = sheet.cells({ task: cut[1] }, 'continuation');
      if (merged) sheet.merge(t, task, t, end);
    }
  }

  private maybeSubtotal(): void {
    if (!this.rng.chance(0.12)) return;
    this.feature('subtotal');
    this.sheet.cells({ task: 'Cộng', budget: this.sheet.has('budget') ? 35_000_000 : null }, 'note');
  }

  // -------------------------------------------------------------------------------------------
  // Units of work

  /** A repeated page header or a blank row between units, now and then. */
  private between(): void {
    const roll = this.rng.next();
    if (roll < 0.08) this.repeatHeader();
    else if (roll < 0.15) {
      this.feature('blank-row');
      this.sheet.row([], 'blank');
    }
  }

  private repeatHeader(): void {
    const { sheet } = this;
    this.feature('repeated-header');
    const top = this.headerRows[0];
    const copy = sheet.row([...sheet.rows[top]], 'header');
    if (this.headerRows.length > 1) sheet.row([...sheet.rows[top + 1]], 'header');
    for (const [t, l, b, r] of [...sheet.merges]) if (t === top) sheet.merge(copy, l, copy + (b - t), r);
  }

  private unit(stt: string, first: boolean): void {
    const { rng, sheet } = this;
    this.between();
    const roll = rng.next();
    if (roll < 0.12 && !first && sheet.has('output') && sheet.has('lead')) this.splitNumbered(stt);
    else if (roll < 0.27) this.groupHeading(stt);
    else if (roll < 0.35) this.cutOff(stt);
    else if (roll < 0.42 && sheet.has('output')) this.leadRun(stt);
    else this.numbered(stt);
  }

  /** Numbered tasks sharing one lead, written once and merged down over them. The tasks after
   * the first keep their own numbers (restarting the count is the caller's business). */
  private leadRun(stt: string): void {
    const { rng, sheet } = this;
    this.feature('merged-lead-over-tasks');
    const lead = sheet.colOf('lead');
    const top = sheet.cells({ ...this.full(stt), lead: rng.pick(W.LEADS), output: rng.pick(W.OUTPUTS) }, 'task');
    const n = Number(stt);
    const more = Number.isInteger(n) ? rng.int(1, 2) : 0;
    for (let i = 1; i <= more; i++) sheet.cells({ ...this.full(`${n}${LOWER[i - 1]}`), lead: null, output: rng.pick(W.OUTPUTS) }, 'task');
    sheet.merge(top, lead, top + more, lead);
  }

  private nextText(): string {
    return W.taskText(this.text++);
  }

  private deadline(): CellValue {
    return this.rng.chance(0.2) ? this.rng.pick(W.DATE_SERIALS) : this.rng.pick(W.DEADLINES);
  }

  /** A numbered task's own cells. */
  private full(stt: CellValue): Values {
    const { rng } = this;
    const v: Values = { stt, task: this.nextText() };
    if (rng.chance(0.5)) v.objective = rng.pick(W.OBJECTIVES);
    if (rng.chance(0.5)) v.activity = rng.pick(W.ACTIVITIES);
    if (rng.chance(0.85)) v.output = rng.pick(W.OUTPUTS);
    if (rng.chance(0.85)) v.lead = rng.pick(W.LEADS);
    if (rng.chance(0.5)) v.support = rng.pick(W.SUPPORTS);
    if (rng.chance(0.85)) v.deadline = this.deadline();
    if (rng.chance(0.6)) v.start = rng.chance(0.3) ? 45658 : rng.pick(W.STARTS);
    if (rng.chance(0.3)) v.budget = rng.int(1, 90) * 1_000_000;
    if (rng.chance(0.3)) v.monitor = rng.pick(W.MONITORS);
    if (rng.chance(0.2)) v.note = rng.pick(W.NOTES);
    return v;
  }

  /** A row of a group: its own output (or lead) so it is a task, capitalised so it reads new. */
  private groupRow(): Values {
    const { rng, sheet } = this;
    const v: Values = {};
    if (rng.chance(0.4)) v.task = this.nextText();
    if (sheet.has('output')) v.output = rng.pick(W.OUTPUTS);
    if (!sheet.has('output') || rng.chance(0.6)) v.lead = rng.pick(W.LEADS);
    if (rng.chance(0.6)) v.deadline = rng.pick(W.DEADLINES);
    if (rng.chance(0.3)) v.support = rng.pick(W.SUPPORTS);
    return v;
  }

  private numbered(stt: string): void {
    const { rng, sheet } = this;
    const groups = rng.chance(0.35) ? rng.int(1, 2) : 0;
    const details = rng.chance(0.3) ? rng.int(1, 2) : 0;
    // Merges never span a repeated header: no page break inside a merged group.
    const merged = groups > 0 && details === 0 && rng.chance(0.5);
    // A merged group keeps its cells whole: a cut cell's end would sit under the merge.
    const r = sheet.cells(this.full(stt), 'task');
    if (!merged) this.cut(r);
    for (let g = 0; g < groups; g++) {
      this.feature('group-rows');
      const row = sheet.cells(this.groupRow(), 'task');
      if (!merged) this.cut(row);
    }
    if (merged) this.mergeGroup(r, sheet.rows.length - 1);
    for (let d = 0; d < details; d++) this.detailLine(d);
  }

  /** STT, objective or lead merged down over the task and its group rows. */
  private mergeGroup(top: number, bottom: number): void {
    const { rng, sheet } = this;
    for (const role of ['stt', 'objective', 'lead'] as ColumnRole[]) {
      const c = sheet.colOf(role);
      if (c < 0 || sheet.get(top, c) === null || !rng.chance(0.5)) continue;
      if (role === 'lead' && !sheet.has('output')) continue;
      this.feature(`merged-${role}`);
      sheet.merge(top, c, bottom, c);
    }
  }

  /** A line of detail under a task: no lead, deadline or output of its own. */
  private detailLine(d: number): void {
    const { rng, sheet } = this;
    const text = rng.pick(W.DETAILS);
    const form = rng.pick(sheet.has('stt') ? ['stt-lower', 'text-lower', 'stt-dash', 'text-dash', 'text-plus', 'plain'] : ['text-dash', 'text-plus', 'plain']);
    this.feature(`detail-${form}`);
    const v: Values =
      form === 'stt-lower' ? { stt: `${LOWER[d]})`, task: text }
      : form === 'text-lower' ? { task: `${LOWER[d]}) ${text}` }
      : form === 'stt-dash' ? { stt: '-', task: text }
      : form === 'text-dash' ? { task: `- ${text}` }
      : form === 'text-plus' ? { task: `+ ${text}` }
      : { task: text.charAt(0).toLowerCase() + text.slice(1) };
    sheet.cells(v, 'continuation');
  }

  /** A numbered row with only its title, nothing deeper under it: a task missing its data. */
  private cutOff(stt: string): void {
    const { rng, sheet } = this;
    this.feature('cut-off-task');
    const v: Values = { stt, task: this.nextText() };
    if (rng.chance(0.3) && sheet.has('objective')) v.objective = rng.pick(W.OBJECTIVES);
    this.cut(sheet.cells(v, 'task'));
    if (rng.chance(0.3)) this.detailLine(0);
  }

  /** A numbered row with only a title, over items that carry their own data: a heading. */
  private groupHeading(stt: string): void {
    const { rng, sheet } = this;
    sheet.cells({ stt, task: rng.pick(W.SECTION_TITLES) }, 'section');
    const form = rng.pick(['stt-lower', 'text-lower', 'text-dash', 'stt-dash']);
    this.feature(`group-heading-${form}`);
    for (let i = 0, count = rng.int(2, 3); i < count; i++) {
      const v = this.groupRow();
      const text = v.task ? String(v.task) : this.nextText();
      if (form === 'stt-lower') Object.assign(v, { stt: `${LOWER[i]})`, task: text });
      else if (form === 'text-lower') v.task = `${LOWER[i]}) ${text}`;
      else if (form === 'text-dash') v.task = `- ${text}`;
      else Object.assign(v, { stt: '-', task: text });
      this.cut(sheet.cells(v, 'task'));
      if (rng.chance(0.2)) {
        this.feature('detail-under-item');
        sheet.cells({ task: `+ ${rng.pick(W.DETAILS)}` }, 'continuation');
      }
    }
  }

  /** A page break put the task's number, lead and deadline on its second part. */
  private splitNumbered(stt: string): void {
    const { rng, sheet } = this;
    const text = this.nextText();
    const parts = cutText(rng, text, true);
    if (!parts) {
      this.numbered(stt);
      return;
    }
    this.feature('page-split-number-below');
    sheet.cells({ task: parts[0], output: rng.pick(W.OUTPUTS) }, 'task');
    if (rng.chance(0.3)) this.repeatHeader();
    sheet.cells({ stt, task: parts[1], lead: rng.pick(W.LEADS), deadline: this.deadline() }, 'continuation');
  }

  /** A task of a table without STT: every row with data is a task. */
  private unnumberedUnit(): void {
    const { rng, sheet } = this;
    this.between();
    const v = this.full(null);
    v.lead = rng.pick(W.LEADS);
    this.cut(sheet.cells(v, 'task'));
    if (rng.chance(0.3)) this.detailLine(0);
  }

  /** Cells cut by a converter or a page break: their ends on a row of their own, joined to
   * the row above. */
  private cut(r: number): void {
    const { rng, sheet } = this;
    if (!rng.chance(0.25)) return;
    const tails: Values = {};
    for (const role of rng.shuffle(CUTTABLE).slice(0, rng.int(1, 3))) {
      const c = sheet.colOf(role);
      const v = c >= 0 ? sheet.get(r, c) : null;
      if (typeof v !== 'string') continue;
      const parts = cutText(rng, v, false, role === 'deadline' || role === 'start');
      if (!parts) continue;
      sheet.set(r, c, parts[0]);
      tails[role] = parts[1];
    }
    if (Object.keys(tails).length === 0) return;
    this.feature(`cut-cells-${Object.keys(tails).sort().join('+')}`);
    if (rng.chance(0.1)) this.repeatHeader();
    sheet.cells(tails, 'continuation');
  }

  // -------------------------------------------------------------------------------------------
  // Under the table

  private closing(): void {
    const { rng, sheet } = this;
    if (rng.chance(0.35)) {
      this.feature('totals');
      const r = sheet.cells({ task: 'Tổng cộng', budget: sheet.has('budget') ? 250_000_000 : null }, 'closing');
      void r;
    }
    for (let i = rng.int(0, 2); i > 0; i--) sheet.row([], 'closing');
    if (rng.chance(0.3)) {
      this.feature('note-under');
      const r = sheet.row([rng.pick(W.NOTE_LINES)], 'closing');
      sheet.merge(r, 0, r, sheet.width - 1);
    }
    for (let i = rng.int(0, 2); i > 0; i--) sheet.row([], 'closing');
    if (rng.chance(0.6)) this.signature();
  }

  private signature(): void {
    const { rng, sheet } = this;
    this.feature('signature');
    const at = Math.max(0, sheet.width - rng.int(1, 2));
    const row = (text: string) => {
      const values: CellValue[] = sheet.roles.map(() => null);
      values[at] = text;
      return sheet.row(values, 'closing');
    };
    row(rng.pick(W.SIGN_TITLES));
    if (rng.chance(0.5)) row(rng.pick(W.SIGN_SUBTITLES));
    if (rng.chance(0.5)) row(rng.chance(0.5) ? '(Đã ký)' : '(đã ký)');
    sheet.row([], 'closing');
    row(rng.pick(W.SIGNERS));
  }

  truth(firstBodyRow: number): Body {
    const { sheet } = this;
    let last = firstBodyRow - 1;
    for (let r = firstBodyRow; r < sheet.rows.length; r++) {
      const m = sheet.mark(r);
      if (m === 'section' || m === 'task' || m === 'continuation') last = r;
    }
    const kinds = new Map<number, RowKind>();
    let tasks = 0;
    for (let r = firstBodyRow; r <= last; r++) {
      const m = sheet.mark(r);
      if (m === 'title' || m === 'closing') throw new Error(`generator: ${m} row inside the body`);
      kinds.set(sheet.rowAt(r), m);
      if (m === 'task') tasks++;
    }
    const closingRows: number[] = [];
    for (let r = last + 1; r < sheet.rows.length; r++) closingRows.push(sheet.rowAt(r));
    return { kinds, lastRow: sheet.rowAt(Math.max(last, firstBodyRow)), tasks, closingRows };
  }
}

/** Cut a section title where a converter would: after a comma, or before a lower-case word
 * (titles in capitals only after a comma). */
function cutTitle(rng: Rng, title: string): [string, string] | null {
  const words = title.split(' ');
  const upper = title === title.toUpperCase();
  const at: number[] = [];
  for (let i = 2; i < words.length; i++) if (words[i - 1].endsWith(',') || (!upper && /^\p{Ll}/u.test(words[i]))) at.push(i);
  if (at.length === 0) return null;
  const i = rng.pick(at);
  return [words.slice(0, i).join(' '), words.slice(i).join(' ')];
}

/** Cut a phrase where a converter's line break would leave a tail the engine reads as one: a
 * lower-case word, a number after a word that waits for one ("Quý" / "II/2025"), or a last
 * short word ("Văn phòng" / "Sở"). With `lowerOnly`, only a lower-case tail. */
export function cutText(rng: Rng, text: string, lowerOnly: boolean, timeCell = false): [string, string] | null {
  const words = text.split(' ');
  const at: number[] = [];
  // One word left on the first line only in a narrow time column ("Thường" / "xuyên") or
  // before a number ("Quý" / "II/2025").
  const from = timeCell || NUMBER_TAKING.has(words[0].toLowerCase()) ? 1 : 2;
  for (let i = from; i < words.length; i++) {
    const w = words[i];
    if (/^\p{Ll}/u.test(w)) at.push(i);
    else if (lowerOnly) continue;
    else if (NUMBER_START_RE.test(w) && NUMBER_TAKING.has(words[i - 1].toLowerCase())) at.push(i);
    else if (i === words.length - 1 && /^\p{L}{1,10}$/u.test(w) && !/[.;!?]$/.test(words[i - 1])) at.push(i);
  }
  if (at.length === 0) return null;
  const i = rng.pick(at);
  return [words.slice(0, i).join(' '), words.slice(i).join(' ')];
}
