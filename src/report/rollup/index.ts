/**
 * The roll-up (report.md, "Roll-up"): many units' single-unit reports consolidated. Pure: the
 * per-file reading is the hosts' (src/usecases/rollup.ts runs it over a WorkbookPort).
 */
export { buildRollup, majorityYear, qualityOf, type FileRead, type FileStatus, type QualityCounts, type RollupArea, type RollupFile, type RollupModel, type RollupOptions, type RollupOverdue, type RollupUnit, type UnitReport, type UnitReportModel } from './model';
export { rollupSheets } from './sheets';
export { rollupJson } from './json';
export { rollupLabels, type RollupLabels } from './labels';
export { areaOf, type AreaRef } from './areas';
export { normalizeUnitName, unitFromTitles, unitNameKey } from './unit-name';
export { baseName, EMPTY_UNIT_MAP, unitMapFileSchema, unitMapFromFile, UnitNamer, type UnitMap, type UnitMapFile } from './unit-map';
