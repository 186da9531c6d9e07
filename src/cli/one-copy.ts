/**
 * The run clean and convert share: one input, one copy (cli-json.md). Every failure is one
 * sentence on stderr and exit status 2; the input is never written.
 */
import type { Lang } from '../engine/model';
import { EXIT_COULD_NOT_CHECK, type CliIO } from './command';
import { messages } from './messages';
import { debugDetails, singleOutTarget, type CopyKind, type OutTarget } from './plan-job';

export interface OneCopy {
  /** The input as the user wrote it. */
  file: string;
  /** --out as the user wrote it: the copy, or a folder to write it in. */
  out: string;
  /** What the copy is (default: a copy of the input's kind). */
  kind?: CopyKind;
  lang: Lang;
}

/** Say why nothing was written; the exit status to return. */
export function refuse(io: CliIO, message: string): number {
  io.stderr(`${message}\n`);
  return EXIT_COULD_NOT_CHECK;
}

/** Place the copy, then `work` on it; a defect in the work is the sentence any unexpected
 * failure is. */
export async function runOneCopy(io: CliIO, copy: OneCopy, work: (target: OutTarget) => Promise<number>): Promise<number> {
  const target = await singleOutTarget(copy.file, copy.out, io.cwd, copy.lang, { kind: copy.kind });
  if ('ok' in target) return refuse(io, target.message);
  try {
    return await work(target);
  } catch (e) {
    debugDetails(e, io.stderr);
    return refuse(io, messages.unexpected(copy.file, copy.lang));
  }
}
