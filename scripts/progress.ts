import { SingleBar } from 'cli-progress';

/**
 * A progress bar with ETA per dataset on a terminal; on a non-terminal (CI, a log file) plain
 * lines every few seconds instead of carriage-return redraws.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stdout) {
  let bar: SingleBar | null = null;
  let current = '';
  const isTTY = Boolean(stream.isTTY);
  return {
    update(id: string, done: number, total: number): void {
      if (id !== current || !bar) {
        bar?.stop();
        current = id;
        bar = new SingleBar({
          format: `  ${id} [{bar}] {value}/{total} runs · {percentage}% · ETA {eta_formatted} · {duration_formatted}`,
          stream,
          noTTYOutput: !isTTY,
          notTTYSchedule: 5000,
          etaBuffer: 20,
          hideCursor: isTTY,
          barsize: 24,
        });
        bar.start(total, done);
      } else {
        bar.setTotal(total);
        bar.update(done);
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
