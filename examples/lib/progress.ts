import { SingleBar } from 'cli-progress';

/** A terminal progress bar with the running loss; quiet when output is not a terminal. */
export function progressBar(label: string, total: number): { update(done: number, loss: number): void; stop(): void } {
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | step {value}/{total} | loss {loss} | {rate} steps/s`,
    barCompleteChar: '#',
    barIncompleteChar: '-',
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 5000,
  });
  const start = Date.now();
  bar.start(total, 0, { loss: '-', rate: '0.0' });
  return {
    update(done: number, loss: number) {
      const secs = (Date.now() - start) / 1000;
      bar.update(done, { loss: loss.toFixed(5), rate: (done / Math.max(secs, 1e-3)).toFixed(1) });
    },
    stop() {
      bar.stop();
    },
  };
}
