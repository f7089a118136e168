import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Schema version after this migration; numbered 1, 2, 3… with no gaps. */
  version: number;
  name: string;
  up: (db: Database) => void;
}
