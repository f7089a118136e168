import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { SavedArticle } from '../../shared/api';
import type { Library } from '../db/library';
import { proposeImport } from '../import/proposeImport';
import { readBytes } from '../import/readImportSource';
import { saveArticles } from './saveArticles';

const ManifestSchema = z.object({
  story: z.object({ title: z.string(), description: z.string() }),
  files: z.array(
    z.object({
      file: z.string(),
      outlet: z.string(),
      domain: z.string(),
      /** For a text that carries no headline of its own. */
      headline: z.string().optional(),
    }),
  ),
  storyArticles: z.array(z.string()),
  comparison: z.tuple([z.string(), z.string()]),
});
const CodebookFileSchema = z.object({
  name: z.string(),
  description: z.string(),
  codes: z.array(
    z.object({ name: z.string(), description: z.string(), color: z.string(), group: z.string() }),
  ),
});
const LensesFileSchema = z.array(
  z.object({ name: z.string(), color: z.string(), terms: z.array(z.string()) }),
);

const SEEDED_KEY = 'samples_seeded_at';

function readJson<T>(samplesDir: string, file: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(join(samplesDir, file), 'utf8')));
}

/**
 * Fills a new, empty library with the sample corpus: the reference files imported
 * through the same cleanup as any user file (the Tehran Times page splits into
 * its three articles), the default codebook and lenses, and the comparison of the
 * two reports of the talks. Runs once per library file; a library that already
 * holds articles, or was seeded before, is left alone. Returns whether it seeded.
 */
export async function seedSampleCorpus(library: Library, samplesDir: string): Promise<boolean> {
  if (library.meta.get(SEEDED_KEY) !== undefined || library.versions.count() > 0) return false;
  const manifest = readJson(samplesDir, 'manifest.json', ManifestSchema);
  const codebook = readJson(samplesDir, 'codebook.json', CodebookFileSchema);
  const lenses = readJson(samplesDir, 'lenses.json', LensesFileSchema);

  const proposals = await Promise.all(
    manifest.files.map(async (sample) => {
      const read = await readBytes(readFileSync(join(samplesDir, sample.file)), sample.file);
      const proposal = proposeImport(
        { ...read, sourceKind: 'file', sourceName: sample.file },
        { outlet: sample.outlet },
      );
      const articles = proposal.articles.map((article, i) => ({
        ...article,
        headline: i === 0 && sample.headline ? sample.headline : article.headline,
        outletDomain: sample.domain,
        // The sample texts state no publication date; a date guessed from the text is not shown as one.
        publishedAt: null,
      }));
      return { ...proposal, articles };
    }),
  );

  library.transaction(() => {
    const story = library.stories.findOrCreate(manifest.story.title, manifest.story.description);
    const saved: SavedArticle[] = proposals.flatMap((p) =>
      saveArticles(library, {
        articles: p.articles,
        rawInput: p.rawInput,
        sourceKind: 'sample',
        sourceName: p.sourceName,
      }),
    );
    const byHeadline = (headline: string) => {
      const found = saved.find((s) => s.headline === headline);
      if (!found)
        throw new Error(`sample manifest names "${headline}", which the import did not produce`);
      return found;
    };
    for (const headline of manifest.storyArticles)
      library.articles.fileUnderStory(byHeadline(headline).articleId, story.id);
    library.codebooks.create(codebook.name, codebook.description, codebook.codes);
    for (const lens of lenses) library.lenses.create(lens.name, lens.terms, lens.color);
    const [a, b] = manifest.comparison.map(byHeadline) as [SavedArticle, SavedArticle];
    library.comparisons.open(
      a.versionId,
      b.versionId,
      `${a.outlet} vs ${b.outlet}: ${story.title}`,
    );
    library.meta.set(SEEDED_KEY, new Date().toISOString());
  });
  return true;
}
