/**
 * The add-in manifest, checked offline (office-addin-manifest's validator calls a web service):
 * schema order of the elements that matter, every resource reference resolved and short enough,
 * every ribbon function registered in the commands' source, every icon present at its size, every
 * Vietnamese string with an en-US override, and the base-URL rewrite of the build.
 */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { REQUIRED_EXCEL_API } from '../../src/hosts/excel/requirements';

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const DEV_BASE = 'https://localhost:3000';

// ---------------------------------------------------------------------------------------------
// A small element tree over fast-xml-parser's order-preserving output
// ---------------------------------------------------------------------------------------------

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElements(nodes: Ordered[]): Element[] {
  const out: Element[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?')) continue;
    const raw = (node[name] as Ordered[]) ?? [];
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(node[':@'] ?? {})) attrs[k.replace(/^@_/, '')] = String(v);
    const text = raw
      .filter((c) => '#text' in c)
      .map((c) => String(c['#text']))
      .join('');
    out.push({ name, attrs, children: toElements(raw), text });
  }
  return out;
}

function parse(xml: string): Element {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', parseAttributeValue: false, parseTagValue: false, trimValues: true });
  const roots = toElements(parser.parse(xml) as Ordered[]);
  expect(roots).toHaveLength(1);
  return roots[0];
}

const child = (e: Element, name: string): Element => {
  const found = e.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${e.name}> has no <${name}>`);
  return found;
};
const children = (e: Element, name: string): Element[] => e.children.filter((c) => c.name === name);

function walk(e: Element, visit: (e: Element, parent: Element | null) => void, parent: Element | null = null): void {
  visit(e, parent);
  for (const c of e.children) walk(c, visit, e);
}

/** Children must appear in the order of the schema's xs:sequence (names not listed are errors). */
function expectSchemaOrder(e: Element, sequence: readonly string[], repeatable: readonly string[] = []): void {
  let last = -1;
  const seen = new Set<string>();
  for (const c of e.children) {
    const i = sequence.indexOf(c.name);
    if (i < 0) throw new Error(`<${c.name}> is not a child of <${e.name}> in the schema`);
    if (i < last) throw new Error(`<${c.name}> comes after <${sequence[last]}> in <${e.name}>, the schema wants it before`);
    if (seen.has(c.name) && !repeatable.includes(c.name)) throw new Error(`<${c.name}> appears twice in <${e.name}>`);
    seen.add(c.name);
    last = i;
  }
}

const root = parse(MANIFEST);
const versionOverrides = child(root, 'VersionOverrides');
const resources = child(versionOverrides, 'Resources');
const host = child(child(versionOverrides, 'Hosts'), 'Host');
const formFactor = child(host, 'DesktopFormFactor');

type ResourceKind = 'bt:Images' | 'bt:Urls' | 'bt:ShortStrings' | 'bt:LongStrings';
const RESOURCE_KINDS: ResourceKind[] = ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'];

function resourceIds(kind: ResourceKind): Map<string, Element> {
  const list = resources.children.find((c) => c.name === kind);
  const ids = new Map<string, Element>();
  for (const r of list?.children ?? []) ids.set(r.attrs.id, r);
  return ids;
}

/** Which kind of resource an element's resid must name (schema: bt:*ResourceReference types). */
function expectedKind(e: Element, parent: Element | null): ResourceKind {
  switch (e.name) {
    case 'bt:Image':
      return 'bt:Images';
    case 'Runtime':
    case 'FunctionFile':
    case 'SourceLocation':
    case 'LearnMoreUrl':
      return 'bt:Urls';
    case 'Label':
      return 'bt:ShortStrings';
    case 'Title':
      return 'bt:ShortStrings';
    case 'Description':
      return parent?.name === 'VersionOverrides' || parent?.name === 'Supertip' || parent?.name === 'GetStarted' ? 'bt:LongStrings' : 'bt:ShortStrings';
    default:
      throw new Error(`unexpected resid on <${e.name}>`);
  }
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function assetPath(url: string): string {
  expect(url.startsWith(`${DEV_BASE}/`)).toBe(true);
  return path.join(ROOT, url.slice(DEV_BASE.length + 1));
}

// ---------------------------------------------------------------------------------------------

describe('manifest.xml', () => {
  it('is a task pane add-in for Excel whose top-level elements follow the schema order', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    // OfficeApp's sequence, then TaskPaneApp's extension (OfficeAppManifestV1_1.xsd).
    expectSchemaOrder(root, [
      'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
      'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
      'Dictionary', 'VersionOverrides',
    ]);
    for (const required of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions']) {
      expect(root.children.map((c) => c.name)).toContain(required);
    }
    expect(child(root, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(root, 'Version').text).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(child(root, 'DefaultLocale').text).toBe('vi-VN');
    expect(child(root, 'Permissions').text).toBe('ReadWriteDocument');
    expect(children(child(root, 'Hosts'), 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(child(root, 'SupportUrl').attrs.DefaultValue).toMatch(/^https:\/\//);
  });

  it('orders VersionOverrides, the Workbook host, its form factor and the resources as the schema does', () => {
    expect(versionOverrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    expectSchemaOrder(versionOverrides, ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins']);
    expect(host.attrs['xsi:type']).toBe('Workbook');
    expectSchemaOrder(host, ['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
    expectSchemaOrder(formFactor, ['GetStarted', 'FunctionFile', 'ExtensionPoint'], ['ExtensionPoint']);
    expectSchemaOrder(child(formFactor, 'GetStarted'), ['Title', 'Description', 'LearnMoreUrl']);
    expectSchemaOrder(resources, RESOURCE_KINDS);
    walk(root, (e) => {
      if (e.name === 'Group') expectSchemaOrder(e, ['Label', 'Icon', 'Control'], ['Control']);
      if (e.name === 'Control') expectSchemaOrder(e, ['Label', 'Supertip', 'Icon', 'Action']);
      if (e.name === 'Supertip') expectSchemaOrder(e, ['Title', 'Description']);
      if (e.name === 'Action' && e.attrs['xsi:type'] === 'ShowTaskpane') expectSchemaOrder(e, ['TaskpaneId', 'SourceLocation', 'Title']);
    });
  });

  it('resolves every resid to a resource of the right kind, and keeps every id within 32 characters', () => {
    const defined = new Map(RESOURCE_KINDS.map((k) => [k, resourceIds(k)] as const));
    for (const ids of defined.values()) for (const id of ids.keys()) expect(id.length).toBeLessThanOrEqual(32);
    let references = 0;
    walk(root, (e, parent) => {
      const resid = e.attrs.resid;
      if (resid === undefined) return;
      references++;
      expect(resid.length).toBeLessThanOrEqual(32);
      const kind = expectedKind(e, parent);
      if (!defined.get(kind)!.has(resid)) throw new Error(`resid "${resid}" on <${e.name}> is not defined in <${kind}>`);
    });
    expect(references).toBeGreaterThan(20);
  });

  it('runs ribbon and pane in one shared runtime with a long lifetime, as SharedRuntime 1.1 requires', () => {
    const sets = children(child(child(root, 'Requirements'), 'Sets'), 'Set');
    const byName = new Map(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion]));
    expect(byName.get('SharedRuntime')).toBe('1.1');
    // The lowest set the Excel host needs (it checks the same at run time).
    expect(byName.get('ExcelApi')).toBe(REQUIRED_EXCEL_API);
    const runtime = child(child(host, 'Runtimes'), 'Runtime');
    expect(runtime.attrs.lifetime).toBe('long');
    const paneUrl = resourceIds('bt:Urls').get(runtime.attrs.resid)!.attrs.DefaultValue;
    expect(paneUrl).toBe(child(child(root, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue);
    expect(child(formFactor, 'FunctionFile').attrs.resid).toBe(runtime.attrs.resid);
  });

  it('opens one and the same pane from every task-pane action and from showAsTaskpane()', () => {
    // The shared-runtime guide: the ribbon's functions and the pane share a runtime only when the
    // FunctionFile and every ShowTaskpane action load the runtime's page, and showAsTaskpane()
    // (run by "Quarterly report" and "Validate plan") shows the pane of that runtime; every
    // task-pane action must then name the same TaskpaneId, or Excel opens a second pane.
    const runtimes = children(child(host, 'Runtimes'), 'Runtime');
    expect(runtimes).toHaveLength(1);
    const runtimeResid = runtimes[0].attrs.resid;
    const paneIds = new Set<string>();
    const functionForms = new Set<Element>();
    let showTaskpane = 0;
    walk(host, (e, parent) => {
      if (e.name === 'DesktopFormFactor' || e.name === 'AllFormFactors') {
        walk(e, (a) => {
          if (a.name === 'Action' && a.attrs['xsi:type'] === 'ExecuteFunction') functionForms.add(e);
        });
      }
      if (e.name !== 'Action' || e.attrs['xsi:type'] !== 'ShowTaskpane') return;
      showTaskpane++;
      expect(parent?.name).toBe('Control');
      expect(child(e, 'SourceLocation').attrs.resid).toBe(runtimeResid);
      paneIds.add(child(e, 'TaskpaneId').text);
    });
    expect(showTaskpane).toBeGreaterThan(0);
    expect([...paneIds]).toHaveLength(1);
    expect([...paneIds][0]).toMatch(/^\S{1,32}$/);
    // Every form factor with ExecuteFunction buttons loads its functions from the runtime's page.
    expect(functionForms.size).toBeGreaterThan(0);
    for (const form of functionForms) expect(child(form, 'FunctionFile').attrs.resid).toBe(runtimeResid);
  });

  it('puts the three commands on the Home tab: validate and report run functions, open shows the pane', () => {
    const tab = child(child(formFactor, 'ExtensionPoint'), 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const controls = children(child(tab, 'Group'), 'Control');
    const summary = controls.map((c) => [c.attrs.id, child(c, 'Action').attrs['xsi:type']]);
    expect(summary).toEqual([
      ['Cchc.Validate', 'ExecuteFunction'],
      ['Cchc.Report', 'ExecuteFunction'],
      ['Cchc.OpenPane', 'ShowTaskpane'],
    ]);
    const shortStrings = resourceIds('bt:ShortStrings');
    const labels = controls.map((c) => shortStrings.get(child(c, 'Label').attrs.resid)!);
    expect(labels.map((l) => l.attrs.DefaultValue)).toEqual(['Kiểm tra kế hoạch', 'Báo cáo quý', 'Mở bảng điều khiển']);
    expect(labels.map((l) => child(l, 'bt:Override').attrs.Value)).toEqual(['Validate plan', 'Quarterly report', 'Open pane']);
  });

  it('registers every ExecuteFunction with Office.actions.associate in src/commands', () => {
    const dir = path.join(ROOT, 'src/commands');
    const source = fs
      .readdirSync(dir)
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    const registered = new Set([...source.matchAll(/Office\.actions\.associate\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]));
    const functionNames: string[] = [];
    walk(root, (e) => {
      if (e.name === 'Action' && e.attrs['xsi:type'] === 'ExecuteFunction') functionNames.push(child(e, 'FunctionName').text);
    });
    expect(functionNames.sort()).toEqual(['openReport', 'validatePlan']);
    for (const name of functionNames) expect(registered).toContain(name);
  });

  it('has every icon file at the pixel size the manifest declares', () => {
    const images = resourceIds('bt:Images');
    let checked = 0;
    walk(root, (e, parent) => {
      if (e.name !== 'bt:Image' || parent?.name !== 'Icon') return;
      const size = Number(e.attrs.size);
      expect([16, 32, 80]).toContain(size);
      const file = assetPath(images.get(e.attrs.resid)!.attrs.DefaultValue);
      expect(pngSize(file)).toEqual({ width: size, height: size });
      checked++;
    });
    expect(checked).toBe(12); // group + three buttons, three sizes each
    expect(pngSize(assetPath(child(root, 'IconUrl').attrs.DefaultValue))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetPath(child(root, 'HighResolutionIconUrl').attrs.DefaultValue))).toEqual({ width: 64, height: 64 });
  });

  it('gives every Vietnamese string an en-US override, within the schema lengths, in NFC', () => {
    const localised: { element: Element; override: string; max: number }[] = [
      { element: child(root, 'DisplayName'), override: 'Override', max: 125 },
      { element: child(root, 'Description'), override: 'Override', max: 250 },
      ...[...resourceIds('bt:ShortStrings').values()].map((element) => ({ element, override: 'bt:Override', max: 125 })),
      ...[...resourceIds('bt:LongStrings').values()].map((element) => ({ element, override: 'bt:Override', max: 250 })),
    ];
    expect(localised.length).toBeGreaterThan(8);
    for (const { element, override, max } of localised) {
      const vi = element.attrs.DefaultValue;
      const en = children(element, override).find((o) => o.attrs.Locale === 'en-US')?.attrs.Value;
      expect(en).toBeTruthy();
      for (const s of [vi, en!]) {
        expect(s.length).toBeGreaterThan(0);
        expect(s.length).toBeLessThanOrEqual(max);
        expect(s).toBe(s.normalize('NFC'));
      }
      expect(en).not.toBe(vi);
    }
  });

  it('uses the dev base URL everywhere, so one replacement moves the add-in', () => {
    const urls: string[] = [];
    walk(root, (e) => {
      for (const [k, v] of Object.entries(e.attrs)) if (/^https?:/.test(v) && k !== 'xmlns' && !k.startsWith('xmlns:')) urls.push(v);
    });
    expect(urls.length).toBeGreaterThan(15);
    for (const url of urls) expect(url.startsWith(`${DEV_BASE}/`)).toBe(true);
  });
});

describe('webpack base URL', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require('../../webpack.config.js') as (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<{ plugins: { patterns?: { from: string; transform?: (b: Buffer) => string }[] }[] }>;

  async function manifestFor(env: Record<string, unknown>): Promise<string> {
    const config = await makeConfig(env, { mode: 'production' });
    const copy = config.plugins.find((p) => Array.isArray(p.patterns));
    const pattern = copy!.patterns!.find((p) => p.from === 'manifest.xml')!;
    return pattern.transform!(Buffer.from(MANIFEST, 'utf8'));
  }

  it('rewrites every URL of the manifest to the configured base and nothing else', async () => {
    const out = await manifestFor({ baseUrl: 'https://cchc.sonoivu.example.vn/addin/' });
    expect(out).not.toContain(`${DEV_BASE}/`);
    expect(out).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://cchc.sonoivu.example.vn/addin/taskpane.html"/>');
    expect(out.split('https://cchc.sonoivu.example.vn/addin/').length).toBe(MANIFEST.split(`${DEV_BASE}/`).length);
    expect(out.replaceAll('https://cchc.sonoivu.example.vn/addin/', `${DEV_BASE}/`)).toBe(MANIFEST);
  });

  it('keeps the dev base when none is given, and refuses a base that is not https', async () => {
    const saved = process.env.ADDIN_BASE_URL;
    delete process.env.ADDIN_BASE_URL;
    try {
      expect(await manifestFor({})).toBe(MANIFEST);
      await expect(manifestFor({ baseUrl: 'http://intranet.example.vn/addin' })).rejects.toThrow(/https/);
    } finally {
      if (saved !== undefined) process.env.ADDIN_BASE_URL = saved;
    }
  });
});
