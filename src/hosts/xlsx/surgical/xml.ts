/**
 * The little XML the surgical writer needs: escaping text and attributes, start tags read and
 * rebuilt with their attributes in order, and a scanner that lists the elements at one level of
 * a fragment without building a tree. Every byte outside what is edited is kept as it was, so
 * nothing here re-serialises XML it did not make.
 */

/** Characters XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF; surrogates
 * that do not form a pair). The writer drops them from any text it writes: Excel itself cannot
 * store them in a cell, and a file holding one is not XML. */
// eslint-disable-next-line no-control-regex
const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as the writer stores it: NFC, without the characters XML 1.0 forbids. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(ILLEGAL_XML, '');
}

/** Escape for element content. ">" is escaped too ("]]>" must never appear in text). */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

/** Escape for a double-quoted attribute value; tab, LF and CR as character references, since an
 * XML parser turns them into spaces otherwise. */
export function escapeAttr(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return `&#${ch.charCodeAt(0)};`;
    }
  });
}

/**
 * A cell string as SpreadsheetML stores it (ST_Xstring): a literal "_x0041_" would be read back
 * as "A", so its underscore is itself written as "_x005F_", as Excel does.
 */
export function xstring(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text an escaped value stands for. */
export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** One attribute as written: its qualified name and raw (still escaped) value. */
export interface RawAttr {
  name: string;
  raw: string;
}

/** A start tag read: its qualified name, attributes in order, and whether it closes itself. */
export interface StartTag {
  name: string;
  attrs: RawAttr[];
  selfClosing: boolean;
}

const ATTR_RE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Parse a start tag's text ("<c r="A1" s="3">" or "<c r="A1"/>"). */
export function parseStartTag(tag: string): StartTag {
  return parsePlainStartTag(tag) ?? parseAnyStartTag(tag);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** A character of a plain name: ASCII letter, digit, "_", "-", "." or ":". */
function isPlainNameChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x3a) || code === 0x5f || code === 0x2d || code === 0x2e;
}

/**
 * A start tag of the plain shape every writer of these files uses — `<name a="v" b="w">` or
 * `…/>`: plain names, double quotes, white space between — read by hand (the writer reads one
 * per edited row); null for any other shape, which parseAnyStartTag reads. On the plain shape
 * both read the same attributes: ATTR_RE's matches start at the names and end at the quotes.
 */
function parsePlainStartTag(tag: string): StartTag | null {
  const n = tag.length;
  let i = 1;
  while (i < n && isPlainNameChar(tag.charCodeAt(i))) i++;
  if (i === 1) return null;
  const name = tag.slice(1, i);
  const attrs: RawAttr[] = [];
  for (;;) {
    const before = i;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const c = tag.charCodeAt(i);
    if (c === 0x3e && i === n - 1) return { name, attrs, selfClosing: false };
    if (c === 0x2f && i === n - 2 && tag.charCodeAt(i + 1) === 0x3e) return { name, attrs, selfClosing: true };
    if (i === before) return null;
    const nameStart = i;
    while (i < n && isPlainNameChar(tag.charCodeAt(i))) i++;
    if (i === nameStart || tag.charCodeAt(i) !== 0x3d || tag.charCodeAt(i + 1) !== 0x22) return null;
    const valueStart = i + 2;
    const quote = tag.indexOf('"', valueStart);
    if (quote < 0) return null;
    attrs.push({ name: tag.slice(nameStart, i), raw: tag.slice(valueStart, quote) });
    i = quote + 1;
  }
}

function parseAnyStartTag(tag: string): StartTag {
  const nameEnd = tag.slice(1).search(/[\s/>]/) + 1;
  const name = tag.slice(1, nameEnd);
  const attrs: RawAttr[] = [];
  ATTR_RE.lastIndex = nameEnd;
  for (let m = ATTR_RE.exec(tag); m; m = ATTR_RE.exec(tag)) attrs.push({ name: m[1], raw: m[3] ?? escapeAttr(unescapeXml(m[4])) });
  return { name, attrs, selfClosing: /\/\s*>$/.test(tag) };
}

/** The decoded value of an attribute, or undefined. */
export function attr(tag: StartTag, name: string): string | undefined {
  for (const a of tag.attrs) if (a.name === name) return unescapeXml(a.raw);
  return undefined;
}

/** Where the first attribute of that name is, or -1. */
function attrIndex(tag: StartTag, name: string): number {
  for (let i = 0; i < tag.attrs.length; i++) if (tag.attrs[i].name === name) return i;
  return -1;
}

/** Set (string) or remove (undefined) an attribute; a new one goes last (first with `first`),
 * an existing one stays where it was. */
export function setAttr(tag: StartTag, name: string, value: string | undefined, first = false): void {
  const i = attrIndex(tag, name);
  if (value === undefined) {
    if (i >= 0) tag.attrs.splice(i, 1);
  } else if (i >= 0) tag.attrs[i] = { name, raw: escapeAttr(value) };
  else if (first) tag.attrs.unshift({ name, raw: escapeAttr(value) });
  else tag.attrs.push({ name, raw: escapeAttr(value) });
}

export function renderStartTag(tag: StartTag, selfClosing = tag.selfClosing): string {
  let s = `<${tag.name}`;
  for (const a of tag.attrs) s += ` ${a.name}="${a.raw}"`;
  return s + (selfClosing ? '/>' : '>');
}

/** Where the start tag that begins at `lt` ends (index of its ">"), quotes respected. */
export function tagEnd(xml: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  throw new XmlShapeError('a tag is not closed');
}

export class XmlShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlShapeError';
  }
}

/** An element found by the scanner: [start, end) in the scanned text. */
export interface ElementSpan {
  /** Qualified name ("c", "x:c", "x14:cfRule"). */
  name: string;
  /** Name without prefix. */
  local: string;
  start: number;
  end: number;
  /** End of the start tag (after its ">"). */
  contentStart: number;
  /** Start of the end tag (== end for a self-closing element). */
  contentEnd: number;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function skipMarkup(xml: string, lt: number): number {
  const close = (marker: string) => {
    const at = xml.indexOf(marker, lt);
    if (at < 0) throw new XmlShapeError(`unterminated ${marker}`);
    return at + marker.length;
  };
  if (xml.startsWith('<!--', lt)) return close('-->');
  if (xml.startsWith('<![CDATA[', lt)) return close(']]>');
  if (xml.startsWith('<?', lt)) return close('?>');
  return tagEnd(xml, lt) + 1;
}

/**
 * The child elements of the element whose content is xml[from, to): comments, processing
 * instructions and text between them are skipped. Nested elements are walked but not listed.
 */
export function childElements(xml: string, from = 0, to = xml.length): ElementSpan[] {
  const found: ElementSpan[] = [];
  let depth = 0;
  let open: { name: string; start: number; contentStart: number } | null = null;
  let i = from;
  while (i < to) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= to) break;
    const next = xml[lt + 1];
    if (next === '!' || next === '?') {
      i = skipMarkup(xml, lt);
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (next === '/') {
      depth--;
      if (depth === 0 && open) {
        found.push({ name: open.name, local: localName(open.name), start: open.start, end: gt + 1, contentStart: open.contentStart, contentEnd: lt });
        open = null;
      }
      if (depth < 0) break;
    } else {
      const name = xml.slice(lt + 1, gt + 1).match(/^[^\s/>]+/)![0];
      const selfClosing = xml[gt - 1] === '/';
      if (depth === 0) {
        if (selfClosing) found.push({ name, local: localName(name), start: lt, end: gt + 1, contentStart: gt + 1, contentEnd: gt + 1 });
        else open = { name, start: lt, contentStart: gt + 1 };
      }
      if (!selfClosing) depth++;
    }
    i = gt + 1;
  }
  if (depth > 0) throw new XmlShapeError('an element is not closed');
  return found;
}

/** The document element of an XML part: its span and its namespace prefix ("" or "x:"). */
export function rootElement(xml: string): ElementSpan & { prefix: string } {
  const [root] = childElements(xml);
  if (!root) throw new XmlShapeError('no document element');
  return { ...root, prefix: root.name.slice(0, root.name.length - root.local.length) };
}

/** Replace spans of `text` (sorted or not, never overlapping) in one pass. */
export function splice(text: string, edits: { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
