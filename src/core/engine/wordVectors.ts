// Word vectors for paraphrase: words that mean nearly the same ("prevailing" /
// "pervading", "timing" / "when") get nearby vectors. The file is derived from
// GloVe by scripts/derive-word-vectors.mjs; this module only reads its bytes,
// so the engine stays free of file access (main loads the file and passes it in).
//
// Format, little-endian: "PXWV", u32 version (1), u32 word count, u32 dimensions,
// u32 byte length of the words (lower-case ASCII letters, joined by "\n"), the words, padding to 4
// bytes, f32 scale per word, then int8 components (word-major). A component
// times its word's scale gives the unit-length vector.

export interface WordVectors {
  readonly dimensions: number;
  readonly size: number;
  has(word: string): boolean;
  /** Adds `weight` × the word's unit vector to `target`; false if the word is unknown. */
  addTo(word: string, target: Float64Array, weight: number): boolean;
}

export function parseWordVectors(bytes: Uint8Array): WordVectors {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== 'PXWV' || view.getUint32(4, true) !== 1)
    throw new Error('This is not a Parallax word-vector file (version 1).');
  const size = view.getUint32(8, true);
  const dimensions = view.getUint32(12, true);
  const wordsLength = view.getUint32(16, true);
  const words = asciiLines(bytes.subarray(20, 20 + wordsLength));
  const scalesStart = Math.ceil((20 + wordsLength) / 4) * 4;
  const componentsStart = scalesStart + 4 * size;
  if (words.length !== size || componentsStart + size * dimensions !== bytes.byteLength)
    throw new Error('The word-vector file is truncated or damaged.');
  const index = new Map(words.map((word, i) => [word, i]));
  const components = new Int8Array(
    bytes.buffer,
    bytes.byteOffset + componentsStart,
    size * dimensions,
  );
  return {
    dimensions,
    size,
    has: (word) => index.has(word),
    addTo(word, target, weight) {
      const i = index.get(word);
      if (i === undefined) return false;
      const scale = view.getFloat32(scalesStart + 4 * i, true) * weight;
      const offset = i * dimensions;
      for (let d = 0; d < dimensions; d++) target[d]! += components[offset + d]! * scale;
      return true;
    },
  };
}

/** Lines of ASCII bytes (the core has no TextDecoder, and the words are plain letters). */
function asciiLines(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 10) continue;
    lines.push(String.fromCharCode(...bytes.subarray(start, i)));
    start = i + 1;
  }
  return lines;
}
