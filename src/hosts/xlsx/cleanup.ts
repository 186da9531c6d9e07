/**
 * Files this process must not leave behind (the temporary copy being written, the lock on an
 * --out target): removed when the work ends, and also when the process is stopped by SIGINT
 * (Ctrl-C), SIGTERM or SIGHUP — the handlers are installed only while such a file exists, then
 * the signal is raised again so the exit status is the usual one (130, 143…).
 *
 * SIGKILL cannot be caught: its leftovers carry the writer's process id (a temporary file in its
 * name, TEMP_PREFIX below; a lock, LOCK_PREFIX, in its content) and are removed by the next run
 * that writes into the same folder once that process is gone (sweepStale).
 */
import { promises as fs, unlinkSync } from 'fs';
import path from 'path';

/** Hidden names, recognisable and short whatever the target's name (255-byte name limit). */
export const TEMP_PREFIX = '.~cchc-plan-';
export const TEMP_SUFFIX = '.tmp';
export const LOCK_PREFIX = '.~cchc-plan-lock-';

const owned = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  removeOwnedNow();
  uninstall();
  // Default behaviour again, then the same signal: the process ends as it would have.
  process.kill(process.pid, signal);
}

function removeOwnedNow(): void {
  for (const file of owned) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
  owned.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', removeOwnedNow);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', removeOwnedNow);
}

/** Remove `file` if the process stops before release(file). */
export function own(file: string): void {
  owned.add(file);
  install();
}

/** `file` is no longer this process's to remove (renamed into place, or removed). */
export function release(file: string): void {
  owned.delete(file);
  if (owned.size === 0) uninstall();
}

/** Remove `file` now (a failure to remove is ignored) and stop owning it. */
export async function removeOwned(file: string): Promise<void> {
  await fs.unlink(file).catch(() => undefined);
  release(file);
}

/** Whether a process of that id is running (a process we may not signal is running too). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process id a leftover's name carries (".~cchc-plan-<pid>-<hex>.tmp"), or null. */
export function tempOwner(name: string): number | null {
  if (!name.startsWith(TEMP_PREFIX) || !name.endsWith(TEMP_SUFFIX)) return null;
  const m = /^(\d+)-[0-9a-f]+$/.exec(name.slice(TEMP_PREFIX.length, -TEMP_SUFFIX.length));
  return m ? Number(m[1]) : null;
}

/** A lock file younger than this with no process id yet is being created by its owner. */
const FRESH_LOCK_MS = 10_000;

/** Whether the lock file at `lock` was left by a run that is gone (or is unreadable, or empty
 * for longer than its creation can take). */
export async function lockIsStale(lock: string): Promise<boolean> {
  const [text, stat] = await Promise.all([fs.readFile(lock, 'utf8').catch(() => null), fs.stat(lock).catch(() => null)]);
  if (text === null || !stat) return true;
  const pid = Number(text.trim());
  if (text.trim() === '') return Date.now() - stat.mtimeMs > FRESH_LOCK_MS;
  return pid !== process.pid && !processAlive(pid);
}

/** Remove temporary copies and --out locks left in `dir` by writers that are gone (killed with
 * SIGKILL, or a power cut), so that a folder a killed run wrote into holds only complete files
 * after the next run writes there. Best effort: a folder that cannot be listed is left alone. */
export async function sweepStale(dir: string): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(dir, name);
    const pid = tempOwner(name);
    if (pid !== null && pid !== process.pid && !processAlive(pid)) await fs.unlink(file).catch(() => undefined);
    // A lock names no process in its name (it must be one name per target): its content does.
    else if (name.startsWith(LOCK_PREFIX) && (await lockIsStale(file))) await fs.unlink(file).catch(() => undefined);
  }
}
