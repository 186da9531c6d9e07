/**
 * The workbook hosts of the running add-in: one per runtime for the task pane and one for the
 * ribbon commands (they run in the same shared runtime), sharing one lock so that a ribbon click
 * while the pane works waits instead of writing at the same time, and one error log for the
 * support information.
 */
import type { PlanHost } from '../hosts/plan-host';
import { ErrorLog, WorkbookLock, createExcelPlanHost } from '../hosts/excel';

export const workbookLock = new WorkbookLock();
export const excelErrors = new ErrorLog();

let host: PlanHost | null = null;
let commandHost: PlanHost | null = null;

export function excelPlanHost(): PlanHost {
  host ??= createExcelPlanHost(Excel.run, { lock: workbookLock, errors: excelErrors });
  return host;
}

/** The ribbon's host: a batch waits for the user to leave a cell being edited instead of failing
 * (Excel.run's delayForCellEdit, as Microsoft recommends for function commands). */
export function commandPlanHost(): PlanHost {
  commandHost ??= createExcelPlanHost((batch) => Excel.run({ delayForCellEdit: true }, batch), { lock: workbookLock, errors: excelErrors });
  return commandHost;
}
