import { describe, expect, it } from 'vitest';
import { detectFormat } from './detectFormat';

const text = (s: string) => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it('knows PDF and HTML by their first bytes, whatever the name', () => {
    expect(detectFormat(text('%PDF-1.7\n...'), 'download')).toBe('pdf');
    expect(detectFormat(text('<!DOCTYPE html><html>'), 'page')).toBe('html');
  });

  it('goes by content type, then by extension', () => {
    expect(detectFormat(text('hello'), 'x', 'text/html; charset=utf-8')).toBe('html');
    expect(detectFormat(text('# Title'), 'notes.md')).toBe('markdown');
    expect(detectFormat(text('<p>hi</p>'), 'story.htm')).toBe('html');
  });

  it('names the binary formats it refuses', () => {
    expect(() => detectFormat(new Uint8Array([0x50, 0x4b, 3, 4, 0]), 'story.docx')).toThrow(
      'story.docx is a ZIP archive (or a Word/OpenDocument file); Parallax imports text, Markdown, HTML and PDF.',
    );
    expect(() => detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'scan.png')).toThrow(
      /a PNG image/,
    );
  });

  it('refuses an extension it does not read', () => {
    expect(() => detectFormat(text('{"a":1}'), 'data.json')).toThrow(
      'data.json: Parallax cannot import .json files',
    );
  });
});
