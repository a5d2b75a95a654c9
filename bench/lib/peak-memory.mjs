import { readFileSync } from 'node:fs';

/** Peak resident memory (VmHWM) of a running process in MB, or null when it cannot be read (not Linux, gone). */
export const hwmMb = (pid) => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
};
