/**
 * FormatChange.fontLike in Excel: the font name and size of the cells the change set names — a
 * check names two, the table's header and a body cell beside the block — taken from the fonts
 * the read sampled (read.ts), else read in one sync before the write (RangeFont.name and size,
 * ExcelApi 1.1).
 */
import { a1 } from '../../engine/a1';
import type { ChangeSet, FormatChange } from '../../engine/model';
import type { FontSample } from './page-read';

/** The change set with every fontLike resolved; the same object when it has none. Takes one
 * sync when it has some. */
export async function resolveFontLike(ctx: Excel.RequestContext, sheetName: string, changes: ChangeSet, sample?: FontSample): Promise<{ changes: ChangeSet; syncs: number }> {
  const cells = new Map<string, { name?: string; size?: number }>();
  const loads = new Map<string, Excel.RangeFont>();
  for (const f of changes.formats) {
    if (!f.fontLike) continue;
    const { row, col } = f.fontLike;
    const address = a1(row, col);
    if (cells.has(address) || loads.has(address)) continue;
    const sampled = sample?.cells[row - sample.top]?.[col - sample.left]?.format?.font;
    if (sampled) cells.set(address, { name: sampled.name, size: sampled.size });
    else loads.set(address, ctx.workbook.worksheets.getItem(sheetName).getRange(address).format.font.load('name,size'));
  }
  let syncs = 0;
  if (loads.size > 0) {
    // Cells past the read's sample (a table far down the sheet): one sync for all of them.
    await ctx.sync();
    syncs = 1;
    for (const [address, font] of loads) cells.set(address, { name: font.name, size: font.size });
  }
  if (cells.size === 0) return { changes, syncs };
  const formats = changes.formats.map((f): FormatChange => {
    if (!f.fontLike) return f;
    const font = cells.get(a1(f.fontLike.row, f.fontLike.col))!;
    const { fontLike: _, ...rest } = f;
    return {
      ...rest,
      ...(typeof font.name === 'string' && f.fontName === undefined ? { fontName: font.name } : {}),
      ...(typeof font.size === 'number' && f.fontSize === undefined ? { fontSize: font.size } : {}),
    };
  });
  return { changes: { ...changes, formats }, syncs };
}
