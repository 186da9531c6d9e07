/**
 * Names scoped to a worksheet (Worksheet.names, ExcelApi 1.4): add, getItem, delete, the
 * collection's items. What Excel enforces and the host relies on:
 *   - NamedItemCollection.add(name, reference, comment): `reference` is "the formula or the
 *     range that the name will refer to" (its JSDoc); a name that exists in the same scope is
 *     refused — "A resource with the same name or identifier already exists" (office-js #2875),
 *     so a name is replaced by deleting it first;
 *   - names compare without case, and a name is a letter, "_" or "\" then letters, digits, "_"
 *     and ".", at most 255 characters, and not something Excel reads as a cell reference ("A1",
 *     "R1C1") — Microsoft's "Define and use names in formulas" (Syntax rules for names);
 *   - a name that refers to cells moves with them when rows are inserted (model.ts).
 */
import { FakeExcelError } from './errors';
import { FakeObject, defineProperties } from './fake-object';
import type { FakeRequestContext } from './context';
import { parseArea } from './address';
import type { SheetState } from './model';
import { nameFormula, type SheetNameState } from './name-state';
import type { FakeRange } from './range';
import { lateBound } from './late-bound';

const NAME_RE = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
/** "A1", "XFD1048576", "R1C1", "R", "C": what Excel would read as a reference. */
const REFERENCE_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255 || !NAME_RE.test(name) || REFERENCE_LIKE.test(name)) {
    throw new FakeExcelError('InvalidArgument', `'${String(name)}' is not a valid name.`);
  }
  return name;
}

interface NameEntity {
  sheet: SheetState;
  item: SheetNameState;
}

export class FakeNamedItem extends FakeObject<NameEntity> {
  declare readonly name: string;
  declare readonly formula: string;
  declare readonly type: string;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, method: string, args: unknown[], resolver: () => NameEntity | null, nullable = false) {
    super(ctx, 'NamedItem', resolver, { parent, method, args }, nullable);
  }
  protected override _defaultLoad(): string[] {
    return ['name', 'formula', 'type'];
  }
  /** Its JSDoc: "Returns the range object that is associated with the name. Throws an error if
   * the named item's type is not a range." */
  getRange(): FakeRange {
    const Range = lateBound('Range');
    return new Range(this.context, this, 'getRange', [], () => {
      const e = this._target();
      if (!e.item.ref) throw new FakeExcelError('InvalidOperation', `The name ${e.item.name} does not refer to a range.`);
      return { sheet: e.sheet, rect: e.item.ref };
    });
  }
  delete(): void {
    this._call('delete', [], (e) => {
      e.sheet.assertWritable();
      if (e.item.builtIn === 'area') e.sheet.pageLayout.printArea = null;
      else if (e.item.builtIn === 'titles') {
        e.sheet.pageLayout.printTitleRows = null;
        e.sheet.pageLayout.printTitleColumns = null;
      } else e.sheet.names.delete(e.item.name.toUpperCase());
    });
  }
}
defineProperties(FakeNamedItem, {
  name: { read: (e) => e.item.name },
  formula: { read: (e) => nameFormula(e.sheet.name, e.item) },
  type: { read: (e) => (e.item.ref ? 'Range' : 'Array') },
});

/**
 * The print area and print titles a sheet's page layout holds are, in Excel, the sheet's defined
 * names "Print_Area" and "Print_Titles" (Microsoft's "Set or clear a print area on a worksheet":
 * Excel stores the print area as the name Print_Area; the file format's _xlnm.Print_Area and
 * _xlnm.Print_Titles, ECMA-376 §18.2.6). The fake shows them as names of the sheet while the page
 * layout has them, so that deleting the name clears the setting, as in Excel.
 */
function builtInName(sheet: SheetState, name: string): SheetNameState | null {
  const key = name.toUpperCase();
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
  const layout = sheet.pageLayout;
  if (key === 'PRINT_AREA' && layout.printArea) {
    return { name: 'Print_Area', ref: null, formula: `=${layout.printArea.map((a) => `${quoted}!${a}`).join(',')}`, comment: '', builtIn: 'area' };
  }
  const titles = [layout.printTitleColumns, layout.printTitleRows].filter((t): t is string => t !== null);
  if (key === 'PRINT_TITLES' && titles.length > 0) {
    return { name: 'Print_Titles', ref: null, formula: `=${titles.map((t) => `${quoted}!${t}`).join(',')}`, comment: '', builtIn: 'titles' };
  }
  return null;
}

export class FakeNamedItemCollection extends FakeObject<SheetState> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, sheet: () => SheetState) {
    super(ctx, 'NamedItemCollection', sheet, { parent, method: 'names' });
  }
  get items(): FakeNamedItem[] {
    return this._get('items');
  }
  private find(name: string): () => NameEntity | null {
    return () => {
      const sheet = this._target();
      const item = sheet.names.get(name.toUpperCase()) ?? builtInName(sheet, name);
      return item ? { sheet, item } : null;
    };
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, this, 'getItem', [name], this.find(name));
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, this, 'getItemOrNullObject', [name], this.find(name), true);
  }
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    this._call('add', [name, typeof reference === 'string' ? reference : { range: true }, comment], (sheet) => {
      sheet.assertWritable();
      const key = checkName(name).toUpperCase();
      if (sheet.names.has(key)) throw new FakeExcelError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
      let item: SheetNameState;
      if (typeof reference === 'string') {
        if (!reference.startsWith('=')) throw new FakeExcelError('InvalidArgument', 'A name refers to a formula that starts with "=", or to a range.');
        const cells = /^=(?:(?:'[^']+'|[^!]+)!)?(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(reference);
        item = cells ? { name, ref: parseArea(cells[1].replace(/\$/g, '')).rect, formula: null, comment: comment ?? '' } : { name, ref: null, formula: reference, comment: comment ?? '' };
      } else {
        const target = reference._target();
        if (target.sheet !== sheet) throw new FakeExcelError('InvalidArgument', 'A name scoped to a worksheet refers here to a range of another sheet.');
        item = { name, ref: { ...target.rect }, formula: null, comment: comment ?? '' };
      }
      sheet.names.set(key, item);
    });
    return new FakeNamedItem(this.context, this, 'add', [name], this.find(name));
  }
  protected override _readAll(props: string[], sheet: SheetState): Map<string, unknown> {
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice('items/'.length));
    const items = [...sheet.names.values()].map((item) => {
      const proxy = new FakeNamedItem(this.context, this, 'getItem', [item.name], () => ({ sheet, item }));
      proxy._resolve();
      const values = new Map<string, unknown>();
      for (const p of itemProps.length ? itemProps : ['name', 'formula', 'type']) values.set(p, proxy._read(p, { sheet, item }));
      this.context._pendLoad(proxy as FakeObject<unknown>, values);
      return proxy;
    });
    return new Map<string, unknown>([['items', items]]);
  }
}
