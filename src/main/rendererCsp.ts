// The one Content-Security-Policy of Parallax's UI, for the desktop app and browser mode alike.

/**
 * The renderer's Content-Security-Policy. Styles need no 'unsafe-inline': the
 * stylesheet is a file, and React sets `style` props through the CSSOM, which CSP
 * does not govern. `data:` images are the inline favicon.
 */
const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Sent as a header by Electron's app:// protocol and by browser mode's server. */
export const RENDERER_CSP = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** The same policy for index.html's <meta>: browsers ignore frame-ancestors there (and warn). */
export const RENDERER_CSP_META = CSP_DIRECTIVES.filter(([name]) => name !== 'frame-ancestors')
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');
