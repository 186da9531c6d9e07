/**
 * Data validation on a range: one rule per cell (Excel refuses a second one until clear()), an
 * error alert on an existing rule, and clear() that frees only the range's own cells.
 */
import { FakeExcelError } from './errors';
import { FakeObject, defineProperties } from './fake-object';
import type { FakeRequestContext } from './context';
import { contains, intersect } from './address';
import { subtract, type RangeEntity } from './cells';

export class FakeDataValidation extends FakeObject<RangeEntity> {
  declare rule: unknown;
  declare errorAlert: unknown;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, range: () => RangeEntity) {
    super(ctx, 'DataValidation', range, { parent, method: 'dataValidation' });
  }
  clear(): void {
    this._call('clear', [], (e) => {
      e.sheet.assertWritable();
      // Only the cells of this range lose their validation; the rest of a wider rule stays.
      e.sheet.validations = e.sheet.validations.flatMap((v) => subtract(v.rect, e.rect).map((rect) => ({ ...v, rect })));
    });
  }
}
defineProperties(FakeDataValidation, {
  rule: {
    read: (e) => e.sheet.validations.find((v) => contains(v.rect, e.rect.top, e.rect.left))?.rule ?? {},
    write: (e, x) => {
      e.sheet.assertWritable();
      const rule = x as { list?: { inCellDropDown?: boolean; source?: unknown } };
      if (!rule || typeof rule !== 'object' || Object.keys(rule).length !== 1) throw new FakeExcelError('InvalidArgument', 'A data validation rule has exactly one type.');
      if (rule.list) {
        if (typeof rule.list.source !== 'string' || rule.list.source === '' || rule.list.source.length > 255) {
          throw new FakeExcelError('InvalidArgument', 'A list validation source must be 1–255 characters.');
        }
      }
      if (e.sheet.validations.some((v) => intersect(v.rect, e.rect))) {
        throw new FakeExcelError('InvalidOperation', 'The range already has data validation; call dataValidation.clear() first.');
      }
      e.sheet.validations.push({ rect: e.rect, rule });
    },
  },
  errorAlert: {
    write: (e, x) => {
      e.sheet.assertWritable();
      const targets = e.sheet.validations.filter((val) => intersect(val.rect, e.rect));
      if (targets.length === 0) throw new FakeExcelError('InvalidOperation', 'The range has no data validation rule to attach an error alert to.');
      for (const t of targets) t.errorAlert = x;
    },
  },
});
