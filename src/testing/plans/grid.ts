/** A PlanSheet as the engine's Grid: what a host reads from that sheet. */
import type { Grid } from '../../engine/model';
import { parseA1Range } from '../../engine/a1';
import type { PlanSheet } from './sheet';

/** The values of merged cells other than the top-left read as "", as both hosts read them. */
export function toGrid(sheet: PlanSheet, date1904 = false): Grid {
  const merges = (sheet.merges ?? []).map(parseA1Range);
  const values = sheet.rows.map((r) => r.map((v) => (v === undefined ? null : v)));
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if ((r !== m.top || c !== m.left) && values[r] && c < values[r].length) values[r][c] = '';
      }
    }
  }
  return {
    sheetName: sheet.name,
    values,
    origin: { row: 0, col: 0 },
    merges,
    hiddenRows: (sheet.hiddenRows ?? []).map((r) => r - 1),
    date1904,
  };
}
