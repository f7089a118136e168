// Checks that an annotation's W3C selectors point at real text in its version, so an
// annotation can always be shown where it was made (and re-anchored later).
import type { Selector } from '../../shared/domain';

const QUOTE_SHOWN_CHARS = 60;

function shortQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > QUOTE_SHOWN_CHARS ? `${flat.slice(0, QUOTE_SHOWN_CHARS - 1)}…` : flat;
}

/**
 * Why these selectors cannot anchor in `body`, as one sentence for the user, or null
 * when they can. Positions count UTF-16 code units, as JavaScript strings (and the
 * renderer's selections) do. `what` names the selection in the message
 * ("The selection", "The paired selection").
 */
export function describeSelectorProblem(
  body: string,
  selectors: readonly Selector[],
  what = 'The selection',
): string | null {
  const positions = selectors.filter((s) => s.type === 'TextPositionSelector');
  const quotes = selectors.filter((s) => s.type === 'TextQuoteSelector');
  if (positions.length > 1 || quotes.length > 1) {
    return `${what} has more than one selector of a kind; give at most one TextQuoteSelector and one TextPositionSelector.`;
  }
  const [position] = positions;
  const [quote] = quotes;
  if (position) {
    const { start, end } = position;
    if (start >= end) {
      return `${what} is empty (characters ${start}–${end}); select at least one character.`;
    }
    if (end > body.length) {
      return `${what} (characters ${start}–${end}) runs past the end of the text, which has ${body.length} characters.`;
    }
    if (quote && body.slice(start, end) !== quote.exact) {
      return `${what} quotes "${shortQuote(quote.exact)}", but characters ${start}–${end} of the text read "${shortQuote(body.slice(start, end))}".`;
    }
  } else if (quote && !body.includes(quote.exact)) {
    return `${what} quotes "${shortQuote(quote.exact)}", which does not occur in the text.`;
  }
  return null;
}
