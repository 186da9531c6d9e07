/**
 * The fake's proxies refer to each other in circles, as Office.js objects do: a range knows its
 * worksheet, a worksheet makes ranges, a conditional format gives its range back. Modules must
 * not import each other in a circle (the import-graph test forbids it), so the constructors that
 * close a circle are looked up here when called; each registers itself as its module loads, and
 * index.ts loads them all before any proxy exists.
 */
import type { FakeRange, FakeRangeAreas } from './range';
import type { FakeWorksheet } from './worksheet';

interface LateBound {
  Range: typeof FakeRange;
  RangeAreas: typeof FakeRangeAreas;
  Worksheet: typeof FakeWorksheet;
}

const registry: Partial<LateBound> = {};

export function register<K extends keyof LateBound>(name: K, ctor: LateBound[K]): void {
  registry[name] = ctor;
}

export function lateBound<K extends keyof LateBound>(name: K): LateBound[K] {
  const ctor = registry[name];
  if (!ctor) throw new Error(`fake Excel: ${name} used before its module was loaded (import src/testing/fake-excel)`);
  return ctor as LateBound[K];
}
