/**
 * A built sheet's page setup through Worksheet.pageLayout (ExcelApi 1.9): orientation, paper,
 * rows repeated on every page, fit to width, margins (in points) and page numbers in the header
 * or footer (HeaderFooterGroup). Queued only: the caller's operation is sent with its group.
 */
import type { SheetPrint } from '../../engine/model';
import { mmToPoints, pageNumberSection } from '../../engine/page-setup';

export function applyPageLayout(layout: Excel.PageLayout, print: SheetPrint, titleRows: string | null, pagesTall: number): void {
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = 'A4';
  if (titleRows) layout.setPrintTitleRows(titleRows);
  // One page wide, as many pages tall as needed: the file format's "0 = automatic" is not a
  // documented value of PageLayoutZoomOptions, so the pages tall are a count large enough
  // that the width decides the scale.
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: pagesTall };
  const margins = print.margins;
  if (margins) {
    layout.topMargin = mmToPoints(margins.top);
    layout.bottomMargin = mmToPoints(margins.bottom);
    layout.leftMargin = mmToPoints(margins.left);
    layout.rightMargin = mmToPoints(margins.right);
    layout.headerMargin = mmToPoints(margins.header);
    layout.footerMargin = mmToPoints(margins.footer);
  }
  const numbers = print.pageNumbers;
  if (numbers) {
    // "FirstAndDefault" gives the first page its own (here empty) header and every other page
    // the default one.
    const group = layout.headersFooters;
    group.state = numbers.skipFirst ? 'FirstAndDefault' : 'Default';
    const code = pageNumberSection(numbers);
    if (numbers.where === 'header') group.defaultForAllPages.centerHeader = code;
    else group.defaultForAllPages.centerFooter = code;
  }
}
