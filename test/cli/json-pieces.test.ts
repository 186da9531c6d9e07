/** A JSON line printed in pieces is JSON.stringify's line in UTF-8, and no piece holds all of it. */
import fc from 'fast-check';
import { jsonLinePieces, printJsonLine, stdoutBytes } from '../../src/cli/json-pieces';
import { ListMadeAsPrinted } from '../../src/contract/made-as-printed';

function pieces(value: unknown): Buffer[] {
  return [...jsonLinePieces(value)];
}

/** The bytes of the pieces, joined, against JSON.stringify's line encoded whole. */
function expectSameLine(value: unknown): void {
  const line = Buffer.from(`${JSON.stringify(value)}\n`);
  expect(Buffer.concat(pieces(value)).equals(line)).toBe(true);
}

// Text where UTF-8 takes 1 to 4 bytes a character, and what JSON must escape.
const text = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('Nhiệm vụ cải cách hành chính', 'Quý IV/2024 “đúng hạn”', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀', 'tab\there\n"quoted"\\', '\ud800 lone', ''),
);

/** Rows as `validate --json` gives them: sub-objects shared between rows, as toValidateJson does. */
const rowsLine = fc
  .record({
    deadlines: fc.array(fc.record({ text, kind: fc.constantFrom('date', 'event'), steps: fc.array(fc.record({ due: text, text })), every: fc.array(text) }), { minLength: 1, maxLength: 4 }),
    issues: fc.array(fc.record({ code: text, message: text }), { minLength: 1, maxLength: 4 }),
    picks: fc.array(fc.tuple(fc.nat(), fc.array(fc.nat(), { maxLength: 3 }), text, fc.option(text), fc.jsonValue({ maxDepth: 3 })), { maxLength: 60 }),
  })
  .map(({ deadlines, issues, picks }) => ({
    file: 'kế hoạch.xlsx',
    rows: picks.map(([d, is, task, lead, extra], i) => ({
      row: i + 8,
      task,
      lead,
      deadline: deadlines[d % deadlines.length],
      issues: is.map((n) => issues[n % issues.length]),
      extra,
      nested: [[deadlines[0]], { inner: [issues[0], undefined] }],
    })),
    summary: { tasks: picks.length },
  }));

test('the pieces joined are the UTF-8 of JSON.stringify(value) and an end of line, for any JSON value', () => {
  fc.assert(fc.property(fc.jsonValue(), expectSameLine));
  fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }).map((v) => ({ rows: [v, [v], { v }], top: v })), expectSameLine));
});

test('rows sharing their deadlines and issues, with text in every script, print as JSON.stringify does', () => {
  fc.assert(fc.property(rowsLine, expectSameLine), { numRuns: 200 });
});

test('a shared object printed once is printed the same everywhere it appears, at every level', () => {
  const shared = { text: 'Thường xuyên', steps: [{ due: '2024-12-31', text: 'Cuối năm' }] };
  const list = [shared, shared];
  expectSameLine({ a: shared, rows: [{ d: shared, l: list, deep: { d: shared, l: list } }, list, [list, [shared]]], b: list });
});

test('what JSON.stringify leaves out or changes is left out or changed the same way, at every level', () => {
  const odd = {
    kept: 'văn bản',
    gone: undefined,
    fn: () => 1,
    sym: Symbol('s'),
    list: [undefined, () => 1, Symbol('t'), 1, { deep: [undefined, { x: undefined, y: 2 }] }],
    day: new Date(Date.UTC(2024, 6, 15)),
    boxed: [Object(1), Object('a'), Object(true)],
    custom: { toJSON: () => ({ replaced: true }) },
    keyed: { toJSON: (key: string) => `key ${key}` },
    numbers: [-0, NaN, Infinity, 1e21, 0.1],
    nested: { inner: { gone: undefined, kept: [1, 2] } },
    '"quoted"\nkey': 'x',
  };
  expectSameLine(odd);
  // The same values a level lower (a row), and two levels lower (a row's field).
  expectSameLine({ rows: [odd, { field: odd, list: [odd] }] });
  expectSameLine([odd.custom, odd.keyed, odd.day, odd.boxed]);
});

test('a long list is printed in pieces of about 256 KiB, each ended after a whole character', () => {
  const rows = Array.from({ length: 40_000 }, (_, i) => ({ row: i + 8, task: `Nhiệm vụ số ${i} 😀`, issues: [{ code: 'due-missing', severity: 'error' }] }));
  const value = { file: 'ke-hoach.xlsx', rows, summary: { tasks: rows.length } };
  const out = pieces(value);
  expectSameLine(value);
  expect(out.length).toBeGreaterThan(8);
  for (const piece of out) {
    expect(piece.length).toBeLessThanOrEqual(256 * 1024);
    // Decoding piece by piece gives the same text: no character is cut in two.
    expect(Buffer.from(piece.toString('utf8')).equals(piece)).toBe(true);
  }
  expect(out.at(-1)!.at(-1)).toBe(0x0a);
  expect(out.slice(0, -1).every((p) => p.at(-1) !== 0x0a)).toBe(true);
});

test('printed piece by piece, each piece waiting until the output has taken the one before', async () => {
  const rows = Array.from({ length: 30_000 }, (_, i) => ({ row: i, text: `Báo cáo kết quả ${i}` }));
  const events: string[] = [];
  let backlog = 0;
  await printJsonLine(
    { rows },
    (bytes) => {
      // The writer never gets a piece while the previous one is still waiting.
      expect(backlog).toBe(0);
      backlog += bytes.length;
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

test('stdout without a bytes writer is given the text of each piece', async () => {
  let text = '';
  let bytes = 0;
  const value = { rows: Array.from({ length: 20_000 }, (_, i) => ({ row: i, task: `Việc ${i} — “đúng hạn” 😀` })) };
  await printJsonLine(value, stdoutBytes({ stdout: (t) => (text += t) }));
  expect(text).toBe(`${JSON.stringify(value)}\n`);
  await printJsonLine(value, stdoutBytes({ stdout: () => undefined, stdoutBytes: (b) => (bytes += b.length) }));
  expect(bytes).toBe(Buffer.byteLength(text));
});

test('a list made as printed prints as the array it stands for, at the top and one level down', () => {
  fc.assert(
    fc.property(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 30 }), (list) => {
      const made = new ListMadeAsPrinted(list.length, (i) => list[i]);
      const line = Buffer.concat(pieces({ rows: made, after: 1 })).toString('utf8');
      expect(line).toBe(`${JSON.stringify({ rows: list, after: 1 })}\n`);
      expect(Buffer.concat(pieces(made)).toString('utf8')).toBe(`${JSON.stringify(list)}\n`);
    }),
    { numRuns: 200 },
  );
});
