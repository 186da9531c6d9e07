/**
 * The layers of src/, checked on the import statements themselves: no folder imports a folder
 * above it, and no module imports itself through others (an import cycle). eslint's
 * no-restricted-imports holds the same table per folder; this test adds what lint cannot see
 * without a plugin: cycles. Type-only imports count too: a cycle of types is still two modules
 * that cannot be understood apart.
 */
import fs from 'fs';
import path from 'path';

const SRC = path.resolve(__dirname, '../../src');

/** Folder → the src/ folders it must not import: the table eslint.config.js enforces too. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const FORBIDDEN: Record<string, readonly string[]> = require('../../layers');

/** Packages the pure engine must not use: Node's own modules and the hosts' libraries. */
const ENGINE_FORBIDDEN_PACKAGES = /^(node:|fs$|fs\/|path$|os$|child_process$|crypto$|url$|util$|stream$|zlib$|worker_threads$|events$|http$|https$|net$|readline$|buffer$|exceljs$|react$|react\/|react-dom|@fluentui\/|@microsoft\/office-js|commander$|cli-progress$)/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

export interface ImportRef {
  spec: string;
  /** `import type`, `export type` or braces that name types only: erased from the JavaScript. */
  typeOnly: boolean;
}

/** Every import, export-from and require of a file, with whether it is erased at compile time. */
export function importRefs(source: string): ImportRef[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const refs: ImportRef[] = [];
  for (const m of code.matchAll(/\b(import|export)\s+(type\s+)?([^'";]*?)\bfrom\s*['"]([^'"]+)['"]/g)) {
    const braces = /^\{([\s\S]*)\}$/.exec(m[3].trim());
    const names = braces ? braces[1].split(',').map((n) => n.trim()).filter(Boolean) : [];
    const typeOnly = m[2] !== undefined || (names.length > 0 && names.every((n) => n.startsWith('type ')));
    refs.push({ spec: m[4], typeOnly });
  }
  for (const m of code.matchAll(/\bimport\s*['"]([^'"]+)['"]/g)) refs.push({ spec: m[1], typeOnly: false });
  for (const m of code.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) refs.push({ spec: m[1], typeOnly: false });
  return refs;
}

/** The file a relative specifier names, or null for a package. */
function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return base;
}

function folderOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0];
}

function rel(file: string): string {
  return path.relative(SRC, file).split(path.sep).join('/');
}

interface Graph {
  /** Module → the modules it imports (types included). */
  edges: Map<string, string[]>;
  /** Module → the modules it needs at run time (type-only imports left out). */
  runtimeEdges: Map<string, string[]>;
  /** Module → the packages it imports. */
  packages: Map<string, string[]>;
}

function buildGraph(): Graph {
  const graph: Graph = { edges: new Map(), runtimeEdges: new Map(), packages: new Map() };
  for (const file of sourceFiles(SRC)) {
    const all = new Set<string>();
    const runtime = new Set<string>();
    const external: string[] = [];
    for (const ref of importRefs(fs.readFileSync(file, 'utf8'))) {
      const target = resolveLocal(file, ref.spec);
      if (!target) {
        external.push(ref.spec);
        continue;
      }
      all.add(target);
      if (!ref.typeOnly) runtime.add(target);
    }
    graph.edges.set(file, [...all]);
    graph.runtimeEdges.set(file, [...runtime]);
    graph.packages.set(file, external);
  }
  return graph;
}

/** Every cycle's modules, one list per strongly connected component of more than one module
 * (or a module importing itself). Tarjan's algorithm. */
export function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!indexOf.has(v)) visit(v);
  return cycles;
}

describe('import graph of src/', () => {
  const graph = buildGraph();

  it('reads the imports of every module', () => {
    expect(graph.edges.size).toBeGreaterThan(50);
    expect(graph.edges.get(path.join(SRC, 'engine/analyze.ts'))).toContain(path.join(SRC, 'engine/rules.ts'));
  });

  // Like eslint-plugin-import's no-cycle, type-only imports do not count: they are erased, so
  // they cannot leave a module half-initialised when another one runs.
  it('has no import cycle', () => {
    const cycles = findCycles(graph.runtimeEdges).map((c) => c.map(rel));
    expect(cycles).toEqual([]);
  });

  it('has no upward import between folders', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph.edges) {
      const forbidden = FORBIDDEN[folderOf(file)] ?? [];
      for (const target of targets) if (forbidden.includes(folderOf(target))) upward.push(`${rel(file)} → ${rel(target)}`);
    }
    expect(upward).toEqual([]);
  });

  it('keeps the engine and the report (the Word builder included) free of Node, Office and UI packages', () => {
    const used: string[] = [];
    for (const [file, specs] of graph.packages) {
      if (folderOf(file) !== 'engine' && folderOf(file) !== 'report') continue;
      for (const spec of specs) if (ENGINE_FORBIDDEN_PACKAGES.test(spec)) used.push(`${rel(file)} → ${spec}`);
    }
    expect(used).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('finds every kind of import statement', () => {
    const source = [
      "import a from './a';",
      "import type { B } from '../b';",
      "import {\n  c,\n  type D,\n} from './c';",
      "export * from './e';",
      "export { f } from './f';",
      "import './g';",
      "const h = require('./h');",
      "import { type I, type J2 } from './i';",
      "export type { J } from './j';",
      "// import x from './commented';",
      "/* import y from './block'; */",
    ].join('\n');
    const refs = importRefs(source);
    expect(refs.map((r) => r.spec).sort()).toEqual(['../b', './a', './c', './e', './f', './g', './h', './i', './j']);
    expect(refs.filter((r) => r.typeOnly).map((r) => r.spec).sort()).toEqual(['../b', './i', './j']);
  });

  it('finds a cycle and only a cycle', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
      ['e', ['e']],
    ]);
    expect(findCycles(edges)).toEqual(expect.arrayContaining([['a', 'b', 'c'], ['e']]));
    expect(findCycles(edges)).toHaveLength(2);
    expect(findCycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });
});
