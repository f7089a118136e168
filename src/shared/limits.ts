// Sizes Parallax accepts, kept free of zod so the renderer can check them cheaply.

/** Largest text (characters) or file (bytes) accepted in one import. */
export const MAX_IMPORT_CHARS = 20 * 1024 * 1024;

/** A lens: its name, each term, and how many terms. */
export const MAX_LENS_NAME = 100;
export const MAX_LENS_TERM = 200;
export const MAX_LENS_TERMS = 500;
