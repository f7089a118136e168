import { describe, expect, it } from 'vitest';
import { sampleFolder, tempLibrary } from '../testing/tempLibrary';
import { importArticle } from './importArticle';
import { seedSampleCorpus } from './sampleCorpus';

describe('seedSampleCorpus', () => {
  it('fills an empty library with the two reference articles, codebook, lenses and their comparison', () => {
    const library = tempLibrary();
    expect(seedSampleCorpus(library, sampleFolder())).toBe(true);

    expect(library.stories.list().map((s) => s.title)).toEqual([
      'Iran–US talks in Muscat, 6 Feb 2026',
    ]);
    expect(library.outlets.list().map((o) => o.name)).toEqual(['CGTN', 'Tehran Times']);
    const [comparison] = library.comparisons.list();
    expect(comparison?.title).toBe('Tehran Times vs CGTN: Iran–US talks in Muscat, 6 Feb 2026');
    const a = library.versions.get(comparison!.aVersionId)!;
    const b = library.versions.get(comparison!.bVersionId)!;
    expect(a.headline).toBe("Iran, US agree to resume talks despite 'prevailing mistrust'");
    expect(a.body).toContain('prevailing atmosphere of distrust');
    // The deck and byline are metadata, not repeated as the body's first paragraphs.
    expect(a.deck).toBe("Araghchi hails Muscat negotiations as 'very good start'");
    expect(a.body.startsWith('Iran and the United States held their first round')).toBe(true);
    expect(b.body).toContain('will continue early next week');
    expect(b.sourceKind).toBe('sample');

    const [codebook] = library.codebooks.list();
    const names = codebook!.codes.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(['Omission', 'Word choice / labels', 'Headline framing', 'Economic']),
    );
    expect(codebook!.codes.filter((c) => c.group === 'Policy frames')).toHaveLength(15);
    expect(library.lenses.list().map((l) => l.name)).toEqual(['Next round timing', 'Sanctions']);
  });

  it('seeds only once per library, and never into a library that already has articles', () => {
    const seeded = tempLibrary();
    seedSampleCorpus(seeded, sampleFolder());
    expect(seedSampleCorpus(seeded, sampleFolder())).toBe(false);
    expect(seeded.versions.count()).toBe(2);

    const used = tempLibrary();
    importArticle(used, {
      text: 'Mine\n\nMy own article.',
      outlet: 'My paper',
      sourceKind: 'paste',
    });
    expect(seedSampleCorpus(used, sampleFolder())).toBe(false);
    expect(used.outlets.list().map((o) => o.name)).toEqual(['My paper']);
  });
});
