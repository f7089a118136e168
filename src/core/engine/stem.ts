// A light English stemmer: enough to meet "sanctions"/"sanctioned",
// "negotiations"/"negotiating", "continued"/"continuation" at one stem. Not
// Porter's full algorithm; predictable and fast.

const SUFFIXES = [
  'ational',
  'ization',
  'fulness',
  'ousness',
  'iveness',
  'ations',
  'ation',
  'ments',
  'ment',
  'ness',
  'ings',
  'ing',
  'ities',
  'ity',
  'ives',
  'ive',
  'ies',
  'ied',
  'ers',
  'er',
  'ed',
  'es',
  'ly',
  's',
  'e',
  'al',
];

export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      if (suffix === 'ies' || suffix === 'ied' || suffix === 'ities') w += 'i';
      break;
    }
  }
  // Collapse a doubled final consonant left by -ing/-ed ("planned" → "plan").
  if (/([^aeiousl])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}
