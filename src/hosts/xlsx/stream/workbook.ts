/**
 * The workbook part (xl/workbook.xml and its relationships): the tabs in order with their
 * visibility and parts, the active tab, the date system and the defined names.
 */
import type { ZipParts } from '../zip/archive';
import { partText, readRelationships, type Relationship } from './parts';
import { attribute, scanXml, xmlBoolean, type Tag } from './xml';

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

/** Why a zip is not a workbook we can read: no workbook part or no worksheet; a part that is
 * not XML; a sheet with more cells (values and merges) than the reader takes. */
export type WorkbookFormatFailure = 'not-workbook' | 'damaged' | 'too-many-cells';

export class WorkbookFormatError extends Error {
  constructor(
    readonly code: WorkbookFormatFailure,
    message: string,
    /** For 'too-many-cells': the limit that was exceeded. */
    readonly limit?: number,
  ) {
    super(message);
    this.name = 'WorkbookFormatError';
  }
}

/** One <sheet> of the workbook: a worksheet, or a chart sheet / dialog sheet / macro sheet. */
export interface Tab {
  name: string;
  visibility: SheetVisibility;
  /** The relationship's type: "worksheet", "chartsheet"… ("" when the relationship is missing). */
  kind: string;
  /** The part in the zip, or null when the relationship or the part is missing. */
  partName: string | null;
}

export interface DefinedName {
  name: string;
  /** The formula text as stored ("'Phụ lục'!$A$1:$I$40"). */
  formula: string;
  /** The name of the tab the name is local to, or null for a workbook-wide name. */
  scope: string | null;
  hidden: boolean;
}

export interface WorkbookPart {
  partName: string;
  tabs: Tab[];
  /** workbookView activeTab: an index into `tabs` (NaN when absent or unreadable). */
  activeTab: number;
  date1904: boolean;
  definedNames: DefinedName[];
  rels: Relationship[];
}

function visibility(state: string | undefined): SheetVisibility {
  return state === 'hidden' || state === 'veryHidden' ? state : 'visible';
}

/** The workbook part's name, from the package relationships (xl/workbook.xml in practice). */
function workbookPartName(zip: ZipParts, cap: number): string {
  const main = readRelationships(zip, '', cap).find((r) => r.type === 'officeDocument' && !r.external);
  return main && zip.find(main.target) ? main.target : 'xl/workbook.xml';
}

export function readWorkbookPart(zip: ZipParts, cap: number): WorkbookPart {
  const partName = workbookPartName(zip, cap);
  const entry = zip.find(partName);
  if (!entry) throw new WorkbookFormatError('not-workbook', `no workbook part (${partName})`);
  const sheets: { name: string; state: string | undefined; rid: string | undefined }[] = [];
  const names: { name: string; local: number; hidden: boolean; formula: string }[] = [];
  let activeTab = NaN;
  let sawView = false;
  let date1904 = false;
  let current: (typeof names)[number] | null = null;
  const handler = {
    collecting: false,
    open(name: string, tag: Tag) {
      if (name === 'sheet') {
        sheets.push({ name: attribute(tag, 'name') ?? '', state: attribute(tag, 'state'), rid: attribute(tag, 'r:id') });
      } else if (name === 'workbookView' && !sawView) {
        sawView = true;
        activeTab = parseInt(attribute(tag, 'activeTab') ?? '', 10);
      } else if (name === 'workbookPr') {
        date1904 = xmlBoolean(attribute(tag, 'date1904'));
      } else if (name === 'definedName') {
        current = { name: attribute(tag, 'name') ?? '', local: parseInt(attribute(tag, 'localSheetId') ?? '', 10), hidden: xmlBoolean(attribute(tag, 'hidden')), formula: '' };
        handler.collecting = true;
      }
    },
    close(name: string) {
      if (name === 'definedName' && current) {
        names.push(current);
        current = null;
        handler.collecting = false;
      }
    },
    text(s: string) {
      if (current) current.formula += s;
    },
  };
  scanXml(partText(zip, entry, cap), handler);
  const rels = readRelationships(zip, partName, cap);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const tabs: Tab[] = sheets.map((s) => {
    const rel = s.rid === undefined ? undefined : byId.get(s.rid);
    const part = rel && !rel.external ? zip.find(rel.target) : undefined;
    return { name: s.name, visibility: visibility(s.state), kind: rel?.type ?? '', partName: part ? part.name : null };
  });
  const definedNames = names.map((n) => ({ name: n.name, formula: n.formula, scope: tabs[n.local]?.name ?? null, hidden: n.hidden }));
  return { partName, tabs, activeTab, date1904, definedNames, rels };
}
