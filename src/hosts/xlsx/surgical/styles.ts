/**
 * xl/styles.xml, edited by appending only: the number formats, fonts, fills, borders, cell
 * formats (cellXfs) and differential formats (dxfs) the tool needs go after the workbook's own,
 * whose indices never change, so every cell of the user keeps the look it had. A format the
 * file already holds, written exactly as we would write it, is reused rather than added again,
 * so checking a plan twice does not grow the file.
 */
import { ChangeSetError } from '../../change-set-error';
import type { CellStyle } from '../../../engine/model';
import { attr, childElements, escapeAttr, parseStartTag, renderStartTag, rootElement, setAttr, splice, unescapeXml, type ElementSpan, type StartTag } from './xml';

/** The built-in number formats a code may name without a <numFmt> (ECMA-376 §18.8.30). */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11,
  '# ?/?': 12, '# ??/??': 13, 'mm-dd-yy': 14, 'd-mmm-yy': 15, 'd-mmm': 16, 'mmm-yy': 17,
  'h:mm AM/PM': 18, 'h:mm:ss AM/PM': 19, 'h:mm': 20, 'h:mm:ss': 21, 'm/d/yy h:mm': 22, '@': 49,
};

/** The collections of styles.xml, in the order CT_Stylesheet requires. */
const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;
type Section = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';
const ITEM: Record<Section, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', dxfs: 'dxf' };

/** Child order of CT_Font as Excel writes it (the schema allows any order). */
const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];

export function argb(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new ChangeSetError(`not a #RRGGBB colour: ${hex}`);
  return `FF${m[1].toUpperCase()}`;
}

export function hasStyle(spec: CellStyle): boolean {
  return (
    spec.numberFormat !== undefined || spec.bold !== undefined || spec.italic !== undefined || spec.fontSize !== undefined ||
    spec.fontName !== undefined || spec.underline !== undefined || spec.wrapText !== undefined || spec.fill !== undefined || spec.fontColor !== undefined ||
    spec.horizontalAlignment !== undefined || spec.verticalAlignment !== undefined || spec.border !== undefined
  );
}

const keys = new WeakMap<CellStyle, string>();

/** A stable key of the style part of a spec (for caches), computed once per spec object: a
 * format change applies the same spec to thousands of cells. */
export function styleKey(spec: CellStyle): string {
  let key = keys.get(spec);
  if (key === undefined) {
    key = `${spec.numberFormat}\u0000${spec.bold}\u0000${spec.italic}\u0000${spec.fontSize}\u0000${spec.fontName}\u0000${spec.underline}\u0000${spec.wrapText}\u0000${spec.fill}\u0000${spec.fontColor}\u0000${spec.horizontalAlignment}\u0000${spec.verticalAlignment}\u0000${spec.border}`;
    keys.set(spec, key);
  }
  return key;
}

/** One collection: the items already there (as written) and the ones appended. */
class Collection {
  readonly items: string[];
  private readonly index = new Map<string, number>();
  readonly added: string[] = [];

  constructor(items: string[]) {
    this.items = items;
    items.forEach((xml, i) => {
      if (!this.index.has(xml)) this.index.set(xml, i);
    });
  }

  /** Index of this exact item, appended when new. */
  indexOf(xml: string): number {
    const known = this.index.get(xml);
    if (known !== undefined) return known;
    const i = this.items.length;
    this.items.push(xml);
    this.added.push(xml);
    this.index.set(xml, i);
    return i;
  }
}

const STYLESHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** What a workbook without styles.xml implicitly has; written out when we need to add one. */
export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${STYLESHEET_NS}">` +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/></styleSheet>';

export class StyleBook {
  private readonly prefix: string;
  private readonly sections = new Map<Section, Collection>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId = 164;
  private readonly derived = new Map<string, number>();
  private readonly derivedBySpec = new WeakMap<CellStyle, Map<number, number>>();

  constructor(private readonly xml: string) {
    const root = rootElement(xml);
    this.prefix = root.name.slice(0, root.name.length - root.local.length);
    const children = childElements(xml, root.contentStart, root.contentEnd);
    for (const section of Object.keys(ITEM) as Section[]) {
      const el = children.find((c) => c.local === section);
      const items = el ? childElements(xml, el.contentStart, el.contentEnd).filter((c) => c.local === ITEM[section]).map((c) => xml.slice(c.start, c.end)) : [];
      this.sections.set(section, new Collection(items));
    }
    for (const item of this.sections.get('numFmts')!.items) {
      const tag = parseStartTag(item);
      const id = Number(attr(tag, 'numFmtId'));
      const code = attr(tag, 'formatCode');
      if (Number.isFinite(id)) {
        if (code !== undefined && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
        this.nextNumFmtId = Math.max(this.nextNumFmtId, id + 1);
      }
    }
  }

  private section(name: Section): Collection {
    return this.sections.get(name)!;
  }

  /** True once something was appended (the part must then be written). */
  get changed(): boolean {
    return [...this.sections.values()].some((c) => c.added.length > 0);
  }

  private el(local: string): string {
    return this.prefix + local;
  }

  numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(code, id);
    this.section('numFmts').indexOf(`<${this.el('numFmt')} numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** The font at `index` with the spec's font properties changed. */
  private fontWith(index: number, spec: CellStyle): number {
    const fonts = this.section('fonts');
    const base = fonts.items[index] ?? fonts.items[0] ?? `<${this.el('font')}/>`;
    const parts = new Map<string, string>();
    const rest: string[] = [];
    const root = rootElement(base);
    for (const child of childElements(base, root.contentStart, root.contentEnd)) {
      const text = base.slice(child.start, child.end);
      if (FONT_ORDER.includes(child.local)) parts.set(child.local, text);
      else rest.push(text);
    }
    const set = (local: string, value: string | null) => (value === null ? parts.delete(local) : parts.set(local, value));
    if (spec.bold !== undefined) set('b', spec.bold ? `<${this.el('b')}/>` : null);
    if (spec.italic !== undefined) set('i', spec.italic ? `<${this.el('i')}/>` : null);
    if (spec.fontSize !== undefined) set('sz', `<${this.el('sz')} val="${spec.fontSize}"/>`);
    if (spec.fontColor !== undefined) set('color', `<${this.el('color')} rgb="${argb(spec.fontColor)}"/>`);
    if (spec.underline !== undefined) set('u', spec.underline ? `<${this.el('u')}/>` : null);
    if (spec.fontName !== undefined) {
      set('name', `<${this.el('name')} val="${escapeAttr(spec.fontName)}"/>`);
      // A theme scheme would make Excel show the theme's font instead; the family and charset
      // described the font replaced.
      set('scheme', null);
      set('family', null);
      set('charset', null);
    }
    const body = FONT_ORDER.map((local) => parts.get(local) ?? '').join('') + rest.join('');
    return fonts.indexOf(`<${root.name}>${body}</${root.name}>`);
  }

  private solidFill(hex: string): number {
    const p = this.prefix;
    return this.section('fills').indexOf(`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(hex)}"/></${p}patternFill></${p}fill>`);
  }

  private thinBorder(): number {
    const p = this.prefix;
    const sides = ['left', 'right', 'top', 'bottom'].map((side) => `<${p}${side} style="thin"/>`).join('');
    return this.section('borders').indexOf(`<${p}border>${sides}<${p}diagonal/></${p}border>`);
  }

  /**
   * The cellXfs index of the format at `base` with `spec` applied. Cells that shared a format
   * share the new one; a format already in the file is reused.
   */
  derive(base: number, spec: CellStyle): number {
    // By the spec object first: a format change applies one spec to thousands of cells.
    let bySpec = this.derivedBySpec.get(spec);
    if (!bySpec) this.derivedBySpec.set(spec, (bySpec = new Map()));
    let index = bySpec.get(base);
    if (index === undefined) bySpec.set(base, (index = this.deriveOnce(base, spec)));
    return index;
  }

  private deriveOnce(base: number, spec: CellStyle): number {
    if (!hasStyle(spec)) return base;
    const cacheKey = `${base}|${styleKey(spec)}`;
    const cached = this.derived.get(cacheKey);
    if (cached !== undefined) return cached;
    const xfs = this.section('cellXfs');
    const source = xfs.items[base] ?? xfs.items[0] ?? `<${this.el('xf')} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const root = rootElement(source);
    const tag = parseStartTag(source.slice(root.start, root.contentStart));
    const children = root.contentEnd > root.contentStart ? childElements(source, root.contentStart, root.contentEnd) : [];
    const flag = (name: string) => setAttr(tag, name, '1');
    for (const [name, value] of [['numFmtId', '0'], ['fontId', '0'], ['fillId', '0'], ['borderId', '0']]) if (attr(tag, name) === undefined) setAttr(tag, name, value);
    if (spec.numberFormat !== undefined) {
      setAttr(tag, 'numFmtId', String(this.numFmtId(spec.numberFormat)));
      flag('applyNumberFormat');
    }
    if (spec.bold !== undefined || spec.italic !== undefined || spec.fontSize !== undefined || spec.fontColor !== undefined || spec.fontName !== undefined || spec.underline !== undefined) {
      setAttr(tag, 'fontId', String(this.fontWith(Number(attr(tag, 'fontId') ?? 0), spec)));
      flag('applyFont');
    }
    if (spec.fill !== undefined) {
      setAttr(tag, 'fillId', String(this.solidFill(spec.fill)));
      flag('applyFill');
    }
    if (spec.border) {
      setAttr(tag, 'borderId', String(this.thinBorder()));
      flag('applyBorder');
    }
    const alignment = this.alignmentWith(source, children.find((c) => c.local === 'alignment'), spec);
    if (spec.wrapText !== undefined || spec.horizontalAlignment !== undefined || spec.verticalAlignment !== undefined) flag('applyAlignment');
    const others = children.filter((c) => c.local !== 'alignment').map((c) => source.slice(c.start, c.end));
    const body = alignment + others.join('');
    const xml = body === '' ? renderStartTag(tag, true) : `${renderStartTag(tag, false)}${body}</${root.name}>`;
    const index = xfs.indexOf(xml);
    this.derived.set(cacheKey, index);
    return index;
  }

  /** The xf's alignment element with the spec's changes ("" when it has none). */
  private alignmentWith(source: string, existing: ElementSpan | undefined, spec: CellStyle): string {
    const changes = spec.wrapText !== undefined || spec.horizontalAlignment !== undefined || spec.verticalAlignment !== undefined;
    if (!changes) return existing ? source.slice(existing.start, existing.end) : '';
    const tag: StartTag = existing ? parseStartTag(source.slice(existing.start, existing.contentStart)) : { name: this.el('alignment'), attrs: [], selfClosing: true };
    if (spec.horizontalAlignment !== undefined) setAttr(tag, 'horizontal', spec.horizontalAlignment);
    if (spec.verticalAlignment !== undefined) setAttr(tag, 'vertical', spec.verticalAlignment);
    if (spec.wrapText !== undefined) setAttr(tag, 'wrapText', spec.wrapText ? '1' : undefined);
    const inner = existing && existing.contentEnd > existing.contentStart ? source.slice(existing.contentStart, existing.contentEnd) : '';
    return inner ? `${renderStartTag(tag, false)}${inner}</${tag.name}>` : renderStartTag(tag, true);
  }

  /** Name and size of the font of the cell format at `xf` (the workbook's first font when the
   * format names none). */
  fontOf(xf: number): { name: string | undefined; size: number | undefined } {
    const xfs = this.section('cellXfs');
    const source = xfs.items[xf] ?? xfs.items[0];
    const fontId = source ? Number(attr(parseStartTag(source.slice(0, source.indexOf('>') + 1)), 'fontId') ?? 0) : 0;
    const fonts = this.section('fonts');
    const font = fonts.items[fontId] ?? fonts.items[0] ?? '';
    const name = /<(?:[\w.-]+:)?name\s+val="([^"]*)"/.exec(font)?.[1];
    const size = Number(/<(?:[\w.-]+:)?sz\s+val="([^"]*)"/.exec(font)?.[1]);
    return { name: name === undefined ? undefined : unescapeXml(name), size: Number.isFinite(size) && size > 0 ? size : undefined };
  }

  /** The dxfs index of a fill with a font colour (a highlight rule's look). */
  highlight(fill: string, fontColor: string): number {
    const p = this.prefix;
    return this.section('dxfs').indexOf(
      `<${p}dxf><${p}font><${p}color rgb="${argb(fontColor)}"/></${p}font><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill></${p}dxf>`,
    );
  }

  /** styles.xml with what was appended; the original text when nothing was. */
  toXml(): string {
    if (!this.changed) return this.xml;
    const root = rootElement(this.xml);
    const children = childElements(this.xml, root.contentStart, root.contentEnd);
    const edits: { start: number; end: number; text: string }[] = [];
    for (const section of Object.keys(ITEM) as Section[]) {
      const collection = this.section(section);
      if (collection.added.length === 0) continue;
      const el = children.find((c) => c.local === section);
      const added = collection.added.join('');
      if (el) {
        const tag = parseStartTag(this.xml.slice(el.start, el.contentStart));
        setAttr(tag, 'count', String(collection.items.length));
        const inner = this.xml.slice(el.contentStart, el.contentEnd);
        edits.push({ start: el.start, end: el.end, text: `${renderStartTag(tag, false)}${inner}${added}</${el.name}>` });
      } else {
        const at = insertionPoint(children, section, root.contentEnd);
        edits.push({ start: at, end: at, text: `<${this.el(section)} count="${collection.items.length}">${added}</${this.el(section)}>` });
      }
    }
    return splice(this.xml, edits);
  }
}

/** Where a missing section goes: before the first existing section that must follow it. */
function insertionPoint(children: ElementSpan[], section: Section, fallback: number): number {
  const rank = (local: string) => (SECTION_ORDER as readonly string[]).indexOf(local);
  const mine = rank(section);
  const after = children.find((c) => rank(c.local) > mine);
  return after ? after.start : fallback;
}
