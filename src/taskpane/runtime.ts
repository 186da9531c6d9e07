/**
 * The workbook host of the running add-in: one per runtime, shared by the task pane and the
 * ribbon commands (they run in the same shared runtime).
 */
import type { PlanHost } from '../hosts/plan-host';
import { createExcelPlanHost } from '../hosts/excel';

let host: PlanHost | null = null;

export function excelPlanHost(): PlanHost {
  host ??= createExcelPlanHost(Excel.run);
  return host;
}
