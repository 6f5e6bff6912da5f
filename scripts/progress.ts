import { SingleBar } from 'cli-progress';

/**
 * The remaining time, estimated from the units of work finished in this invocation only: units
 * found already done when a run resumes took no time now and must not make the estimate 0.
 */
export function estimateRemaining(elapsedMs: number, done: number, resumed: number, total: number): string {
  const finishedNow = done - resumed;
  if (done >= total) return '0 s';
  if (finishedNow <= 0 || elapsedMs <= 0) return 'estimating';
  const ms = (elapsedMs / finishedNow) * (total - done);
  const s = Math.round(ms / 1000);
  return s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`;
}

/**
 * A progress bar per dataset on a terminal; on a non-terminal (CI, a log file) plain lines
 * every few seconds instead of carriage-return redraws.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stdout, now: () => number = () => performance.now()) {
  let bar: SingleBar | null = null;
  let current = '';
  let started = 0;
  const isTTY = Boolean(stream.isTTY);
  return {
    update(id: string, done: number, total: number, resumed = 0): void {
      const payload = () => ({ remaining: estimateRemaining(now() - started, done, resumed, total), resumed: resumed > 0 ? ` (${resumed} done before)` : '' });
      if (id !== current || !bar) {
        bar?.stop();
        current = id;
        started = now();
        bar = new SingleBar({
          format: `  ${id} [{bar}] {value}/{total} runs{resumed} · {percentage}% · remaining {remaining} · {duration_formatted}`,
          stream,
          noTTYOutput: !isTTY,
          notTTYSchedule: 5000,
          hideCursor: isTTY,
          barsize: 24,
        });
        bar.start(total, done, payload());
      } else {
        bar.setTotal(total);
        bar.update(done, payload());
      }
      if (done >= total) {
        bar.stop();
        bar = null;
      }
    },
    stop(): void {
      bar?.stop();
      bar = null;
    },
  };
}
