/**
 * A TCVN3 and a VNI appendix are recognised exactly as their Unicode twin: the same table, rows,
 * tasks, units and deadlines; the analysis lists the cells that were legacy text.
 */
import { analyzeSheet, chooseAppendixSheet, type AnalyzeOptions } from '../../../src/engine/analyze';
import type { Analysis, Grid } from '../../../src/engine/model';
import { toValidateJson, validateJsonSchema } from '../../../src/contract/validate-json';
import { decodeLegacyGrid } from '../../../src/engine/legacy';
import { engineWording } from '../../../src/i18n/engine';
import { toGrid, type PlanSheet } from '../../../src/testing/plans';
import { changedCells, tcvn3Appendix, unicodeAppendix, vniAppendix } from './appendix-fixture';

const OPTIONS: AnalyzeOptions = { asOf: '2025-07-01', wording: engineWording('vi') };

function analyse(grid: Grid): Analysis {
  const res = analyzeSheet(grid, OPTIONS);
  if (!res.ok) throw new Error(`expected a table: ${res.failure.message}`);
  return res.analysis;
}

/** What recognition and parsing found, without the sheet's name. */
function essence(a: Analysis) {
  return {
    planYear: a.planYear,
    planYearSource: a.planYearSource,
    agency: a.agency,
    table: a.table,
    rows: a.rows.map((r) => (r.kind === 'task' ? { row: r.row, kind: r.kind } : r)),
    sections: a.sections,
    tasks: a.tasks.map((t) => ({
      row: t.row,
      section: t.section,
      stt: t.stt,
      texts: Object.fromEntries(Object.entries(t.cells).map(([role, c]) => [role, c?.text])),
      deadline: t.deadline,
      outputKind: t.outputKind,
      issues: t.issues.map((i) => [i.code, i.message]),
    })),
    summary: a.summary,
  };
}

const twin = analyse(toGrid(unicodeAppendix));

describe('the Unicode twin', () => {
  it('is read as the plan says, with no legacy cell', () => {
    expect(twin.tasks).toHaveLength(6);
    expect(twin.sections.map((s) => s.id)).toEqual(['I', 'II']);
    expect(twin.tasks.map((t) => t.deadline.due)).toEqual(['2025-06-30', '2025-06-30', '2025-12-15', '2025-12-31', '2025-12-31', '2025-09-30']);
    expect(twin.legacyCells).toBeUndefined();
  });
});

describe.each([
  ['TCVN3', tcvn3Appendix, 'tcvn3', '.VnTime'],
  ['VNI', vniAppendix, 'vni', 'VNI-Times'],
] as const)('%s appendix', (_name, sheet: PlanSheet, encoding, font) => {
  it('is recognised as its Unicode twin', () => {
    const a = analyse(toGrid(sheet));
    expect(essence(a)).toEqual(essence(twin));
  });

  it('lists every cell that held legacy text', () => {
    const a = analyse(toGrid(sheet));
    expect(a.legacyCells).toEqual(changedCells(sheet).map((c) => ({ ...c, encoding })));
  });

  it('gives the same result when the host passes the fonts', () => {
    const grid = toGrid(sheet);
    grid.fonts = grid.values.map((line) => line.map(() => font));
    expect(essence(analyse(grid))).toEqual(essence(twin));
  });

  it('is found as the appendix among other sheets', () => {
    const cover: Grid = { ...toGrid({ name: 'Bìa', rows: [['Hồ sơ lưu trữ']] }) };
    expect(chooseAppendixSheet([cover, toGrid(sheet)])).toBe(1);
  });

  it('reports the legacy cells in the JSON contract, as Excel rows and column letters', () => {
    const json = toValidateJson(analyse(toGrid(sheet)), 'pl.xlsx');
    expect(validateJsonSchema.safeParse(json).success).toBe(true);
    expect(json.legacyCells?.[0]).toEqual({ row: 1, col: 'A', encoding });
    expect(json.legacyCells).toHaveLength(changedCells(sheet).length);
  });
});

describe('decodeLegacyGrid', () => {
  it('returns the very grid when nothing is legacy text', () => {
    const grid = toGrid(unicodeAppendix);
    const decoded = decodeLegacyGrid(grid);
    expect(decoded.grid).toBe(grid);
    expect(decoded.cells).toEqual([]);
  });

  it('leaves its input as it was and keeps numbers, dates and the grid origin', () => {
    const grid = { ...toGrid(tcvn3Appendix), origin: { row: 2, col: 1 } };
    const before = JSON.stringify(grid);
    const decoded = decodeLegacyGrid(grid);
    expect(JSON.stringify(grid)).toBe(before);
    expect(decoded.grid.values[5][0]).toBe(1);
    expect(decoded.grid.values[3]).toEqual(unicodeAppendix.rows[3]);
    expect(decoded.cells[0]).toEqual({ row: 2, col: 1, encoding: 'tcvn3' });
  });

  it('the Unicode twin JSON has no legacy field', () => {
    expect(toValidateJson(twin, 'pl.xlsx')).not.toHaveProperty('legacyCells');
  });
});
