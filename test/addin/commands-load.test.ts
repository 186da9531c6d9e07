/**
 * The ribbon functions are associated with Office the moment the bundle loads, not only once
 * Office.onReady resolves: in a shared runtime whose page is the task pane's, the first click can
 * come first (office-js #5176). Office is stubbed; onReady never resolves here.
 */
type Handler = (event: { completed(): void }) => void;

describe('commands.ts at load', () => {
  const saved = (globalThis as { Office?: unknown }).Office;
  afterEach(() => {
    (globalThis as { Office?: unknown }).Office = saved;
  });

  it('associates validatePlan and openReport before Office is ready, and again when it is', async () => {
    const associated: [string, Handler][] = [];
    let ready: (() => void) | null = null;
    (globalThis as { Office?: unknown }).Office = {
      actions: { associate: (name: string, fn: Handler) => void associated.push([name, fn]) },
      onReady: (callback: () => void) =>
        new Promise<void>((resolve) => {
          ready = () => {
            callback();
            resolve();
          };
        }),
      addin: { showAsTaskpane: async () => undefined },
    };
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../src/commands/commands');
    });
    expect(associated.map(([name]) => name)).toEqual(['validatePlan', 'openReport']);
    expect(associated.every(([, fn]) => typeof fn === 'function')).toBe(true);
    ready!();
    expect(associated.map(([name]) => name)).toEqual(['validatePlan', 'openReport', 'validatePlan', 'openReport']);
  });

  it('loads without Office (a plain browser) without throwing', () => {
    delete (globalThis as { Office?: unknown }).Office;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(() => jest.isolateModules(() => require('../../src/commands/commands'))).not.toThrow();
  });
});
