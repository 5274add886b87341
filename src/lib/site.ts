/** Site-wide names used in page chrome and metadata. */
export const SITE_NAME = 'Long Reads';
export const SITE_DESCRIPTION = 'Long-form analysis, annotated and searchable.';
