import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/result';
import { decodeText } from './decodeText';

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
      /neither UTF-8 nor Windows-1252/,
    );
  });
});
