/**
 * How a "Mentioned in" link names the place it goes to: as short as the reader's position
 * allows, never ambiguous. Beside its own section: "paragraph 2"; elsewhere in the same article:
 * "Section, ¶2"; in another article, or on a page of the whole site, the article is named too.
 */
export interface PlaceNames {
  article: string;
  section: string;
  articleTitle: string;
  sectionLabel: string;
  /** Absent when the words are in a table, list or quote rather than a paragraph. */
  paragraph?: number | undefined;
}

export function placeLabel(place: PlaceNames, here: { article?: string | undefined; section?: string | undefined }): string {
  const paragraph = place.paragraph ? `¶${place.paragraph}` : '';
  if (place.article === here.article && place.section === here.section) {
    return place.paragraph ? `paragraph ${place.paragraph}` : 'in this section';
  }
  const inArticle = [place.sectionLabel, paragraph].filter(Boolean).join(', ');
  return place.article === here.article ? inArticle : `${place.articleTitle}: ${inArticle}`;
}

/** Places in other articles named beside an article before they are only counted. */
export const NAMED_ELSEWHERE = 3;

/**
 * Which places a card beside an article lists by name, and how many it only counts: every place,
 * unless more than NAMED_ELSEWHERE are in other articles; then this article's places, and a count
 * of the others (linked to where all are listed). Away from an article, every place.
 */
export function placesToList<P extends { article: string }>(places: readonly P[], currentArticle: string | undefined): { named: P[]; counted?: { places: number; articles: number } } {
  const elsewhere = places.filter((place) => place.article !== currentArticle);
  if (currentArticle === undefined || elsewhere.length <= NAMED_ELSEWHERE) return { named: [...places] };
  return {
    named: places.filter((place) => place.article === currentArticle),
    counted: { places: elsewhere.length, articles: new Set(elsewhere.map((place) => place.article)).size },
  };
}
