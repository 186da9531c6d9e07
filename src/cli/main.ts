#!/usr/bin/env node
/**
 * `cchc-plan` — the command line over the same engine the add-in runs (cli-json.md).
 *
 * `run(argv, io)` does everything and returns the exit status, so tests run the CLI in-process;
 * `main()` only wires it to the real process. Built, this file is dist/cli/cli.js, which the
 * bin (dist/cli/main.js, src/cli/bin.ts) loads with V8's code cache.
 *
 * Adding a command: write src/cli/commands/<name>.ts exporting a CliCommand (see
 * src/cli/command.ts and commands/validate.ts; the work itself is a use case of src/usecases run
 * over the file opened by src/cli/plan-job.ts, which also words refusals and places the copies),
 * then import it here and add it to COMMANDS below (as reportCommand was). Its options come from
 * args.ts and its action is args.ts's runParsed; a command over several files runs each through
 * each-file.ts (as validate and report), one that writes one copy of one file through
 * one-copy.ts (as clean and convert).
 */
import { readFileSync } from 'fs';
import path from 'path';
import { Command, CommanderError } from 'commander';
import { todayISO } from '../engine/dates';
import type { Lang } from '../engine/model';
import { langFromArgv } from './args';
import { EXIT_COULD_NOT_CHECK, EXIT_OK, type CliCommand, type CliIO, type CommandContext } from './command';
import { cleanCommand } from './commands/clean';
import { convertCommand } from './commands/convert';
import { reportCommand } from './commands/report';
import { rollupCommand } from './commands/rollup';
import { validateCommand } from './commands/validate';
import { messages } from './messages';
import { debugDetails } from './plan-job';
import { SYNOPSIS_HEADING, synopsis } from './synopsis';

const COMMANDS: CliCommand[] = [validateCommand, reportCommand, rollupCommand, convertCommand, cleanCommand];

/** The version in the project's package.json, found upwards from this file (src/cli or dist/cli). */
function version(): string {
  let dir = __dirname;
  for (let up = 0; up < 5; up++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.name === 'cchc-plan' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here: look one level up
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

/** The option a commander message names ("unknown option '--foo'"). */
function quoted(message: string): string {
  return /'([^']+)'/.exec(message)?.[1] ?? '';
}

/** Commander's own errors, reworded as one sentence in the user's language. */
function commanderSentence(error: CommanderError, lang: Lang): string {
  switch (error.code) {
    case 'commander.unknownOption':
      return messages.unknownOption(quoted(error.message), lang);
    case 'commander.optionMissingArgument':
    case 'commander.missingMandatoryOptionValue':
      return messages.optionNeedsValue(quoted(error.message).split(/[ ,]/)[0] ?? '', lang);
    case 'commander.missingArgument':
      return messages.missingFile(lang);
    case 'commander.unknownCommand':
      return messages.unknownCommand(quoted(error.message), COMMANDS.map((c) => c.name), lang);
    default:
      return messages.badArguments(error.message.replace(/^error:\s*/i, ''), lang);
  }
}

/** Resolves when the stream's backlog is written, or when it is closed (a reader that went away:
 * its error is the stream's, reported as without this wait). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

function defaultIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stdoutBytes: (bytes) => process.stdout.write(bytes),
    drained: () => drained(process.stdout),
    stderr: (text) => process.stderr.write(text),
    progressStream: process.stderr.isTTY ? process.stderr : undefined,
    cwd: process.cwd(),
    today: () => todayISO(),
  };
}

export async function run(argv: readonly string[], ioOverrides: Partial<CliIO> = {}): Promise<number> {
  const io: CliIO = { ...defaultIO(), ...ioOverrides };
  // Bytes go where the text goes: a caller's own stdout is given the JSON as text.
  if (ioOverrides.stdout && !ioOverrides.stdoutBytes) delete io.stdoutBytes;
  const lang = langFromArgv(argv);
  let exitCode = EXIT_OK;
  const ctx: CommandContext = { io, lang, setExitCode: (code) => (exitCode = code) };

  const program = new Command('cchc-plan')
    .description('Kiểm tra và báo cáo kế hoạch cải cách hành chính (CCHC) trong Excel / check and report on CCHC plan workbooks')
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // Errors are reworded below; commander's own English line is not shown.
      outputError: () => undefined,
    })
    .showSuggestionAfterError(false)
    .allowExcessArguments(false);
  for (const command of COMMANDS) command.register(program, ctx);
  program.addHelpText('after', () => `\n${SYNOPSIS_HEADING}\n${synopsis(program)}\n`);

  if (argv.length === 0) {
    io.stderr(`${messages.noCommand(lang)}\n`);
    return EXIT_COULD_NOT_CHECK;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      io.stderr(`${commanderSentence(e, lang)}\n`);
      return EXIT_COULD_NOT_CHECK;
    }
    io.stderr(`${messages.unexpected(argv.find((a) => !a.startsWith('-') && a !== 'validate') ?? '', lang)}\n`);
    debugDetails(e, io.stderr);
    return EXIT_COULD_NOT_CHECK;
  }
  return exitCode;
}

/** Run the command line on this process's arguments; its exit status becomes the process's. */
export function main(): void {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT_COULD_NOT_CHECK;
    },
  );
}

// Run as a file (tsx src/cli/main.ts); the built bin (src/cli/bin.ts) calls main() itself.
if (require.main === module) main();
