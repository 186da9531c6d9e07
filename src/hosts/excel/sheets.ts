/**
 * Whole sheets written into the open workbook (the roll-up's consolidated sheets), in a constant
 * number of syncs whatever their number: one to read the tabs and the workbook's protection,
 * the writes packed by the request budget (one sync per 4.5 MB: a 100-unit roll-up is one or
 * two), one to show the first sheet. Sheets of the same names are replaced in place, after
 * asking.
 */
import type { ChangeSet, Lang } from '../../engine/model';
import { sameSheetName } from '../../engine/text';
import type { SheetsOutcome, SheetsRequest } from '../plan-host';
import { executePlan } from './apply';
import { hostMessages } from './messages';
import { OP_OVERHEAD_BYTES } from './payload';
import { planChangeSet } from './plan';
import { REQUIRED_EXCEL_API } from './requirements';

const pick = (lang: Lang, vi: string, en: string): string => (lang === 'vi' ? vi : en).normalize('NFC');

export const sheetsMessages = {
  kept: (names: string[], lang: Lang) =>
    pick(
      lang,
      `Đã giữ nguyên các trang ${names.map((n) => `“${n}”`).join(', ')}; chưa ghi trang tổng hợp nào.`,
      `Sheets ${names.map((n) => `“${n}”`).join(', ')} were kept; no consolidated sheet was written.`,
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

export async function writeSheetsIn(ctx: Excel.RequestContext, request: SheetsRequest, options: SheetsWriteOptions): Promise<SheetsOutcome> {
  const { lang } = request;
  const tabs = ctx.workbook.worksheets.load('items/name,items/visibility,items/position');
  const protection = ctx.workbook.protection.load('protected');
  await ctx.sync();
  if (protection.protected) return { ok: false, message: `${hostMessages.protectedGeneric(lang)} ${hostMessages.nothingWritten(lang)}` };
  const existing = tabs.items.map((s) => ({ name: s.name, visibility: s.visibility as string, position: s.position }));
  const replaced = request.sheets.filter((m) => existing.some((s) => sameSheetName(s.name, m.name))).map((m) => m.name);
  if (replaced.length > 0 && !(await request.confirmReplace(replaced))) return { ok: false, cancelled: true, message: sheetsMessages.kept(replaced, lang) };

  // Excel refuses a link to a sheet that does not exist yet: the sheets linked to are built
  // first, then the tabs are put in the order asked for, after the sheets that stay.
  const linkedTo = new Set(request.sheets.flatMap((m) => m.cells.filter((c) => c.link).map((c) => c.link!.sheet)));
  const order = [...request.sheets.filter((m) => linkedTo.has(m.name)), ...request.sheets.filter((m) => !linkedTo.has(m.name))];
  const changes: ChangeSet = { sheet: '', writes: [], formats: [], validations: [], conditionalFormats: { tag: '', rules: [] }, sheets: order };
  // No sheet is being checked: '' names none, so every sheet may be built.
  const ops = planChangeSet(changes, { sheetName: '', sheets: existing, customFormats: [], lang, pieceBytes: options.pieceBytes });
  const staying = existing.length - replaced.length;
  ops.push({
    label: 'tab order of the sheets written',
    bytes: OP_OVERHEAD_BYTES * request.sheets.length,
    queue: ({ sheet }) => request.sheets.forEach((m, i) => void (sheet(m.name).position = staying + i)),
  });
  options.phase.name = 'write';
  const report = await executePlan(ctx, ops, options.budget);
  if (request.sheets.length > 0) {
    ctx.workbook.worksheets.getItem(request.sheets[0].name).activate();
    await ctx.sync();
  }
  options.onSyncs?.({ operation: 'sheets', readSyncs: 1, writeSyncs: report.syncs + 1 });
  return { ok: true, written: request.sheets.map((s) => s.name), replaced };
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
