/**
 * The roll-up, for every host: each unit's workbook is read, checked and classified exactly as
 * `report` does (prepareReport, nothing written), and what the roll-up needs of it is kept —
 * the counts, the lists and the unit its title rows name — while its cells are let go. The
 * consolidation itself is pure (src/report/rollup). The command line runs unitReport in worker
 * threads; the task pane runs it in the browser, file after file.
 */
import type { Analysis, CellValue, Grid, ISODate, Lang, SheetModel } from '../engine/model';
import { decodeLegacyGrid } from '../engine/legacy';
import { buildRollup, rollupJson, rollupSheets, unitFromTitles, type FileRead, type RollupModel, type RollupOptions, type UnitReport } from '../report/rollup';
import type { PeriodId } from '../report';
import type { RollupJson } from '../contract/rollup-json';
import { prepareReport } from './report';
import type { WorkbookPort } from './ports';
import type { Refused } from './refusals';
import type { UseCaseDeps } from './shared';

export interface UnitReportParams {
  period: PeriodId;
  /** The roll-up's year when the user gave one; else each plan is reported for its own year. */
  year?: number;
  asOf?: ISODate;
  lang: Lang;
  /** The day the roll-up is made on (defaults to this machine's date). */
  today?: ISODate;
  /** SHA-256 of the workbook's bytes, hex (the host computes it from what it read). */
  sha256: string;
}

/** Rows above the header the title block may take (as the engine reads the plan year). */
const TITLE_ROWS = 15;

/** The text cells of the rows above the table's header, row by row. */
function titleCells(grid: Grid, analysis: Analysis): string[][] {
  const header = analysis.table.headerRows[0] ?? 0;
  const first = Math.max(0, header - TITLE_ROWS - grid.origin.row);
  const last = header - grid.origin.row;
  const rows: string[][] = [];
  for (let r = first; r < last; r++) {
    const line: CellValue[] = grid.values[r] ?? [];
    const cells: string[] = [];
    for (let c = 0; c < line.length; c++) {
      const v = line[c];
      if (typeof v === 'string') cells[grid.origin.col + c] = v;
    }
    rows.push(cells);
  }
  return rows;
}

/** One unit's workbook, reported on as `report` would, kept as the roll-up needs it. */
export async function unitReport(deps: UseCaseDeps, params: UnitReportParams): Promise<{ ok: true; unit: UnitReport } | Refused> {
  // What the engine's read gives, kept for the titles (the grid only until they are read).
  const seen: { grid: Grid | null; settingsAgency: string | null } = { grid: null, settingsAgency: null };
  const workbook: WorkbookPort = {
    async readSheet(intent) {
      const read = await deps.workbook.readSheet(intent);
      if (read.ok) {
        seen.grid = read.sheet.grid;
        seen.settingsAgency = read.sheet.state.settings.agency?.trim() || null;
      }
      return read;
    },
    apply: (changes) => deps.workbook.apply(changes),
  };
  const prepared = await prepareReport(
    { ...deps, workbook },
    { period: params.period, year: params.year, asOf: params.asOf, lang: params.lang, today: params.today, write: false },
  );
  if (!prepared.ok) return prepared;
  const { analysis } = prepared;
  let titleUnit: string | null = null;
  if (seen.grid !== null) {
    // The engine read TCVN3 and VNI text as Unicode on its own copy; the titles need the same.
    const read: Grid = analysis.legacyCells?.length ? decodeLegacyGrid(seen.grid).grid : seen.grid;
    titleUnit = unitFromTitles(titleCells(read, analysis));
  }
  seen.grid = null;
  const { tasks: _tasks, ...report } = prepared.report.model;
  return {
    ok: true,
    unit: { sha256: params.sha256, titleUnit, settingsAgency: seen.settingsAgency, planYear: analysis.planYear, errors: analysis.summary.errors, report },
  };
}

export interface ConsolidatedRollup {
  model: RollupModel;
  sheets: SheetModel[];
  json: RollupJson;
}

/** Every file's outcome, in the order given, consolidated: the model, its sheets, its JSON. */
export function consolidate(files: readonly FileRead[], options: RollupOptions): ConsolidatedRollup {
  const model = buildRollup(files, options);
  return { model, sheets: rollupSheets(model), json: rollupJson(model) };
}
