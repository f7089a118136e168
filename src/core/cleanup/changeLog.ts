// What the cleanup changed, for the "What Parallax cleaned" view: every change counted,
// but only the first examples of each kind kept. A pathological text can need hundreds
// of thousands of joins; listing each would cost more than the cleanup itself and
// freeze the view that shows them.
import type { CleanupChange, CleanupChangeKind } from './types';

/** Examples kept per kind; the rest are counted in one `more` entry. */
export const MAX_CHANGE_EXAMPLES = 200;

export class ChangeLog {
  private readonly examples: CleanupChange[] = [];
  private readonly kept = new Map<CleanupChangeKind, number>();
  private readonly unlisted = new Map<CleanupChangeKind, number>();

  push(change: CleanupChange): void {
    this.record(change.kind, () => change);
  }

  /** Records a change of `kind`; `describe` runs only when it is kept as an example. */
  record(kind: CleanupChangeKind, describe: () => CleanupChange): void {
    const kept = this.kept.get(kind) ?? 0;
    if (kept < MAX_CHANGE_EXAMPLES) {
      this.kept.set(kind, kept + 1);
      this.examples.push(describe());
    } else {
      this.unlisted.set(kind, (this.unlisted.get(kind) ?? 0) + 1);
    }
  }

  /** The examples in the order they were made, then one entry per kind with more. */
  list(): CleanupChange[] {
    const more = [...this.unlisted].map(([kind, count]) => ({ kind, text: '', more: count }));
    return [...this.examples, ...more];
  }
}
