// Sizes Parallax accepts, kept free of zod so the renderer can check them cheaply.

/** Largest text (characters) or file (bytes) accepted in one import. */
export const MAX_IMPORT_CHARS = 20 * 1024 * 1024;
