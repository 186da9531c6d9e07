/**
 * Progress on stderr for long runs (several files, or a big one), only when stderr is a
 * terminal: piped or captured output stays clean.
 */
import type { Lang } from '../engine/model';

export type Stage = 'read' | 'analyse' | 'write';

export interface Progress {
  /** Start work on a file; `steps` is how many stages it will go through. */
  file(name: string, steps: number): void;
  stage(stage: Stage): void;
  done(): void;
  /** Wrap an output function so its text (or UTF-8 bytes) is printed above the bar, not through it. */
  around<T extends string | Uint8Array>(write: (chunk: T) => void): (chunk: T) => void;
}

const STAGE_TEXT: Record<Lang, Record<Stage, string>> = {
  vi: { read: 'đọc tệp', analyse: 'kiểm tra', write: 'ghi bản kiểm tra' },
  en: { read: 'reading', analyse: 'checking', write: 'writing the copy' },
};

function endsLine(chunk: string | Uint8Array): boolean {
  return typeof chunk === 'string' ? chunk.endsWith('\n') : chunk[chunk.length - 1] === 0x0a;
}

const silent: Progress = { file() {}, stage() {}, done() {}, around: (write) => write };

/** A bar over every stage of every file; `stream` is stderr when it is a TTY, else none.
 * cli-progress is loaded only when there is a bar to draw. */
export async function makeProgress(stream: NodeJS.WritableStream | undefined, totalSteps: number, lang: Lang): Promise<Progress> {
  if (!stream || totalSteps <= 0) return silent;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{bar} {value}/{total} | {file} — {stage}',
      hideCursor: true,
      clearOnComplete: true,
      barsize: 24,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let stopped = false;
  let current = '';
  let count = 0;
  /** Text without its end of line was printed: the bar is not drawn until it ends. */
  let midLine = false;
  return {
    around(write) {
      return (chunk) => {
        if (!started || stopped || chunk.length === 0) return write(chunk);
        if (!midLine) stream.write('\r\u001b[2K');
        write(chunk);
        // Output written in pieces (a large JSON line): the bar waits for the end of the line.
        midLine = !endsLine(chunk);
        if (midLine) return;
        // Draw the bar again on the fresh line (cli-progress redraws only what changed).
        (bar as unknown as { lastDrawnString: string | null }).lastDrawnString = null;
        bar.render();
      };
    },
    file(name) {
      current = name;
      if (!started) {
        bar.start(totalSteps, 0, { file: current, stage: '' });
        started = true;
      }
    },
    stage(stage) {
      bar.update(count, { file: current, stage: STAGE_TEXT[lang][stage] });
      count++;
    },
    done() {
      if (started && !stopped) {
        bar.update(totalSteps);
        bar.stop();
      }
      stopped = true;
    },
  };
}
