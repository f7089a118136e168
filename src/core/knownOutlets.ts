// News outlets Parallax recognises by web domain or by a file name that names
// them. Anything else is named by its domain, or left for the user to name.

interface KnownOutlet {
  name: string;
  domains: string[];
}

export const KNOWN_OUTLETS: readonly KnownOutlet[] = [
  { name: 'Tehran Times', domains: ['tehrantimes.com'] },
  { name: 'CGTN', domains: ['cgtn.com'] },
  { name: 'Xinhua', domains: ['xinhuanet.com', 'news.cn'] },
  { name: 'Global Times', domains: ['globaltimes.cn'] },
  { name: 'China Daily', domains: ['chinadaily.com.cn'] },
  { name: 'Press TV', domains: ['presstv.ir'] },
  { name: 'IRNA', domains: ['irna.ir'] },
  { name: 'Tasnim News', domains: ['tasnimnews.com'] },
  { name: 'Mehr News', domains: ['mehrnews.com'] },
  { name: 'Fars News', domains: ['farsnews.ir'] },
  { name: 'Al Jazeera', domains: ['aljazeera.com', 'aljazeera.net'] },
  { name: 'Al-Monitor', domains: ['al-monitor.com'] },
  { name: 'Arab News', domains: ['arabnews.com'] },
  { name: 'The National', domains: ['thenationalnews.com'] },
  { name: 'Times of Oman', domains: ['timesofoman.com'] },
  { name: 'BBC News', domains: ['bbc.com', 'bbc.co.uk'] },
  { name: 'Reuters', domains: ['reuters.com'] },
  { name: 'Associated Press', domains: ['apnews.com'] },
  { name: 'AFP', domains: ['afp.com'] },
  { name: 'CNN', domains: ['cnn.com'] },
  { name: 'Fox News', domains: ['foxnews.com'] },
  { name: 'NPR', domains: ['npr.org'] },
  { name: 'The New York Times', domains: ['nytimes.com'] },
  { name: 'The Washington Post', domains: ['washingtonpost.com'] },
  { name: 'The Wall Street Journal', domains: ['wsj.com'] },
  { name: 'Bloomberg', domains: ['bloomberg.com'] },
  { name: 'Financial Times', domains: ['ft.com'] },
  { name: 'The Guardian', domains: ['theguardian.com'] },
  { name: 'The Times of Israel', domains: ['timesofisrael.com'] },
  { name: 'Haaretz', domains: ['haaretz.com'] },
  { name: 'Deutsche Welle', domains: ['dw.com'] },
  { name: 'France 24', domains: ['france24.com'] },
  { name: 'RT', domains: ['rt.com'] },
  { name: 'TASS', domains: ['tass.com'] },
  { name: 'Anadolu Agency', domains: ['aa.com.tr'] },
];

const slug = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The outlet a web address belongs to: a known name (known: true), else its host without "www.". */
export function outletFromUrl(
  url: string,
): { name: string; domain: string; known: boolean } | null {
  // Parsed by hand: core has no URL class (it runs where neither DOM nor Node is assumed).
  const host = url
    .match(/^https?:\/\/(?:[^@/?#]*@)?([^/:?#]+)/i)?.[1]
    ?.toLowerCase()
    .replace(/^www\./, '');
  if (!host) return null;
  const known = KNOWN_OUTLETS.find((o) =>
    o.domains.some((d) => host === d || host.endsWith(`.${d}`)),
  );
  return known
    ? { name: known.name, domain: known.domains[0]!, known: true }
    : { name: host, domain: host, known: false };
}

/** A known outlet named by a file name ("tehran-times-page.txt", "CGTN article.html"), or null. */
export function outletFromFileName(fileName: string): { name: string; domain: string } | null {
  const name = `-${slug(fileName.replace(/\.[a-z0-9]+$/i, ''))}-`;
  const known = KNOWN_OUTLETS.find(
    (o) =>
      name.includes(`-${slug(o.name)}-`) ||
      o.domains.some((d) => name.includes(`-${slug(d.split('.')[0]!)}-`)),
  );
  return known ? { name: known.name, domain: known.domains[0]! } : null;
}

/** A known outlet by the name a page gives itself (og:site_name), matched loosely. */
export function knownOutletByName(siteName: string): { name: string; domain: string } | null {
  const wanted = slug(siteName);
  const known = KNOWN_OUTLETS.find(
    (o) => slug(o.name) === wanted || slug(o.name.replace(/^The /, '')) === wanted,
  );
  return known ? { name: known.name, domain: known.domains[0]! } : null;
}
