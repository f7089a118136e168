// How results and errors cross every boundary (IPC, HTTP): never a thrown object.
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * An error whose message is written for the person using Parallax: it names the
 * problem and what to do. Anything else that escapes a handler is a bug.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
