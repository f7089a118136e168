import { UserError } from '../../shared/result';

export interface DecodedText {
  text: string;
  /** Set when the bytes were not UTF-8 and were converted: says from what. */
  convertedFrom: string | null;
}

/**
 * Bytes → text. UTF-8 (with or without BOM) as is; UTF-32 and UTF-16 (with a
 * BOM, or recognised by their zero bytes) converted; ISO-2022-JP (7-bit, with
 * escape sequences) and GB18030 (Chinese: pairs of high bytes) converted when
 * they decode cleanly; other invalid UTF-8 that reads cleanly as Windows-1252
 * (Latin-1 and friends, the usual legacy encoding of Western news text)
 * converted, with a note; anything with NUL bytes or control characters
 * refused as binary. Text whose letters would come out as runs of accented
 * Latin letters (another legacy encoding: Cyrillic, Greek, Big5, Shift_JIS…) is
 * refused rather than imported as mojibake.
 */
export function decodeText(bytes: Uint8Array, name: string): DecodedText {
  const utf32 = utf32Encoding(bytes);
  if (utf32) return { text: decodeUtf32(bytes, utf32, name), convertedFrom: utf32.label };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return converted(bytes, 'utf-16le', 'UTF-16 (little-endian)');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return converted(bytes, 'utf-16be', 'UTF-16 (big-endian)');
  const bomless = bomlessUtf16(bytes);
  if (bomless) return bomless;
  // Before the binary check: ISO-2022-JP switches character sets with ESC bytes.
  if (isIso2022Jp(bytes)) return converted(bytes, 'iso-2022-jp', 'ISO-2022-JP (Japanese)');
  if (looksBinary(bytes))
    throw new UserError(`${name} is a binary file, not text; Parallax imports text, HTML and PDF.`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), convertedFrom: null };
  } catch {
    return decodeLegacy(bytes, name);
  }
}

/** Not UTF-8: GB18030 when it reads as Chinese, else Windows-1252 when it reads as Western text. */
function decodeLegacy(bytes: Uint8Array, name: string): DecodedText {
  const runs = highByteRunShare(bytes);
  if (runs.highBytes > 0 && runs.share >= 0.9) {
    const chinese = decodeGb18030(bytes);
    if (chinese !== null) return { text: chinese, convertedFrom: 'GB18030 (Chinese)' };
  }
  // Western text has its accented letters and curly quotes between ASCII letters;
  // runs of them mean another legacy encoding, which Windows-1252 would garble.
  if (runs.highBytes >= 16 && runs.share >= 0.6) {
    throw new UserError(
      `${name} looks like text in a legacy encoding Parallax does not convert (such as Windows-1251, Big5 or Shift_JIS; it converts UTF-16, UTF-32, GB18030, ISO-2022-JP and Windows-1252); save it as UTF-8 and import it again.`,
    );
  }
  const latin = decodeWindows1252(bytes);
  if (latin === null) {
    throw new UserError(
      `${name} is not text in an encoding Parallax reads (UTF-8, UTF-16, UTF-32, GB18030, ISO-2022-JP or Windows-1252); save it as UTF-8 and import it again.`,
    );
  }
  return { text: latin, convertedFrom: 'Windows-1252' };
}

/** How many bytes are ≥ 0x80, and the share of them next to another such byte. */
function highByteRunShare(bytes: Uint8Array): { highBytes: number; share: number } {
  let highBytes = 0;
  let inRuns = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    highBytes++;
    if ((bytes[i - 1] ?? 0) >= 0x80 || (bytes[i + 1] ?? 0) >= 0x80) inRuns++;
  }
  return { highBytes, share: highBytes === 0 ? 0 : inRuns / highBytes };
}

/**
 * The commonest characters of written Chinese (的, 一, 是…) and its punctuation:
 * in news text they make a fifth or more of the characters. Other double-byte
 * encodings (Shift_JIS, Big5) often decode as GB18030 too, but into rare ones.
 */
const COMMON_CHINESE = new Set(
  '的一是不了在人有我他这中大来上国个到说们为子和你地出道也时年就那要下以生会自着去之过家学对可里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切议，。、“”：；'.split(
    '',
  ),
);

/**
 * GB18030 text that decodes cleanly and reads as Chinese: almost all of its
 * non-ASCII characters are Han ideographs or CJK punctuation, and the commonest
 * ones are among them as often as in written Chinese. Null otherwise.
 */
function decodeGb18030(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  let nonAscii = 0;
  let chinese = 0;
  let common = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u201c\u201d]/u.test(char)) chinese++;
    if (COMMON_CHINESE.has(char)) common++;
  }
  const readsAsChinese = chinese >= nonAscii * 0.9 && common >= Math.max(1, chinese * 0.15);
  return nonAscii > 0 && readsAsChinese ? text : null;
}

/**
 * ISO-2022-JP: only 7-bit bytes, with at least one of its escape sequences
 * (ESC $ B or ESC $ @ into JIS X 0208; ESC ( B or ESC ( J back).
 */
function isIso2022Jp(bytes: Uint8Array): boolean {
  let escapes = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x80) return false;
    if (byte !== 0x1b) continue;
    const [a, b] = [bytes[i + 1], bytes[i + 2]];
    if (a === 0x24 && (b === 0x42 || b === 0x40)) escapes++;
  }
  return escapes > 0;
}

interface Utf32Encoding {
  littleEndian: boolean;
  /** Where the text starts: after the BOM, if any. */
  start: number;
  label: string;
}

/**
 * UTF-32, by its BOM (FF FE 00 00, 00 00 FE FF) or, without one, by its zero
 * bytes: in every 4-byte unit the top byte is zero and, for text, so is the
 * one below it almost always. Checked before UTF-16, whose BOM FF FE it shares.
 */
function utf32Encoding(bytes: Uint8Array): Utf32Encoding | null {
  if (bytes.length < 4 || bytes.length % 4 !== 0) return null;
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xff && b === 0xfe && c === 0 && d === 0)
    return { littleEndian: true, start: 4, label: 'UTF-32 (little-endian)' };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff)
    return { littleEndian: false, start: 4, label: 'UTF-32 (big-endian)' };
  const units = Math.min(bytes.length, 64 * 1024) / 4;
  let le = 0;
  let be = 0;
  for (let i = 0; i < units * 4; i += 4) {
    // A unit of a BMP character: two zero bytes at the high end, a non-zero low byte.
    if (bytes[i + 3] === 0 && bytes[i + 2] === 0 && bytes[i] !== 0) le++;
    if (bytes[i] === 0 && bytes[i + 1] === 0 && bytes[i + 3] !== 0) be++;
  }
  if (le >= units * 0.9)
    return { littleEndian: true, start: 0, label: 'UTF-32 (little-endian, no byte order mark)' };
  if (be >= units * 0.9)
    return { littleEndian: false, start: 0, label: 'UTF-32 (big-endian, no byte order mark)' };
  return null;
}

/** UTF-32 by hand: Node's TextDecoder has no UTF-32. Refuses code points that are not characters. */
function decodeUtf32(bytes: Uint8Array, encoding: Utf32Encoding, name: string): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chars: string[] = [];
  for (let i = encoding.start; i + 3 < bytes.length; i += 4) {
    const code = view.getUint32(i, encoding.littleEndian);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      throw new UserError(
        `${name} starts like ${encoding.label} text but is not valid ${encoding.label}.`,
      );
    chars.push(String.fromCodePoint(code));
  }
  return chars.join('');
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
