/**
 * The synopsis `cchc-plan --help` ends with, made from the commands as commander knows them
 * (arguments, options and their placeholders), so that it cannot drift from what the CLI
 * accepts; README.md's "Command line" block is the same text (test/cli/synopsis.test.ts).
 *
 * An option is shown without brackets when its description says it is required — "(bắt buộc)" or
 * "(required)": such options are checked by the command's zod schema rather than by commander,
 * so that a missing one is worded like every other mistake.
 */
import type { Command } from 'commander';

export const SYNOPSIS_HEADING = 'Cú pháp / Synopsis:';

const WIDTH = 100;
const REQUIRED = /\((?:bắt buộc|required)\)/i;

function words(cmd: Command): string[] {
  const args = cmd.registeredArguments.map((a) => {
    const name = `${a.name()}${a.variadic ? '...' : ''}`;
    return a.required ? `<${name}>` : `[${name}]`;
  });
  const options = cmd.options
    .filter((o) => o.long !== '--help' && o.long !== '--version')
    .map((o) => {
      const flags = o.flags.replace(/^-\w,\s*/, '');
      return REQUIRED.test(o.description) ? flags : `[${flags}]`;
    });
  return [...args, ...options];
}

/** Greedy wrap at WIDTH; continuation lines start under the first argument. */
function wrap(head: string, parts: string[]): string[] {
  const lines: string[] = [];
  let line = head;
  let first = true;
  for (const part of parts) {
    if (!first && line.length + 1 + part.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(head.length);
      first = true;
    }
    line += ` ${part}`;
    first = false;
  }
  lines.push(line);
  return lines;
}

/** One entry per command (not `help`), names padded so that the arguments line up. */
export function synopsis(program: Command): string {
  const commands = program.commands.filter((c) => c.name() !== 'help');
  const width = Math.max(...commands.map((c) => c.name().length));
  return commands.flatMap((c) => wrap(`${program.name()} ${c.name().padEnd(width)}`, words(c))).join('\n');
}
