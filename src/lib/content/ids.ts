/** Rules for ids that become URLs: ids are data, written by editors, never derived from titles. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const SLUG_HINT = 'use lowercase letters, digits and single hyphens, e.g. "different-means"';
