import type { ComparisonDocument } from './comparisonDocument';
import { reportMarkdown } from './reportMarkdown';
import { reportModel } from './reportModel';

/** `compare --format md`: the comparison report, without annotations (files have none). */
export function comparisonMarkdown(doc: ComparisonDocument): string {
  return reportMarkdown(reportModel(doc));
}
