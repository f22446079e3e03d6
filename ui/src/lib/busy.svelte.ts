// Calls to the core still running, so a progress bar can show when one takes longer than
// half a second (import, export, backup, the demo…).

export const busy = $state({ running: 0 });

/** Counts `p` as running until it settles. */
export async function track<T>(p: Promise<T>): Promise<T> {
  busy.running += 1;
  try {
    return await p;
  } finally {
    busy.running -= 1;
  }
}
