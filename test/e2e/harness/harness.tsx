/**
 * The browser e2e harness: the real task pane over the real Excel host, with the fake Excel
 * (src/testing/fake-excel) seeded with a sample plan standing in for Excel. Left: a plain view of
 * the fake's active sheet and its selection, so screenshots show what the pane did. The test
 * reads the fake's state through window.cchcHarness.
 *
 * The ribbon's "Validate plan" runs here too (the real command handler over a host that shares
 * the pane's workbook lock, as in the add-in's shared runtime), and hold()/release() keep the
 * pane's next Excel batch waiting, so that a click can land while the pane is busy;
 * holdRibbon()/releaseRibbon() do the same for the ribbon's batches (the pane shows busy then).
 *
 * Query: ?lang=vi|en (the pane's starting language), ?today=YYYY-MM-DD (pins "today"),
 * ?theme=dark (Excel's dark theme), ?layout=pane (the pane alone, filling the window: screenshots
 * at a given pane width), ?plan=legacy (a plan typed in TCVN3: the pane offers to convert it).
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createFakeExcel, type WorkbookDump } from '../../../src/testing/fake-excel';
import { ErrorLog, WorkbookLock, collectSupportInfo, createExcelPlanHost, guardRun, type ExcelRun } from '../../../src/hosts/excel';
import { createCommandHandlers } from '../../../src/commands/handlers';
import type { PlanHost } from '../../../src/hosts/plan-host';
import { App } from '../../../src/taskpane/App';
import { PaneChannel } from '../../../src/taskpane/channel';
import { todayISO } from '../../../src/engine/dates';
import { columnIndex, columnLetter, parseA1Range } from '../../../src/engine/a1';
import { SAMPLE_WORKBOOK } from './sample-plan';
import { tcvn3Appendix } from '../../engine/legacy/appendix-fixture';

declare global {
  interface Window {
    cchcHarness: {
      selection(): { sheet: string; address: string } | null;
      dump(): WorkbookDump;
      /** A person typing a value into a cell of the (fake) workbook. */
      edit(sheet: string, address: string, value: string | number): Promise<void>;
      channel: PaneChannel;
      /** Number of host calls finished, to wait on. */
      calls(): number;
      /** The pane's next Excel batch waits until release(). */
      hold(): void;
      release(): void;
      /** The ribbon's next Excel batch waits (holding the workbook lock) until releaseRibbon(). */
      holdRibbon(): void;
      releaseRibbon(): void;
      /** The ribbon's "Validate plan"; resolves once its event has completed, with what it did. */
      ribbonValidate(): Promise<{ completed: number; notices: string[]; panesShown: number }>;
    };
  }
}

const params = new URLSearchParams(window.location.search);
const lang = params.get('lang') === 'en' ? 'en' : 'vi';
const today = params.get('today') ?? todayISO();
const dark = params.get('theme') === 'dark';
if (params.get('layout') === 'pane') document.body.classList.add('pane-only');

const excel = createFakeExcel(params.get('plan') === 'legacy' ? { sheets: [{ name: 'PL', rows: tcvn3Appendix.rows.map((line) => line.slice()) }] } : SAMPLE_WORKBOOK);
const channel = new PaneChannel();
let finishedCalls = 0;
const listeners = new Set<() => void>();

/** The host, told to repaint the sheet view after every call. */
function observed(host: PlanHost): PlanHost {
  const wrap =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } finally {
        finishedCalls++;
        for (const l of listeners) l();
      }
    };
  return {
    inspect: wrap(host.inspect.bind(host)),
    check: wrap(host.check.bind(host)),
    readAsOf: wrap(host.readAsOf.bind(host)),
    setAsOf: wrap(host.setAsOf.bind(host)),
    select: wrap(host.select.bind(host)),
    loadState: wrap(host.loadState.bind(host)),
    saveCorrection: wrap(host.saveCorrection.bind(host)),
    saveSettings: wrap(host.saveSettings.bind(host)),
    buildReport: wrap(host.buildReport.bind(host)),
    ...(host.writeSheets ? { writeSheets: wrap(host.writeSheets.bind(host)) } : {}),
    ...(host.convertToUnicode ? { convertToUnicode: wrap(host.convertToUnicode.bind(host)) } : {}),
  };
}

function SheetView(): React.JSX.Element {
  const [, setVersion] = React.useState(0);
  React.useEffect(() => {
    const l = () => setVersion((v) => v + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  const dump = excel.dump();
  const sheet = dump.sheets.find((s) => s.name === dump.activeSheet)!;
  let rows = 0;
  let cols = 0;
  for (const address of Object.keys(sheet.cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    rows = Math.max(rows, Number(m[2]));
    cols = Math.max(cols, columnIndex(m[1]) + 1);
  }
  const selection = dump.selection && dump.selection.sheet === sheet.name ? parseA1Range(dump.selection.address) : null;
  return (
    <>
      <div className="bar">
        Excel (fake) — {sheet.name} — <span id="fake-selection">{dump.selection ? `${dump.selection.sheet}!${dump.selection.address}` : '—'}</span>
      </div>
      <table className="grid">
        <thead>
          <tr>
            <th />
            {Array.from({ length: cols }, (_, c) => (
              <th key={c}>{columnLetter(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r} className={selection && r >= selection.top && r <= selection.bottom ? 'selected' : undefined}>
              <th>{r + 1}</th>
              {Array.from({ length: cols }, (_, c) => {
                const cell = sheet.cells[`${columnLetter(c)}${r + 1}`];
                return (
                  <td key={c} style={cell?.style.fill ? { background: cell.style.fill } : undefined}>
                    {cell ? String(cell.value) : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

window.cchcHarness = {
  selection: () => excel.state.selection,
  dump: () => excel.dump(),
  edit: (sheet, address, value) =>
    excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
      await ctx.sync();
    }),
  channel,
  calls: () => finishedCalls,
  hold: () => undefined,
  release: () => undefined,
  holdRibbon: () => undefined,
  releaseRibbon: () => undefined,
  ribbonValidate: async () => ({ completed: 0, notices: [], panesShown: 0 }),
};

// The pane's batches can be held, to keep it busy while the ribbon is clicked.
type Gate = { promise: Promise<void>; open: () => void };
let gate: Gate | null = null;
let ribbonGate: Gate | null = null;
const newGate = (): Gate => {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
};
const paneRun: ExcelRun = async (batch) => {
  if (gate) await gate.promise;
  return excel.run(batch);
};
const ribbonRun: ExcelRun = async (batch) => {
  if (ribbonGate) await ribbonGate.promise;
  return excel.run({ delayForCellEdit: true }, batch);
};
const lock = new WorkbookLock();
const errors = new ErrorLog();
const host = observed(createExcelPlanHost(paneRun, { isSetSupported: excel.isSetSupported, lock, lockOwner: 'pane', errors }));
const ribbonHost = observed(createExcelPlanHost(ribbonRun, { isSetSupported: excel.isSetSupported, lock, lockOwner: 'ribbon', errors }));
const notices: string[] = [];
let panesShown = 0;
const ribbon = createCommandHandlers({
  host: () => ribbonHost,
  channel,
  lang: () => lang,
  today: () => today,
  showPane: async () => void panesShown++,
  notify: async (message) => void notices.push(message),
});
window.cchcHarness.hold = () => {
  gate = newGate();
};
window.cchcHarness.release = () => {
  gate?.open();
  gate = null;
};
window.cchcHarness.holdRibbon = () => {
  ribbonGate = newGate();
};
window.cchcHarness.releaseRibbon = () => {
  ribbonGate?.open();
  ribbonGate = null;
};
window.cchcHarness.ribbonValidate = async () => {
  let completed = 0;
  await ribbon.validatePlan({ completed: () => void completed++ });
  return { completed, notices: [...notices], panesShown };
};
const supportInfo = () =>
  collectSupportInfo({
    run: guardRun(excel.run, { lock }),
    isSetSupported: excel.isSetSupported,
    office: { host: 'Excel', platform: 'OfficeOnline (fake Excel in the test harness)', version: '16.0 (fake)' },
    errors,
    userAgent: navigator.userAgent,
  });
createRoot(document.getElementById('sheet')!).render(<SheetView />);
createRoot(document.getElementById('root')!).render(<App host={host} initialLang={lang} channel={channel} today={() => today} dark={dark} supportInfo={supportInfo} ribbonActivity={(listener) => lock.watch('ribbon', listener)} />);
