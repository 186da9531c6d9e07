/** A JSON line printed in pieces is JSON.stringify's line, and no piece holds all of it. */
import fc from 'fast-check';
import { jsonLinePieces, printJsonLine } from '../../src/cli/json-pieces';

function pieces(value: unknown): string[] {
  return [...jsonLinePieces(value)];
}

test('the pieces joined are JSON.stringify(value) and an end of line, for any JSON value', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      expect(pieces(value).join('')).toBe(`${JSON.stringify(value)}\n`);
    }),
  );
});

test('what JSON.stringify leaves out or changes is left out or changed the same way', () => {
  const value = {
    kept: 'văn bản',
    gone: undefined,
    fn: () => 1,
    sym: Symbol('s'),
    list: [undefined, () => 1, Symbol('t'), 1, { deep: [undefined, { x: undefined, y: 2 }] }],
    day: new Date(Date.UTC(2024, 6, 15)),
    boxed: [Object(1), Object('a'), Object(true)],
    custom: { toJSON: () => ({ replaced: true }) },
    nested: { inner: { gone: undefined, kept: [1, 2] } },
    '"quoted"\nkey': 'x',
  };
  expect(pieces(value).join('')).toBe(`${JSON.stringify(value)}\n`);
});

test('a long list is printed in pieces of about 64 K characters, each ended where an element ends', () => {
  const rows = Array.from({ length: 20_000 }, (_, i) => ({ row: i + 8, task: `Nhiệm vụ số ${i}`, issues: [{ code: 'due-missing', severity: 'error' }] }));
  const value = { file: 'ke-hoach.xlsx', rows, summary: { tasks: rows.length } };
  const out = pieces(value);
  expect(out.join('')).toBe(`${JSON.stringify(value)}\n`);
  expect(out.length).toBeGreaterThan(15);
  for (const piece of out) expect(piece.length).toBeLessThan(64 * 1024 + 200);
  expect(out.at(-1)!.endsWith('\n')).toBe(true);
  expect(out.slice(0, -1).every((p) => !p.endsWith('\n'))).toBe(true);
});

test('printed piece by piece, each piece waiting until the output has taken the one before', async () => {
  const rows = Array.from({ length: 8_000 }, (_, i) => ({ row: i, text: `Báo cáo kết quả ${i}` }));
  const events: string[] = [];
  let backlog = 0;
  await printJsonLine(
    { rows },
    (text) => {
      // The writer never gets a piece while the previous one is still waiting.
      expect(backlog).toBe(0);
      backlog += text.length;
      events.push('write');
    },
    async () => {
      await new Promise((resolve) => setImmediate(resolve));
      backlog = 0;
      events.push('drained');
    },
  );
  expect(events.length).toBeGreaterThan(4);
  expect(events.every((e, i) => e === (i % 2 === 0 ? 'write' : 'drained'))).toBe(true);
});
