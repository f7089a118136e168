import type { Database } from 'better-sqlite3';
import { openDatabase, type OpenDatabaseOptions } from './openDatabase';
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
  /** Runs `work` in one transaction: all of it is written, or none. */
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
    transaction: (work) => db.transaction(work)(),
    close: () => db.close(),
  };
}
