// The renderer's only way to the library. In Electron the preload exposes one
// function per channel on `window.parallax`; in browser mode the same calls go
// over HTTP to the loopback server, carrying the per-run token in a header.
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

const TOKEN_KEY = 'parallax.token';

/**
 * Browser mode's per-run token. The printed address carries it in the fragment
 * (`/#token=…`), which the browser sends to no server; it is kept in this tab's
 * sessionStorage (per origin, so per port: no other local server's page can read
 * it), so a reload still works, and taken out of the address bar, so it is not
 * left on screen or in the tab's history. '' when there is none: the API then refuses.
 */
function browserModeToken(): string {
  const fromAddress = new URLSearchParams(window.location.hash.slice(1)).get('token') || null;
  if (fromAddress) {
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', pathname + search);
  }
  try {
    if (fromAddress) sessionStorage.setItem(TOKEN_KEY, fromAddress);
    return fromAddress ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    // Storage turned off: this page load still works, a reload needs the address again.
    return fromAddress ?? '';
  }
}

export function createApiClient(): ApiClient {
  const bridge = window.parallax;
  const call = bridge
    ? (channel: Channel, request: unknown) => bridge[channel](request)
    : httpCall(browserModeToken());
  return Object.fromEntries(
    channels.map((channel) => [
      channel,
      async (request: unknown) => unwrap(await call(channel, request)),
    ]),
  ) as ApiClient;
}

export const api = createApiClient();
