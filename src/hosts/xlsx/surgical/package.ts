/**
 * The package (OPC) level of the surgical copy: the parts of the input zip, the ones this run
 * changes, adds or removes, relationships and content types. Unchanged parts are copied as
 * their compressed bytes; a changed part is inflated once under a cap and kept as text, except
 * a sheet, which is kept deflated as soon as it is written (DeflatedPart).
 */
import { posix as path } from 'path';
import { ZipArchive, type ZipEntry } from '../zip/archive';
import { inflateDeflated, isDeflated, ZipWriter, type DeflatedPart } from '../zip/writer';
import { attr, childElements, escapeAttr, parseStartTag, rootElement, splice } from './xml';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPE = {
  officeDocument: `${REL_NS}/officeDocument`,
  worksheet: `${REL_NS}/worksheet`,
  styles: `${REL_NS}/styles`,
  calcChain: `${REL_NS}/calcChain`,
} as const;
export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
} as const;
const STRICT_NS = 'http://purl.oclc.org/ooxml/';

export type PackageFailure = 'not-workbook' | 'strict' | 'unsupported';

/** The input is a zip but not a workbook this writer can edit; nothing was written. */
export class PackageError extends Error {
  constructor(
    readonly code: PackageFailure,
    message: string,
  ) {
    super(message);
    this.name = 'PackageError';
  }
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** Part name the target resolves to (no leading "/"), for internal targets. */
  part: string;
}

/** The rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  return path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);
}

function resolveTarget(source: string, target: string): string {
  const clean = target.split('#')[0];
  if (clean.startsWith('/')) return path.normalize(clean).slice(1);
  return path.normalize(path.join(path.dirname(source), clean));
}

/** Default cap on one part inflated for editing; the caller may lower it. */
export const DEFAULT_PART_CAP = 1024 * 1024 * 1024;

export class PartStore {
  readonly archive: ZipArchive;
  private readonly changed = new Map<string, string | Buffer | DeflatedPart>();
  private readonly removed = new Set<string>();
  /** New parts, in the order they were added (keyed by folded name, value = name as written). */
  private readonly addedNames = new Map<string, string>();

  constructor(
    input: Buffer,
    private readonly cap: number = DEFAULT_PART_CAP,
  ) {
    this.archive = new ZipArchive(input);
  }

  private key(name: string): string {
    return name.replace(/^\//, '').toLowerCase();
  }

  has(name: string): boolean {
    const k = this.key(name);
    if (this.removed.has(k)) return false;
    return this.changed.has(k) || !!this.archive.find(name);
  }

  /** The part's bytes (as changed so far), or undefined. */
  bytes(name: string): Buffer | undefined {
    const k = this.key(name);
    if (this.removed.has(k)) return undefined;
    const own = this.changed.get(k);
    if (own !== undefined) return typeof own === 'string' ? Buffer.from(own, 'utf8') : isDeflated(own) ? inflateDeflated(own, this.cap) : own;
    const entry = this.archive.find(name);
    return entry ? this.archive.read(entry, this.cap) : undefined;
  }

  text(name: string): string | undefined {
    const own = this.changed.get(this.key(name));
    if (typeof own === 'string') return own;
    return this.bytes(name)?.toString('utf8').replace(/^\uFEFF/, '');
  }

  set(name: string, content: string | Buffer | DeflatedPart): void {
    const k = this.key(name);
    this.removed.delete(k);
    this.changed.set(k, content);
    if (!this.archive.find(name) && !this.addedNames.has(k)) this.addedNames.set(k, name.replace(/^\//, ''));
  }

  remove(name: string): void {
    const k = this.key(name);
    this.changed.delete(k);
    this.addedNames.delete(k);
    if (this.archive.find(name)) this.removed.add(k);
  }

  /** A part name not used yet: prefix + n + suffix, n from 1. */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) if (!this.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
  }

  /** Every part name present (input order, then added). */
  names(): string[] {
    const names = this.archive.entries.filter((e) => this.has(e.name)).map((e) => e.name);
    return [...names, ...this.addedNames.values()];
  }

  /** The copy, in pieces: every part not changed copied as its compressed bytes, in the
   * input's order. */
  toPieces(now?: Date): Buffer[] {
    const writer = new ZipWriter(now);
    const write = (entry: ZipEntry) => {
      const k = this.key(entry.name);
      if (this.removed.has(k)) return;
      const own = this.changed.get(k);
      if (own === undefined) writer.copy(this.archive, entry);
      else writer.add(entry.name, own);
    };
    for (const entry of this.archive.entries) write(entry);
    for (const [k, name] of this.addedNames) writer.add(name, this.changed.get(k)!);
    return writer.toPieces();
  }

  // -------------------------------------------------------------------------------------------
  // Relationships
  // -------------------------------------------------------------------------------------------

  relationships(source: string): Relationship[] {
    const xml = this.text(relsPartOf(source));
    if (xml === undefined) return [];
    const root = rootElement(xml);
    return childElements(xml, root.contentStart, root.contentEnd)
      .filter((e) => e.local === 'Relationship')
      .map((e) => {
        const tag = parseStartTag(xml.slice(e.start, e.contentStart));
        const target = attr(tag, 'Target') ?? '';
        const external = attr(tag, 'TargetMode') === 'External';
        return { id: attr(tag, 'Id') ?? '', type: attr(tag, 'Type') ?? '', target, external, part: external ? '' : resolveTarget(source, target) };
      });
  }

  /** Add a relationship from `source` to `part`; returns its new id. */
  addRelationship(source: string, type: string, part: string): string {
    const relsName = relsPartOf(source);
    const xml = this.text(relsName) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const used = new Set(this.relationships(source).map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = path.relative(path.dirname(source), part);
    const element = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
    this.set(relsName, insertBeforeRootEnd(xml, element));
    return id;
  }

  /** Change a relationship's target (and type) in place, keeping its id. */
  retarget(source: string, id: string, type: string, part: string): void {
    const relsName = relsPartOf(source);
    const xml = this.text(relsName)!;
    const root = rootElement(xml);
    const el = childElements(xml, root.contentStart, root.contentEnd).find((e) => e.local === 'Relationship' && attr(parseStartTag(xml.slice(e.start, e.contentStart)), 'Id') === id);
    if (!el) throw new PackageError('not-workbook', `no relationship ${id} in ${relsName}`);
    const target = path.relative(path.dirname(source), part);
    const element = `<Relationship Id="${escapeAttr(id)}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
    this.set(relsName, splice(xml, [{ start: el.start, end: el.end, text: element }]));
  }

  removeRelationship(source: string, id: string): void {
    const relsName = relsPartOf(source);
    const xml = this.text(relsName);
    if (xml === undefined) return;
    const root = rootElement(xml);
    const edits = childElements(xml, root.contentStart, root.contentEnd)
      .filter((e) => e.local === 'Relationship' && attr(parseStartTag(xml.slice(e.start, e.contentStart)), 'Id') === id)
      .map((e) => ({ start: e.start, end: e.end, text: '' }));
    if (edits.length > 0) this.set(relsName, splice(xml, edits));
  }

  /**
   * Remove a part with its relationships part, and every part reachable only through it (a
   * replaced sheet's drawing, its charts, their styles…). Parts any other relationship still
   * points to are kept.
   */
  removeWithOrphans(part: string): string[] {
    return this.removeTree(part, false);
  }

  /** Remove what the part's relationships point to and nothing else needs, and the part's
   * relationships part; the part itself stays (to be rewritten). */
  removeDependents(part: string): string[] {
    return this.removeTree(part, true);
  }

  private removeTree(part: string, keepRoot: boolean): string[] {
    const removed: string[] = [];
    const queue = [part];
    while (queue.length > 0) {
      const current = queue.shift()!;
      if (!this.has(current)) continue;
      const children = this.relationships(current).filter((r) => !r.external);
      if (!(keepRoot && current === part)) {
        this.remove(current);
        removed.push(current);
      }
      this.remove(relsPartOf(current));
      if (children.length === 0) continue;
      const stillUsed = this.referencedParts();
      for (const child of children) if (!stillUsed.has(child.part.toLowerCase()) && child.part !== part) queue.push(child.part);
    }
    this.removeContentTypeOverrides(removed);
    return removed;
  }

  /** Every internal part some remaining relationships part points to (folded names). */
  private referencedParts(): Set<string> {
    const used = new Set<string>();
    for (const name of this.names()) {
      if (!name.toLowerCase().endsWith('.rels')) continue;
      const dir = path.dirname(path.dirname(name));
      const base = path.basename(name).replace(/\.rels$/i, '');
      const source = dir === '.' ? base : path.join(dir, base);
      if (source !== '' && !this.has(source)) continue;
      for (const r of this.relationships(source)) if (!r.external) used.add(r.part.toLowerCase());
    }
    return used;
  }

  // -------------------------------------------------------------------------------------------
  // Content types
  // -------------------------------------------------------------------------------------------

  addContentTypeOverride(part: string, contentType: string): void {
    const name = '[Content_Types].xml';
    const xml = this.text(name);
    if (xml === undefined) throw new PackageError('not-workbook', 'no [Content_Types].xml');
    const element = `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`;
    this.set(name, insertBeforeRootEnd(this.withoutOverrides(xml, [part]), element));
  }

  removeContentTypeOverrides(parts: string[]): void {
    const name = '[Content_Types].xml';
    const xml = this.text(name);
    if (xml === undefined || parts.length === 0) return;
    const next = this.withoutOverrides(xml, parts);
    if (next !== xml) this.set(name, next);
  }

  private withoutOverrides(xml: string, parts: string[]): string {
    const folded = new Set(parts.map((p) => `/${p.replace(/^\//, '')}`.toLowerCase()));
    const root = rootElement(xml);
    const edits = childElements(xml, root.contentStart, root.contentEnd)
      .filter((e) => e.local === 'Override' && folded.has((attr(parseStartTag(xml.slice(e.start, e.contentStart)), 'PartName') ?? '').toLowerCase()))
      .map((e) => ({ start: e.start, end: e.end, text: '' }));
    return edits.length > 0 ? splice(xml, edits) : xml;
  }

  /** The workbook part, through the package's root relationships. */
  workbookPart(): string {
    const rel = this.relationships('').find((r) => r.type === REL_TYPE.officeDocument || r.type.endsWith('/officeDocument'));
    if (!rel) throw new PackageError('not-workbook', 'no office document relationship');
    if (rel.type.startsWith(STRICT_NS)) throw new PackageError('strict', 'Strict Open XML workbook');
    if (!this.has(rel.part)) throw new PackageError('not-workbook', `missing ${rel.part}`);
    return rel.part;
  }
}

/** Insert an element just before the document element's end tag (expanding "<x/>"). */
export function insertBeforeRootEnd(xml: string, element: string): string {
  const root = rootElement(xml);
  if (root.contentEnd === root.end && root.contentStart === root.end) {
    // Self-closing root: open it.
    const open = xml.slice(root.start, root.end).replace(/\s*\/>$/, '>');
    return xml.slice(0, root.start) + open + element + `</${root.name}>` + xml.slice(root.end);
  }
  return xml.slice(0, root.contentEnd) + element + xml.slice(root.contentEnd);
}
