// Sizes Parallax accepts, kept free of zod so the renderer can check them cheaply.

/** Largest text (characters) or file (bytes) accepted in one import. */
export const MAX_IMPORT_CHARS = 20 * 1024 * 1024;

/** A lens: its name, each term, and how many terms. */
export const MAX_LENS_NAME = 100;
export const MAX_LENS_TERM = 200;
export const MAX_LENS_TERMS = 500;

/** Largest bundle file (bytes) Parallax opens, from the app or the CLI. */
export const MAX_BUNDLE_BYTES = 32 * 1024 * 1024;

/** What a reader writes: a note, a code's name, a signature, an assignment. */
export const MAX_NOTE = 10_000;
export const MAX_CODE_NAME = 100;
export const MAX_ANNOTATOR_NAME = 100;
export const MAX_ASSIGNMENT = 20_000;
