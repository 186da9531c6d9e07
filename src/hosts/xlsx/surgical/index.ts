/**
 * The surgical .xlsx writer: a copy of the input workbook with an engine ChangeSet applied, in
 * which every zip part the tool does not change is the input's compressed bytes, copied as they
 * are — charts, pivot tables, slicers, drawings, images, comments, external links, metadata,
 * macros (vbaProject.bin), custom XML, everything — and the parts it must change (the appendix
 * sheet, styles, workbook, relationships, content types, the report sheet) are edited by adding
 * only the tool's own cells, formats, rules and sheet. An .xlsm stays an .xlsm.
 *
 * Same semantics as the exceljs executor (apply.ts), which remains the reference; see
 * docs/decisions.md for why this path exists.
 */
import type { ChangeSet, PrintSettings, SheetModel } from '../../../engine/model';
import { printAreaFormula, printNames, printTitlesFormula } from '../../../engine/print';
import { sameSheetName } from '../../../engine/text';
import { a1, quoteSheet } from '../../../engine/a1';
import { ChangeSetError } from '../../change-set-error';
import { isEmptyState, STATE_SHEET_NAME, type WorkbookState } from '../../../engine/settings';
import { readDefaultFont } from '../stream/styles';
import { digitPixels, pointsToCharacterWidth } from '../stream/page-setup';
import { inlineString } from './cells';
import { BackgroundDeflater, deflatePieces, PartDeflater, type DeflatedPart, type PartSink } from '../zip/writer';
import { CONTENT_TYPE, DEFAULT_PART_CAP, PartStore, REL_TYPE } from './package';
import { hasFormula, printTitles, reportSheetPieces } from './report-sheet';
import { MINIMAL_STYLES, StyleBook } from './styles';
import { WorkbookXml, type SheetEntry } from './workbook';
import { editWorksheet, worksheetSteps, type WorksheetEditResult } from './worksheet';
import { runSteps } from './sheet-data';

const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PRINT_AREA = '_xlnm.Print_Area';
const PRINT_TITLES = '_xlnm.Print_Titles';

export { PackageError, type PackageFailure } from './package';
export { ZipError } from '../zip/archive';

export interface SurgicalOptions {
  /** Largest size one part the writer edits may inflate to (default 1 GB); a larger one is
   * refused with ZipError 'too-large'. Parts copied as they are are never inflated. */
  partCap?: number;
  /** Time stamp of the zip entries the writer changes or adds (default: now). */
  now?: Date;
}

export interface SurgicalCopy {
  /** The new workbook file, in pieces to write one after the other. */
  pieces: readonly Buffer[];
  /** The new workbook file in one buffer (joined when asked for). */
  readonly bytes: Buffer;
  /** What the change sets asked for that this writer does not do (charts), as apply.ts says. */
  skipped: string[];
}

function hasSheetChanges(change: ChangeSet): boolean {
  return (
    change.writes.length > 0 || change.formats.length > 0 || change.validations.length > 0 ||
    change.conditionalFormats.rules.length > 0 || change.conditionalFormats.tag !== '' ||
    (change.formulas ?? []).length > 0 || change.removals !== undefined || change.print !== undefined || (change.rowHeights ?? []).length > 0
  );
}

/** The sheet of that name: exact first, else as Excel compares names (NFC, any case). */
function findSheet(sheets: SheetEntry[], name: string): SheetEntry | undefined {
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => sameSheetName(s.name, name));
}

class SurgicalWriter {
  readonly store: PartStore;
  readonly workbookPart: string;
  readonly workbook: WorkbookXml;
  private readonly originalWorkbook: string;
  private stylesPart: string | null = null;
  private stylesBook: StyleBook | null = null;
  private calcChainStale = false;
  private fullCalc = false;

  constructor(input: Buffer, cap: number) {
    this.store = new PartStore(input, cap);
    this.workbookPart = this.store.workbookPart();
    this.originalWorkbook = this.store.text(this.workbookPart)!;
    this.workbook = new WorkbookXml(this.originalWorkbook);
  }

  /** styles.xml, read when first needed. */
  get styles(): StyleBook {
    if (!this.stylesBook) {
      const rel = this.store.relationships(this.workbookPart).find((r) => r.type === REL_TYPE.styles && !r.external);
      this.stylesPart = rel && this.store.has(rel.part) ? rel.part : null;
      this.stylesBook = new StyleBook(this.stylesPart ? this.store.text(this.stylesPart)! : MINIMAL_STYLES);
    }
    return this.stylesBook;
  }

  private worksheetPart(entry: SheetEntry): string {
    const rel = this.store.relationships(this.workbookPart).find((r) => r.id === entry.rId);
    if (!rel || rel.external || rel.type !== REL_TYPE.worksheet || !this.store.has(rel.part)) throw new ChangeSetError(`${entry.name} is not a worksheet`);
    return rel.part;
  }

  applySheetChanges(change: ChangeSet): void {
    const deflater = new PartDeflater();
    const { entry, part, steps } = this.sheetEdit(change, deflater);
    const result = runSteps(steps);
    this.store.set(part, deflater.end());
    this.afterSheetEdit(change, entry, result);
  }

  /** applySheetChanges with the sheet deflated on libuv's thread pool while it is edited. */
  async applySheetChangesInBackground(change: ChangeSet): Promise<void> {
    const deflater = new BackgroundDeflater();
    const { entry, part, steps } = this.sheetEdit(change, deflater);
    let next = steps.next();
    while (!next.done) {
      await deflater.room();
      next = steps.next();
    }
    this.store.set(part, await deflater.end());
    this.afterSheetEdit(change, entry, next.value);
  }

  /** The edit of the change set's sheet, to run: deflated as it is edited (into `sink`), the
   * edited text never exists whole, and the input's inflated text does not outlive it. */
  private sheetEdit(change: ChangeSet, sink: PartSink): { entry: SheetEntry; part: string; steps: Generator<void, WorksheetEditResult> } {
    const entry = findSheet(this.workbook.sheets(), change.sheet);
    if (!entry) throw new ChangeSetError(`no sheet named ${change.sheet}`);
    const part = this.worksheetPart(entry);
    return { entry, part, steps: worksheetSteps(this.store.bytes(part)!, this.withWidthsBack(change), this.styles, sink, this.digit()) };
  }

  private afterSheetEdit(change: ChangeSet, entry: SheetEntry, result: WorksheetEditResult): void {
    if (result.formulaRemoved) {
      this.calcChainStale = true;
      this.fullCalc = true;
    }
    if (result.formulaAdded) this.fullCalc = true;
    for (const name of change.removals?.names ?? []) this.workbook.removeLocalName(name, entry.index);
    if (change.print) this.setPrintNames(entry, change.print.set);
    for (const def of change.names ?? []) {
      const formula = 'cell' in def.refersTo ? `${quoteSheet(entry.name)}!${a1(def.refersTo.cell.row, def.refersTo.cell.col, 'both')}` : def.refersTo.formula.replace(/^=/, '');
      this.workbook.setLocalName(def.name, entry.index, formula);
    }
  }

  /**
   * Columns taken back with the width they had (Removals.widths, points) get it as <col width>,
   * in characters of the default font's digit: a width of p pixels is stored as
   * trunc(p / digit × 256) / 256 (ECMA-376 §18.3.1.13), so that the width Excel wrote comes back
   * as it was. A width change after the removals is how the worksheet editor sets one.
   */
  private withWidthsBack(change: ChangeSet): ChangeSet {
    const widths = change.removals?.widths;
    if (!widths || Object.keys(widths).length === 0) return change;
    const digit = this.digit();
    const formats = Object.entries(widths).map(([col, points]) => {
      const c = Number(col);
      return { range: { top: 0, left: c, bottom: 0, right: c }, columnWidth: pointsToCharacterWidth(points, digit) };
    });
    return { ...change, formats: [...change.formats, ...formats] };
  }

  /** The default font's digit width in pixels (what a column's width in characters counts). */
  private digit(): number {
    void this.styles; // reads styles.xml and finds its part
    return digitPixels(readDefaultFont(this.stylesPart ? (this.store.text(this.stylesPart) ?? null) : null));
  }

  /** The sheet's print area and repeated rows and columns, as _xlnm names (docs/printing.md). */
  private setPrintNames(entry: SheetEntry, set: PrintSettings): void {
    const local = (name: string) => this.workbook.definedNames().find((d) => d.localSheetId === String(entry.index) && d.name.toLowerCase() === name.toLowerCase());
    if (set.printArea !== undefined) {
      if (set.printArea === null) this.workbook.removeLocalName(PRINT_AREA, entry.index);
      else this.workbook.setLocalName(PRINT_AREA, entry.index, printAreaFormula(entry.name, set.printArea));
    }
    if (set.titleRows !== undefined || set.titleColumns !== undefined) {
      const now = printNames(null, local(PRINT_TITLES)?.formula ?? null);
      const rows = set.titleRows !== undefined ? set.titleRows : now.titleRows;
      const columns = set.titleColumns !== undefined ? set.titleColumns : now.titleColumns;
      const formula = printTitlesFormula(entry.name, rows, columns);
      if (formula === null) this.workbook.removeLocalName(PRINT_TITLES, entry.index);
      else this.workbook.setLocalName(PRINT_TITLES, entry.index, formula);
    }
  }

  /**
   * The workbook's stored state: the JSON in A1 of the very hidden sheet CCHC_State (as the
   * Office.js host stores it), the sheet added when missing.
   */
  writeState(state: WorkbookState): void {
    const json = JSON.stringify(state);
    const entry = findSheet(this.workbook.sheets(), STATE_SHEET_NAME);
    if (isEmptyState(state)) {
      // Nothing left to remember: the state sheet goes (as before the first check), or is not added.
      if (entry) this.removeSheet(entry);
      return;
    }
    if (entry) {
      const part = this.worksheetPart(entry);
      const change: ChangeSet = { sheet: entry.name, writes: [{ range: { top: 0, left: 0, bottom: 0, right: 0 }, values: [[json]] }], formats: [], validations: [], conditionalFormats: { tag: '', rules: [] }, sheets: [] };
      const pieces: Buffer[] = [];
      editWorksheet(this.store.bytes(part)!, change, this.styles, {
        text: (text) => pieces.push(Buffer.from(text, 'utf8')),
        bytes: (data, from, to) => pieces.push(Buffer.from(data.subarray(from, to))),
      });
      this.store.set(part, Buffer.concat(pieces));
      return;
    }
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<worksheet xmlns="${SHEET_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr">${inlineString('', json)}</c></row></sheetData></worksheet>`;
    const part = this.newWorksheetPart(Buffer.from(xml, 'utf8'));
    const rId = this.store.addRelationship(this.workbookPart, REL_TYPE.worksheet, part);
    this.workbook.addSheet(STATE_SHEET_NAME, rId, 'veryHidden');
  }

  /** Remove a worksheet: its entry (workbook.removeSheet), its relationship and its part with
   * what only it used. */
  private removeSheet(entry: SheetEntry): void {
    const part = this.worksheetPart(entry);
    this.store.removeRelationship(this.workbookPart, entry.rId);
    this.store.removeWithOrphans(part);
    this.workbook.removeSheet(entry.index);
  }

  /** Create the sheet, or replace the one of the same name where it stands in the tab order. */
  placeSheet(model: SheetModel): void {
    // Deflated as it is written: a year report of a large plan is hundreds of MB of XML.
    const xml = deflatePieces(reportSheetPieces(model, this.styles));
    const old = findSheet(this.workbook.sheets(), model.name);
    let localSheetId: number;
    if (old) {
      const rel = this.store.relationships(this.workbookPart).find((r) => r.id === old.rId);
      if (rel && !rel.external && rel.type === REL_TYPE.worksheet && this.store.has(rel.part)) {
        this.store.removeDependents(rel.part);
        this.store.set(rel.part, xml);
      } else {
        // A chart sheet or dialog sheet of that name: its part goes, a worksheet takes its place.
        if (rel && !rel.external) this.store.removeWithOrphans(rel.part);
        const part = this.newWorksheetPart(xml);
        this.store.retarget(this.workbookPart, old.rId, REL_TYPE.worksheet, part);
      }
      this.workbook.renameSheet(old.index, model.name);
      this.workbook.dropLocalNames(old.index);
      this.calcChainStale = true;
      localSheetId = old.index;
    } else {
      const part = this.newWorksheetPart(xml);
      const rId = this.store.addRelationship(this.workbookPart, REL_TYPE.worksheet, part);
      localSheetId = this.workbook.addSheet(model.name, rId).index;
    }
    const titles = printTitles(model);
    if (titles) this.workbook.addDefinedName('_xlnm.Print_Titles', localSheetId, titles);
    if (hasFormula(model)) this.fullCalc = true;
  }

  private newWorksheetPart(xml: Buffer | DeflatedPart): string {
    const part = this.store.freeName('xl/worksheets/sheet', '.xml');
    this.store.set(part, xml);
    this.store.addContentTypeOverride(part, CONTENT_TYPE.worksheet);
    return part;
  }

  /** xl/calcChain.xml is Excel's cache of formula order; a stale one makes Excel repair the
   * file, a missing one is rebuilt silently. */
  private dropCalcChain(): void {
    const rel = this.store.relationships(this.workbookPart).find((r) => r.type === REL_TYPE.calcChain);
    if (!rel) return;
    this.store.removeRelationship(this.workbookPart, rel.id);
    if (!rel.external) this.store.removeWithOrphans(rel.part);
  }

  finish(now?: Date): Buffer[] {
    if (this.calcChainStale) this.dropCalcChain();
    if (this.fullCalc) this.workbook.setFullCalcOnLoad();
    if (this.workbook.xml !== this.originalWorkbook) this.store.set(this.workbookPart, this.workbook.xml);
    if (this.stylesBook?.changed) {
      let part = this.stylesPart;
      if (!part) {
        part = this.store.has('xl/styles.xml') ? this.store.freeName('xl/styles', '.xml') : 'xl/styles.xml';
        this.store.addRelationship(this.workbookPart, REL_TYPE.styles, part);
        this.store.addContentTypeOverride(part, CONTENT_TYPE.styles);
      }
      this.store.set(part, this.stylesBook.toXml());
    }
    return this.store.toPieces(now);
  }
}

/**
 * The input workbook with the change sets applied, in order, as a new file. Throws
 * ChangeSetError for a change set it refuses (missing sheet, malformed), ZipError for a file
 * that is not a readable zip or a part over the cap, PackageError for a package it cannot edit
 * (not a workbook, Strict Open XML, XML it will not guess about). Nothing is written anywhere.
 */
export function surgicalCopy(input: Buffer, changes: ChangeSet | readonly ChangeSet[], options: SurgicalOptions = {}): SurgicalCopy {
  const copy = new CopyRun(input, changes, options);
  for (const change of copy.list) {
    if (hasSheetChanges(change)) copy.writer.applySheetChanges(change);
    copy.afterSheet(change);
  }
  return copy.finish();
}

/**
 * surgicalCopy, the same file, with each edited sheet deflated on libuv's thread pool while it
 * is edited: the calling thread's work is the editing alone (the CLI's copy of a large plan).
 */
export async function surgicalCopyInBackground(input: Buffer, changes: ChangeSet | readonly ChangeSet[], options: SurgicalOptions = {}): Promise<SurgicalCopy> {
  const copy = new CopyRun(input, changes, options);
  for (const change of copy.list) {
    if (hasSheetChanges(change)) await copy.writer.applySheetChangesInBackground(change);
    copy.afterSheet(change);
  }
  return copy.finish();
}

/** What both ways of copying share: the writer, the change sets, what was skipped. */
class CopyRun {
  readonly list: readonly ChangeSet[];
  readonly writer: SurgicalWriter;
  private readonly skipped: string[] = [];

  constructor(
    input: Buffer,
    changes: ChangeSet | readonly ChangeSet[],
    private readonly options: SurgicalOptions,
  ) {
    this.list = Array.isArray(changes) ? changes : [changes as ChangeSet];
    this.writer = new SurgicalWriter(input, options.partCap ?? DEFAULT_PART_CAP);
  }

  /** The change set's sheets and state, after its sheet changes. */
  afterSheet(change: ChangeSet): void {
    for (const model of change.sheets) {
      this.writer.placeSheet(model);
      if (model.chart) this.skipped.push(`chart on ${model.name}`);
    }
    // Last: a new state sheet goes after the report sheet in the tab order.
    if (change.state) this.writer.writeState(change.state);
  }

  finish(): SurgicalCopy {
    const pieces = this.writer.finish(this.options.now);
    return {
      pieces,
      get bytes() {
        return Buffer.concat(pieces);
      },
      skipped: this.skipped,
    };
  }
}
