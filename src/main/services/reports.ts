// Comparison reports of two library versions, with their annotations: the model built
// from the library, then laid out as HTML, Markdown or PDF. The PDF step is given by
// the caller (headless Chromium for the CLI and browser mode, printToPDF in Electron).
import { slug } from '../../core/text';
import type { FileDownload, Handlers } from '../../shared/api';
import { UserError } from '../../shared/result';
import type { Library } from '../db/library';
import { comparisonDocument, sideFromVersion } from '../export/comparisonDocument';
import { reportHtml } from '../export/reportHtml';
import { reportMarkdown } from '../export/reportMarkdown';
import { reportModel, type ReportModel } from '../export/reportModel';
import { versionView } from './libraryQueries';

export type ReportFormat = Parameters<Handlers['report:create']>[0]['format'];
export type ReportRequest = Parameters<Handlers['report:create']>[0];

/** Everything a report of versions A and B says, from the library. */
export function libraryReportModel(
  library: Library,
  { aVersionId, bVersionId }: { aVersionId: string; bVersionId: string },
): ReportModel {
  if (aVersionId === bVersionId) {
    throw new UserError('A report compares two different versions; A and B are the same version.');
  }
  const a = versionView(library, aVersionId);
  const b = versionView(library, bVersionId);
  const doc = comparisonDocument(sideFromVersion(a), sideFromVersion(b), library.lenses.list());
  const annotations = library.annotations.listByVersions([aVersionId, bVersionId]);
  // Orphans: annotations of earlier versions whose words these versions no longer have.
  const orphans = library.annotations.listOrphansByVersions([aVersionId, bVersionId]);
  return reportModel(doc, {
    seq: { a: a.version.seq, b: b.version.seq },
    annotations: {
      a: annotations.filter((x) => x.versionId === aVersionId),
      b: annotations.filter((x) => x.versionId === bVersionId),
      orphans: {
        a: orphans.filter((x) => x.versionId === aVersionId),
        b: orphans.filter((x) => x.versionId === bVersionId),
      },
      sameArticle: a.article.id === b.article.id,
      codebooks: library.codebooks.list(),
    },
  });
}

/** E.g. `tehran-times-vs-cgtn-2026-02-06.html`, dated by A's publication (else B's, else capture). */
export function reportFileName(model: ReportModel, format: ReportFormat): string {
  const { a, b } = model.sources;
  const date = [a.publishedAt, b.publishedAt, a.capturedAt, b.capturedAt]
    .map((d) => /^\d{4}-\d{2}-\d{2}/.exec(d ?? '')?.[0])
    .find(Boolean);
  const name = [slug(a.outlet) || 'a', 'vs', slug(b.outlet) || 'b', date].filter(Boolean).join('-');
  return `${name}.${format}`;
}

const MIME_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
};

/** The report laid out in `format`, as the bytes of the file. */
export async function renderReport(
  model: ReportModel,
  format: ReportFormat,
  printPdf: (html: string) => Promise<Buffer>,
): Promise<Buffer> {
  if (format === 'md') return Buffer.from(reportMarkdown(model), 'utf8');
  const html = reportHtml(model);
  return format === 'pdf' ? printPdf(html) : Buffer.from(html, 'utf8');
}

/** The `report:create` channel: the report of two library versions as a file to save. */
export async function createReport(
  library: Library,
  request: ReportRequest,
  printPdf: (html: string) => Promise<Buffer>,
): Promise<FileDownload> {
  const model = libraryReportModel(library, request);
  const bytes = await renderReport(model, request.format, printPdf);
  return {
    fileName: reportFileName(model, request.format),
    mimeType: MIME_TYPES[request.format],
    base64: bytes.toString('base64'),
  };
}
