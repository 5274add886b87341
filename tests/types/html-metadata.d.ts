/** The part of html-metadata (Wikimedia's metadata reader, which Citoid uses) the tests call; it ships no types. */
declare module 'html-metadata' {
  /** Every kind of metadata it finds in the page (highwirePress, dublinCore, openGraph, jsonLd…), by kind. */
  export function loadFromString(html: string): Promise<Record<string, unknown>>;
  const metadata: { loadFromString: typeof loadFromString };
  export default metadata;
}
