/**
 * Plans for tests, the bench and the sample: one description (PlanSheet, laid out from a
 * PlanOutline by the generators) and its renderers. The .xlsx renderer needs Node and exceljs:
 * import it from './xlsx'.
 */
export type { PlanSheet, PlanWorkbook, XlsxFormatting, FakeFormatting } from './sheet';
export { layOutPlan, type PlanOutline, type OutlineColumn, type OutlineSection, type OutlineGroup, type OutlineTask, type OutlineValue, type TaskCells, type DateCell, type LooseRow, type LaidOutPlan } from './outline';
export { toGrid } from './grid';
export { toFakeSeed } from './fake';
export { syntheticPlan, type SyntheticPlan } from './synthetic';
export { districtPlan, DISTRICT_SHEET, type DistrictPlan, type DistrictPlanOptions } from './district';
