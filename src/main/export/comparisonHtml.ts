import type { ComparisonDocument } from './comparisonDocument';
import { reportHtml } from './reportHtml';
import { reportModel } from './reportModel';

export { escapeHtml } from './reportHtml';

/** `compare --format html`: the comparison report, without annotations (files have none). */
export function comparisonHtml(doc: ComparisonDocument): string {
  return reportHtml(reportModel(doc));
}
