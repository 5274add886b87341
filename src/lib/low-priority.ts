/**
 * The lowest priority for the calling thread, for work the build wants only at its end (the
 * preview cards, the search index) while the threads that compile the sections and render the
 * pages are what it waits for. On two cores such a thread at their priority took its share from
 * them; at the lowest it runs in the time they leave idle (at 1,000 articles the content sync
 * took 9–10 s against 11–14 s with the card thread at theirs, and the build about 2 s less). A
 * process the thread starts inherits its priority. Linux gives each thread its own niceness;
 * elsewhere, or where the system refuses, the thread keeps the build's priority.
 */
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

export function yieldToTheBuild(): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), constants.priority.PRIORITY_LOW);
  } catch {
    // No /proc/thread-self (not Linux), or no say over a thread's priority: it shares the cores.
  }
}
