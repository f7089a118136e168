import { libraryMigration } from './001_library';
import { annotationMigration } from './002_annotation';
import { versionStructureMigration } from './003_version_structure';
import { annotationPairsMigration } from './004_annotation_pairs';
import { annotationCarryingMigration } from './005_annotation_carrying';
import { carriedCopyOnceMigration } from './006_carried_copy_once';
import type { Migration } from './migration';

/** Every migration, in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [
  libraryMigration,
  annotationMigration,
  versionStructureMigration,
  annotationPairsMigration,
  annotationCarryingMigration,
  carriedCopyOnceMigration,
];
