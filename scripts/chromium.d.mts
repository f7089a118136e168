// Types for the parts of chromium.mjs that TypeScript callers (bench/) use.
export function findChromium(): string | null;
