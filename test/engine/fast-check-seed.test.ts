import fc from 'fast-check';

describe('property-test seed', () => {
  it('is the FC_SEED of the environment when one is set, and left random otherwise', () => {
    const seed = fc.readConfigureGlobal().seed;
    if (process.env.FC_SEED) expect(seed).toBe(Number(process.env.FC_SEED));
    else expect(seed).toBeUndefined();
  });
});
