/**
 * The workbook, the root of every object path: its worksheets, selection, structure protection
 * and the worksheet functions the host calls (DATE, for the workbook's date system).
 */
import { FakeObject, defineProperties } from './fake-object';
import type { FakeRequestContext } from './context';
import { parseArea } from './address';
import type { WorkbookState } from './model';
import { FakeRange } from './range';
import { FakeWorksheetCollection } from './worksheet';

interface FunctionOutcome {
  value: unknown;
  error: string | null;
}

export class FakeFunctionResult extends FakeObject<FunctionOutcome> {
  declare readonly value: unknown;
  declare readonly error: string | null;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, method: string, args: unknown[], compute: () => FunctionOutcome) {
    super(ctx, 'FunctionResult', compute, { parent, method, args });
  }
}
defineProperties(FakeFunctionResult, {
  value: { read: (r) => r.value },
  error: { read: (r) => r.error },
});

export class FakeFunctions extends FakeObject<WorkbookState> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>) {
    super(ctx, 'Functions', () => ctx.state, { parent, method: 'functions' });
  }
  /** =DATE(year, month, day): the serial in the workbook's date system. */
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.context, this, 'date', [year, month, day], () => {
      const epoch = this.context.state.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
      const serial = Math.round((Date.UTC(year, month - 1, day) - epoch) / 86_400_000);
      return { value: serial, error: null };
    });
  }
}

class FakeWorkbookProtection extends FakeObject<WorkbookState> {
  declare readonly 'protected': boolean;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>) {
    super(ctx, 'WorkbookProtection', () => ctx.state, { parent, method: 'protection' });
  }
}
defineProperties(FakeWorkbookProtection, {
  protected: { read: (wb) => wb.structureProtected },
});

export class FakeWorkbook extends FakeObject<WorkbookState> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'Workbook', () => ctx.state, { parent: null, method: 'workbook' });
  }
  get protection(): FakeWorkbookProtection {
    return this._child('protection', () => new FakeWorkbookProtection(this.context, this));
  }
  get worksheets(): FakeWorksheetCollection {
    return this._child('worksheets', () => new FakeWorksheetCollection(this.context, this));
  }
  get functions(): FakeFunctions {
    return this._child('functions', () => new FakeFunctions(this.context, this));
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, this, 'getSelectedRange', [], () => {
      const wb = this.context.state;
      const sheet = wb.sheet(wb.activeSheet);
      if (!sheet) return null;
      const sel = wb.selection && wb.selection.sheet.toLowerCase() === sheet.name.toLowerCase() ? parseArea(wb.selection.address).rect : { top: 0, left: 0, bottom: 0, right: 0 };
      return { sheet, rect: sel };
    });
  }
}
