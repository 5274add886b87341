/** Site-wide names used in page chrome and metadata. */
export const SITE_NAME = 'Long Reads';
/** The language the publication is written in (BCP 47): the pages' `lang` and the citation tags. */
export const SITE_LANGUAGE = 'en';
export const SITE_DESCRIPTION = 'Long-form analysis, annotated and searchable.';

/**
 * The site icon as a data: URL (allowed by the CSP's img-src), kept in sync with public/favicon.svg by a
 * test. Spaces are percent-encoded too: a raw space makes the URL invalid (the Nu checker rejects it).
 */
export const FAVICON =
  "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%2032%2032'%3E%3Crect%20width='32'%20height='32'%20rx='6'%20fill='%238a2c0d'/%3E%3Cpath%20d='M9%208h4v13h9v3H9z'%20fill='%23fdfcf9'/%3E%3C/svg%3E";
