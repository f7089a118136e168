// Types for the parts of setup.mjs that TypeScript callers (bench/) use.
export const root: string;
export function ensureBuilt(options?: { force?: boolean }): Promise<void>;
