/**
 * A worksheet's page setup as the engine wants it (model.ts PageSetup): paper, orientation,
 * margins, scale or fit, print area and titles (from the workbook's names), and column widths
 * in points.
 *
 * Widths are stored in characters of the workbook's default font's digits ("maximum digit
 * width", ECMA-376 §18.3.1.13): a width w is trunc((256·w + trunc(128/mdw)) / 256 · mdw)
 * pixels, and a pixel is ¾ point. The digit width in pixels is the default font's size in pixels
 * times its digit advance in ems, rounded (Calibri 11 → 7 px, Arial 10 → 7, Times New Roman
 * 12 → 8): the fonts plans are written in are listed; others take 0.55 em.
 */
import type { PageSetup, PageZoom } from '../../../engine/model';
import { printNames } from '../../../engine/print';
import type { RawPageSetup } from './sheet';

/** Digit advance in ems of the fonts Vietnamese plans use. */
const DIGIT_EM: Record<string, number> = {
  calibri: 0.5068,
  arial: 0.556,
  'times new roman': 0.5,
  cambria: 0.5557,
  tahoma: 0.5459,
  verdana: 0.6362,
  'segoe ui': 0.559,
  '.vntime': 0.5,
  'vni-times': 0.5,
};

export interface DefaultFont {
  name: string;
  size: number;
}

/** The maximum digit width in pixels of a font. */
export function digitPixels(font: DefaultFont): number {
  const em = DIGIT_EM[font.name.trim().toLowerCase()] ?? 0.55;
  return Math.max(1, Math.round(((font.size * 96) / 72) * em));
}

/** A width in points as the characters Excel stores for it (whole 1/256ths of the digit width
 * in pixels, ECMA-376 §18.3.1.13): a width Excel wrote comes back as it was. */
export function pointsToCharacterWidth(points: number, mdw: number): number {
  return Math.trunc((points / 0.75 / mdw) * 256) / 256;
}

/** A width in characters as points. */
export function characterWidthToPoints(width: number, mdw: number): number {
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / mdw)) / 256) * mdw);
  return pixels * 0.75;
}

/** The default column width in points: <sheetFormatPr defaultColWidth>, else baseColWidth
 * (8) digits plus 5 pixels of padding, rounded up to 8 pixels as Excel does. */
export function defaultWidth(format: Record<string, string>, mdw: number): number {
  const explicit = Number(format.defaultColWidth);
  if (format.defaultColWidth !== undefined && Number.isFinite(explicit)) return characterWidthToPoints(explicit, mdw);
  const base = Number(format.baseColWidth ?? 8);
  const pixels = Math.ceil(((Number.isFinite(base) ? base : 8) * mdw + 5) / 8) * 8;
  return pixels * 0.75;
}

function positive(text: string | undefined): number | null {
  const n = Number(text);
  return text !== undefined && Number.isFinite(n) && n >= 0 ? n : null;
}

export function pageSetupOf(raw: RawPageSetup, font: DefaultFont, names: { area: string | null; titles: string | null }): PageSetup {
  const mdw = digitPixels(font);
  const ps = raw.pageSetup;
  // fitToWidth and fitToHeight default to 1 (ECMA-376 §18.3.1.63); they count only with fitToPage.
  const zoom: PageZoom = raw.fitToPage
    ? { fitWidth: positive(ps.fitToWidth) ?? 1, fitHeight: positive(ps.fitToHeight) ?? 1 }
    : { scale: positive(ps.scale) ?? 100 };
  const columnWidths: Record<number, number> = {};
  for (const { min, max, width } of raw.widths) for (let c = min; c <= max && c - min < 1024; c++) columnWidths[c - 1] = characterWidthToPoints(width, mdw);
  const left = positive(raw.margins.left);
  const right = positive(raw.margins.right);
  return {
    orientation: ps.orientation === 'landscape' || ps.orientation === 'portrait' ? ps.orientation : null,
    paperSize: positive(ps.paperSize),
    margins: left !== null && right !== null ? { left, right } : null,
    zoom,
    ...printNames(names.area, names.titles),
    columnWidths,
    defaultColumnWidth: defaultWidth(raw.format, mdw),
    characterWidth: mdw * 0.75,
  };
}
