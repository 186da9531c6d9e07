/**
 * Support information: what an office IT person pastes into a support request when the add-in
 * misbehaves in their Excel — Office's platform and version, the API sets this Excel supports,
 * the active sheet's size and merged areas, the add-in's version, and the last error Excel gave
 * with its Office.js code and debug info. Read only: one read batch, nothing written.
 */
import { a1Range } from '../../engine/a1';
import type { ExcelRun } from './run-guard';
import { readRows } from './read-rows';
import type { IsSetSupported } from './requirements';
import type { ErrorLog } from './run-guard';
import type { OfficeDiagnostics, SheetFacts, SupportInfo } from './support-text';

export { supportLines, supportText, type OfficeDiagnostics, type SheetFacts, type SupportInfo } from './support-text';

/** manifest.xml's <Version> (test/addin/manifest.test.ts keeps them equal). */
export const ADDIN_VERSION = '0.1.0.0';
/** ExcelApi minor versions asked about, newest first. */
const EXCEL_API_MINORS = Array.from({ length: 20 }, (_, i) => 20 - i);
const OTHER_SETS: readonly [string, string][] = [
  ['SharedRuntime', '1.1'],
  ['DialogApi', '1.1'],
  ['RibbonApi', '1.1'],
];

export interface SupportSources {
  run: ExcelRun;
  isSetSupported: IsSetSupported;
  office: OfficeDiagnostics | null;
  errors: ErrorLog;
  userAgent: string;
  now?: () => Date;
}

/** The active sheet's name, used range and number of merged areas (in blocks under Excel's 512). */
export async function readSheetFacts(ctx: Excel.RequestContext): Promise<SheetFacts> {
  const sheet = ctx.workbook.worksheets.getActiveWorksheet().load('name');
  const used = sheet.getUsedRange(true).load('rowIndex,columnIndex,rowCount,columnCount');
  await ctx.sync();
  const { rowIndex: top, columnIndex: left, rowCount, columnCount } = used;
  const read = await readRows(ctx, { sheet, top, left, rowCount, columnCount, sampledRows: rowCount, valueBytesPerRow: 0, budgetBytes: 4_500_000 }, () => undefined);
  return {
    name: sheet.name,
    usedRange: a1Range({ top, left, bottom: top + rowCount - 1, right: left + columnCount - 1 }),
    rows: rowCount,
    columns: columnCount,
    mergedAreas: read.merges.length,
  };
}

export async function collectSupportInfo(src: SupportSources): Promise<SupportInfo> {
  const now = src.now ?? (() => new Date());
  const ask = (name: string, version: string) => {
    try {
      return src.isSetSupported(name, version);
    } catch {
      return false;
    }
  };
  const minor = EXCEL_API_MINORS.find((m) => ask('ExcelApi', `1.${m}`));
  let sheet: SheetFacts | null = null;
  let sheetError: string | null = null;
  try {
    sheet = await src.run(readSheetFacts);
  } catch (e) {
    const code = (e as { code?: string } | null)?.code;
    sheetError = `${code ? `${code}: ` : ''}${e instanceof Error ? e.message : String(e)}`;
  }
  return {
    addinVersion: ADDIN_VERSION,
    office: src.office,
    excelApi: minor === undefined ? null : `1.${minor}`,
    otherSets: OTHER_SETS.map(([name, version]) => ({ name, version, supported: ask(name, version) })),
    sheet,
    sheetError,
    lastError: src.errors.last,
    userAgent: src.userAgent,
    collectedAt: now().toISOString(),
  };
}
