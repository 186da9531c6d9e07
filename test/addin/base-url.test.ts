/**
 * The build's base URL check (webpack.config.js): a rejected ADDIN_BASE_URL stops the build with
 * one sentence and a non-zero exit — never a stack trace (issue 11).
 */
import { spawnSync } from 'child_process';
import path from 'path';

type Checked = { ok: true; url: string } | { ok: false; message: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkBaseUrl } = require('../../webpack.config.js') as { checkBaseUrl: (value: string | undefined) => Checked };

const ROOT = path.join(__dirname, '..', '..');

describe('checkBaseUrl', () => {
  test.each([
    ['https://cchc.sonoivu.example.vn/addin/', 'https://cchc.sonoivu.example.vn/addin'],
    ['  https://localhost:3000 ', 'https://localhost:3000'],
    [undefined, 'https://localhost:3000'],
  ])('%j is taken as %s', (value, url) => {
    expect(checkBaseUrl(value)).toEqual({ ok: true, url });
  });

  test.each([
    ['http://intranet.example.vn/addin', 'ADDIN_BASE_URL “http://intranet.example.vn/addin” is not https, and Office loads add-ins over https only; set it to an https address, e.g. https://addin.example.vn/cchc.'],
    ['intranet/addin', 'ADDIN_BASE_URL “intranet/addin” is not a web address; set it to the https address the add-in is served from, e.g. https://addin.example.vn/cchc.'],
  ])('%j is refused in one sentence', (value, message) => {
    expect(checkBaseUrl(value)).toEqual({ ok: false, message });
  });
});

test('webpack with a rejected ADDIN_BASE_URL prints the sentence alone and exits non-zero', () => {
  const cli = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const result = spawnSync(process.execPath, [cli, '--mode', 'production'], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_BASE_URL: 'http://intranet.example.vn/addin' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.status).not.toBe(0);
  expect(result.status).not.toBeNull();
  const lines = `${result.stdout}${result.stderr}`.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toEqual(['[webpack-cli] ADDIN_BASE_URL “http://intranet.example.vn/addin” is not https, and Office loads add-ins over https only; set it to an https address, e.g. https://addin.example.vn/cchc.']);
});
