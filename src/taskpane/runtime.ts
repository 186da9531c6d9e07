/**
 * The workbook hosts of the running add-in: one per runtime for the task pane and one for the
 * ribbon commands (they run in the same shared runtime), sharing one lock so that a ribbon click
 * while the pane works waits instead of writing at the same time, and one error log for the
 * support information.
 */
import type { PlanHost } from '../hosts/plan-host';
import { ErrorLog, WorkbookLock, collectSupportInfo, createExcelPlanHost, guardRun, type OfficeDiagnostics, type SupportInfo } from '../hosts/excel';
import { officeIsSetSupported } from '../hosts/excel/requirements';

export const workbookLock = new WorkbookLock();
export const excelErrors = new ErrorLog();

let host: PlanHost | null = null;
let commandHost: PlanHost | null = null;

export function excelPlanHost(): PlanHost {
  host ??= createExcelPlanHost(Excel.run, { lock: workbookLock, lockOwner: 'pane', errors: excelErrors });
  return host;
}

/** The ribbon's host: a batch waits for the user to leave a cell being edited instead of failing
 * (Excel.run's delayForCellEdit, as Microsoft recommends for function commands). */
export function commandPlanHost(): PlanHost {
  commandHost ??= createExcelPlanHost((batch) => Excel.run({ delayForCellEdit: true }, batch), { lock: workbookLock, lockOwner: 'ribbon', errors: excelErrors });
  return commandHost;
}

/** For the pane: whether a ribbon command holds (or waits for) the workbook. */
export const ribbonActivity = (listener: (busy: boolean) => void): (() => void) => workbookLock.watch('ribbon', listener);

function officeDiagnostics(): OfficeDiagnostics | null {
  try {
    const d = Office.context.diagnostics;
    return d ? { host: String(d.host), platform: String(d.platform), version: String(d.version) } : null;
  } catch {
    return null;
  }
}

/** The pane's support information: read through the same lock, its own errors not recorded. */
export function supportInfo(): Promise<SupportInfo> {
  return collectSupportInfo({
    run: guardRun(Excel.run, { lock: workbookLock }),
    isSetSupported: officeIsSetSupported(),
    office: officeDiagnostics(),
    errors: excelErrors,
    userAgent: navigator.userAgent,
  });
}
