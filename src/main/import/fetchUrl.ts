import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { UserError } from '../../shared/result';

export interface FetchedResource {
  /** Final URL after redirects. */
  url: string;
  /** The Content-Type header as sent, e.g. 'text/html; charset=utf-8'; '' when the server sent none. */
  contentType: string;
  bytes: Uint8Array;
}

export interface FetchLimits {
  /** For the whole import: every redirect hop and the body included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  timeoutMs: 15_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
};

const USER_AGENT = 'Parallax/0.1 (offline news comparison)';

/** What the importers read; a missing Content-Type is allowed (the importer sniffs). */
const IMPORTABLE_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'text/markdown',
  'application/pdf',
]);

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * GETs an http(s) URL for import. Throws UserError with one clear sentence for
 * each failure: a scheme other than http(s) (checked before any network activity
 * and again on every redirect), too many redirects, a timeout, an unreachable
 * host, an HTTP error, a body over the size limit, a content type Parallax
 * cannot import.
 *
 * Uses node:http rather than fetch: redirects are followed by hand so each hop
 * is checked, no Accept-Encoding is sent so the byte count is the real size, and
 * socket errors keep their codes (ECONNREFUSED, ENOTFOUND) for the message.
 */
export async function fetchUrl(
  url: string,
  limits: Partial<FetchLimits> = {},
): Promise<FetchedResource> {
  const limit: FetchLimits = { ...DEFAULT_FETCH_LIMITS, ...limits };
  const start = parseWebAddress(url);
  // One deadline for the whole import, so a slow redirect chain cannot multiply it.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), limit.timeoutMs);
  let current = start;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await openResponse(current, deadline.signal);
      const next = redirectTarget(response, current);
      if (next === null) return await readResource(current, response, limit);
      response.destroy();
      if (redirects >= limit.maxRedirects) {
        const redirectCount = `${limit.maxRedirects} redirect${limit.maxRedirects === 1 ? '' : 's'}`;
        throw new UserError(`Gave up after ${redirectCount} from ${start.host}.`);
      }
      current = next;
    }
  } catch (error) {
    throw describeFailure(error, current, limit, deadline.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}

/** The address as a URL, refusing anything that is not http(s) before touching the network. */
function parseWebAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new UserError(`"${shorten(address.trim())}" is not a web address.`);
  }
  if (!isWebScheme(url)) {
    throw new UserError(
      `Parallax only imports http and https addresses (this one is ${url.protocol}).`,
    );
  }
  return url;
}

function isWebScheme(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Resolves once the response headers have arrived. */
function openResponse(url: URL, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: 'GET',
        signal,
        // A fresh connection per request: nothing lingers in a pool after the import.
        agent: false,
        headers: {
          'User-Agent': USER_AGENT,
          Accept:
            'text/html,application/xhtml+xml,text/markdown,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.1',
          'Accept-Encoding': 'identity',
        },
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

/** Where a redirect points, checked like the first address; null when this is no redirect. */
function redirectTarget(response: IncomingMessage, from: URL): URL | null {
  const status = response.statusCode ?? 0;
  if (!REDIRECT_STATUSES.has(status)) return null;
  const location = response.headers.location;
  if (!location) {
    response.destroy();
    throw new UserError(`${from.host} redirected without saying where to.`);
  }
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    response.destroy();
    throw new UserError(`${from.host} redirected to something that is not a web address.`);
  }
  if (!isWebScheme(target)) {
    response.destroy();
    throw new UserError(
      `${from.host} redirected to a ${target.protocol} address; Parallax only imports http and https addresses.`,
    );
  }
  return target;
}

async function readResource(
  url: URL,
  response: IncomingMessage,
  limit: FetchLimits,
): Promise<FetchedResource> {
  const status = response.statusCode ?? 0;
  if (status >= 300) {
    response.destroy();
    const reason = response.statusMessage || http.STATUS_CODES[status] || '';
    throw new UserError(`${url.host} answered ${`${status} ${reason}`.trim()}.`);
  }
  const contentType = response.headers['content-type'] ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== '' && !IMPORTABLE_TYPES.has(mediaType)) {
    response.destroy();
    throw new UserError(`${url.host} sent ${mediaType}, which Parallax cannot import.`);
  }
  const bytes = await readBody(response, url, limit.maxBytes);
  return { url: url.href, contentType, bytes };
}

/** The body, refused as soon as it is known to be too big: from Content-Length, or while streaming. */
async function readBody(
  response: IncomingMessage,
  url: URL,
  maxBytes: number,
): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge(url, maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.length;
    // Leaving the loop destroys the stream, which closes the connection mid-body.
    if (total > maxBytes) throw tooLarge(url, maxBytes);
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks, total);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

function tooLarge(url: URL, maxBytes: number): UserError {
  const size = formatSize(maxBytes);
  return new UserError(`${url.href} is over ${size}; Parallax imports up to ${size}.`);
}

function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** Any failure as the one sentence a user sees; our own UserErrors pass through. */
function describeFailure(
  error: unknown,
  url: URL,
  limit: FetchLimits,
  timedOut: boolean,
): UserError {
  if (error instanceof UserError) return error;
  if (timedOut)
    return new UserError(`${url.host} did not answer within ${formatSeconds(limit.timeoutMs)}.`);
  return new UserError(`Cannot reach ${url.host} (${errorCode(error)}).`);
}

/** The system or TLS error code (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED), else the message. */
function errorCode(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code) return code;
    // Happy-eyeballs connects report an AggregateError whose parts carry the codes.
    if (error instanceof AggregateError) return errorCode(error.errors[0]);
    return error.message;
  }
  return String(error);
}
