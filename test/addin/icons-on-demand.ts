/**
 * @fluentui/react-icons for the pane's component tests, loaded one icon at a time. The package's
 * CommonJS index defines every icon it has (thousands): compiling it is close to half the cost of
 * importing Fluent UI in a test file, and every test file pays it again. The pane shows a handful,
 * through Fluent's own components, which read them as properties of the package
 * (`_reacticons.ChevronRightRegular`). This object gives them the same components from the
 * package's per-icon modules (`atoms/svg/chevron-right`), each loaded on first use, and the
 * package's other exports from the very modules its index re-exports. An icon whose module name
 * it cannot derive comes from the real index. The webpack bundle is untouched (it imports only
 * the icons used).
 */
import * as fs from 'fs';
import * as path from 'path';

type Exports = Record<string, unknown>;

/** What the index exports besides the icons (see lib-cjs/index.cjs). */
const NON_ICON_MODULES = [
  'utils/wrapIcon.cjs',
  'utils/bundleIcon.cjs',
  'utils/createFluentIcon.cjs',
  'utils/useIconState.cjs',
  'utils/constants.cjs',
  'contexts/index.cjs',
];

/** ChevronRightRegular, ChevronRight20Filled… → chevron-right. */
function atomName(exportName: string): string | null {
  const m = /^([A-Z][A-Za-z0-9]*?)\d*(?:Regular|Filled|Color|Light)$/.exec(exportName);
  return m ? m[1].replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase() : null;
}

export function iconsOnDemand(): Exports {
  const root = path.dirname(require.resolve('@fluentui/react-icons'));
  const load = (file: string): Exports => jest.requireActual<Exports>(path.join(root, file));
  const known: Exports = { __esModule: true };
  for (const file of NON_ICON_MODULES) Object.assign(known, load(file));
  let whole: Exports | null = null;

  const find = (name: string): unknown => {
    const atom = atomName(name);
    // Every other export of the index is in `known`: a name that is not an icon's is not there.
    if (!atom) return undefined;
    const file = path.join('atoms', 'svg', `${atom}.cjs`);
    const exports = fs.existsSync(path.join(root, file)) ? load(file) : null;
    if (exports && name in exports) return exports[name];
    whole ??= load('index.cjs');
    return whole[name];
  };

  return new Proxy(known, {
    get(target, name) {
      if (typeof name !== 'string' || name in target) return target[name as string];
      target[name] = find(name);
      return target[name];
    },
    has(target, name) {
      return typeof name === 'string' && (name in target || find(name) !== undefined);
    },
  });
}
