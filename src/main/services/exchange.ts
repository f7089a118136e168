// Annotations and codebooks out of the library (CSV, W3C Web Annotation JSON-LD,
// REFI-QDA .qdc) and annotations back in. An import places every annotation on a
// version and a code already in the library, creating nothing, and writes all of
// them in one transaction or none.
import { createHash } from 'node:crypto';
import type { AnnotationInContext } from '../../core/exchange/annotationInContext';
import { annotationsCsv } from '../../core/exchange/annotationsCsv';
import { codebookCsv } from '../../core/exchange/codebookCsv';
import { refiQdcCodebook } from '../../core/exchange/refiQdc';
import {
  readWebAnnotations,
  webAnnotationCollection,
  type WebAnnotationIn,
} from '../../core/exchange/webAnnotation';
import { reanchor, selectorsFor } from '../../core/anchoring';
import type { Annotation, Code, Codebook, Selector } from '../../shared/domain';
import { UserError } from '../../shared/result';
import type { Library } from '../db/library';
import { newId } from '../db/repositories/rows';
import { describeSelectorProblem } from './annotationSelectors';

export type AnnotationExportFormat = 'csv' | 'jsonld';
export type CodebookExportFormat = 'csv' | 'qdc';

/** Problems listed in one import error; the rest are counted. */
const PROBLEMS_SHOWN = 20;

/** Every annotation in the library, oldest first, with its outlet, headline and code. */
export function annotationsInContext(library: Library): AnnotationInContext[] {
  const versions = new Map(library.versions.listAll().map((v) => [v.id, v]));
  const outlets = new Map(library.outlets.list().map((o) => [o.id, o.name]));
  const outletOfArticle = new Map(library.articles.list().map((a) => [a.id, a.outletId]));
  const codes = new Map(library.codebooks.list().flatMap((b) => b.codes.map((c) => [c.id, c])));
  return library.annotations.listByVersions([...versions.keys()]).map((annotation) => {
    const version = versions.get(annotation.versionId)!;
    return {
      annotation,
      outlet: outlets.get(outletOfArticle.get(version.articleId) ?? '') ?? '',
      headline: version.headline,
      versionSeq: version.seq,
      code: annotation.codeId ? (codes.get(annotation.codeId) ?? null) : null,
    };
  });
}

/** All the library's annotations as CSV or as a W3C AnnotationCollection. */
export function exportAnnotations(library: Library, format: AnnotationExportFormat): string {
  const entries = annotationsInContext(library);
  return format === 'csv'
    ? annotationsCsv(entries)
    : webAnnotationCollection(entries, {
        id: `urn:uuid:${newId()}`,
        label: 'Parallax annotations',
      });
}

/**
 * The codebook named (by id or name, ignoring case), or the library's only one.
 * A library with several needs the choice spelled out.
 */
export function chooseCodebook(library: Library, which?: string): Codebook {
  const books = library.codebooks.list();
  const names = books.map((b) => `“${b.name}”`).join(', ');
  if (which !== undefined) {
    const wanted = which.trim().toLowerCase();
    const book = books.find((b) => b.id === wanted || b.name.toLowerCase() === wanted);
    if (!book) {
      throw new UserError(
        books.length
          ? `There is no codebook “${which}” in this library; it has ${names}.`
          : 'This library has no codebook.',
      );
    }
    return book;
  }
  if (books.length === 0) throw new UserError('This library has no codebook.');
  if (books.length > 1) {
    throw new UserError(`This library has ${books.length} codebooks (${names}); name one.`);
  }
  return books[0]!;
}

/**
 * A UUID (version 5, RFC 9562) for a code group, derived from the codebook's id and
 * the group's name, so a group keeps its guid from one export to the next.
 */
export function codeGroupGuid(codebookId: string, group: string): string {
  const namespace = Buffer.from(codebookId.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(group, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function exportCodebook(
  library: Library,
  format: CodebookExportFormat,
  which?: string,
): string {
  const codebook = chooseCodebook(library, which);
  return format === 'csv'
    ? codebookCsv(codebook)
    : refiQdcCodebook(codebook, (group) => codeGroupGuid(codebook.id, group));
}

export interface AnnotationImport {
  imported: number;
  /** Annotations already in the library (or twice in the file), by id: left as they are. */
  duplicates: number;
  /** What was imported differently from the file, one line per annotation. */
  warnings: string[];
}

/** The library's code for a tagging body: by id when the file gives a known one, else by name. */
function findCode(
  codes: readonly Code[],
  wanted: NonNullable<WebAnnotationIn['code']>,
): { code: Code } | { problem: string } {
  const byId = wanted.id ? codes.find((c) => c.id === wanted.id) : undefined;
  if (byId) return { code: byId };
  const name = wanted.name.trim().toLowerCase();
  const named = codes.filter((c) => c.name.trim().toLowerCase() === name);
  if (named.length === 1) return { code: named[0]! };
  if (named.length === 0) {
    return {
      problem: `its code “${wanted.name}” is not in this library; add the code to the codebook first`,
    };
  }
  return {
    problem: `its code “${wanted.name}” is in ${named.length} codebooks of this library, so which one is meant is unclear`,
  };
}

/**
 * Imports W3C Web Annotation JSON-LD text into the library. Every annotation must land
 * on a version and (when it has one) a code the library has, with selectors that
 * match the version's text; otherwise nothing is written and the error lists each
 * annotation that cannot be placed. Annotations whose id is already in the library
 * are skipped and counted.
 */
export function importWebAnnotations(library: Library, text: string): AnnotationImport {
  const read = readWebAnnotations(text);
  if (!read.ok) throw new UserError(problemList('The file cannot be imported', read.problems));
  return library.transaction(() => {
    const codes = library.codebooks.list().flatMap((b) => b.codes);
    const seen = new Set<string>();
    const problems: string[] = [];
    const warnings: string[] = [];
    const toInsert: Annotation[] = [];
    let duplicates = 0;
    for (const w of read.annotations) {
      const label = `Annotation ${w.position} (urn:uuid:${w.id})`;
      if (seen.has(w.id) || library.annotations.get(w.id)) {
        duplicates++;
        continue;
      }
      seen.add(w.id);
      const version = library.versions.get(w.versionId);
      if (!version) {
        problems.push(`${label}: it is on version ${w.versionId}, which is not in this library.`);
        continue;
      }
      const anchorProblem = describeSelectorProblem(version.body, w.selectors, 'Its selection');
      if (anchorProblem) {
        problems.push(`${label}: ${anchorProblem}`);
        continue;
      }
      const placed = withPosition(version.body, w.selectors);
      if ('problem' in placed) {
        problems.push(`${label}: ${placed.problem}`);
        continue;
      }
      let codeId: string | null = null;
      if (w.code) {
        const found = findCode(codes, w.code);
        if ('problem' in found) {
          problems.push(`${label}: ${found.problem}.`);
          continue;
        }
        codeId = found.code.id;
      }
      let comparisonId = w.comparisonId;
      if (comparisonId) {
        const comparison = library.comparisons.get(comparisonId);
        if (
          !comparison ||
          (comparison.aVersionId !== version.id && comparison.bVersionId !== version.id)
        ) {
          warnings.push(
            `${label}: its comparison ${comparisonId} is not in this library; imported on its version alone.`,
          );
          comparisonId = null;
        }
      }
      toInsert.push({
        id: w.id,
        versionId: version.id,
        comparisonId,
        codeId,
        note: w.note,
        selectors: placed.selectors,
        pairId: w.pairId,
        annotator: w.annotator,
        createdAt: w.createdAt,
        updatedAt: w.updatedAt,
        // An import is made on its own version, not carried from another.
        carriedFrom: null,
      });
    }
    if (problems.length) {
      throw new UserError(
        problemList(
          `Nothing was imported: ${problems.length} of ${read.annotations.length} annotations cannot be placed in this library`,
          problems,
        ),
      );
    }
    for (const annotation of toInsert) library.annotations.insert(annotation);
    return { imported: toInsert.length, duplicates, warnings };
  });
}

/**
 * The selectors with a position: tools that write only a TextQuoteSelector are placed
 * here, once, where the quote (told apart by its prefix and suffix) stands, because
 * the workspace and agreement count characters by position. A quote that occurs more
 * than once with no context to choose is refused rather than guessed.
 */
function withPosition(
  body: string,
  selectors: Selector[],
): { selectors: Selector[] } | { problem: string } {
  if (selectors.some((s) => s.type === 'TextPositionSelector')) return { selectors };
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector')!;
  const occurrences = body.split(quote.exact).length - 1;
  if (occurrences > 1 && !quote.prefix && !quote.suffix) {
    return {
      problem: `its quote occurs ${occurrences} times in the text and has no prefix, suffix or position to tell which is meant.`,
    };
  }
  let start = body.indexOf(quote.exact);
  if (occurrences > 1) {
    const found = reanchor(selectors, body);
    if (found.status !== 'exact-quote') {
      return { problem: 'its quote occurs more than once and its context matches none of them.' };
    }
    start = found.start;
  }
  const placed = selectorsFor(body, start, start + quote.exact.length);
  return 'error' in placed ? { problem: `${placed.error}.` } : { selectors: placed };
}

function problemList(heading: string, problems: readonly string[]): string {
  if (problems.length === 1 && !heading.startsWith('Nothing')) return problems[0]!;
  const shown = problems.slice(0, PROBLEMS_SHOWN).map((p) => `  ${p}`);
  const more = problems.length - shown.length;
  return [`${heading}:`, ...shown, ...(more > 0 ? [`  … and ${more} more.`] : [])].join('\n');
}
