/** A worker thread of the cards integration: draws one card (or takes it from the build cache). */
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { renderCard, type CardInput } from './card.ts';

/**
 * The cards are wanted only once the pages are written, while the threads that compile the
 * sections and render the pages are what the build waits for. On two cores a card thread at
 * their priority took its share from them: at the lowest it draws in the time they leave idle
 * (at 1,000 articles the content sync took 9–10 s against 11–14 s, and the build about 2 s less).
 * Linux gives each thread its own niceness; elsewhere, or where the system refuses, the thread
 * keeps the build's priority.
 */
function yieldToTheBuild(): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), constants.priority.PRIORITY_LOW);
  } catch {
    // No /proc/thread-self (not Linux), or no say over a thread's priority: the cards share the cores.
  }
}

// Only as the worker it is made for: a module that imports it keeps its own priority.
if (!isMainThread) yieldToTheBuild();

export default function draw(input: CardInput): Promise<Uint8Array> {
  return renderCard(input);
}
