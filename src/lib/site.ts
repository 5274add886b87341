/** Site-wide names used in page chrome and metadata. */
export const SITE_NAME = 'Long Reads';
export const SITE_DESCRIPTION = 'Long-form analysis, annotated and searchable.';

/** The site icon as a data: URL (allowed by the CSP's img-src), kept in sync with public/favicon.svg by a test. */
export const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%238a2c0d'/%3E%3Cpath d='M9 8h4v13h9v3H9z' fill='%23fdfcf9'/%3E%3C/svg%3E";
