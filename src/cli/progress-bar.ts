export interface ProgressBar {
  update(done: number, total: number): void;
  /** Clears the bar so the next output starts on a clean line. */
  finish(): void;
}

const WIDTH = 30;

/** A one-line bar redrawn in place with a carriage return: `[#####·····] 17/68`. */
export function createProgressBar(write: (text: string) => void, label: string): ProgressBar {
  let drawn = false;
  return {
    update(done, total) {
      const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
      const filled = Math.round(fraction * WIDTH);
      write(`\r${label} [${'#'.repeat(filled)}${'·'.repeat(WIDTH - filled)}] ${done}/${total}`);
      drawn = true;
    },
    finish() {
      if (drawn) write('\r\x1b[2K');
      drawn = false;
    },
  };
}

export const silentProgressBar: ProgressBar = { update: () => undefined, finish: () => undefined };
