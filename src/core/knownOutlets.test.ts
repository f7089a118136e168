import { describe, expect, it } from 'vitest';
import { knownOutletByName, outletFromFileName, outletFromUrl } from './knownOutlets';

describe('known outlets', () => {
  it('names an outlet by its web address, subdomains included', () => {
    expect(outletFromUrl('https://www.tehrantimes.com/news/1/iran-us')).toEqual({
      name: 'Tehran Times',
      domain: 'tehrantimes.com',
      known: true,
    });
    expect(outletFromUrl('https://news.cgtn.com/news/2026-02-07/x.html')).toEqual({
      name: 'CGTN',
      domain: 'cgtn.com',
      known: true,
    });
  });

  it('names an unknown site by its host, and nothing by a non-address', () => {
    expect(outletFromUrl('http://www.example-news.org/a')).toEqual({
      name: 'example-news.org',
      domain: 'example-news.org',
      known: false,
    });
    expect(outletFromUrl('not a url')).toBeNull();
  });

  it('recognises outlets named in file names', () => {
    expect(outletFromFileName('tehran-times-page.txt')?.name).toBe('Tehran Times');
    expect(outletFromFileName('cgtn-article.txt')?.name).toBe('CGTN');
    expect(outletFromFileName('Al Jazeera report.html')?.name).toBe('Al Jazeera');
    expect(outletFromFileName('notes.txt')).toBeNull();
    expect(outletFromFileName('ftp-notes.txt')).toBeNull();
  });

  it('matches a site name loosely', () => {
    expect(knownOutletByName('The Guardian')?.name).toBe('The Guardian');
    expect(knownOutletByName('Guardian')?.name).toBe('The Guardian');
    expect(knownOutletByName('Nowhere Daily')).toBeNull();
  });
});
