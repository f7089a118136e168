import { parseSnippet } from '../format/snippet';

/** A search snippet with its matches marked; built from text runs, never from HTML. */
export function Snippet({ text }: { text: string }) {
  return (
    <p className="search-snippet" dir="auto">
      {parseSnippet(text).map((part, i) =>
        part.hit ? <mark key={i}>{part.text}</mark> : part.text,
      )}
    </p>
  );
}
