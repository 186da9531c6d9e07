/**
 * Conditional formats: the collection on a range, each format with its priority and ranges, and
 * the custom (formula) kind with its rule and fill/font format — the kind the host writes.
 */
import { FakeExcelError } from './errors';
import { FakeObject, defineProperties, notImplemented } from './fake-object';
import type { FakeRequestContext } from './context';
import { intersect } from './address';
import { color, type RangeEntity } from './cells';
import { MAX_FORMULA_LENGTH, type ConditionalFormatState, type SheetState } from './model';
import { lateBound } from './late-bound';
import type { FakeRange, FakeRangeAreas } from './range';

interface CfEntity {
  sheet: SheetState;
  cf: ConditionalFormatState;
}

function cfAlive(e: CfEntity): void {
  if (!e.sheet.conditionalFormats.includes(e.cf)) throw new FakeExcelError('ItemNotFound', 'The conditional format no longer exists.');
}

export class FakeConditionalFormatRule extends FakeObject<CfEntity> {
  declare formula: string;
  declare formulaLocal: string;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, cf: () => CfEntity | null) {
    super(ctx, 'ConditionalFormatRule', cf, { parent, method: 'rule' });
  }
  protected override _checkAlive(e: CfEntity): void {
    cfAlive(e);
    if (e.cf.type !== 'Custom') throw new FakeExcelError('InvalidOperation', `custom is not available on a conditional format of type ${e.cf.type}.`);
  }
}
defineProperties(FakeConditionalFormatRule, {
  formula: {
    read: (e) => e.cf.formula ?? '',
    write: (e, x) => {
      e.sheet.assertWritable();
      if (typeof x !== 'string' || !x.startsWith('=') || x.length > MAX_FORMULA_LENGTH) throw new FakeExcelError('InvalidArgument', `Conditional format formula '${x}' is not valid.`);
      e.cf.formula = x;
    },
  },
  formulaLocal: { read: (e) => e.cf.formula ?? '' },
});

class FakeCfFill extends FakeObject<CfEntity> {
  declare color: string;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, cf: () => CfEntity | null) {
    super(ctx, 'ConditionalFillFormat', cf, { parent, method: 'fill' });
  }
}
defineProperties(FakeCfFill, {
  color: {
    read: (e) => e.cf.fill,
    write: (e, x) => {
      e.sheet.assertWritable();
      e.cf.fill = color(x);
    },
  },
});

class FakeCfFont extends FakeObject<CfEntity> {
  declare color: string;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, cf: () => CfEntity | null) {
    super(ctx, 'ConditionalRangeFont', cf, { parent, method: 'font' });
  }
}
defineProperties(FakeCfFont, {
  color: {
    read: (e) => e.cf.fontColor,
    write: (e, x) => {
      e.sheet.assertWritable();
      e.cf.fontColor = color(x);
    },
  },
});

export class FakeConditionalRangeFormat extends FakeObject<CfEntity> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, private readonly cf: () => CfEntity | null) {
    super(ctx, 'ConditionalRangeFormat', cf, { parent, method: 'format' });
  }
  get fill(): FakeCfFill {
    return this._child('fill', () => new FakeCfFill(this.context, this, this.cf));
  }
  get font(): FakeCfFont {
    return this._child('font', () => new FakeCfFont(this.context, this, this.cf));
  }
}

export class FakeCustomConditionalFormat extends FakeObject<CfEntity> {
  private readonly customOnly: () => CfEntity | null;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, cf: () => CfEntity | null) {
    super(ctx, 'CustomConditionalFormat', cf, { parent, method: 'custom' });
    this.customOnly = () => {
      const e = cf();
      if (e && e.cf.type !== 'Custom') throw new FakeExcelError('InvalidOperation', `custom is not available on a conditional format of type ${e.cf.type}.`);
      return e;
    };
  }
  get rule(): FakeConditionalFormatRule {
    return this._child('rule', () => new FakeConditionalFormatRule(this.context, this, this.customOnly));
  }
  get format(): FakeConditionalRangeFormat {
    return this._child('format', () => new FakeConditionalRangeFormat(this.context, this, this.customOnly));
  }
}

export class FakeConditionalFormat extends FakeObject<CfEntity> {
  declare readonly id: string;
  declare readonly type: string;
  declare priority: number;
  declare stopIfTrue: boolean;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, method: string, args: unknown[], cf: () => CfEntity | null) {
    super(ctx, 'ConditionalFormat', cf, { parent, method, args });
  }
  get custom(): FakeCustomConditionalFormat {
    return this._child('custom', () => new FakeCustomConditionalFormat(this.context, this, () => this._target()));
  }
  protected override _checkAlive(e: CfEntity): void {
    cfAlive(e);
  }
  delete(): void {
    this._call('delete', [], (e) => {
      e.sheet.assertWritable();
      e.sheet.conditionalFormats.splice(e.sheet.conditionalFormats.indexOf(e.cf), 1);
    });
  }
  getRange(): FakeRange {
    const Range = lateBound('Range');
    return new Range(this.context, this, 'getRange', [], () => {
      const e = this._target();
      if (e.cf.ranges.length !== 1) throw new FakeExcelError('InvalidOperation', 'The conditional format applies to several ranges; use getRanges().');
      return { sheet: e.sheet, rect: e.cf.ranges[0] };
    });
  }
  getRanges(): FakeRangeAreas {
    const RangeAreas = lateBound('RangeAreas');
    return new RangeAreas(this.context, this, 'getRanges', [], () => {
      const e = this._target();
      return { sheet: e.sheet, rects: e.cf.ranges };
    });
  }
}
defineProperties(FakeConditionalFormat, {
  id: { read: (e) => e.cf.id },
  type: { read: (e) => e.cf.type },
  priority: {
    read: (e) => e.sheet.conditionalFormats.indexOf(e.cf),
    write: (e, x) => {
      e.sheet.assertWritable();
      const list = e.sheet.conditionalFormats;
      list.splice(list.indexOf(e.cf), 1);
      list.splice(Math.max(0, Math.min(list.length, Math.trunc(x))), 0, e.cf);
    },
  },
  stopIfTrue: {
    read: (e) => e.cf.stopIfTrue,
    write: (e, x) => {
      e.sheet.assertWritable();
      e.cf.stopIfTrue = !!x;
    },
  },
});

const CF_TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];

export class FakeConditionalFormatCollection extends FakeObject<RangeEntity> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, private readonly range: () => RangeEntity) {
    super(ctx, 'ConditionalFormatCollection', range, { parent, method: 'conditionalFormats' });
  }
  add(type: string): FakeConditionalFormat {
    let created: CfEntity | null = null;
    const proxy = new FakeConditionalFormat(this.context, this, 'add', [type], () => created);
    this._call('add', [type], (e) => {
      e.sheet.assertWritable();
      if (!CF_TYPES.includes(type)) throw new FakeExcelError('InvalidArgument', `Unknown conditional format type ${type}.`);
      const cf: ConditionalFormatState = { id: this.context.state.newId('cf'), type, ranges: [e.rect], formula: null, fill: null, fontColor: null, stopIfTrue: false, stale: true };
      // Excel puts a new rule first (priority 0).
      e.sheet.conditionalFormats.unshift(cf);
      created = { sheet: e.sheet, cf };
    });
    return proxy;
  }
  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, this, 'getItem', [id], () => {
      const e = this.range();
      const cf = e.sheet.conditionalFormats.find((x) => x.id === id);
      return cf ? { sheet: e.sheet, cf } : null;
    });
  }
  get items(): FakeConditionalFormat[] {
    return this._get('items');
  }
  protected override _readAll(props: string[], e: RangeEntity): Map<string, unknown> {
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice('items/'.length));
    const other = props.filter((p) => !p.startsWith('items/') && p !== 'items');
    if (other.length) throw notImplemented(`ConditionalFormatCollection.${other.join(',')}`);
    const list = e.sheet.conditionalFormats.filter((cf) => cf.ranges.some((r) => intersect(r, e.rect)));
    const items = list.map((cf) => {
      const item = new FakeConditionalFormat(this.context, this, 'getItem', [cf.id], () => ({ sheet: e.sheet, cf }));
      item._resolve();
      const values = new Map<string, unknown>();
      for (const p of itemProps.length ? itemProps : ['id', 'type', 'priority', 'stopIfTrue']) values.set(p, item._read(p, { sheet: e.sheet, cf }));
      this.context._pendLoad(item as FakeObject<unknown>, values);
      return item;
    });
    return new Map<string, unknown>([['items', items]]);
  }
}
