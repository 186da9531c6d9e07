/** The bounded memo the engine, the contract and the printer share (src/engine/memo.ts). */
import { BoundedMemo } from '../../src/engine/memo';

test('an answer is computed once and given back while the memo holds it', () => {
  const memo = new BoundedMemo<string, number>(10);
  let calls = 0;
  const length = (s: string) => (calls++, s.length);
  expect(memo.get('Quý I/2024', length)).toBe(10);
  expect(memo.get('Quý I/2024', length)).toBe(10);
  expect(calls).toBe(1);
  expect(memo.peek('Quý I/2024')).toBe(10);
  expect(memo.peek('Quý II/2024')).toBeUndefined();
});

test('null and undefined answers are remembered too (a header that names no role)', () => {
  const memo = new BoundedMemo<string, string | null | undefined>(10);
  let calls = 0;
  memo.get('a', () => (calls++, null));
  memo.get('b', () => (calls++, undefined));
  expect(memo.get('a', () => 'x')).toBeNull();
  expect(memo.get('b', () => 'x')).toBeUndefined();
  expect(calls).toBe(2);
});

test('past its bound it starts over: memory stays bounded, answers stay right', () => {
  const memo = new BoundedMemo<number, number>(3);
  let calls = 0;
  const square = (n: number) => (calls++, n * n);
  for (const n of [1, 2, 3]) memo.get(n, square);
  expect(calls).toBe(3);
  memo.get(4, square); // full: forgets 1–3, keeps 4
  expect(memo.peek(1)).toBeUndefined();
  expect(memo.peek(4)).toBe(16);
  expect(memo.get(2, square)).toBe(4);
  expect(calls).toBe(5);
});
