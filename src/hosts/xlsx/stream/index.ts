/**
 * A bounded, streaming reader of what the engine needs from an .xlsx, straight from the zip:
 * the sheets in tab order, each sheet's Grid on demand, the date system, the active tab and the
 * add-in's stored state. It gives the same grids as the exceljs read (read.ts) but inflates only
 * the parts it reads (workbook, relationships, styles, shared strings, the sheets asked for),
 * each under a size cap, and streams sheets so memory follows the cells that hold values.
 *
 * Failures: ZipError from the container ('not-zip', 'zip64', 'damaged', 'method', and
 * 'too-large' with `limit` = the cap, for a part that expands past it); WorkbookFormatError
 * ('not-workbook': no workbook part or no worksheet; 'damaged': a part that is not XML;
 * 'too-many-cells' with `limit`: a sheet holds more values and merges than `maxCells`).
 */
import { parseWorkbookState, STATE_SHEET_NAME, type WorkbookState } from '../../../engine/settings';
import { ZipArchive, type ZipParts } from '../zip/archive';
import { DEFAULT_LIMITS, partText, type PartLimits } from './parts';
import { readSheet, type SheetContent } from './sheet';
import { readSharedStrings } from './strings';
import { readDateStyles, readDefaultFont } from './styles';
import { pageSetupOf } from './page-setup';
import { readWorkbookPart, WorkbookFormatError, type DefinedName, type SheetVisibility, type Tab } from './workbook';
import { XmlError } from './xml';

export { DEFAULT_LIMITS, type PartLimits } from './parts';
export type { SheetContent } from './sheet';
export { WorkbookFormatError, type DefinedName, type SheetVisibility, type WorkbookFormatFailure } from './workbook';

export interface StreamReadOptions {
  /** Uncompressed size caps per kind of part (defaults: DEFAULT_LIMITS). */
  limits?: Partial<PartLimits>;
  /** At most this many merged-away cells are filled with "" per sheet (default 1,000,000). */
  maxMergeFollowers?: number;
  /** At most this many cells with a value, plus merges, per sheet (default 10,000,000: a
   * 50,000-row plan has under 500,000); past it, WorkbookFormatError 'too-many-cells'. */
  maxCells?: number;
}

export interface StreamSheet {
  name: string;
  visibility: SheetVisibility;
  /** The worksheet's part in the zip ("xl/worksheets/sheet1.xml"). */
  partName: string;
  /** Streams the sheet once: its Grid, hidden columns and protection. Nothing is cached, so
   * each call reads the part again. */
  read(): Promise<SheetContent>;
}

/** What read.ts's WorkbookRead holds, with the grids read on demand. */
export interface WorkbookStream {
  /** Every worksheet except the add-in's state sheet, in tab order (chart sheets are left out). */
  sheets: StreamSheet[];
  /** Index in `sheets` of the sheet that was active when the workbook was saved, or -1. */
  activeIndex: number;
  date1904: boolean;
  state: WorkbookState;
  /** Why the stored state could not be used (defaults were taken instead), or null. */
  stateProblem: string | null;
  definedNames: DefinedName[];
  /** Every entry of the zip, as named there: the caller can see charts, pivot tables, macros… */
  parts: string[];
}

const DEFAULT_MAX_MERGE_FOLLOWERS = 1_000_000;
const DEFAULT_MAX_CELLS = 10_000_000;

/** An XML error becomes "this part is damaged"; other errors pass as they are. */
async function inPart<T>(partName: string, read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof XmlError) throw new WorkbookFormatError('damaged', `${partName}: ${e.message}`);
    throw e;
  }
}

/** Which tab the workbook opens on, as an index into `sheets` (read.ts's listSheets rule: a tab
 * that is not a worksheet, or no active tab, means the first worksheet). */
function activeSheetIndex(tabs: Tab[], worksheets: Tab[], sheets: Tab[], activeTab: number): number {
  const tab = tabs[activeTab];
  const active = tab && worksheets.includes(tab) ? tab : worksheets[0];
  return sheets.indexOf(active);
}

export async function readWorkbookStream(input: Buffer | ZipParts, options: StreamReadOptions = {}): Promise<WorkbookStream> {
  // A Buffer is a file's bytes (Node); anything else is already an archive (zip/inflated.ts).
  const zip: ZipParts = input instanceof Uint8Array ? new ZipArchive(input) : input;
  const limits: PartLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const book = await inPart('workbook', () => readWorkbookPart(zip, limits.other));
  const worksheets = book.tabs.filter((t) => t.kind === 'worksheet' && t.partName !== null);
  if (worksheets.length === 0) throw new WorkbookFormatError('not-workbook', 'no worksheet in the file');

  const partOf = (type: string, fallback: string) => {
    const rel = book.rels.find((r) => r.type === type && !r.external);
    return (rel && zip.find(rel.target)) || zip.find(fallback);
  };
  const stylesEntry = partOf('styles', 'xl/styles.xml');
  const stringsEntry = partOf('sharedStrings', 'xl/sharedStrings.xml');
  const stylesXml = stylesEntry ? await inPart('styles', () => partText(zip, stylesEntry, limits.other)) : null;
  const dateStyles = await inPart('styles', () => readDateStyles(stylesXml));
  const defaultFont = readDefaultFont(stylesXml);
  const sharedStrings = await inPart('sharedStrings', () => readSharedStrings(zip, stringsEntry, limits.sharedStrings));
  const cellContext = {
    sharedStrings,
    dateStyles,
    date1904: book.date1904,
    maxMergeFollowers: options.maxMergeFollowers ?? DEFAULT_MAX_MERGE_FOLLOWERS,
    maxCells: options.maxCells ?? DEFAULT_MAX_CELLS,
  };

  const readTab = async (tab: Tab, lastRow?: number) => {
    const entry = zip.find(tab.partName!)!;
    const content = await inPart(entry.name, () => readSheet(zip, entry, limits.sheet, tab.name, { ...cellContext, lastRow }));
    const local = (name: string) => book.definedNames.find((d) => d.scope === tab.name && d.name.toLowerCase() === name.toLowerCase())?.formula ?? null;
    content.grid.page = pageSetupOf(content.page, defaultFont, { area: local('_xlnm.Print_Area'), titles: local('_xlnm.Print_Titles') });
    return content;
  };

  const stateTab = worksheets.find((t) => t.name === STATE_SHEET_NAME);
  let stored: string | null = null;
  if (stateTab) {
    const a1 = (await readTab(stateTab, 0)).grid.values[0]?.[0];
    stored = typeof a1 === 'string' ? a1 : null;
  }
  const { state, problem } = parseWorkbookState(stored);

  const userTabs = worksheets.filter((t) => t.name !== STATE_SHEET_NAME);
  return {
    sheets: userTabs.map((tab) => ({ name: tab.name, visibility: tab.visibility, partName: tab.partName!, read: () => readTab(tab) })),
    activeIndex: activeSheetIndex(book.tabs, worksheets, userTabs, book.activeTab),
    date1904: book.date1904,
    state,
    stateProblem: problem,
    definedNames: book.definedNames,
    parts: zip.entries.map((e) => e.name),
  };
}
