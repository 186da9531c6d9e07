/**
 * Random appendices with their truth, for property tests of table recognition: columns in any
 * order, header wording from every synonym, one- or two-row headers (merged, or cut over two
 * lines by a PDF converter), a numbering row, numbering schemes and depths (Roman over Arabic,
 * Arabic over decimal, "A." parts, "Phần I", decimal sub-sections, upper-case titles, no STT at
 * all), group headings over "a)" or "-" items, detail lines, group rows, merged cells, repeated
 * page headers, page-split rows and converter-split cells, subtotals, a totals row, notes, a
 * signature block, and a table that starts further right or lower.
 *
 * The truth is what docs/recognition.md says the table is: the header rows, each role's column,
 * the kind of every row from the header down to the last row of the plan, and the task count.
 */
import fc from 'fast-check';
import type { CellRange, CellValue, ColumnRole, Grid, RowKind } from '../../../src/engine/model';
import { writeBody } from './layout-body';
import { Rng, SheetBuilder } from './layout-sheet';
import * as W from './layout-words';

export interface LayoutTruth {
  headerRows: number[];
  columns: Partial<Record<ColumnRole, number>>;
  /** Sheet row → kind, for every row from the first body row to the last row of the plan
   * (the last section, task or continuation). */
  kinds: Map<number, RowKind>;
  lastRow: number;
  tasks: number;
  /** Rows under the plan (totals, notes, signature): listed only as notes, if at all. */
  closingRows: number[];
}

export interface GeneratedPlan {
  seed: number;
  grid: Grid;
  truth: LayoutTruth;
  /** What was drawn, for reading a failure. */
  features: string[];
}

export type HeaderStyle = 'single' | 'merged' | 'cut';
export type Scheme = 'roman-arabic' | 'arabic-decimal' | 'letter-roman' | 'part-roman' | 'roman-subsection' | 'upper-titles' | 'no-stt';
const SCHEMES: Scheme[] = ['roman-arabic', 'arabic-decimal', 'letter-roman', 'part-roman', 'roman-subsection', 'upper-titles', 'no-stt'];

/** One column of the generated table, left to right. */
export interface GenColumn {
  role: ColumnRole;
  /** Header text on the first header row ("" under a parent's span when merged). */
  top: string;
  /** Header text on the second header row, if there is one. */
  bottom: string;
}

export interface Layout {
  columns: GenColumn[];
  style: HeaderStyle;
  /** Header cells merged, as [row offset, first col, last row offset, last col] in table terms. */
  headerMerges: [number, number, number, number][];
  scheme: Scheme;
}

/** Roles present: task, lead and deadline always (a header must name work and a key). */
function chooseRoles(rng: Rng, scheme: Scheme): ColumnRole[] {
  const roles: ColumnRole[] = ['task', 'lead', 'deadline'];
  if (scheme !== 'no-stt') roles.push('stt');
  const optional: [ColumnRole, number][] = [['output', 0.85], ['objective', 0.25], ['activity', 0.25], ['support', 0.6], ['start', 0.3], ['budget', 0.4], ['monitor', 0.15], ['note', 0.35]];
  for (const [role, p] of optional) if (rng.chance(p)) roles.push(role);
  return roles;
}

/** Any order, with the start column right before the deadline (a plan's window reads left to
 * right) and, for a merged header, support right after lead. */
function orderRoles(rng: Rng, roles: ColumnRole[], keepUnitsTogether: boolean): ColumnRole[] {
  const rest = rng.shuffle(roles.filter((r) => r !== 'start' && !(keepUnitsTogether && r === 'support')));
  if (roles.includes('stt') && rng.chance(0.7)) {
    rest.splice(rest.indexOf('stt'), 1);
    rest.unshift('stt');
  }
  const out: ColumnRole[] = [];
  for (const r of rest) {
    if (r === 'deadline' && roles.includes('start')) out.push('start');
    out.push(r);
    if (r === 'lead' && keepUnitsTogether && roles.includes('support')) out.push('support');
  }
  return out;
}

function headerWord(rng: Rng, role: ColumnRole, roles: ColumnRole[]): string {
  if (role === 'deadline' && roles.includes('start')) return rng.pick(W.END_WORDS);
  return rng.pick(W.HEADER_WORDS[role] ?? ['Ghi chú']);
}

/** Numbering ("5. Chủ trì"), capitals, decomposed Unicode: what real headers do to words. */
function dress(rng: Rng, text: string, index: number): string {
  let t = text;
  if (rng.chance(0.15)) t = t.toUpperCase();
  if (rng.chance(0.1)) t = `${index + 1}. ${t}`;
  if (rng.chance(0.1)) t = t.normalize('NFD');
  if (rng.chance(0.1)) t = t.replace(' ', '\n');
  return t;
}

export function chooseLayout(rng: Rng): Layout {
  const scheme = rng.pick(SCHEMES);
  const roles = chooseRoles(rng, scheme);
  let style: HeaderStyle = rng.pick(['single', 'single', 'merged', 'cut'] as HeaderStyle[]);
  if (style === 'merged' && !roles.includes('support') && !roles.includes('start')) style = 'single';
  const order = orderRoles(rng, roles, style === 'merged');
  const columns: GenColumn[] = order.map((role) => ({ role, top: headerWord(rng, role, roles), bottom: '' }));
  const headerMerges: [number, number, number, number][] = [];
  if (style === 'merged') mergedHeader(rng, columns, headerMerges);
  else if (style === 'cut' && !cutHeader(rng, columns)) style = 'single';
  columns.forEach((c, i) => {
    if (style !== 'cut') c.top = c.top && dress(rng, c.top, i);
  });
  return { columns, style, headerMerges, scheme };
}

/** Parents over (lead, support) and (start, deadline); other columns span both rows or leave
 * the second empty. */
function mergedHeader(rng: Rng, columns: GenColumn[], merges: [number, number, number, number][]): void {
  const grouped = new Set<number>();
  const group = (a: number, parent: string, first: string, second: string) => {
    columns[a].top = parent;
    columns[a + 1].top = '';
    columns[a].bottom = first;
    columns[a + 1].bottom = second;
    merges.push([0, a, 0, a + 1]);
    grouped.add(a).add(a + 1);
  };
  const lead = columns.findIndex((c) => c.role === 'lead');
  if (columns[lead + 1]?.role === 'support') group(lead, rng.pick(W.UNIT_PARENTS), rng.pick(W.LEAD_CHILDREN), rng.pick(W.SUPPORT_CHILDREN));
  const start = columns.findIndex((c) => c.role === 'start');
  if (start >= 0) group(start, rng.pick(W.TIME_PARENTS), rng.pick(W.START_CHILDREN), rng.pick(W.END_CHILDREN));
  const spanBoth = rng.chance(0.6);
  columns.forEach((c, i) => {
    if (!grouped.has(i) && spanBoth) merges.push([0, i, 1, i]);
  });
}

/** A converter cut long header words over two lines: the second starts in lower case. */
function cutHeader(rng: Rng, columns: GenColumn[]): boolean {
  let cuts = 0;
  for (const c of columns) {
    const words = c.top.split(' ');
    const at: number[] = [];
    for (let i = 1; i < words.length; i++) if (/^\p{Ll}/u.test(words[i])) at.push(i);
    if (at.length === 0 || rng.chance(0.3)) continue;
    const i = rng.pick(at);
    c.bottom = words.slice(i).join(' ');
    c.top = words.slice(0, i).join(' ');
    cuts++;
  }
  return cuts > 0;
}

export function generatePlan(seed: number): GeneratedPlan {
  const rng = new Rng(seed);
  const layout = chooseLayout(rng);
  const features = [`scheme=${layout.scheme}`, `header=${layout.style}`, `columns=${layout.columns.map((c) => c.role).join(',')}`];
  const sheet = new SheetBuilder(layout.columns.map((c) => c.role), rng.int(0, 3), rng.int(0, 2));
  for (let i = rng.int(0, 3); i > 0; i--) sheet.row([rng.pick(W.TITLES)], 'title');
  if (rng.chance(0.5)) sheet.row([], 'title');

  const headerRows = writeHeader(sheet, layout);
  const body = writeBody(rng, sheet, layout, headerRows, features);
  const grid = sheet.grid(rng.chance(0.3));
  const columns: Partial<Record<ColumnRole, number>> = {};
  layout.columns.forEach((c, i) => (columns[c.role] = sheet.colAt(i)));
  return {
    seed,
    grid,
    truth: { headerRows: headerRows.map((r) => sheet.rowAt(r)), columns, ...body },
    features,
  };
}

/** The header rows (table-relative indices); merges as drawn. */
export function writeHeader(sheet: SheetBuilder, layout: Layout): number[] {
  const two = layout.style !== 'single';
  const top = sheet.rowByRole(layout.columns.map((c) => c.top), 'header');
  const rows = [top];
  if (two) rows.push(sheet.rowByRole(layout.columns.map((c) => c.bottom), 'header'));
  for (const [r0, c0, r1, c1] of layout.headerMerges) sheet.merge(top + r0, c0, top + r1, c1);
  return rows;
}

/** The plan as an arbitrary: a seed drawn by fast-check, the plan built from it. */
export const planArb: fc.Arbitrary<GeneratedPlan> = fc.integer({ min: 0, max: 0x7fffffff }).map(generatePlan);

export type { CellRange, CellValue };
