import { api, type Handlers } from '../../shared/api';
import { isChannel } from '../../shared/channels';
import type { ApiResult } from '../../shared/result';
import { UserError } from '../../shared/result';
import { z } from 'zod';
import { describeStorageError } from '../db/storageErrors';

/**
 * The single entry point behind IPC and HTTP: checks the channel, validates the
 * payload against the contract, runs the handler and turns every outcome into an
 * ApiResult. Unexpected errors are logged here and reach the user as one line.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  payload: unknown,
): Promise<ApiResult<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: `Unknown API channel "${channel}".` };
  const contract = api[channel];
  const parsed = contract.request.safeParse(payload ?? {});
  if (!parsed.success) {
    return { ok: false, error: `Invalid request for ${channel}: ${describeIssues(parsed.error)}` };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.message };
    // A full disk or a read-only library met outside a library transaction (which
    // names them itself), e.g. writing an export file: the user's problem, not a bug.
    const storage = describeStorageError(error);
    if (storage) return { ok: false, error: storage.message };
    console.error(`[parallax] ${channel} failed:`, error);
    return {
      ok: false,
      error: `Parallax hit an internal error in ${channel}: ${(error as Error).message}`,
    };
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}
