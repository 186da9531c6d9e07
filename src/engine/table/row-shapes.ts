/**
 * Does a row without a number of its own continue the row above? Each of its cells is read
 * against the text above it in the same column: the tail of a sentence or of a cut word group
 * (a page break in a pasted table, a line a PDF converter cut off), or the head of something
 * new. docs/recognition.md and docs/decisions.md give the rules.
 */
import type { CellValue, ColumnRole } from '../model';

export type CellShape = 'tail' | 'neutral' | 'head';

export interface RowCell {
  col: number;
  role: ColumnRole | null;
  text: string;
  /** The value written in the cell (what cellText read `text` from). */
  raw: CellValue;
}

/** Roles whose text describes the work; a capitalised head there starts a new task. */
export const NARRATIVE: readonly ColumnRole[] = ['objective', 'task', 'activity', 'output'];
/** The row's own data: a row of a group with one of these is a task of its own (domain.md). */
export const DATA_ROLES: ReadonlySet<ColumnRole | null> = new Set<ColumnRole | null>(['output', 'lead', 'deadline', 'start']);

/** A connective at the end of a cell means its sentence goes on in the next row. */
const OPEN_END_WORDS: ReadonlySet<string> = new Set(
  ['của', 'và', 'về', 'theo', 'các', 'cho', 'với', 'tại', 'trong', 'được', 'đến', 'từ', 'để', 'là', 'những', 'thuộc', 'trên', 'hoặc', 'hay', 'giữa', 'nhằm', 'bằng', 'khi', 'ở', 'vào', 'cùng', 'từng', 'mà', 'do', 'như'].map((w) => w.normalize('NFC')),
);
/** Words that wait for a number: "Quý" / "II/2025", "Tỷ lệ số hóa đạt" / "100%". */
const NUMBER_TAKING_WORDS: ReadonlySet<string> = new Set(
  ['quý', 'tháng', 'năm', 'ngày', 'tuần', 'đợt', 'lần', 'kỳ', 'đạt', 'trên', 'dưới', 'khoảng', 'thiểu', 'nhất', 'số', 'lệ', 'là', 'trước', 'sau', 'hạn'].map((w) => w.normalize('NFC')),
);
const OPEN_PUNCT_RE = /[,;:\-–(/&]$/;
const LOWER_START_RE = /^[("'“‘\s]*\p{Ll}/u;
const BULLET_START_RE = /^[-+•*–]\s*/;
/** A cell that starts with a number or a Roman numeral of a date: "II/2025", "100%", "6/2025". */
const NUMBER_START_RE = /^(\d|[IVX]{1,4}(\s*[/,-]|\s*$|\s+(và|năm|\/)))/u;
/** One short word with nothing else ("Sở" under "Văn phòng"): the end of a cut name. */
const LONE_WORD_RE = /^\p{L}{1,10}$/u;

export function endsOpen(text: string): boolean {
  if (OPEN_PUNCT_RE.test(text)) return true;
  // Only the last word matters ("của", "đối với"); cell text is already NFC, and a connective
  // ending a cell is written in lower case.
  const space = text.lastIndexOf(' ');
  return text.length - space <= 7 && OPEN_END_WORDS.has(text.slice(space + 1));
}

function waitsForNumber(text: string): boolean {
  const space = text.lastIndexOf(' ');
  const last = text.slice(space + 1);
  return last.length <= 6 && NUMBER_TAKING_WORDS.has(last.toLowerCase());
}

/** Columns of unit names and times, where a converter leaves one word on a line of its own. */
const SHORT_CELL_ROLES: ReadonlySet<ColumnRole | null> = new Set<ColumnRole | null>(['lead', 'support', 'monitor', 'deadline', 'start']);

/** How this cell reads against the text above it in its column (empty when there is none). */
export function shapeOf(text: string, aboveText: string, role: ColumnRole | null): CellShape {
  if (LOWER_START_RE.test(text)) return 'tail';
  if (aboveText === '') return closesBeforeOpening(text) ? 'tail' : 'head';
  if (endsOpen(aboveText)) return 'tail';
  // "CNTT)" closes a bracket opened in the cell above.
  if (closesBeforeOpening(text) || unbalanced(aboveText)) return 'tail';
  if (NUMBER_START_RE.test(text) && waitsForNumber(aboveText)) return 'tail';
  if (SHORT_CELL_ROLES.has(role) && LONE_WORD_RE.test(text) && !/[.;!?]$/.test(aboveText)) return 'tail';
  if (BULLET_START_RE.test(text) && /(^|\s)[-+•]\s/.test(aboveText)) return 'neutral';
  return 'head';
}

function closesBeforeOpening(text: string): boolean {
  const close = text.indexOf(')');
  if (close < 0) return false;
  const open = text.indexOf('(');
  return open < 0 || open > close;
}

function unbalanced(text: string): boolean {
  let open = text.indexOf('(');
  if (open < 0) return false;
  let depth = 0;
  for (; open < text.length; open++) {
    const ch = text.charCodeAt(open);
    if (ch === 40 /* ( */) depth++;
    else if (ch === 41 /* ) */ && depth > 0) depth--;
  }
  return depth > 0;
}

export type ShapeOf = (cell: RowCell) => CellShape;

function isNarrative(role: ColumnRole | null): boolean {
  return role !== null && NARRATIVE.includes(role);
}

export function hasNarrativeTail(content: RowCell[], shapes: ShapeOf): boolean {
  return content.some((c) => isNarrative(c.role) && shapes(c) === 'tail');
}

/** No number of its own and nothing that starts a new piece of work: the row only carries the
 * tails of the sentences above. */
export function isContinuation(content: RowCell[], shapes: ShapeOf): boolean {
  // domain.md: a row of a group is a task of its own when it has its own output, lead or
  // deadline; descriptive text alone continues the row above.
  if (!content.some((c) => DATA_ROLES.has(c.role))) return true;
  const narrativeHead = content.some((c) => isNarrative(c.role) && shapes(c) === 'head');
  if (narrativeHead) return false;
  const anyTail = content.some((c) => shapes(c) !== 'head');
  if (!anyTail) return false;
  // Unit names and deadlines start with capitals even when they continue a cell; they count as
  // continuing when the descriptive cells of the row do. A bullet under a bullet ("- …" under
  // "- …") continues a list only when nothing else on the row reads new.
  if (hasNarrativeTail(content, shapes)) return true;
  return content.every((c) => shapes(c) !== 'head');
}

export function looksLikeFullTask(content: RowCell[]): boolean {
  const roles = new Set(content.map((c) => c.role));
  const key = ['lead', 'deadline', 'output'].filter((r) => roles.has(r as ColumnRole)).length;
  return key >= 2;
}
