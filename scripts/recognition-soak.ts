/**
 * Long run of the recognition property test: generates many appendices
 * (test/engine/recognition/layout-gen.ts) and prints the share recognised exactly, with the
 * seeds of those that were not (each can be replayed: --only SEED prints the sheet and what
 * differs). Run: npx tsx scripts/recognition-soak.ts [--plans 5000] [--seed N] [--only SEED]
 */
import { differences, dump } from '../test/engine/recognition/layout-check';
import { generatePlan } from '../test/engine/recognition/layout-gen';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const only = arg('only');
  if (only !== undefined) {
    const plan = generatePlan(Number(only));
    console.log(dump(plan));
    const diff = differences(plan);
    console.log(diff.length ? diff.join('\n') : 'recognised exactly');
    return;
  }
  const plans = Number(arg('plans') ?? 5000);
  const first = Number(arg('seed') ?? Math.floor(Math.random() * 0x7fffffff));
  const missed: { seed: number; diff: string[] }[] = [];
  const started = Date.now();
  for (let i = 0; i < plans; i++) {
    const seed = (first + i) % 0x7fffffff;
    const diff = differences(generatePlan(seed));
    if (diff.length) missed.push({ seed, diff });
  }
  const exact = plans - missed.length;
  console.log(`seeds ${first}…${first + plans - 1}: ${exact}/${plans} recognised exactly (${((100 * exact) / plans).toFixed(2)} %) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const m of missed.slice(0, 20)) console.log(`  seed ${m.seed}: ${m.diff.slice(0, 3).join('; ')}`);
  if (missed.length) process.exitCode = 1;
}

main();
