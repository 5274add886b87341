/** A worker thread of the cards integration: draws one card (or takes it from the build cache). */
import { renderCard, type CardInput } from './card.ts';

export default function draw(input: CardInput): Promise<Uint8Array> {
  return renderCard(input);
}
