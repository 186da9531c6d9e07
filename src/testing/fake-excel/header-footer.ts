/**
 * PageLayout.headersFooters (ExcelApi 1.9): the HeaderFooterGroup with its state and the
 * headers/footers of all pages and of the first page. The texts are Excel's format codes (&P the
 * page number, &"font,style", &nn the size), kept as set. "Specifications and limits" of Excel
 * gives 255 characters for a header or footer: a longer section is refused.
 */
import { FakeExcelError } from './errors';
import { FakeObject, defineProperties } from './fake-object';
import type { FakeRequestContext } from './context';
import type { HeaderFooterState, SheetState } from './model';

const STATES = ['Default', 'FirstAndDefault', 'OddAndEven', 'FirstOddAndEven'];
const MAX_SECTION = 255;

type Which = 'defaultForAllPages' | 'firstPage';

export class FakeHeaderFooter extends FakeObject<SheetState> {
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, sheet: () => SheetState, readonly _which: Which) {
    super(ctx, 'HeaderFooter', sheet, { parent, method: _which });
  }
}

function section(name: keyof HeaderFooterState) {
  return {
    read: (s: SheetState, p: FakeHeaderFooter) => s.pageLayout.headersFooters[p._which][name],
    write: (s: SheetState, x: string, p: FakeHeaderFooter) => {
      if (typeof x !== 'string') throw new FakeExcelError('InvalidArgument', `HeaderFooter.${name} must be text.`);
      if (x.length > MAX_SECTION) throw new FakeExcelError('InvalidArgument', `HeaderFooter.${name} is longer than ${MAX_SECTION} characters.`);
      s.pageLayout.headersFooters[p._which][name] = x;
    },
  };
}

defineProperties(FakeHeaderFooter, {
  leftHeader: section('leftHeader'),
  centerHeader: section('centerHeader'),
  rightHeader: section('rightHeader'),
  leftFooter: section('leftFooter'),
  centerFooter: section('centerFooter'),
  rightFooter: section('rightFooter'),
});

export class FakeHeaderFooterGroup extends FakeObject<SheetState> {
  declare state: string;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, private readonly sheet: () => SheetState) {
    super(ctx, 'HeaderFooterGroup', sheet, { parent, method: 'headersFooters' });
  }
  get defaultForAllPages(): FakeHeaderFooter {
    return this._child('defaultForAllPages', () => new FakeHeaderFooter(this.context, this, this.sheet, 'defaultForAllPages'));
  }
  get firstPage(): FakeHeaderFooter {
    return this._child('firstPage', () => new FakeHeaderFooter(this.context, this, this.sheet, 'firstPage'));
  }
}

defineProperties(FakeHeaderFooterGroup, {
  state: {
    read: (s) => s.pageLayout.headersFooters.state,
    write: (s, x) => {
      if (!STATES.includes(x)) throw new FakeExcelError('InvalidArgument', `HeaderFooterState ${String(x)}.`);
      s.pageLayout.headersFooters.state = x;
    },
  },
});
