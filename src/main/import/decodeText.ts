import { UserError } from '../../shared/result';

export interface DecodedText {
  text: string;
  /** Set when the bytes were not UTF-8 and were converted: says from what. */
  convertedFrom: string | null;
}

/**
 * Bytes → text. UTF-8 (with or without BOM) as is; UTF-16 with a BOM converted;
 * invalid UTF-8 that reads cleanly as Windows-1252 (Latin-1 and friends, the
 * usual legacy encoding of Western news text) converted, with a note; anything
 * with NUL bytes or control characters refused as binary.
 */
export function decodeText(bytes: Uint8Array, name: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return converted(bytes, 'utf-16le', 'UTF-16 (little-endian)');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return converted(bytes, 'utf-16be', 'UTF-16 (big-endian)');
  const bomless = bomlessUtf16(bytes);
  if (bomless) return bomless;
  if (looksBinary(bytes))
    throw new UserError(`${name} is a binary file, not text; Parallax imports text, HTML and PDF.`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), convertedFrom: null };
  } catch {
    const latin = decodeWindows1252(bytes);
    if (latin === null) {
      throw new UserError(
        `${name} is neither UTF-8 nor Windows-1252 text; save it as UTF-8 and import it again.`,
      );
    }
    return { text: latin, convertedFrom: 'Windows-1252' };
  }
}

function converted(bytes: Uint8Array, encoding: string, label: string): DecodedText {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), convertedFrom: label };
  } catch {
    throw new UserError(`The file starts like ${label} text but is not valid ${label}.`);
  }
}

/**
 * UTF-16 saved without a BOM (Notepad's "Unicode" can do this): one byte of most
 * pairs is zero — spaces, digits and Latin letters — and the other almost never
 * is. Accepted only when it then decodes to text without control characters.
 */
function bomlessUtf16(bytes: Uint8Array): DecodedText | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, 64 * 1024);
  const pairs = sample.length / 2;
  let zeroFirst = 0;
  let zeroSecond = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) zeroFirst++;
    if (sample[i + 1] === 0) zeroSecond++;
  }
  const mostly = (count: number) => count >= pairs * 0.1;
  const rarely = (count: number) => count <= pairs * 0.02;
  const encoding: [string, string] | null =
    mostly(zeroSecond) && rarely(zeroFirst)
      ? ['utf-16le', 'UTF-16 (little-endian, no byte order mark)']
      : mostly(zeroFirst) && rarely(zeroSecond)
        ? ['utf-16be', 'UTF-16 (big-endian, no byte order mark)']
        : null;
  if (!encoding) return null;
  let text: string;
  try {
    text = new TextDecoder(encoding[0], { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- looking for exactly these
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return null;
  return { text, convertedFrom: encoding[1] };
}

/** NUL bytes or many control characters: not text in any encoding Parallax converts. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) controls++;
  }
  return controls > sample.length / 100 + 2;
}

/** Windows-1252's characters for bytes 0x80–0x9F; null where it defines none. */
const CP1252_HIGH: (string | null)[] = [
  '€',
  null,
  '‚',
  'ƒ',
  '„',
  '…',
  '†',
  '‡',
  'ˆ',
  '‰',
  'Š',
  '‹',
  'Œ',
  null,
  'Ž',
  null,
  null,
  '‘',
  '’',
  '“',
  '”',
  '•',
  '–',
  '—',
  '˜',
  '™',
  'š',
  '›',
  'œ',
  null,
  'ž',
  'Ÿ',
];

/**
 * Decoded by hand: Node's TextDecoder, built without full ICU, treats the label
 * "windows-1252" as Latin-1 and gets 0x80–0x9F (curly quotes, dashes) wrong.
 * Returns null when a byte is one Windows-1252 leaves undefined.
 */
function decodeWindows1252(bytes: Uint8Array): string | null {
  let text = '';
  for (const byte of bytes) {
    if (byte < 0x80 || byte > 0x9f) text += String.fromCharCode(byte);
    else {
      const char = CP1252_HIGH[byte - 0x80];
      if (char === null || char === undefined) return null;
      text += char;
    }
  }
  return text;
}
