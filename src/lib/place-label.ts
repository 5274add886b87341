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
