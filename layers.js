/**
 * The layers of src/ (docs/architecture.md): each folder, and the src/ folders it must not
 * import. One table, read by eslint.config.js (no-restricted-imports per folder) and by
 * test/architecture/imports.test.ts (the same rule over the whole graph, plus import cycles).
 */
module.exports = {
  engine: ['i18n', 'report', 'usecases', 'hosts', 'cli', 'taskpane', 'commands', 'testing', 'contract', 'bench'],
  report: ['usecases', 'hosts', 'cli', 'taskpane', 'commands', 'testing'],
  i18n: ['usecases', 'hosts', 'cli', 'taskpane'],
  contract: ['usecases', 'hosts', 'cli', 'taskpane'],
  usecases: ['hosts', 'cli', 'taskpane', 'commands', 'testing', 'bench'],
  hosts: ['cli', 'taskpane', 'commands'],
};
