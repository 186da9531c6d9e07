/** A worksheet's page layout on the fake: what PageLayout and its HeaderFooterGroup hold. */
/** One HeaderFooter's six sections (the format codes as set). */
export interface HeaderFooterState {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export function emptyHeaderFooter(): HeaderFooterState {
  return { leftHeader: '', centerHeader: '', rightHeader: '', leftFooter: '', centerFooter: '', rightFooter: '' };
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  /** Whole rows ("8:10") repeated at the top of every page, or null. */
  printTitleRows: string | null;
  /** Whole columns ("A:C") repeated at the left of every page, or null. */
  printTitleColumns: string | null;
  /** The print area's rectangles ("A1:N60"), or null when the sheet prints what it holds. */
  printArea: string[] | null;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Points; Excel's "Normal" margins by default (0.75" top and bottom, 0.7" sides, 0.3"
   * header and footer). */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** HeaderFooterGroup: its state and the headers/footers the host set. */
  headersFooters: { state: string; defaultForAllPages: HeaderFooterState; firstPage: HeaderFooterState };
}

export function defaultPageLayout(): PageLayoutState {
  return {
    orientation: 'Portrait',
    paperSize: 'Letter',
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
    zoom: { scale: 100 },
    margins: { top: 54, bottom: 54, left: 50.4, right: 50.4, header: 21.6, footer: 21.6 },
    headersFooters: { state: 'Default', defaultForAllPages: emptyHeaderFooter(), firstPage: emptyHeaderFooter() },
  };
}
