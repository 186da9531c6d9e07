/**
 * Writing the roll-up's sheets into a workbook that may hold an earlier roll-up (docs/rollup.md,
 * "A roll-up again"). Decided once, here, for every host: the sheets the last roll-up wrote are
 * recorded in the workbook's state with a digest of their values and formulas; the next roll-up
 *
 * - replaces a recorded sheet of a new sheet's name, and removes a recorded sheet the new
 *   roll-up has no sheet for (a unit no longer in it), without asking while its digest is
 *   unchanged — they are the tool's own, as it left them;
 * - asks first when such a sheet has been edited since (its digest differs), and before
 *   replacing a sheet the record does not list (the user's, whatever its name);
 * - never removes a sheet the record does not list.
 *
 * One question lists everything; "no" writes nothing. The command line writes a new workbook
 * each time and records its sheets there the same way (rollupRecord), so a consolidated
 * workbook made by the command line and opened in Excel is recognised as the tool's.
 */
import type { CellInput, ISODate, SheetModel } from '../engine/model';
import type { RollupRecord } from '../engine/settings';
import { sameSheetName } from './refusals';

/** A sheet's values and formulas as a host reads them: Excel's `Range.formulas` of the used
 * range (a formula as its text, a value as itself, an empty cell as ""), from (top, left). */
export interface SheetContent {
  top: number;
  left: number;
  cells: readonly (readonly unknown[])[];
}

export interface RollupTabs {
  /** Every sheet of the workbook, the add-in's state sheet left out. */
  names: string[];
  /** The workbook's structure is protected: no sheet can be added or removed. */
  structureProtected: boolean;
  /** The last roll-up's record, when the workbook holds one. */
  record: RollupRecord | null;
}

/** What writing the roll-up asks of a workbook (the Office.js host, inside one Excel.run). */
export interface RollupSheetsPort {
  readTabs(): Promise<RollupTabs>;
  /** The named sheets' contents as they are now (null: gone), in as few reads as their size
   * allows; `bytes` is the recorded estimate of each one's size. */
  readContents(sheets: readonly { name: string; bytes: number }[]): Promise<Map<string, SheetContent | null>>;
  /** Remove `remove`, write `sheets` (replacing those of the same names, in this order), and
   * store `record` as the workbook's roll-up record. */
  write(change: { sheets: SheetModel[]; remove: string[]; record: RollupRecord }): Promise<void>;
}

/** Sheets to replace and to remove that are not, or no longer, as the tool left them. */
export interface RollupQuestion {
  /** Existing sheets of a new sheet's name: the user's, or the tool's edited since. */
  replace: string[];
  /** The earlier roll-up's sheets the new one has no sheet for, edited since. */
  remove: string[];
}

export interface RollupWriteParams {
  sheets: SheetModel[];
  madeOn: ISODate;
  /** Asked only when `replace` or `remove` is not empty; false writes nothing. */
  confirm: (question: RollupQuestion) => Promise<boolean>;
}

export type RollupWriteResult =
  | { ok: true; written: string[]; replaced: string[]; removed: string[] }
  | { ok: false; code: 'protected-workbook' }
  | { ok: false; code: 'cancelled'; question: RollupQuestion };

/** A link to a cell of the workbook as a file stores it (hosts/xlsx/link-formula.ts): its text. */
const LINK_FORMULA = /^=HYPERLINK\("#(?:[^"]|"")*",\s*"((?:[^"]|"")*)"\)$/i;

/** One cell's content as a token: "" for an empty cell; text and formulas as written, a link as
 * its text (Excel's hyperlink on a value and a file's HYPERLINK formula alike); numbers as Excel
 * keeps them (15 significant digits). */
function token(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') return `n${Number(v.toPrecision(15))}`;
  if (typeof v === 'boolean') return `b${v}`;
  const text = String(v);
  const link = LINK_FORMULA.exec(text);
  return `t${link ? link[1].replace(/""/g, '"') : text}`;
}

/** FNV-1a over the text in two 32-bit lanes: 16 hex digits. Not a security measure: it tells a
 * sheet changed by hand from one left as written. */
function fnv(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

interface Placed {
  row: number;
  col: number;
  t: string;
}

function digestOf(cells: Placed[]): string {
  cells.sort((x, y) => x.row - y.row || x.col - y.col);
  return fnv(cells.map((c) => `${c.row},${c.col}\u0001${c.t}`).join('\u0002'));
}

/** The digest of what a sheet model puts in its cells (values and formulas; styles aside). */
export function modelDigest(model: SheetModel): string {
  return digestOf(modelCells(model));
}

function modelCells(model: SheetModel): Placed[] {
  const out: Placed[] = [];
  for (const c of model.cells) {
    const t = c.formula !== undefined ? token(c.formula) : token(c.value as CellInput | undefined);
    if (t !== '') out.push({ row: c.row, col: c.col, t });
  }
  return out;
}

/** The digest of a sheet's content as read: equal to modelDigest of the model written there
 * while nobody has changed a value or a formula. */
export function contentDigest(content: SheetContent | null): string {
  const out: Placed[] = [];
  content?.cells.forEach((line, r) =>
    line.forEach((v, c) => {
      const t = token(v);
      if (t !== '') out.push({ row: content.top + r, col: content.left + c, t });
    }),
  );
  return digestOf(out);
}

/** About what reading the sheet's used range back costs, in bytes of response: its texts and
 * a few bytes for every cell of its rectangle. */
function sizeOf(model: SheetModel): number {
  const cells = modelCells(model);
  if (cells.length === 0) return 0;
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  let text = 0;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
    text += c.t.length * 3;
  }
  return text + (bottom - top + 1) * (right - left + 1) * 4;
}

/** The record of a roll-up's sheets as written. */
export function rollupRecord(sheets: readonly SheetModel[], madeOn: ISODate): RollupRecord {
  return { madeOn, sheets: sheets.map((s) => ({ name: s.name, digest: modelDigest(s), bytes: sizeOf(s) })) };
}

export async function writeRollup(port: RollupSheetsPort, params: RollupWriteParams): Promise<RollupWriteResult> {
  const tabs = await port.readTabs();
  if (tabs.structureProtected) return { ok: false, code: 'protected-workbook' };
  const exists = (name: string) => tabs.names.find((n) => sameSheetName(n, name));
  const isNew = (name: string) => params.sheets.some((s) => sameSheetName(s.name, name));

  // The earlier roll-up's sheets still in the workbook, and whether each is as it was written.
  const recorded = (tabs.record?.sheets ?? []).flatMap((r) => {
    const name = exists(r.name);
    return name === undefined ? [] : [{ ...r, name }];
  });
  const contents = recorded.length > 0 ? await port.readContents(recorded.map((r) => ({ name: r.name, bytes: r.bytes }))) : new Map<string, SheetContent | null>();
  const untouched = (name: string) => {
    const r = recorded.find((x) => sameSheetName(x.name, name));
    return r !== undefined && contentDigest(contents.get(r.name) ?? null) === r.digest;
  };

  const replaced = params.sheets.flatMap((s) => {
    const name = exists(s.name);
    return name === undefined ? [] : [name];
  });
  const removed = recorded.map((r) => r.name).filter((name) => !isNew(name));
  const question: RollupQuestion = { replace: replaced.filter((n) => !untouched(n)), remove: removed.filter((n) => !untouched(n)) };
  if ((question.replace.length > 0 || question.remove.length > 0) && !(await params.confirm(question))) return { ok: false, code: 'cancelled', question };

  await port.write({ sheets: params.sheets, remove: removed, record: rollupRecord(params.sheets, params.madeOn) });
  return { ok: true, written: params.sheets.map((s) => s.name), replaced, removed };
}
