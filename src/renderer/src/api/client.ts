// The renderer's only way to the library. In Electron the preload exposes one
// function per channel on `window.parallax`; in browser mode the same calls go
// over HTTP to the loopback server, carrying the per-run token.
import type { ApiClient } from '../../../shared/api';
import { channels, type Channel } from '../../../shared/channels';
import type { ApiResult } from '../../../shared/result';

type Bridge = { [C in Channel]: (request: unknown) => Promise<ApiResult<unknown>> };

declare global {
  interface Window {
    parallax?: Bridge;
  }
}

/** Rejected promises carry the message the user should read. */
export class ApiError extends Error {}

function unwrap<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

function httpCall(
  token: string,
): (channel: Channel, request: unknown) => Promise<ApiResult<unknown>> {
  return async (channel, request) => {
    let response: Response;
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Parallax-Token': token },
        body: JSON.stringify(request ?? {}),
      });
    } catch {
      return { ok: false, error: 'Parallax is not reachable: is `npm start` still running?' };
    }
    return (await response.json()) as ApiResult<unknown>;
  };
}

export function createApiClient(): ApiClient {
  const bridge = window.parallax;
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const call = bridge
    ? (channel: Channel, request: unknown) => bridge[channel](request)
    : httpCall(token);
  return Object.fromEntries(
    channels.map((channel) => [
      channel,
      async (request: unknown) => unwrap(await call(channel, request)),
    ]),
  ) as ApiClient;
}

export const api = createApiClient();
