// Types for the parts of set-fuses.mjs its test uses.
import type { FuseConfig, FuseState } from '@electron/fuses';
export const parallaxFuses: FuseConfig;
export function setParallaxFuses(binaryPath: string): Promise<FuseConfig<FuseState>>;
