/**
 * A small streaming XML tokenizer for the parts of a workbook we read.
 *
 * Why not saxes (which exceljs uses): SpreadsheetML is a narrow grammar — elements, attributes,
 * character data, the five predefined entities and character references, the odd CDATA section
 * or comment — and a sheet can hold millions of elements, most of which we skip. This scanner
 * finds tags with `indexOf`, hands the handler the element's local name and its raw tag text
 * (attributes are parsed only when the handler asks), and decodes character data only while the
 * handler says it is collecting. It is several times faster than a full SAX parser on sheet XML
 * and keeps no more than one unfinished token between chunks.
 *
 * It does not check well-formedness beyond what it needs to stay in step (an unclosed tag or a
 * token larger than `maxToken` is an error), and it refuses a document type declaration: OOXML
 * parts may not have one (ECMA-376 Part 2, 8.1.1), and refusing it removes entity expansion.
 */
import { APOS, BANG, GT, isNameEnd, isSpace, LT, QUESTION, QUOTE, SLASH } from './char-codes';

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

/** Where a start tag lies in the scanner's text ("<" at `start`, ">" at `end`). One object is
 * reused for every tag: read its attributes during `open`, do not keep it. */
export interface Tag {
  src: string;
  start: number;
  end: number;
  /** "<… />": the element has no content (`close` follows at once). */
  empty: boolean;
}

export interface XmlHandler {
  /** True while character data matters (inside a <v>, <t>…): only then is text decoded and passed. */
  collecting: boolean;
  /** A start tag (read its attributes with `attribute` / `readAttributes`); a self-closing
   * element gets `close` right after. */
  open(name: string, tag: Tag): void;
  close(name: string): void;
  text(text: string): void;
}

/** One unfinished token (a tag, or collected text) may not grow past this many characters. */
export const DEFAULT_MAX_TOKEN = 16 * 1024 * 1024;


/** The element name that starts at `start`, without its prefix ("x:c" → "c": some writers
 * prefix SpreadsheetML). */
function nameAt(s: string, start: number, limit: number): string {
  let i = start;
  let from = start;
  while (i < limit) {
    const ch = s.charCodeAt(i);
    if (isNameEnd(ch)) break;
    if (ch === 0x3a) from = i + 1;
    i++;
  }
  return s.slice(from, i);
}

export class XmlScanner {
  private rest = '';
  private readonly tag: Tag = { src: '', start: 0, end: 0, empty: false };

  constructor(
    private readonly handler: XmlHandler,
    private readonly maxToken = DEFAULT_MAX_TOKEN,
  ) {}

  /** Scan the next piece of the document (any split: a token cut in two waits for the rest). */
  write(chunk: string): void {
    const s = this.rest.length > 0 ? this.rest + chunk : chunk;
    const stop = this.scan(s);
    this.rest = stop < s.length ? s.slice(stop) : '';
    if (this.rest.length > this.maxToken) throw new XmlError(`an XML token longer than ${this.maxToken} characters`);
  }

  /** Nothing unfinished is held: the next write starts at a token boundary. */
  get idle(): boolean {
    return this.rest.length === 0;
  }

  /** The document is complete: anything left over is a cut-off tag. */
  end(): void {
    if (this.rest.length === 0) return;
    if (this.rest.indexOf('<') !== -1) throw new XmlError('the XML ends inside a tag');
    if (this.handler.collecting) this.handler.text(decodeXml(this.rest));
    this.rest = '';
  }

  /** Scans complete tokens of `s`; returns where the first incomplete one starts. */
  private scan(s: string): number {
    const h = this.handler;
    let pos = 0;
    const len = s.length;
    while (pos < len) {
      const lt = s.indexOf('<', pos);
      if (lt === -1) {
        // Text up to the end of the chunk: kept whole only if it matters.
        return h.collecting ? pos : len;
      }
      if (lt > pos && h.collecting) h.text(decodeXml(s.slice(pos, lt)));
      if (lt + 1 >= len) return lt;
      const next = s.charCodeAt(lt + 1);
      if (next === SLASH) {
        const gt = s.indexOf('>', lt + 2);
        if (gt === -1) return lt;
        h.close(nameAt(s, lt + 2, gt));
        pos = gt + 1;
      } else if (next === BANG || next === QUESTION) {
        const after = this.special(s, lt);
        if (after === -1) return lt;
        pos = after;
      } else {
        const gt = tagEnd(s, lt + 1);
        if (gt === -1) return lt;
        const name = nameAt(s, lt + 1, gt);
        const tag = this.tag;
        tag.src = s;
        tag.start = lt;
        tag.end = gt;
        tag.empty = s.charCodeAt(gt - 1) === SLASH;
        h.open(name, tag);
        if (tag.empty) h.close(name);
        pos = gt + 1;
      }
    }
    return len;
  }

  /** Comments, CDATA, processing instructions, declarations; returns the position after, or -1. */
  private special(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end === -1 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end === -1) return -1;
      if (this.handler.collecting) this.handler.text(s.slice(lt + 9, end));
      return end + 3;
    }
    if (s.charCodeAt(lt + 1) === QUESTION) {
      const end = s.indexOf('?>', lt + 2);
      return end === -1 ? -1 : end + 2;
    }
    if (s.length - lt < 9) return -1;
    throw new XmlError('a document type declaration, which workbook parts may not have');
  }
}

/** The ">" closing a start tag that begins before `from`, skipping quoted attribute values. */
function tagEnd(s: string, from: number): number {
  const len = s.length;
  let i = from;
  while (i < len) {
    const ch = s.charCodeAt(i);
    if (ch === GT) return i;
    if (ch === QUOTE || ch === APOS) {
      const close = s.indexOf(ch === QUOTE ? '"' : "'", i + 1);
      if (close === -1) return -1;
      i = close + 1;
    } else if (ch === LT) {
      throw new XmlError('"<" inside a tag');
    } else {
      i++;
    }
  }
  return -1;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character data or an attribute value with its references resolved (predefined entities and
 * numeric character references; anything else is left as written). */
export function decodeXml(raw: string): string {
  if (raw.indexOf('&') === -1) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 0x23) {
      const code = ref.charCodeAt(1) === 0x78 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}


/** One attribute of a start tag, as positions in `tag.src` (the value without its quotes). */
export interface AttributeSpan {
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** Where the attributes of a start tag begin (after the element name). */
export function attributesStart(tag: Tag): number {
  let i = tag.start + 1;
  while (i < tag.end && !isNameEnd(tag.src.charCodeAt(i))) i++;
  return i;
}

/**
 * The next attribute of a start tag from position `from`, into `span`; returns the position
 * after it, or -1 when there is none. Values are skipped by their quotes, so a value that
 * happens to contain ` name="…"` is never mistaken for an attribute.
 */
export function nextAttribute(tag: Tag, from: number, span: AttributeSpan): number {
  const { src, end } = tag;
  let i = from;
  while (i < end && isSpace(src.charCodeAt(i))) i++;
  const nameStart = i;
  while (i < end && src.charCodeAt(i) !== 0x3d && !isNameEnd(src.charCodeAt(i))) i++;
  const nameEnd = i;
  if (nameEnd === nameStart) return -1;
  while (i < end && isSpace(src.charCodeAt(i))) i++;
  if (src.charCodeAt(i) !== 0x3d) return -1;
  i++;
  while (i < end && isSpace(src.charCodeAt(i))) i++;
  const quote = src.charCodeAt(i);
  if (quote !== QUOTE && quote !== APOS) return -1;
  const close = src.indexOf(quote === QUOTE ? '"' : "'", i + 1);
  if (close === -1 || close > end) return -1;
  span.nameStart = nameStart;
  span.nameEnd = nameEnd;
  span.valueStart = i + 1;
  span.valueEnd = close;
  return close + 1;
}

/** The decoded value of an attribute found by `nextAttribute`. */
export function spanValue(tag: Tag, span: AttributeSpan): string {
  return decodeXml(tag.src.slice(span.valueStart, span.valueEnd));
}

const scratch: AttributeSpan = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };

/**
 * Finds the attributes named in `names` in one pass over a start tag and stores their decoded
 * values in `out` (same positions; undefined when absent). Names are matched as written ("r",
 * "r:id"), which is how SpreadsheetML parts spell them.
 */
export function readAttributes(tag: Tag, names: readonly string[], out: (string | undefined)[]): void {
  for (let k = 0; k < names.length; k++) out[k] = undefined;
  const { src } = tag;
  for (let i = attributesStart(tag); (i = nextAttribute(tag, i, scratch)) !== -1; ) {
    const length = scratch.nameEnd - scratch.nameStart;
    for (let k = 0; k < names.length; k++) {
      const name = names[k];
      if (name.length === length && src.startsWith(name, scratch.nameStart)) {
        out[k] = spanValue(tag, scratch);
        break;
      }
    }
  }
}

const one: (string | undefined)[] = [undefined];

/** The value of one attribute of a start tag, decoded, or undefined (see readAttributes). */
export function attribute(tag: Tag, name: string): string | undefined {
  readAttributes(tag, [name], one);
  return one[0];
}

/** "1"/"true" (xsd:boolean); anything else, or no value, is false. */
export function xmlBoolean(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/** Scan a whole document held in one string (small parts: workbook, relationships, styles). */
export function scanXml(xml: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler, Math.max(DEFAULT_MAX_TOKEN, xml.length));
  scanner.write(xml);
  scanner.end();
}
