/**
 * The fast path through <sheetData>, where a plan's sheet spends nearly all its bytes: rows of
 * cells like `<c r="B9" s="1" t="s"><v>25</v></c>`. The general path (sheet.ts driven by the XML
 * scanner) decodes every byte to text and costs a handler call, an element-name string and
 * attribute strings per tag; this one reads rows and whole cells straight from the part's UTF-8
 * bytes, decodes only the texts it keeps (a shared-string index or a whole number is read from
 * its digits), and stores through the same SheetRows, so a cell means the same whichever path
 * read it.
 *
 * What it relies on — anything else it leaves, from the start of that token, to the general
 * path (feed.ts hands the scanner those bytes, decoded; the two paths share SheetRows and the
 * parser's depth, so they take turns between any two tokens, and the fast path changes nothing
 * for a token it leaves):
 * - it is entered only between rows (depth 2) or between the cells of a row (depth 3), while no
 *   text is being collected and the scanner holds no unfinished token;
 * - elements without a prefix, as Excel, LibreOffice and exceljs write them (`<x:c` goes to the
 *   general path);
 * - attributes written ` name="value"` or ` name='value'` (names of letters, digits and `:_.-`),
 *   no "&" in the values it reads (a reference is decoded by the general path), no second r on
 *   a cell;
 * - a cell is taken whole, and only when all of it is in the bytes at hand: `<c …/>`, or `<c …>`
 *   then at most one <f> (skipped: its text is never collected), then at most one of `<v>text</v>`
 *   or `<is><t …>text</t></is>` (a plain inline string), then `</c>`, where the text holds no
 *   markup. Rich inline strings (runs), comments, CDATA, processing instructions, other children
 *   and a cell cut by the end of the bytes at hand go to the general path.
 * Bytes between tags outside a text are skipped, as the general path skips text it does not
 * collect. UTF-8 needs no care here: every byte of a multi-byte character is ≥ 0x80, so none is
 * ever taken for "<", ">", a quote, a letter or a digit, and a text is decoded whole.
 */
import type { CellValue } from '../../../engine/model';
import { numberValue, storedValue, type CellContext } from './cells';
import { MAX_COLS, type SheetRows } from './rows';
import { unescapeOoxml } from './strings';
import { AMP, APOS, EQUALS, GT, isNameEnd, isSpace, LT, QUOTE, SLASH } from './char-codes';
import { decodeXml } from './xml';


/** `attribute` results besides a position (which is ≥ 0). */
const TAG_END = -1;
const LEAVE = -2;

/** Decodes b[from, to) (whole UTF-8 characters) as the general path decodes the part. */
export type Utf8 = (b: Uint8Array, from: number, to: number) => string;

/**
 * The byte at `i`, or -1 past the end. Every look-ahead goes through it: reading past the end
 * would give undefined, but it also throws away the optimised code (V8 compiled it for indexes
 * in bounds), and a token cut by the end of a chunk happens in every chunk.
 */
function at(b: Uint8Array, i: number): number {
  return i < b.length ? b[i] : -1;
}

function isAttributeNameChar(ch: number): boolean {
  return (
    (ch >= 0x61 && ch <= 0x7a) || (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x30 && ch <= 0x39) || ch === 0x3a || ch === 0x5f || ch === 0x2e || ch === 0x2d
  );
}

/** b[from…] spells `word` (ASCII). */
function spells(b: Uint8Array, from: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (at(b, from + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** `<name` at `lt`, the name ending there (so "<c" is not "<col"). */
function isStartOf(b: Uint8Array, lt: number, name: string): boolean {
  return spells(b, lt + 1, name) && isNameEnd(at(b, lt + 1 + name.length));
}

/** The end tag `</name>` at `lt`. */
function isEndOf(b: Uint8Array, lt: number, name: string): boolean {
  return at(b, lt) === LT && at(b, lt + 1) === SLASH && spells(b, lt + 2, name) && at(b, lt + 2 + name.length) === GT;
}

/** The next "<" from `from`, or -1. */
function nextTag(b: Uint8Array, from: number): number {
  for (let i = from; i < b.length; i++) if (b[i] === LT) return i;
  return -1;
}

/** The value of 1 to 15 ASCII digits (exact in a double, and what parseInt and parseFloat
 * give for them), or -1 for anything else. */
function digitsValue(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = b[i] - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Column of the A1 reference at `from` ("AB12" → 27), or -1 without letters: rows.ts's
 * columnOf, on bytes. */
function columnAt(b: Uint8Array, from: number): number {
  let col = 0;
  let i = at(b, from) === 0x24 ? from + 1 : from;
  for (; i < b.length; i++) {
    const ch = b[i] | 0x20; // lower-case
    if (ch < 0x61 || ch > 0x7a) break;
    col = col * 26 + (ch - 0x60);
    if (col > MAX_COLS) return MAX_COLS;
  }
  return col - 1;
}

/** xsd:boolean true ("1" or "true"), as xmlBoolean reads it. */
function isTrue(b: Uint8Array, from: number, to: number): boolean {
  return (to - from === 1 && b[from] === 0x31) || (to - from === 4 && spells(b, from, 'true'));
}

const TYPES = ['s', 'n', 'str', 'b', 'e', 'inlineStr', 'd'];

export interface SheetDataPosition {
  /** The scanner's element depth: 2 between rows, 3 between the cells of a row. */
  depth: number;
}

export class SheetDataReader {
  // The attribute `attribute` last read, as positions in the bytes.
  private nameStart = 0;
  private nameEnd = 0;
  private valueStart = 0;
  private valueEnd = 0;
  /** The value holds a "&": a reference the general path decodes. */
  private valueHasReference = false;
  // Set when `attribute` reaches the end of the tag: just after its ">", and whether it was "/>".
  private tagAfter = 0;
  private tagEmpty = false;
  // The cell's text found by `cellContent`: b[textStart, textEnd), from a <v> or an inline <t>.
  private textStart = -1;
  private textEnd = -1;
  private inline = false;

  constructor(
    private readonly rows: SheetRows,
    private readonly ctx: CellContext,
    private readonly utf8: Utf8,
  ) {}

  /**
   * Reads rows and cells from `from` on, a token boundary inside <sheetData> at depth 2 or 3;
   * returns where the first token it leaves to the general path starts (`b.length` when it
   * read everything).
   */
  read(b: Uint8Array, from: number, position: SheetDataPosition): number {
    let pos = from;
    for (;;) {
      const lt = nextTag(b, pos);
      if (lt === -1) return b.length;
      let after: number;
      if (position.depth === 3) {
        if (at(b, lt + 1) === 0x63 /* c */ && isNameEnd(at(b, lt + 2))) {
          after = this.cell(b, lt);
        } else if (isEndOf(b, lt, 'row')) {
          this.rows.closeRow();
          position.depth = 2;
          after = lt + 6;
        } else {
          return lt;
        }
      } else if (isStartOf(b, lt, 'row')) {
        after = this.row(b, lt, position);
      } else {
        return lt;
      }
      if (after === LEAVE) return lt;
      pos = after;
    }
  }

  /**
   * The next attribute of a start tag from `i` (just after the element name or the previous
   * value): its position after the closing quote, with the name and value positions set;
   * TAG_END at ">" or "/>" (tagAfter and tagEmpty set); LEAVE for anything else.
   */
  private attribute(b: Uint8Array, i: number): number {
    let ch = at(b, i);
    let spaced = false;
    while (isSpace(ch)) {
      ch = at(b, ++i);
      spaced = true;
    }
    if (ch === GT || (ch === SLASH && at(b, i + 1) === GT)) {
      this.tagEmpty = ch === SLASH;
      this.tagAfter = ch === SLASH ? i + 2 : i + 1;
      return TAG_END;
    }
    if (!spaced) return LEAVE;
    const nameStart = i;
    while (isAttributeNameChar(ch)) ch = at(b, ++i);
    if (i === nameStart || ch !== EQUALS) return LEAVE;
    const quote = at(b, i + 1);
    if (quote !== QUOTE && quote !== APOS) return LEAVE;
    let close = i + 2;
    let amp = false;
    for (ch = at(b, close); ch !== quote; ch = at(b, ++close)) {
      if (ch === -1) return LEAVE;
      if (ch === AMP) amp = true;
    }
    this.nameStart = nameStart;
    this.nameEnd = i;
    this.valueStart = i + 2;
    this.valueEnd = close;
    this.valueHasReference = amp;
    return close + 1;
  }

  private named(b: Uint8Array, name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && spells(b, this.nameStart, name);
  }

  /** The attribute's value as the general path reads it (whole, decoded). */
  private valueText(b: Uint8Array): string {
    return this.utf8(b, this.valueStart, this.valueEnd);
  }

  /** A <row> start tag at `lt`: r, hidden, ht and customHeight, as sheet.ts's openRow reads them. */
  private row(b: Uint8Array, lt: number, position: SheetDataPosition): number {
    let number = NaN;
    let hidden = false;
    let custom = false;
    let height: string | undefined;
    for (let i = lt + 4; (i = this.attribute(b, i)) !== TAG_END; ) {
      if (i === LEAVE) return LEAVE;
      const { valueStart: from, valueEnd: to } = this;
      if (this.named(b, 'r')) {
        if (this.valueHasReference) return LEAVE;
        const n = digitsValue(b, from, to);
        number = n >= 0 ? n : parseInt(this.valueText(b), 10);
      } else if (this.named(b, 'hidden')) {
        if (this.valueHasReference) return LEAVE;
        hidden = isTrue(b, from, to);
      } else if (this.named(b, 'ht')) {
        if (this.valueHasReference) return LEAVE;
        height = this.valueText(b);
      } else if (this.named(b, 'customHeight')) {
        if (this.valueHasReference) return LEAVE;
        custom = isTrue(b, from, to);
      }
    }
    this.rows.openRow(number, hidden, height !== undefined && custom ? Number(height) : undefined);
    if (this.tagEmpty) this.rows.closeRow();
    else position.depth = 3;
    return this.tagAfter;
  }

  /** A whole <c> element at `lt`; LEAVE (and nothing changed) unless it has one of the shapes
   * the header lists and ends in `b`. */
  private cell(b: Uint8Array, lt: number): number {
    let col = -1;
    let referenced = false;
    let type: string | undefined;
    let style = 0;
    for (let i = lt + 2; (i = this.attribute(b, i)) !== TAG_END; ) {
      if (i === LEAVE) return LEAVE;
      if (this.nameEnd - this.nameStart !== 1) continue;
      if (this.valueHasReference) return LEAVE;
      const { valueStart: from, valueEnd: to } = this;
      const name = b[this.nameStart];
      if (name === 0x72 /* r */) {
        if (referenced) return LEAVE;
        referenced = true;
        col = columnAt(b, from);
      } else if (name === 0x74 /* t */) {
        type = to - from === 1 && b[from] === 0x73 ? 's' : this.typeOf(b);
      } else if (name === 0x73 /* s */) {
        // As styleIndex reads it: "" is 0, else parseInt.
        const n = digitsValue(b, from, to);
        style = n >= 0 ? n : to === from ? 0 : parseInt(this.valueText(b), 10);
      }
    }
    this.textStart = -1;
    this.textEnd = -1;
    this.inline = false;
    const after = this.tagEmpty ? this.tagAfter : this.cellContent(b, this.tagAfter);
    if (after === LEAVE) return LEAVE;
    this.rows.openCell(col);
    // No text (<c/>, <v></v>, a formula without a cached result): no value, as in the general path.
    if (this.textStart >= 0 && this.rows.storing) this.rows.store(this.inline ? this.inlineValue(b) : this.value(b, type, style));
    return after;
  }

  /** A t attribute's value: the same string constant for the usual ones, so none is made. */
  private typeOf(b: Uint8Array): string {
    for (const t of TYPES) if (this.valueEnd - this.valueStart === t.length && spells(b, this.valueStart, t)) return t;
    return this.valueText(b);
  }

  /** From just after a cell's start tag to just after its </c>, or LEAVE; sets textStart,
   * textEnd and inline when the cell has a text. */
  private cellContent(b: Uint8Array, from: number): number {
    let lt = nextTag(b, from);
    if (lt !== -1 && at(b, lt + 1) === 0x66 /* f */ && isNameEnd(at(b, lt + 2))) {
      const after = this.skipFormula(b, lt);
      if (after === LEAVE) return LEAVE;
      lt = nextTag(b, after);
    }
    if (lt !== -1 && at(b, lt + 1) === 0x76 /* v */ && at(b, lt + 2) === GT) {
      const end = nextTag(b, lt + 3);
      // </v>
      if (end === -1 || at(b, end + 1) !== SLASH || at(b, end + 2) !== 0x76 || at(b, end + 3) !== GT) return LEAVE;
      if (end > lt + 3) {
        this.textStart = lt + 3;
        this.textEnd = end;
      }
      lt = nextTag(b, end + 4);
    } else if (lt !== -1 && isStartOf(b, lt, 'is')) {
      lt = this.plainInline(b, lt);
      if (lt === LEAVE) return LEAVE;
    }
    // </c>
    return lt !== -1 && at(b, lt + 1) === SLASH && at(b, lt + 2) === 0x63 && at(b, lt + 3) === GT ? lt + 4 : LEAVE;
  }

  /** `<is>` at `lt` holding one plain `<t …>text</t>`: the next "<" after `</is>`, or LEAVE. */
  private plainInline(b: Uint8Array, lt: number): number {
    if (at(b, lt + 3) !== GT) return LEAVE;
    const t = nextTag(b, lt + 4);
    if (t === -1 || !isStartOf(b, t, 't')) return LEAVE;
    let i = t + 2;
    while ((i = this.attribute(b, i)) !== TAG_END) if (i === LEAVE) return LEAVE;
    let textEnd = this.tagAfter;
    let after = this.tagAfter;
    // <t/> is a plain string with no text.
    if (!this.tagEmpty) {
      textEnd = nextTag(b, this.tagAfter);
      if (textEnd === -1 || !isEndOf(b, textEnd, 't')) return LEAVE;
      after = textEnd + 4;
    }
    const end = nextTag(b, after);
    if (end === -1 || !isEndOf(b, end, 'is')) return LEAVE;
    this.inline = true;
    this.textStart = this.tagAfter;
    this.textEnd = textEnd;
    return nextTag(b, end + 5);
  }

  /** An <f> element at `lt` (skipped whole: its text is not collected); where it ends, or LEAVE. */
  private skipFormula(b: Uint8Array, lt: number): number {
    let i = lt + 2;
    while ((i = this.attribute(b, i)) !== TAG_END) if (i === LEAVE) return LEAVE;
    if (this.tagEmpty) return this.tagAfter;
    const close = nextTag(b, this.tagAfter);
    return close !== -1 && isEndOf(b, close, 'f') ? close + 4 : LEAVE;
  }

  /** The value of a cell whose <v> text (not empty) is at textStart…textEnd, as storedValue
   * gives it; a shared-string index or a whole number is read from its digits. */
  private value(b: Uint8Array, type: string | undefined, style: number): CellValue {
    const { textStart: from, textEnd: to } = this;
    if (type === 's' || type === undefined || type === 'n') {
      const n = digitsValue(b, from, to);
      if (n >= 0) return type === 's' ? (this.ctx.sharedStrings[n] ?? null) : numberValue(n, style, this.ctx);
    }
    const text = decodeXml(this.utf8(b, from, to));
    return text === '' ? null : storedValue(type, style, text, undefined, this.ctx);
  }

  /** A plain inline string, as RichStringReader and storedValue give it: "" is no value. */
  private inlineValue(b: Uint8Array): CellValue {
    const text = unescapeOoxml(decodeXml(this.utf8(b, this.textStart, this.textEnd))).normalize('NFC');
    return text === '' ? null : text;
  }
}
