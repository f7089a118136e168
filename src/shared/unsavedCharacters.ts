// Characters an article's saved text never holds, as regular-expression classes: the
// import cleanup removes them, and import:commit refuses them, from one definition so
// the two can never disagree.

/** Control characters other than tab and line feed (line breaks of other kinds become \n). */
export const CONTROL_CHARACTERS = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f';

/**
 * Direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069):
 * invisible, they make text display in another order than it reads.
 */
export const DIRECTION_CONTROLS = '\\u202a-\\u202e\\u2066-\\u2069';
