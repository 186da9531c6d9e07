/**
 * Which sheet of a workbook file a use case works on, as the streaming reader gives it: the one
 * asked for, else the appendix the engine finds among the visible sheets. Shared by the Node
 * port (port.ts) and the browser's (open-bytes.ts): no Node APIs here.
 */
import { chooseAppendixSheet } from '../../engine/analyze';
import type { Grid } from '../../engine/model';
import { fold } from '../../engine/text';
import type { SheetReadResult, SheetSnapshot } from '../../usecases/ports';
import type { StreamSheet, WorkbookStream } from './stream';

function hasAnyValue(grid: Grid): boolean {
  for (const line of grid.values) {
    for (const v of line) if (v !== null && v !== '' && !(typeof v === 'string' && v.trim() === '')) return true;
  }
  return false;
}

/**
 * The sheet asked for, else the engine's choice among the visible sheets with the active sheet
 * preferred. When no sheet holds an appendix the active sheet is returned, so that the engine's
 * own failure ("no appendix table on sheet …") is what the user reads.
 */
export async function readChosenSheet(book: WorkbookStream, wanted: string | undefined): Promise<SheetReadResult> {
  const { sheets, activeIndex } = book;
  const sheetNames = sheets.map((s) => s.name);
  const chosen = async (sheet: StreamSheet, grid?: Grid): Promise<SheetReadResult> => {
    const content = await sheet.read();
    return { ok: true, sheet: snapshot(book, grid ?? content.grid, content.protected, sheetNames) };
  };

  if (wanted !== undefined) {
    const sheet =
      sheets.find((s) => s.name === wanted) ??
      sheets.find((s) => s.name.normalize('NFC') === wanted.normalize('NFC')) ??
      sheets.find((s) => fold(s.name) === fold(wanted));
    if (!sheet) return { ok: false, refusal: { code: 'no-such-sheet', wanted, sheetNames } };
    return chosen(sheet);
  }

  const visible = sheets.filter((s) => s.visibility === 'visible');
  const candidates = visible.length > 0 ? visible : sheets;
  const grids: Grid[] = [];
  for (const sheet of candidates) grids.push((await sheet.read()).grid);
  if (!grids.some(hasAnyValue)) return { ok: false, refusal: { code: 'empty-workbook' } };
  // One sheet to choose from: it is the one whatever the engine would say (a table or not, it
  // holds a value), and asking costs a pass over the whole sheet.
  if (grids.length === 1) return chosen(candidates[0], grids[0]);
  const active = activeIndex >= 0 ? candidates.indexOf(sheets[activeIndex]) : -1;
  const found = chooseAppendixSheet(grids, active >= 0 ? active : undefined);
  const index = found >= 0 ? found : active >= 0 && hasAnyValue(grids[active]) ? active : grids.findIndex(hasAnyValue);
  // The other sheets' grids are not kept: only the chosen one goes on to the engine.
  return chosen(candidates[index], grids[index]);
}

function snapshot(book: WorkbookStream, grid: Grid, sheetProtected: boolean, sheetNames: string[]): SheetSnapshot {
  return {
    sheetName: grid.sheetName,
    grid,
    state: book.state,
    stateProblem: book.stateProblem,
    // The structure lock stops Excel from adding sheets; the copy is a new file either way.
    protection: { sheet: sheetProtected, structure: false },
    sheetNames,
  };
}

