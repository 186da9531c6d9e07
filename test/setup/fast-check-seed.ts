/**
 * Property tests run with a random seed on a developer's machine (more inputs tried over time)
 * and with a fixed one in CI (`.ci/run` sets FC_SEED), so that a landing never depends on
 * chance. fast-check prints the seed and the counterexample of any failure; a counterexample
 * found that way becomes a plain regression test beside the property.
 */
import fc from 'fast-check';

const fixed = process.env.FC_SEED;
if (fixed !== undefined && fixed !== '') {
  const seed = Number(fixed);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, not "${fixed}"`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
