/** A worker thread of the cards integration: draws one card (or takes it from the build cache), at the lowest priority. */
import { isMainThread } from 'node:worker_threads';
import { yieldToTheBuild } from '../low-priority.ts';
import { renderCard, type CardInput } from './card.ts';

// Only as the worker it is made for: a module that imports it keeps its own priority.
if (!isMainThread) yieldToTheBuild();

export default function draw(input: CardInput): Promise<Uint8Array> {
  return renderCard(input);
}
