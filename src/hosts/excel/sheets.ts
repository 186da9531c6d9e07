/**
 * Whole sheets written into the open workbook (the roll-up's consolidated sheets), in a constant
 * number of syncs whatever their number: one to read the tabs and the workbook's protection; when
 * the workbook records an earlier roll-up, one to read that record and one (per 4.5 MB) to read
 * its sheets back; the writes packed by the request budget (one sync per 4.5 MB: a 100-unit
 * roll-up is one or two), with the earlier roll-up's sheets the new one has no use for removed
 * and the new record stored; one to show the first sheet. What is replaced or removed, and what
 * is asked first, is the use case's (usecases/rollup-write.ts).
 */
import type { ChangeSet, Lang } from '../../engine/model';
import { parseWorkbookState, STATE_SHEET_NAME, type WorkbookState } from '../../engine/settings';
import { sameSheetName } from '../../engine/text';
import { writeRollup, type RollupQuestion, type RollupSheetsPort, type SheetContent } from '../../usecases/rollup-write';
import type { SheetsOutcome, SheetsRequest } from '../plan-host';
import { executePlan } from './apply';
import { hostMessages } from './messages';
import { MAX_CELL_TEXT, OP_OVERHEAD_BYTES, packGroups } from './payload';
import { planChangeSet, type PlannedOp } from './plan';
import { REQUIRED_EXCEL_API } from './requirements';

const pick = (lang: Lang, vi: string, en: string): string => (lang === 'vi' ? vi : en).normalize('NFC');
const quoted = (names: string[]) => names.map((n) => `“${n}”`).join(', ');

export const sheetsMessages = {
  kept: (question: RollupQuestion, lang: Lang) =>
    pick(
      lang,
      `Đã giữ nguyên các trang ${quoted([...question.replace, ...question.remove])}; chưa ghi trang tổng hợp nào.`,
      `Sheets ${quoted([...question.replace, ...question.remove])} were kept; no consolidated sheet was written.`,
    ),
};

export interface SheetsWriteOptions {
  budget: number;
  pieceBytes: number;
  /** Told the syncs of the write (bench, tests). */
  onSyncs?: (info: { operation: string; readSyncs: number; writeSyncs: number }) => void;
  /** Set to 'write' once the first write is sent (for the error's wording). */
  phase: { name: 'read' | 'write' };
}

interface Tab {
  name: string;
  visibility: string;
  position: number;
}

/** The roll-up's port over one Excel.run. */
function excelSheetsPort(ctx: Excel.RequestContext, request: SheetsRequest, options: SheetsWriteOptions, syncs: { read: number; write: number }): RollupSheetsPort {
  let existing: Tab[] = [];
  // The stored state, to be written back with the new record; null when it cannot be (damaged:
  // left as it is, and the roll-up not recorded).
  let state: { value: WorkbookState; sheet: string | null } | null = null;
  return {
    async readTabs() {
      const tabs = ctx.workbook.worksheets.load('items/name,items/visibility,items/position');
      const protection = ctx.workbook.protection.load('protected');
      await ctx.sync();
      syncs.read++;
      existing = tabs.items.map((s) => ({ name: s.name, visibility: s.visibility as string, position: s.position }));
      const stateTab = existing.find((s) => sameSheetName(s.name, STATE_SHEET_NAME));
      state = { value: parseWorkbookState(null).state, sheet: null };
      if (stateTab) {
        const a1 = ctx.workbook.worksheets.getItem(stateTab.name).getRange('A1').load('values');
        await ctx.sync();
        syncs.read++;
        const raw = a1.values?.[0]?.[0];
        const parsed = parseWorkbookState(typeof raw === 'string' ? raw : null);
        state = parsed.problem === null ? { value: parsed.state, sheet: stateTab.name } : null;
      }
      return {
        names: existing.filter((s) => s !== stateTab).map((s) => s.name),
        structureProtected: protection.protected,
        record: state?.value.rollup ?? null,
      };
    },

    async readContents(sheets) {
      const out = new Map<string, SheetContent | null>();
      for (const group of packGroups(sheets.map((s) => ({ ...s, bytes: s.bytes + OP_OVERHEAD_BYTES })), options.budget)) {
        const reads = group.map((s) => ({ name: s.name, range: ctx.workbook.worksheets.getItem(s.name).getUsedRangeOrNullObject(true).load('formulas,rowIndex,columnIndex') }));
        await ctx.sync();
        syncs.read++;
        for (const { name, range } of reads) out.set(name, range.isNullObject ? null : { top: range.rowIndex, left: range.columnIndex, cells: range.formulas });
      }
      return out;
    },

    async write(change) {
      const replaced = existing.filter((s) => change.sheets.some((m) => sameSheetName(s.name, m.name)));
      const removed = existing.filter((s) => change.remove.some((n) => sameSheetName(s.name, n)));
      // Excel refuses a link to a sheet that does not exist yet: the sheets linked to are built
      // first, then the tabs are put in the order asked for, after the sheets that stay.
      const linkedTo = new Set(change.sheets.flatMap((m) => m.cells.filter((c) => c.link).map((c) => c.link!.sheet)));
      const order = [...change.sheets.filter((m) => linkedTo.has(m.name)), ...change.sheets.filter((m) => !linkedTo.has(m.name))];
      const changes: ChangeSet = { sheet: '', writes: [], formats: [], validations: [], conditionalFormats: { tag: '', rules: [] }, sheets: order };
      // No sheet is being checked: '' names none, so every sheet may be built.
      const ops: PlannedOp[] = planChangeSet(changes, { sheetName: '', sheets: existing, customFormats: [], lang: request.lang, pieceBytes: options.pieceBytes });
      // Removed once the new sheets exist: a workbook keeps at least one visible sheet.
      for (const old of removed) {
        ops.push({
          label: `remove sheet ${old.name}`,
          bytes: OP_OVERHEAD_BYTES * 2,
          queue: ({ ctx: c }) => {
            const sheet = c.workbook.worksheets.getItem(old.name);
            // Its JSDoc: deleting a "VeryHidden" sheet fails with InvalidOperation; hidden first.
            if (old.visibility === 'VeryHidden') sheet.visibility = 'Hidden';
            sheet.delete();
          },
        });
      }
      // The state sheet (very hidden) goes after the roll-up's sheets.
      const staying = existing.filter((s) => !sameSheetName(s.name, STATE_SHEET_NAME)).length - replaced.length - removed.length;
      ops.push({
        label: 'tab order of the sheets written',
        bytes: OP_OVERHEAD_BYTES * change.sheets.length,
        queue: ({ sheet }) => change.sheets.forEach((m, i) => void (sheet(m.name).position = staying + i)),
      });
      const json = state ? JSON.stringify({ ...state.value, rollup: change.record } satisfies WorkbookState) : null;
      // A record too large for its cell is not kept: the next roll-up then asks before replacing.
      if (state && json !== null && json.length <= MAX_CELL_TEXT) {
        const where = state.sheet;
        ops.push({
          label: 'roll-up record',
          bytes: OP_OVERHEAD_BYTES * 4 + json.length * 3,
          queue: ({ ctx: c }) => {
            let sheet: Excel.Worksheet;
            if (where) {
              sheet = c.workbook.worksheets.getItem(where);
            } else {
              sheet = c.workbook.worksheets.add(STATE_SHEET_NAME);
              sheet.visibility = 'VeryHidden';
            }
            const a1 = sheet.getRange('A1');
            // Text format first: the JSON is stored as typed, never parsed by Excel.
            a1.numberFormat = [['@']];
            a1.values = [[json]];
          },
        });
      }
      options.phase.name = 'write';
      const report = await executePlan(ctx, ops, options.budget);
      syncs.write += report.syncs;
      if (change.sheets.length > 0) {
        ctx.workbook.worksheets.getItem(change.sheets[0].name).activate();
        await ctx.sync();
        syncs.write++;
      }
    },
  };
}

export async function writeSheetsIn(ctx: Excel.RequestContext, request: SheetsRequest, options: SheetsWriteOptions): Promise<SheetsOutcome> {
  const { lang } = request;
  const syncs = { read: 0, write: 0 };
  const result = await writeRollup(excelSheetsPort(ctx, request, options, syncs), { sheets: request.sheets, madeOn: request.madeOn, confirm: request.confirm });
  if (!result.ok) {
    if (result.code === 'protected-workbook') return { ok: false, message: `${hostMessages.protectedGeneric(lang)} ${hostMessages.nothingWritten(lang)}` };
    return { ok: false, cancelled: true, message: sheetsMessages.kept(result.question, lang) };
  }
  options.onSyncs?.({ operation: 'sheets', readSyncs: syncs.read, writeSyncs: syncs.write });
  return { ok: true, written: result.written, replaced: result.replaced, removed: result.removed };
}

/** The host's call: the requirement set checked, one Excel.run, every error in one sentence. */
export async function writeSheets(
  run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>,
  request: SheetsRequest,
  options: Omit<SheetsWriteOptions, 'phase'> & { supported: () => boolean; describeError: (e: unknown, lang: Lang, phase: 'read' | 'write') => string },
): Promise<SheetsOutcome> {
  if (!options.supported()) return { ok: false, message: hostMessages.unsupported(REQUIRED_EXCEL_API, request.lang) };
  const phase: SheetsWriteOptions['phase'] = { name: 'read' };
  try {
    return await run((ctx) => writeSheetsIn(ctx, request, { ...options, phase }));
  } catch (e) {
    return { ok: false, message: options.describeError(e, request.lang, phase.name) };
  }
}
