/**
 * Lead units for the "by lead unit" table: one lead cell may name several units, and one unit
 * may be written several ways. Units are merged by a key that ignores case and spacing, and by
 * the user's alias list ("Văn phòng" → "Văn phòng Sở").
 */
import type { CellValue, ResolvedCell } from '../engine/model';
import { cleanText, withoutInvisibles } from '../engine/text';

export interface UnitAlias {
  alias: string;
  unit: string;
}

/** Case- and space-insensitive key; diacritics are kept so that two units differing only by a
 * tone mark are not merged by accident. Trailing punctuation and bullets do not count. */
export function unitKey(name: string): string {
  // toLowerCase, not toLocaleLowerCase: Vietnamese has no locale-specific case rules, and the
  // locale-aware call is many times slower.
  return cleanText(name)
    .replace(/^[-–—+•*]+\s*/, '')
    .replace(/[\s.,;:]+$/, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** A line starting in lower case continues the line above (a long name wrapped by hand), as
 * continuation rows do in the table; "Phòng A\nPhòng B" are two units, "Các phòng\nchuyên môn"
 * one. */
function startsLowerCase(s: string): boolean {
  const first = withoutInvisibles(s).trimStart().charAt(0);
  return first !== '' && first === first.toLowerCase() && first !== first.toUpperCase();
}

function splitRaw(raw: string): string[] {
  const parts: string[] = [];
  for (const piece of raw.normalize('NFC').split(';')) {
    const lines = piece.split(/\r\n|\r|\n/);
    let current = '';
    for (const line of lines) {
      if (current !== '' && startsLowerCase(line)) current += ' ' + line;
      else {
        if (current.trim() !== '') parts.push(current);
        current = line;
      }
    }
    if (current.trim() !== '') parts.push(current);
  }
  return parts.map(cleanUnit).filter((p) => p !== '');
}

function cleanUnit(s: string): string {
  return cleanText(s).replace(/^[-–—+•*]+\s*/, '').replace(/[\s.,;:]+$/, '');
}

/**
 * The units a lead cell names. The resolved text has line breaks folded to spaces, so the
 * line structure is read from the raw value when the text is that value (plus any tail joined
 * from continuation rows, which belongs to the last unit).
 */
export function splitLeadUnits(cell: Pick<ResolvedCell, 'text' | 'value'> | undefined): string[] {
  if (!cell || cell.text.trim() === '') return [];
  const raw: CellValue = cell.value;
  if (typeof raw === 'string') {
    const cleanedRaw = cleanText(raw);
    if (cleanedRaw !== '' && cell.text.startsWith(cleanedRaw)) {
      const parts = splitRaw(raw);
      const tail = cell.text.slice(cleanedRaw.length).trim();
      if (tail !== '' && parts.length > 0) parts[parts.length - 1] = cleanUnit(parts[parts.length - 1] + ' ' + tail);
      else if (tail !== '') parts.push(...splitRaw(tail));
      if (parts.length > 0) return parts;
    }
  }
  return splitRaw(cell.text);
}

/** Resolves a written unit to its group: alias target first, then the case/space key. */
export class UnitResolver {
  private readonly aliasTarget = new Map<string, string>();
  /** The same few units are written on many rows: resolve each spelling once. */
  private readonly cache = new Map<string, { key: string; canonical: string | null }>();

  constructor(aliases: readonly UnitAlias[]) {
    for (const { alias, unit } of aliases) {
      const target = cleanUnit(unit);
      if (target === '') continue;
      this.aliasTarget.set(unitKey(alias), target);
      // The target's own spellings join the same group.
      if (!this.aliasTarget.has(unitKey(target))) this.aliasTarget.set(unitKey(target), target);
    }
  }

  /** Group key and, when an alias names it, the unit's official name. */
  resolve(written: string): { key: string; canonical: string | null } {
    const cached = this.cache.get(written);
    if (cached) return cached;
    const key = unitKey(written);
    const target = this.aliasTarget.get(key);
    const resolved = target !== undefined ? { key: unitKey(target), canonical: target } : { key, canonical: null };
    this.cache.set(written, resolved);
    return resolved;
  }
}
