/**
 * The office's own names for its units: a mapping file (`cchc-plan rollup --units map.json`) or
 * the alias list stored in the open workbook's settings (the task pane). The file reads:
 *
 *   { "units": [ { "unit": "UBND xã An Bình",
 *                  "aliases": ["ỦY BAN NHÂN DÂN XÃ AN BÌNH", "UBND An Bình"],
 *                  "files": ["an-binh-2024.xlsx"] } ] }
 *
 * `aliases` are other ways the plans' titles write the unit; `files` name workbooks (by file
 * name, any folder) that belong to the unit whatever their titles say.
 */
import { z } from 'zod';
import type { UnitAlias } from '../units';
import { unitNameKey } from './unit-name';

const name = z.string().trim().min(1).max(200);

export const unitMapFileSchema = z.strictObject({
  units: z
    .array(
      z.strictObject({
        unit: name,
        aliases: z.array(name).default([]),
        files: z.array(name).default([]),
      }),
    )
    .min(1),
});
export type UnitMapFile = z.infer<typeof unitMapFileSchema>;

/** The mapping, whichever way it came. */
export interface UnitMap {
  aliases: UnitAlias[];
  /** File name (no folder) → unit. */
  files: { file: string; unit: string }[];
}

export const EMPTY_UNIT_MAP: UnitMap = { aliases: [], files: [] };

export function unitMapFromFile(file: UnitMapFile): UnitMap {
  return {
    aliases: file.units.flatMap((u) => u.aliases.map((alias) => ({ alias, unit: u.unit }))),
    files: file.units.flatMap((u) => u.files.map((f) => ({ file: f, unit: u.unit }))),
  };
}

/** The last part of a path, either separator. */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] ?? file;
}

/** Resolves a written name (or a file) to the office's name for the unit. */
export class UnitNamer {
  private readonly byAlias = new Map<string, string>();
  private readonly byFile = new Map<string, string>();

  constructor(map: UnitMap) {
    for (const { alias, unit } of map.aliases) {
      this.byAlias.set(unitNameKey(alias), unit.trim());
      if (!this.byAlias.has(unitNameKey(unit))) this.byAlias.set(unitNameKey(unit), unit.trim());
    }
    for (const { file, unit } of map.files) this.byFile.set(baseName(file).normalize('NFC').toLowerCase(), unit.trim());
  }

  /** The unit the map gives this file, or null. */
  forFile(file: string): string | null {
    return this.byFile.get(baseName(file).normalize('NFC').toLowerCase()) ?? null;
  }

  /** The office's name for a written name (itself when the map does not list it). */
  name(written: string): string {
    return this.byAlias.get(unitNameKey(written)) ?? written;
  }
}
