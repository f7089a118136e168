// Test support: the sample comparison (Tehran Times vs CGTN) in a temporary library,
// behind the real handlers and dispatch (the same path as IPC and HTTP).
import type { Request, Response } from '../../shared/api';
import type { Channel } from '../../shared/channels';
import type { Selector, Version } from '../../shared/domain';
import type { ApiResult } from '../../shared/result';
import { dispatch } from '../services/dispatch';
import { createHandlers } from '../services/handlers';
import { seedSampleCorpus } from '../services/sampleCorpus';
import { sampleFolder, tempLibrary } from './tempLibrary';

export async function sampleWorkspace() {
  const library = tempLibrary();
  await seedSampleCorpus(library, sampleFolder());
  const handlers = createHandlers(library, { mode: 'cli', appVersion: '0.0.0' });
  /** The API's answer as the renderer gets it: `{ok, value}` or `{ok: false, error}`. */
  const call = <C extends Channel>(channel: C, request: Request<C>) =>
    dispatch(handlers, channel, request) as Promise<ApiResult<Response<C>>>;
  /** The value of a call that must succeed. */
  const ok = async <C extends Channel>(channel: C, request: Request<C>) => {
    const result = await call(channel, request);
    if (!result.ok) throw new Error(`${channel} refused: ${result.error}`);
    return result.value;
  };
  const comparison = library.comparisons.list()[0]!;
  const a = library.versions.get(comparison.aVersionId)!;
  const b = library.versions.get(comparison.bVersionId)!;
  const codebook = library.codebooks.list()[0]!;
  const listAnnotations = async () =>
    (await ok('annotation:list', { aVersionId: a.id, bVersionId: b.id })).annotations;
  return { library, call, ok, comparison, a, b, codebook, codes: codebook.codes, listAnnotations };
}

/** Quote and position selectors for the first occurrence of `text` in the version. */
export function span(version: Version, text: string): Selector[] {
  const start = version.body.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in ${version.headline}`);
  return [
    { type: 'TextQuoteSelector', exact: text },
    { type: 'TextPositionSelector', start, end: start + text.length },
  ];
}
