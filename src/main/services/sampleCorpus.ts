import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Library } from '../db/library';
import { importArticle } from './importArticle';

const ManifestSchema = z.object({
  story: z.object({ title: z.string(), description: z.string() }),
  articles: z
    .array(
      z.object({
        file: z.string(),
        outlet: z.string(),
        domain: z.string().nullable(),
        headline: z.string(),
        deck: z.string().nullable(),
        byline: z.string().nullable(),
      }),
    )
    .length(2),
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
 * Fills a new, empty library with the sample corpus: the two reference articles
 * as one story, the default codebook and lenses, and their comparison ready to
 * open. Runs once per library file; a library that already holds articles, or
 * was seeded before, is left alone. Returns whether it seeded.
 */
export function seedSampleCorpus(library: Library, samplesDir: string): boolean {
  if (library.meta.get(SEEDED_KEY) !== undefined || library.versions.count() > 0) return false;
  const manifest = readJson(samplesDir, 'manifest.json', ManifestSchema);
  const codebook = readJson(samplesDir, 'codebook.json', CodebookFileSchema);
  const lenses = readJson(samplesDir, 'lenses.json', LensesFileSchema);

  library.transaction(() => {
    const story = library.stories.findOrCreate(manifest.story.title, manifest.story.description);
    const [a, b] = manifest.articles.map((sample) =>
      importArticle(library, {
        text: readFileSync(join(samplesDir, sample.file), 'utf8'),
        outlet: sample.outlet,
        outletDomain: sample.domain,
        story: story.title,
        headline: sample.headline,
        deck: sample.deck,
        byline: sample.byline ?? undefined,
        sourceKind: 'sample',
        sourceName: sample.file,
      }),
    );
    library.codebooks.create(codebook.name, codebook.description, codebook.codes);
    for (const lens of lenses) library.lenses.create(lens.name, lens.terms, lens.color);
    if (a && b)
      library.comparisons.open(
        a.versionId,
        b.versionId,
        `${a.outlet} vs ${b.outlet}: ${story.title}`,
      );
    library.meta.set(SEEDED_KEY, new Date().toISOString());
  });
  return true;
}
