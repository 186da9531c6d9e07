/**
 * Charts on a worksheet: added from a source range, named, titled and placed over cells.
 */
import { FakeExcelError } from './errors';
import { FakeObject, defineProperties } from './fake-object';
import type { FakeRequestContext } from './context';
import { cellCount, parseArea, qualified, rectRef } from './address';
import type { ChartState, SheetState } from './model';
import type { FakeRange } from './range';

interface ChartEntity {
  sheet: SheetState;
  chart: ChartState;
}

class FakeChartTitle extends FakeObject<ChartEntity> {
  declare text: string;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, chart: () => ChartEntity | null) {
    super(ctx, 'ChartTitle', chart, { parent, method: 'title' });
  }
}
defineProperties(FakeChartTitle, {
  text: {
    read: (e) => e.chart.title,
    write: (e, x) => {
      e.chart.title = String(x);
    },
  },
});

export class FakeChart extends FakeObject<ChartEntity> {
  declare name: string;
  declare readonly chartType: string;
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, method: string, args: unknown[], chart: () => ChartEntity | null) {
    super(ctx, 'Chart', chart, { parent, method, args });
  }
  get title(): FakeChartTitle {
    return this._child('title', () => new FakeChartTitle(this.context, this, () => this._target()));
  }
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this._call('setPosition', [startCell, endCell], (e) => {
      const addr = (x: FakeRange | string): string => (typeof x === 'string' ? rectRef(parseArea(x).rect) : rectRef(x._target().rect));
      e.chart.topLeft = addr(startCell);
      e.chart.bottomRight = endCell === undefined ? null : addr(endCell);
    });
  }
}
defineProperties(FakeChart, {
  name: {
    read: (e) => e.chart.name,
    write: (e, x) => {
      e.chart.name = String(x);
    },
  },
  chartType: { read: (e) => e.chart.type },
});

export class FakeChartCollection extends FakeObject<SheetState> {
  constructor(ctx: FakeRequestContext, parent: FakeObject<unknown>, sheet: () => SheetState) {
    super(ctx, 'ChartCollection', sheet, { parent, method: 'charts' });
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    let created: ChartEntity | null = null;
    const chart = new FakeChart(this.context, this, 'add', [type, sourceData, seriesBy], () => created);
    this._call('add', [type, sourceData, seriesBy], (sheet) => {
      sheet.assertWritable();
      const src = sourceData._target();
      if (cellCount(src.rect) < 2) throw new FakeExcelError('InvalidArgument', 'A chart needs a source range of more than one cell.');
      const state: ChartState = { name: `Chart ${sheet.charts.length + 1}`, type, source: qualified(src.sheet.name, src.rect), seriesBy: seriesBy ?? 'Auto', title: '', topLeft: null, bottomRight: null };
      sheet.charts.push(state);
      created = { sheet, chart: state };
    });
    return chart;
  }
}
