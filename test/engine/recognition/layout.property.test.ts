/**
 * Generated appendices (test/engine/recognition/layout-gen.ts) are recognised exactly: header
 * rows, each role's column, the kind of every row and the task count. A bounded run with a
 * fixed seed; RECOGNITION_SEED and RECOGNITION_RUNS change it, and scripts/recognition-soak.ts
 * runs many more plans.
 */
import fc from 'fast-check';
import { differences, dump } from './layout-check';
import { generatePlan, planArb } from './layout-gen';

fc.configureGlobal({
  seed: Number(process.env.RECOGNITION_SEED ?? 20251201),
  numRuns: Number(process.env.RECOGNITION_RUNS ?? 200),
});

describe('generated appendices', () => {
  it('are recognised exactly: header, columns and roles, row kinds, task count', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const diff = differences(plan);
        if (diff.length) throw new Error(`${diff.join('\n')}\n${dump(plan)}`);
      }),
    );
  });

  it('the generator is deterministic and its truth is consistent', () => {
    const a = generatePlan(7);
    const b = generatePlan(7);
    expect(JSON.stringify(a.grid)).toBe(JSON.stringify(b.grid));
    expect(a.truth.tasks).toBe([...a.truth.kinds.values()].filter((k) => k === 'task').length);
    expect(a.truth.headerRows.length).toBeGreaterThan(0);
  });
});
