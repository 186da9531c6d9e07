/**
 * Two gaps in exceljs 4.4 that would otherwise change a user's workbook on a read → write round
 * trip, closed by wrapping its XML transforms (the same module instances exceljs itself loads):
 *
 * 1. `stopIfTrue` on conditional-format rules is neither read nor written. Our highlight rules
 *    need it, and a user's own rule that has it must keep it.
 *    Rule types exceljs cannot write (duplicateValues, uniqueValues, beginsWith, endsWith,
 *    notContainsText, …) would be written as an empty, invalid <conditionalFormatting>; they
 *    are written back generically (type, style, priority, operator, text, formulas).
 * 2. Merging checks every new merge against every existing one, which makes reading a sheet
 *    with tens of thousands of merged STT / objective cells quadratic (minutes at 50,000
 *    rows). The same "already merged" check is done on the new merge's own cells instead.
 * 3. Compression: the zip library deflates in JavaScript (pako), which is a large share of the
 *    time to write a big workbook; Node's own zlib does the same deflate natively, several
 *    times faster. Same format, same default level.
 * 4. Internal hyperlinks (`<hyperlink ref="B3" location="'Sheet'!A1"/>`, no relationship) are
 *    dropped on read and written as broken external links. We represent them as cell
 *    hyperlinks beginning with "#" ("#'Sheet'!A1") and write them back as `location` links.
 * 5. A column width of exactly 9 characters is exceljs's own default, so exceljs does not write
 *    it and the column falls back to Excel's 8.43: a width the tool sets (markExplicitWidth) is
 *    written whatever its value.
 *
 * Applied once, on first import of the xlsx host.
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */

const HYPERLINK_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
const INTERNAL_RID_PREFIX = '__cchc_internal_';

let applied = false;

export function applyExceljsPatches(): void {
  if (applied) return;
  applied = true;
  patchStopIfTrue();
  patchInternalHyperlinks();
  patchMergeCheck();
  patchNativeDeflate();
  patchExplicitWidths();
}

/** Columns whose width the tool set (patch 5). */
const explicitWidths = new WeakSet<object>();

/** The tool set this column's width: exceljs writes it even when it equals its default 9. */
export function markExplicitWidth(column: object): void {
  explicitWidths.add(column);
}

function patchExplicitWidths(): void {
  const Column = require('exceljs/lib/doc/column');
  const original = Object.getOwnPropertyDescriptor(Column.prototype, 'isCustomWidth')!.get!;
  Object.defineProperty(Column.prototype, 'isCustomWidth', {
    configurable: true,
    get(this: { width?: number }) {
      return original.call(this) || (this.width !== undefined && explicitWidths.has(this));
    },
  });
}

function patchNativeDeflate(): void {
  // The modules exceljs's jszip loads (resolved from exceljs, so they are the same instances).
  const from = { paths: [require.resolve('exceljs')] };
  const flate = require(require.resolve('jszip/lib/flate', from));
  const GenericWorker = require(require.resolve('jszip/lib/stream/GenericWorker', from));
  const jszipUtils = require(require.resolve('jszip/lib/utils', from));
  const zlib = require('zlib');

  // Node has no synchronous streaming deflate, and jszip's workers are synchronous: the entry
  // is collected and deflated in one call when it ends.
  function NativeDeflateWorker(this: any, options: { level?: number }) {
    GenericWorker.call(this, 'NativeDeflateWorker');
    this._level = typeof options?.level === 'number' ? options.level : zlib.constants.Z_DEFAULT_COMPRESSION;
    this._chunks = [] as Buffer[];
    this.meta = {};
  }
  jszipUtils.inherits(NativeDeflateWorker, GenericWorker);
  NativeDeflateWorker.prototype.processChunk = function processChunk(chunk: any) {
    this.meta = chunk.meta;
    this._chunks.push(Buffer.from(jszipUtils.transformTo('uint8array', chunk.data)));
  };
  NativeDeflateWorker.prototype.flush = function flush() {
    GenericWorker.prototype.flush.call(this);
    const input = this._chunks.length === 1 ? this._chunks[0] : Buffer.concat(this._chunks);
    this._chunks = [];
    const out: Buffer = zlib.deflateRawSync(input, { level: this._level });
    this.push({ data: new Uint8Array(out.buffer, out.byteOffset, out.length), meta: this.meta });
  };
  NativeDeflateWorker.prototype.cleanUp = function cleanUp() {
    GenericWorker.prototype.cleanUp.call(this);
    this._chunks = [];
  };
  flate.compressWorker = (options: { level?: number }) => new (NativeDeflateWorker as any)(options ?? {});
}

function patchMergeCheck(): void {
  const Worksheet = require('exceljs/lib/doc/worksheet');
  Worksheet.prototype._mergeCellsInternal = function mergeCellsIndexed(dimensions: any, ignoreStyle: boolean) {
    // A cell inside an existing merge (of two or more cells) is its master or a follower.
    for (let i = dimensions.top; i <= dimensions.bottom; i++) {
      for (let j = dimensions.left; j <= dimensions.right; j++) {
        if (this.findCell(i, j)?.isMerged) throw new Error('Cannot merge already merged cells');
      }
    }
    const master = this.getCell(dimensions.top, dimensions.left);
    for (let i = dimensions.top; i <= dimensions.bottom; i++) {
      for (let j = dimensions.left; j <= dimensions.right; j++) {
        if (i > dimensions.top || j > dimensions.left) this.getCell(i, j).merge(master, ignoreStyle);
      }
    }
    this._merges[master.address] = dimensions;
  };
}

/** Rule types exceljs 4.4 renders itself (CfRuleXform.render); others get the generic form. */
const RENDERED_CF_TYPES = new Set(['expression', 'cellIs', 'top10', 'aboveAverage', 'dataBar', 'colorScale', 'iconSet', 'containsText', 'timePeriod']);

function patchStopIfTrue(): void {
  const CfRuleXform = require('exceljs/lib/xlsx/xform/sheet/cf/cf-rule-xform');
  const proto = CfRuleXform.prototype;
  const render = proto.render;
  proto.render = function renderWithStopIfTrue(xmlStream: any, model: any) {
    if (model && !RENDERED_CF_TYPES.has(model.type)) {
      renderGenericRule(xmlStream, model, this.formulaXform);
      return;
    }
    if (!model || !model.stopIfTrue) return render.call(this, xmlStream, model);
    // Every rule type opens exactly one <cfRule>: add the attribute to it.
    const addFlag = (name: string, attrs: any) => (name === 'cfRule' ? { ...(attrs ?? {}), stopIfTrue: '1' } : attrs);
    const stream = new Proxy(xmlStream, {
      get(target, prop) {
        if (prop === 'openNode') return (name: string, attrs: any) => target.openNode(name, addFlag(name, attrs));
        if (prop === 'leafNode') return (name: string, attrs: any, text: any) => target.leafNode(name, addFlag(name, attrs), text);
        const v = target[prop];
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    return render.call(this, stream, model);
  };
  const createNewModel = proto.createNewModel;
  proto.createNewModel = function createWithStopIfTrue(node: any) {
    const model = createNewModel.call(this, node);
    const attrs = node?.attributes ?? {};
    if (attrs.stopIfTrue === '1' || attrs.stopIfTrue === 'true') model.stopIfTrue = true;
    if (!RENDERED_CF_TYPES.has(model.type)) {
      // Keep what the generic writer needs, as read.
      if (attrs.text !== undefined) model.text = attrs.text;
      if (attrs.operator !== undefined) model.operator = attrs.operator;
    }
    return model;
  };
}

function renderGenericRule(xmlStream: any, model: any, formulaXform: any): void {
  const attrs: Record<string, unknown> = { type: model.type, dxfId: model.dxfId, priority: model.priority };
  if (model.operator !== undefined) attrs.operator = model.operator;
  if (model.text !== undefined) attrs.text = model.text;
  if (model.stopIfTrue) attrs.stopIfTrue = '1';
  const formulae: unknown[] = model.formulae ?? [];
  if (formulae.length === 0) {
    xmlStream.leafNode('cfRule', attrs);
    return;
  }
  xmlStream.openNode('cfRule', attrs);
  for (const f of formulae) formulaXform.render(xmlStream, f);
  xmlStream.closeNode();
}

function patchInternalHyperlinks(): void {
  const WorksheetXform = require('exceljs/lib/xlsx/xform/sheet/worksheet-xform');
  const HyperlinkXform = require('exceljs/lib/xlsx/xform/sheet/hyperlink-xform');
  const wsProto = WorksheetXform.prototype;

  // Reading: a location-only link gets a synthetic relationship whose target is "#location",
  // so exceljs's own reconcile turns the cell into { text, hyperlink: "#location" }.
  const reconcile = wsProto.reconcile;
  wsProto.reconcile = function reconcileInternalLinks(model: any, options: any) {
    const links: any[] = model?.hyperlinks ?? [];
    let n = 0;
    for (const link of links) {
      if (!link.rId && link.target) {
        const id = `${INTERNAL_RID_PREFIX}${n++}`;
        link.rId = id;
        model.relationships = model.relationships ?? [];
        model.relationships.push({ Id: id, Type: HYPERLINK_REL, Target: `#${link.target}` });
      }
    }
    return reconcile.call(this, model, options);
  };

  // Writing: exceljs makes an external relationship for every link; drop it for "#…" links.
  const prepare = wsProto.prepare;
  wsProto.prepare = function prepareInternalLinks(model: any, options: any) {
    const result = prepare.call(this, model, options);
    const internalIds = new Set<string>();
    for (const link of model.hyperlinks ?? []) {
      if (typeof link.target === 'string' && link.target.startsWith('#')) {
        internalIds.add(link.rId);
        link.rId = undefined;
        link.internal = true;
      }
    }
    if (internalIds.size > 0 && Array.isArray(model.rels)) {
      model.rels = model.rels.filter((rel: any) => !internalIds.has(rel.Id));
    }
    return result;
  };

  const hlProto = HyperlinkXform.prototype;
  const renderLink = hlProto.render;
  hlProto.render = function renderInternalLink(xmlStream: any, model: any) {
    if (model && model.internal) {
      xmlStream.leafNode('hyperlink', { ref: model.address, location: String(model.target).slice(1), tooltip: model.tooltip });
      return;
    }
    return renderLink.call(this, xmlStream, model);
  };
}
