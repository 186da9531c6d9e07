/**
 * How the active sheet prints, read for the checked sheet's printout (docs/printing.md): the
 * page layout (orientation, paper, margins, zoom — ExcelApi 1.9), the print area and the print
 * titles (PageLayout.getPrintAreaOrNullObject, getPrintTitleRowsOrNullObject,
 * getPrintTitleColumnsOrNullObject, ExcelApi 1.9), queued with the read's first sync; and the
 * columns' widths (columns-read.ts, points), read with its second.
 */
import { parseA1Areas, parseA1Range } from '../../engine/a1';
import type { PageSetup, PageZoom, Span } from '../../engine/model';

/** Excel's standard column (8.43 characters of Calibri 11: 64 pixels) in points. */
const STANDARD_WIDTH_POINTS = 48;
/** Points per character of width the hosts give columns (plan.ts charactersToPoints). */
const CHARACTER_POINTS = 5.25;

/** Excel.PaperType → the OOXML paper code the engine uses. */
const PAPER: Record<string, number> = { Letter: 1, Legal: 5, A3: 8, A4: 9, A5: 11 };

export interface PageLoads {
  layout: Excel.PageLayout;
  area: Excel.RangeAreas;
  titleRows: Excel.Range;
  titleColumns: Excel.Range;
}

/** Queue the page layout's loads (the read's first sync). */
export function queuePageLayout(sheet: Excel.Worksheet): PageLoads {
  const layout = sheet.pageLayout.load('orientation,paperSize,leftMargin,rightMargin,zoom');
  const area = layout.getPrintAreaOrNullObject().load('address');
  const titleRows = layout.getPrintTitleRowsOrNullObject().load('address');
  const titleColumns = layout.getPrintTitleColumnsOrNullObject().load('address');
  return { layout, area, titleRows, titleColumns };
}

function span(range: Excel.Range, rows: boolean): Span | null {
  if (range.isNullObject) return null;
  const r = parseA1Range(range.address);
  return rows ? { first: r.top, last: r.bottom } : { first: r.left, last: r.right };
}

function zoomOf(z: Excel.PageLayoutZoomOptions | undefined): PageZoom {
  if (z && typeof z.horizontalFitToPages === 'number' && z.horizontalFitToPages >= 1) return { fitWidth: z.horizontalFitToPages, fitHeight: z.verticalFitToPages ?? 0 };
  return { scale: z?.scale ?? 100 };
}

/** The page setup, once the loads are synced; `widths` are the visible columns' (columns-read.ts). */
export function pageSetupOf(loads: PageLoads, widths: Record<number, number>): PageSetup {
  const { layout } = loads;
  const columnWidths: Record<number, number> = {};
  for (const [c, width] of Object.entries(widths)) if (Math.abs(width - STANDARD_WIDTH_POINTS) > 0.01) columnWidths[Number(c)] = width;
  return {
    orientation: layout.orientation === 'Landscape' ? 'landscape' : layout.orientation === 'Portrait' ? 'portrait' : null,
    paperSize: PAPER[layout.paperSize as string] ?? null,
    margins: typeof layout.leftMargin === 'number' && typeof layout.rightMargin === 'number' ? { left: layout.leftMargin / 72, right: layout.rightMargin / 72 } : null,
    zoom: zoomOf(layout.zoom),
    printArea: loads.area.isNullObject ? null : parseA1Areas(loads.area.address),
    titleRows: span(loads.titleRows, true),
    titleColumns: span(loads.titleColumns, false),
    columnWidths,
    defaultColumnWidth: STANDARD_WIDTH_POINTS,
    characterWidth: CHARACTER_POINTS,
  };
}

/** Rows and columns whose fonts the read samples: a table's header and first rows. */
const FONT_ROWS = 200;
const FONT_COLUMNS = 256;

/** The fonts of the first rows of the used range, as Range.getCellProperties gives them. */
export interface FontSample {
  top: number;
  left: number;
  cells: Excel.CellProperties[][];
}

/** Queue the fonts (name and size) of the used range's first rows (ExcelApi 1.9
 * getCellProperties: one call, no proxy per cell). */
export function queueFonts(sheet: Excel.Worksheet, top: number, left: number, rowCount: number, columnCount: number): OfficeExtension.ClientResult<Excel.CellProperties[][]> | null {
  if (rowCount < 1 || columnCount < 1) return null;
  return sheet.getRangeByIndexes(top, left, Math.min(rowCount, FONT_ROWS), Math.min(columnCount, FONT_COLUMNS)).getCellProperties({ format: { font: { name: true, size: true } } });
}
