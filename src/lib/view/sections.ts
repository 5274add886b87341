/** How a section is named where its title is missing (the untitled opening paragraphs). */
export function sectionLabel(section: { title?: string | undefined; order: number }): string {
  return section.title ?? (section.order === 1 ? 'Opening' : `Section ${section.order}`);
}
