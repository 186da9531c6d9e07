/** Unit and integration tests: everything that needs only npm packages. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  // Fixed fast-check seed when FC_SEED is set (CI), random otherwise.
  // A busy 2-core machine (CI, or several runs at once) can slow a pane test past jest's 5 s
  // default; the tests assert behaviour, never time, so they get room instead of flaking.
  testTimeout: 60000,
  setupFiles: ['<rootDir>/test/setup/fast-check-seed.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  // @fluentui/react-charts' CommonJS build requires d3's packages, which ship as ES modules for
  // require too; their UMD builds (dist/<name>.js, CommonJS-loadable) are the same code.
  moduleNameMapper: {
    '^(d3-(?:array|axis|color|format|hierarchy|interpolate|path|scale|selection|shape|time|time-format))$': '<rootDir>/node_modules/$1/dist/$1.js',
    '^internmap$': '<rootDir>/node_modules/internmap/dist/internmap.js',
  },
};
