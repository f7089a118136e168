import type { Database } from 'better-sqlite3';
import { openDatabase, type OpenDatabaseOptions } from './openDatabase';
import { describeStorageError, readOnlyLibrary } from './storageErrors';
import { AnnotationRepository } from './repositories/AnnotationRepository';
import { ArticleRepository } from './repositories/ArticleRepository';
import { CodebookRepository } from './repositories/CodebookRepository';
import { ComparisonRepository } from './repositories/ComparisonRepository';
import { LensRepository } from './repositories/LensRepository';
import { MetaRepository } from './repositories/MetaRepository';
import { OutletRepository } from './repositories/OutletRepository';
import { StoryRepository } from './repositories/StoryRepository';
import { VersionRepository } from './repositories/VersionRepository';

/** One open library file and its repositories. */
export interface Library {
  path: string;
  db: Database;
  meta: MetaRepository;
  outlets: OutletRepository;
  stories: StoryRepository;
  articles: ArticleRepository;
  versions: VersionRepository;
  comparisons: ComparisonRepository;
  codebooks: CodebookRepository;
  lenses: LensRepository;
  annotations: AnnotationRepository;
  /**
   * Runs `work` in one transaction: all of it is written, or none. A full disk, a
   * read-only library or one kept busy too long is a UserError saying so.
   */
  transaction<T>(work: () => T): T;
  close(): void;
}

export function openLibrary(path: string, options: OpenDatabaseOptions = {}): Library {
  const db = openDatabase(path, options);
  return {
    path,
    db,
    meta: new MetaRepository(db),
    outlets: new OutletRepository(db),
    stories: new StoryRepository(db),
    articles: new ArticleRepository(db),
    versions: new VersionRepository(db),
    comparisons: new ComparisonRepository(db),
    codebooks: new CodebookRepository(db),
    lenses: new LensRepository(db),
    annotations: new AnnotationRepository(db),
    transaction: (work) => {
      if (db.readonly) throw readOnlyLibrary(path);
      try {
        // BEGIN IMMEDIATE: the write lock is taken first, waiting (busy_timeout) for
        // another process's write to end. A deferred transaction reads first, and under
        // WAL upgrading that read to a write fails at once with SQLITE_BUSY when another
        // process wrote meanwhile: SQLite cannot wait there, the snapshot is stale.
        // Nested calls become savepoints of the outer transaction.
        return db.transaction(work).immediate();
      } catch (error) {
        throw describeStorageError(error, path) ?? error;
      }
    },
    close: () => db.close(),
  };
}
