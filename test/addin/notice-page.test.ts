/**
 * @jest-environment jsdom
 *
 * The ribbon's notice dialog page: its words come from the query string as text, the Close
 * button has the focus, and it follows Excel's dark theme.
 */
import * as fs from 'fs';
import * as path from 'path';

const HTML = fs.readFileSync(path.resolve(__dirname, '../../src/commands/notice.html'), 'utf8');

function load(query: string, officeTheme: unknown): void {
  document.documentElement.className = '';
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(HTML)![1];
  window.history.replaceState({}, '', `/notice.html?${query}`);
  (globalThis as unknown as { Office: unknown }).Office = {
    context: { officeTheme, ui: { messageParent: jest.fn() } },
    onReady: (callback: () => void) => Promise.resolve(callback()),
  };
  jest.isolateModules(() => {
    // The page runs when loaded: load it afresh for each query.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../src/commands/notice-page');
  });
}

describe('notice dialog page', () => {
  it('shows its words as text, focuses Close, and is light in a light theme', () => {
    load(new URLSearchParams({ lang: 'en', title: 'Validate plan', text: 'Checked 3 tasks: <b>no</b> problems.', close: 'Close' }).toString(), { isDarkTheme: false });
    expect(document.documentElement.lang).toBe('en');
    expect(document.getElementById('notice-text')!.textContent).toBe('Checked 3 tasks: <b>no</b> problems.');
    expect(document.querySelector('#notice-text b')).toBeNull();
    expect(document.activeElement).toBe(document.getElementById('notice-close'));
    expect(document.documentElement.classList.contains('dark')).toBe(false);
  });

  it('is dark in Excel’s dark theme (and where only the body colour says so)', () => {
    load('lang=vi&title=x&text=y', { isDarkTheme: true });
    expect(document.documentElement.classList.contains('dark')).toBe(true);
    load('lang=vi&title=x&text=y', { bodyBackgroundColor: '#262626' });
    expect(document.documentElement.classList.contains('dark')).toBe(true);
    // The page's own rules give the dark class its colours.
    expect(HTML).toMatch(/html\.dark body \{ background: #292929; color: #ffffff; \}/);
  });
});
