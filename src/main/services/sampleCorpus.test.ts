import { describe, expect, it } from 'vitest';
import { sampleFolder, tempLibrary } from '../testing/tempLibrary';
import { seedSampleCorpus } from './sampleCorpus';
import { saveArticles } from './saveArticles';

describe('seedSampleCorpus', () => {
  it('imports the reference files through the cleanup, splitting the Tehran Times page into its articles', async () => {
    const library = tempLibrary();
    expect(await seedSampleCorpus(library, sampleFolder())).toBe(true);

    expect(library.outlets.list().map((o) => [o.name, o.domain])).toEqual([
      ['CGTN', 'cgtn.com'],
      ['Tehran Times', 'tehrantimes.com'],
    ]);
    const headlines = library.versions.listAll().map((v) => v.headline);
    expect(headlines).toHaveLength(4);
    expect(headlines).toEqual(
      expect.arrayContaining([
        "Iran, US agree to resume talks despite 'prevailing mistrust'",
        'Aliyev: Azerbaijani territory not to be used for anti-Tehran threats',
        'Global optimism on Muscat-mediated Iran-US talks',
      ]),
    );
    const [story] = library.stories.list();
    expect(story?.title).toBe('Iran–US talks in Muscat, 6 Feb 2026');
    const inStory = library.articles.list().filter((a) => a.storyId === story!.id);
    expect(inStory).toHaveLength(3); // the Aliyev article is not about the talks
  });

  it('opens the comparison of the two reports of the talks, cleaned', async () => {
    const library = tempLibrary();
    await seedSampleCorpus(library, sampleFolder());
    const [comparison] = library.comparisons.list();
    expect(comparison?.title).toBe('Tehran Times vs CGTN: Iran–US talks in Muscat, 6 Feb 2026');
    const a = library.versions.get(comparison!.aVersionId)!;
    const b = library.versions.get(comparison!.bVersionId)!;
    expect(a.headline).toBe("Iran, US agree to resume talks despite 'prevailing mistrust'");
    expect(a.deck).toBe("Araghchi hails Muscat negotiations as 'very good start'");
    expect(a.byline).toBe('International Desk');
    expect(a.body.startsWith('Iran and the United States held their first round')).toBe(true);
    expect(a.body).toContain('refrain from threats and pressure," Araghchi said.');
    expect(a.captions).toContain('● IRNA');
    expect(b.body).toContain('will continue early next week');
    expect(b.body).not.toContain('/VCG');
    expect(b.captions).toHaveLength(2);
    expect(b.subheads.map((i) => b.body.split('\n\n')[i])).toEqual([
      'U.S. imposes new sanctions',
      'Regional countries welcome talks',
      'A window of opportunity for further engagement',
    ]);
    expect(b.sourceKind).toBe('sample');
    expect(b.rawInput).toContain('CHOOSE YOUR LANGUAGE'); // the raw input is kept as it was
    expect(a.publishedAt).toBeNull(); // the samples state no publication date
  });

  it('adds the default codebook and lenses', async () => {
    const library = tempLibrary();
    await seedSampleCorpus(library, sampleFolder());
    const [codebook] = library.codebooks.list();
    const names = codebook!.codes.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(['Omission', 'Word choice / labels', 'Headline framing', 'Economic']),
    );
    expect(codebook!.codes.filter((c) => c.group === 'Policy frames')).toHaveLength(15);
    expect(library.lenses.list().map((l) => l.name)).toEqual(['Next round timing', 'Sanctions']);
  });

  it('seeds only once per library, and never into a library that already has articles', async () => {
    const seeded = tempLibrary();
    await seedSampleCorpus(seeded, sampleFolder());
    expect(await seedSampleCorpus(seeded, sampleFolder())).toBe(false);
    expect(seeded.versions.count()).toBe(4);

    const used = tempLibrary();
    saveArticles(used, {
      articles: [
        {
          headline: 'Mine',
          headlineGuessed: false,
          deck: null,
          byline: null,
          outlet: 'My paper',
          outletDomain: null,
          publishedAt: null,
          url: null,
          paragraphs: ['My own article.'],
          subheads: [],
          captions: [],
        },
      ],
      rawInput: 'Mine\n\nMy own article.',
      sourceKind: 'paste',
      sourceName: null,
    });
    expect(await seedSampleCorpus(used, sampleFolder())).toBe(false);
    expect(used.outlets.list().map((o) => o.name)).toEqual(['My paper']);
  });
});
