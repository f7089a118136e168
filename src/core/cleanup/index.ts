export { cleanupText } from './cleanupText';
export type {
  CleanArticle,
  CleanupChange,
  CleanupChangeKind,
  CleanupOptions,
  CleanupResult,
} from './types';
