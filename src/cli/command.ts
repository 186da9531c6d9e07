/**
 * What a command of `cchc-plan` is: one file under src/cli/commands/ exporting a CliCommand,
 * listed in COMMANDS in src/cli/main.ts. A command registers itself on the commander program,
 * reads and writes only through `ctx.io`, and reports its exit status with `ctx.setExitCode`
 * (0 checked and clean, 1 checked with errors, 2 could not check). It never calls
 * process.exit and never lets an exception escape for bad input.
 */
import type { Command } from 'commander';
import type { ISODate, Lang } from '../engine/model';

export interface CliIO {
  stdout(text: string): void;
  /** stdout taking UTF-8 bytes (each piece ends after a whole character): the JSON line, encoded
   * as it is made. Absent: the bytes are decoded and given to `stdout` (the tests' capture). */
  stdoutBytes?(bytes: Uint8Array): void;
  stderr(text: string): void;
  /** stderr as a stream when it is a terminal (for progress bars); undefined otherwise. */
  progressStream?: NodeJS.WritableStream;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Today's calendar date on this machine. */
  today(): ISODate;
  /** Resolves once stdout has taken what was written to it. A pipe is written asynchronously:
   * a large output printed in pieces waits for this after each, or it all waits in memory.
   * Absent: stdout takes text as it is given (the tests' capture). */
  drained?(): Promise<void>;
}

export interface CommandContext {
  io: CliIO;
  /** The language asked for on the command line (--lang), known before parsing. */
  lang: Lang;
  setExitCode(code: number): void;
}

export interface CliCommand {
  name: string;
  register(program: Command, ctx: CommandContext): void;
}

/** Exit statuses (cli-json.md). */
export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_COULD_NOT_CHECK = 2;
