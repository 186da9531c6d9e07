/**
 * Legacy text across a whole sheet: each cell is judged on its own (detect.ts), then the cells
 * whose legacy reading only ties with the Unicode one ("vô" is a word, and TCVN3 for "vụ") follow
 * the encoding the sheet is clearly written in. `decodeLegacyGrid` is the engine's entry: the
 * analysis runs on the grid it returns.
 */
import type { CellValue, Grid, LegacyCell, LegacyEncoding } from '../model';
import { detectLegacy, legacyFontOf, quickLook, type Verdict } from './detect';

export interface SheetText {
  text: string;
  font?: string | null;
}

export interface LegacyReading {
  encoding: LegacyEncoding;
  /** The text as Unicode, NFC. */
  text: string;
}

/** Judges the texts of one sheet; the same text in the same font is judged once. */
class SheetJudge {
  private readonly cache = new Map<string, Verdict>();
  readonly clear: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  unicodeVietnamese = 0;

  judge(text: string, font: string | null | undefined): Verdict {
    // The one scan first: the cache would cost more than it saves on a Unicode sheet.
    const v = quickLook(text) ?? this.judgeFully(text, font);
    if (v.kind === 'legacy') this.clear[v.encoding]++;
    else if (v.kind === 'unicode' && v.vietnamese) this.unicodeVietnamese++;
    return v;
  }

  private judgeFully(text: string, font: string | null | undefined): Verdict {
    const key = font ? `${font}\u0000${text}` : text;
    let v = this.cache.get(key);
    if (v === undefined) {
      v = detectLegacy(text, font);
      this.cache.set(key, v);
    }
    return v;
  }

  /** The encoding tied readings follow: one the sheet clearly uses in at least two cells, and
   * in at least half as many cells as hold Unicode Vietnamese. */
  sheetEncoding(): LegacyEncoding | null {
    const encoding: LegacyEncoding = this.clear.vni > this.clear.tcvn3 ? 'vni' : 'tcvn3';
    const n = this.clear[encoding];
    return n >= 2 && n * 2 >= this.unicodeVietnamese ? encoding : null;
  }

  /** The reading of one cell once the sheet is known. Thin evidence is never taken for a cell
   * the host says is in a Unicode font: it shows the user its text as it is. */
  resolve(v: Verdict, sheetEncoding: LegacyEncoding | null, font: string | null | undefined): LegacyReading | null {
    if (v.kind === 'legacy') return { encoding: v.encoding, text: v.text };
    if (font && !legacyFontOf(font)) return null;
    const text = v.kind === 'ambiguous' && sheetEncoding ? v.readings[sheetEncoding] : undefined;
    return text === undefined || !sheetEncoding ? null : { encoding: sheetEncoding, text };
  }
}

/** Each text of one sheet as legacy text read as Unicode, or null where it is Unicode. */
export function readSheetTexts(texts: readonly SheetText[]): (LegacyReading | null)[] {
  const judge = new SheetJudge();
  const verdicts = texts.map((t) => judge.judge(t.text, t.font));
  const encoding = judge.sheetEncoding();
  return verdicts.map((v, i) => judge.resolve(v, encoding, texts[i].font));
}

export interface DecodedGrid {
  /** The grid with legacy text read as Unicode; the input grid itself when there was none. */
  grid: Grid;
  /** The cells that held legacy text, in row order. */
  cells: LegacyCell[];
}

/** The grid as the engine reads it: every TCVN3 or VNI text replaced by its Unicode reading.
 * The input is not changed. */
export function decodeLegacyGrid(grid: Grid): DecodedGrid {
  const judge = new SheetJudge();
  const found: { r: number; c: number; verdict: Verdict; font: string | null | undefined }[] = [];
  const { values, fonts } = grid;
  for (let r = 0; r < values.length; r++) {
    const line = values[r];
    if (!line) continue;
    const fontLine = fonts?.[r];
    for (let c = 0; c < line.length; c++) {
      const v = line[c];
      if (typeof v !== 'string' || v === '') continue;
      const font = fontLine?.[c];
      const verdict = judge.judge(v, font);
      if (verdict.kind !== 'unicode') found.push({ r, c, verdict, font });
    }
  }
  if (found.length === 0) return { grid, cells: [] };

  const encoding = judge.sheetEncoding();
  const cells: LegacyCell[] = [];
  const copied = new Map<number, CellValue[]>();
  for (const { r, c, verdict, font } of found) {
    const reading = judge.resolve(verdict, encoding, font);
    if (!reading) continue;
    let line = copied.get(r);
    if (!line) copied.set(r, (line = values[r].slice()));
    line[c] = reading.text;
    cells.push({ row: grid.origin.row + r, col: grid.origin.col + c, encoding: reading.encoding });
  }
  if (cells.length === 0) return { grid, cells };
  const decoded = values.slice();
  for (const [r, line] of copied) decoded[r] = line;
  return { grid: { ...grid, values: decoded }, cells };
}
