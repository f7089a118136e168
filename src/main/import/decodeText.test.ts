import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/result';
import { decodeText } from './decodeText';

// Encoded with Debian's iconv from the UTF-8 sentences below (see fixtures/encodings).
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'encodings', name));
const CHINESE =
  '伊朗和美国周五在马斯喀特举行了间接会谈。双方表示，一旦阿曼确定日期，他们将再次会面。\n';
const JAPANESE =
  'イランと米国は金曜日、マスカットで間接協議を行った。双方は、オマーンが日程を決めれば再び会うと述べた。\n';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('decodeText', () => {
  it('reads UTF-8 as is', () => {
    expect(decodeText(new TextEncoder().encode('Café – “talks”'), 'a.txt')).toEqual({
      text: 'Café – “talks”',
      convertedFrom: null,
    });
  });

  it('converts UTF-16 with a byte-order mark, and says so', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Iran talks', 'utf16le')]);
    expect(decodeText(le, 'a.txt')).toEqual({
      text: 'Iran talks',
      convertedFrom: 'UTF-16 (little-endian)',
    });
  });

  it('converts Windows-1252 text that is not UTF-8, and says so', () => {
    // "Café – talks" in Windows-1252: é = 0xE9, en dash = 0x96.
    const latin = bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x74, 0x61, 0x6c, 0x6b, 0x73);
    expect(decodeText(latin, 'a.txt')).toEqual({
      text: 'Café – talks',
      convertedFrom: 'Windows-1252',
    });
  });

  it('refuses binary data and bytes that are no text encoding it knows', () => {
    expect(() => decodeText(bytes(0x50, 0x4b, 0x00, 0x01), 'a.bin')).toThrow(
      'a.bin is a binary file, not text',
    );
    expect(() => decodeText(bytes(0x41, 0x81, 0x42), 'odd.txt')).toThrow(UserError);
    expect(() => decodeText(bytes(0x41, 0x81, 0x42), 'odd.txt')).toThrow(
      'odd.txt is not text in an encoding Parallax reads (UTF-8, UTF-16, UTF-32, GB18030, ISO-2022-JP or Windows-1252); save it as UTF-8 and import it again.',
    );
  });

  it('converts GB18030 (Chinese) text, and says so', () => {
    expect(decodeText(fixture('talks.gb18030.txt'), 'a.txt')).toEqual({
      text: CHINESE,
      convertedFrom: 'GB18030 (Chinese)',
    });
  });

  it('converts ISO-2022-JP (Japanese) text, escape sequences and all, and says so', () => {
    const encoded = fixture('talks.iso-2022-jp.txt');
    expect(encoded.includes(Buffer.from('\u001b$B'))).toBe(true);
    expect(decodeText(encoded, 'a.txt')).toEqual({
      text: JAPANESE,
      convertedFrom: 'ISO-2022-JP (Japanese)',
    });
  });

  it('reads UTF-32 as UTF-32, with or without a byte-order mark, in either byte order', () => {
    expect(decodeText(fixture('talks.utf-32-bom.txt'), 'a.txt')).toEqual({
      text: CHINESE,
      convertedFrom: 'UTF-32 (little-endian)',
    });
    const littleEndian = fixture('talks.utf-32le.txt');
    expect(decodeText(littleEndian, 'a.txt')).toEqual({
      text: CHINESE,
      convertedFrom: 'UTF-32 (little-endian, no byte order mark)',
    });
    const bigEndian = Buffer.from(littleEndian).swap32();
    expect(decodeText(bigEndian, 'a.txt')).toEqual({
      text: CHINESE,
      convertedFrom: 'UTF-32 (big-endian, no byte order mark)',
    });
    const bigEndianWithMark = Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), bigEndian]);
    expect(decodeText(bigEndianWithMark, 'a.txt').convertedFrom).toBe('UTF-32 (big-endian)');
  });

  it('refuses other legacy encodings instead of garbling them as Windows-1252', () => {
    // Windows-1251 Russian read as Windows-1252 was "Èðàí è ÑØÀ…"; Shift_JIS is no GB18030.
    for (const name of ['talks.cp1251.txt', 'talks.shift_jis.txt']) {
      expect(() => decodeText(fixture(name), name)).toThrow(
        `${name} looks like text in a legacy encoding Parallax does not convert (such as Windows-1251, Big5 or Shift_JIS; it converts UTF-16, UTF-32, GB18030, ISO-2022-JP and Windows-1252); save it as UTF-8 and import it again.`,
      );
    }
  });

  it('still reads Western text with accented letters side by side as Windows-1252', () => {
    const portuguese =
      'A negociação das sanções começou; a posição do governo é clara e não mudou.';
    expect(decodeText(Buffer.from(portuguese, 'latin1'), 'a.txt')).toEqual({
      text: portuguese,
      convertedFrom: 'Windows-1252',
    });
  });
});
