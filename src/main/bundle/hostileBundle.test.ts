// Bundles made by an attacker with a SQLite tool: each is refused with its reason,
// quickly, and leaves the library as it was.
import BetterSqlite3 from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_BUNDLE_BYTES, MAX_LENS_TERMS } from '../../shared/limits';
import { hashSnapshot } from '../db/repositories/VersionRepository';
import {
  bundleAtSchema,
  firstVersion,
  libraryAndBundle,
  tamper,
  withoutAppendOnly,
} from '../testing/bundleFixtures';
import { untrustedRowProblem } from './checkBundleRows';
import { mergeBundle } from './mergeBundle';
import { openBundleFile } from './readBundle';
import { libraryContents } from '../testing/libraryContents';

/** The refusal message of merging `bundle`, checking the library did not change. */
async function refusal(
  setup: Awaited<ReturnType<typeof libraryAndBundle>>,
  bundle = setup.bundle,
): Promise<string> {
  let message = '';
  try {
    mergeBundle(setup.library, bundle);
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message, 'the merge was not refused').not.toBe('');
  expect(libraryContents(setup.library)).toEqual(setup.before);
  return message;
}

describe('a bundle runs nothing it defines: it is refused before a row is read', () => {
  it('a recursive view in place of the lenses table', async () => {
    const setup = await libraryAndBundle();
    tamper(setup.bundle, (db) =>
      db.exec(`DROP TABLE lenses;
        CREATE VIEW lenses AS
          WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
          SELECT lower(hex(randomblob(16))) AS id, 'x' || i AS name, '[]' AS terms,
                 '#000000' AS color, i AS position FROM n;`),
    );
    expect(await refusal(setup)).toBe(
      `${setup.bundle} cannot be merged: the table "lenses" is not the one Parallax writes at schema 6, so it was not made by Parallax or was changed by another program; ask for a new copy of the bundle.`,
    );
  });

  it('a view that would write 400 MB of text into the library', async () => {
    const setup = await libraryAndBundle();
    tamper(setup.bundle, (db) =>
      db.exec(`ALTER TABLE codebooks RENAME TO codebooks_real;
        CREATE VIEW codebooks AS SELECT id, printf('%.*c', 400000000, 'x') AS name,
          description, created_at FROM codebooks_real;`),
    );
    const sizeBefore = statSync(setup.library.path).size;
    expect(await refusal(setup)).toContain('so it was not made by Parallax');
    expect(statSync(setup.library.path).size).toBe(sizeBefore);
  });

  it('a trigger in a schema-5 bundle that migrating it would fire', async () => {
    const setup = await libraryAndBundle();
    const older = bundleAtSchema(setup.bundle, 5, join(setup.dir, 'schema5.parallax'));
    // Migration 006 updates annotations: this trigger would add a story on the way in.
    tamper(older, (db) =>
      db.exec(`CREATE TRIGGER plant AFTER UPDATE ON annotations BEGIN
        INSERT INTO stories (id, title, description, created_at)
        VALUES ('${randomUUID()}', 'Planted story', '', '2026-02-07');
      END;`),
    );
    expect(await refusal(setup, older)).toBe(
      `${older} cannot be merged: it holds the trigger "plant", which Parallax bundles never have, so it was not made by Parallax or was changed by another program; ask for a new copy of the bundle.`,
    );
  });

  it('a table declared without its foreign keys', async () => {
    const setup = await libraryAndBundle();
    tamper(setup.bundle, (db) =>
      db.exec(`CREATE TABLE codes_loose AS SELECT * FROM codes; DROP TABLE codes;
        ALTER TABLE codes_loose RENAME TO codes;`),
    );
    expect(await refusal(setup)).toContain('the table "codes" is not the one Parallax writes');
  });

  it('a column computed when read', async () => {
    const setup = await libraryAndBundle();
    tamper(setup.bundle, (db) =>
      db.exec(
        "ALTER TABLE stories ADD COLUMN huge TEXT GENERATED ALWAYS AS (printf('%.*c', 400000000, 'x'))",
      ),
    );
    expect(await refusal(setup)).toContain('the table "stories" is not the one Parallax writes');
  });

  it('a file over 32 MB, before reading it, even a sparse one of 3 GB', async () => {
    const setup = await libraryAndBundle();
    const sparse = join(setup.dir, 'huge.parallax');
    const fd = openSync(sparse, 'w');
    writeSync(fd, Buffer.from('SQLite format 3\u0000', 'latin1'));
    closeSync(fd);
    // A hole of 3 GB: nothing is written to disk, and nothing may be read or copied.
    const { truncateSync } = await import('node:fs');
    truncateSync(sparse, 3 * 1024 ** 3);
    const started = performance.now();
    expect(await refusal(setup, sparse)).toBe(
      `${sparse} is 3072.0 MB, over the 32.0 MB a bundle may hold; ask for a bundle of fewer stories.`,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    truncateSync(sparse, MAX_BUNDLE_BYTES + 1);
    expect(await refusal(setup, sparse)).toContain('is 32.0 MB, over the 32.0 MB');
  });
});

describe('bundles of older Parallax versions', () => {
  it('open when their schema is the one that version wrote (schemas 3 and 5)', async () => {
    for (const version of [3, 5]) {
      const setup = await libraryAndBundle();
      const older = bundleAtSchema(setup.bundle, version, join(setup.dir, `s${version}.parallax`));
      // A fresh library, so the bundle's story and annotation are new there.
      const { tempLibrary } = await import('../testing/tempLibrary');
      const library = tempLibrary();
      const merged = mergeBundle(library, older);
      expect(merged.added.stories).toBe(1);
      expect(merged.added.annotations).toBe(1);
    }
  });

  it('are refused, with the reason, when relabelled as schema 3 or schema 0', async () => {
    const setup = await libraryAndBundle();
    tamper(setup.bundle, (db) => db.pragma('user_version = 3'));
    expect(await refusal(setup)).toContain('is not the one Parallax writes at schema 3');
    tamper(setup.bundle, (db) => db.pragma('user_version = 0'));
    expect(await refusal(setup)).toBe(
      `${setup.bundle} is not a Parallax bundle (it has no Parallax schema); ask for a bundle made with Parallax's "Make a bundle".`,
    );
  });
});

describe('every row of a bundle is checked as the API checks it', () => {
  const cases: {
    what: string;
    edit: (db: BetterSqlite3.Database, ids: { version: string; annotation: string }) => void;
    message: RegExp | string;
  }[] = [
    {
      what: 'lens terms that are not texts',
      edit: (db) => db.prepare('UPDATE lenses SET terms = \'[1, {"x": 2}]\'').run(),
      message: /: the lens ".+": its terms are not a list of texts\.$/,
    },
    {
      what: 'a lens with more terms than the limit',
      edit: (db) =>
        db
          .prepare('UPDATE lenses SET terms = ?')
          .run(JSON.stringify(Array.from({ length: MAX_LENS_TERMS + 1 }, (_, i) => `t${i}`))),
      message: `its terms are more than the ${MAX_LENS_TERMS} allowed.`,
    },
    {
      what: 'an id that is an integer',
      edit: (db) =>
        db
          .prepare(
            "INSERT INTO outlets (id, name, domain, created_at) VALUES (42, 'Forged', NULL, '2026-02-07')",
          )
          .run(),
      message: ': the outlet "Forged": its id "42" is not an id Parallax makes (a UUID).',
    },
    {
      what: 'an id that is NULL',
      edit: (db) =>
        db
          .prepare(
            "INSERT INTO stories (id, title, description, created_at) VALUES (NULL, 'No id', '', '2026-02-07')",
          )
          .run(),
      message: ': the story "No id": its id (empty) is not an id Parallax makes (a UUID).',
    },
    {
      what: 'a version numbered 0',
      edit: (db) => withoutAppendOnly(db, () => db.prepare('UPDATE versions SET seq = 0').run()),
      message: /: version 0 of ".+": its version number \(0\) is not a whole number from 1\.$/,
    },
    {
      what: 'a version numbered "abc"',
      edit: (db) =>
        withoutAppendOnly(db, () => db.prepare("UPDATE versions SET seq = 'abc'").run()),
      message: /its version number "abc" is not a whole number from 1\.$/,
    },
    {
      what: 'a date that is not a date',
      edit: (db) => db.prepare("UPDATE stories SET created_at = 'zzzz'").run(),
      message:
        /: the story ".+": its created at "zzzz" is not a date \(ISO 8601, e\.g\. 2026-02-06\)\.$/,
    },
    {
      what: 'an article address that runs a script',
      edit: (db) =>
        db.prepare("UPDATE articles SET url = 'javascript:alert(1)' WHERE rowid = 1").run(),
      message:
        /: the article .+: its url "javascript:alert\(1\)" is not a web address \(http or https\)\.$/,
    },
    {
      what: 'a note over the limit',
      edit: (db) => db.prepare('UPDATE annotations SET note = ?').run('x'.repeat(10_001)),
      message:
        /by Ana on version 1 of ".+": its note is over the 10,000 characters Parallax allows\.$/,
    },
    {
      what: 'a code name over the limit',
      edit: (db) =>
        db.prepare('UPDATE codes SET name = ? WHERE rowid = 1').run('Loaded '.repeat(20)),
      message: /its name is over the 100 characters Parallax allows\.$/,
    },
    {
      what: 'an assignment over the limit',
      edit: (db) => {
        const { value } = db
          .prepare("SELECT value FROM app_meta WHERE key = 'bundle_facts'")
          .get() as { value: string };
        const facts = { ...JSON.parse(value), assignment: 'Read. '.repeat(4000) };
        db.prepare("UPDATE app_meta SET value = ? WHERE key = 'bundle_facts'").run(
          JSON.stringify(facts),
        );
      },
      message: 'cannot be merged: its assignment is over the 20,000 characters Parallax allows.',
    },
    {
      what: 'a row whose parent is neither in the bundle nor in the library',
      edit: (db) => db.prepare('UPDATE articles SET outlet_id = ?').run(randomUUID()),
      message:
        /: the article .+: its outlet [0-9a-f-]{36} is neither in the bundle nor in this library\.$/,
    },
    {
      what: 'a version with the id of one here but another text',
      edit: (db, ids) =>
        withoutAppendOnly(db, () => {
          const row = db.prepare('SELECT * FROM versions WHERE id = ?').get(ids.version) as {
            headline: string;
            deck: string | null;
            byline: string | null;
            body: string;
            captions: string;
          };
          // Its SHA-256 made to match its new text, so only its id gives it away.
          const body = `${row.body}\n\nA paragraph no outlet printed.`;
          const sha256 = hashSnapshot({ ...row, body, captions: JSON.parse(row.captions) });
          db.prepare('UPDATE versions SET body = ?, sha256 = ? WHERE id = ?').run(
            body,
            sha256,
            ids.version,
          );
        }),
      message: /: version 1 of ".+" has the id of a version in this library but not its text\.$/,
    },
    {
      what: "an update that would overwrite another coder's annotation",
      edit: (db, ids) =>
        db
          .prepare(
            "UPDATE annotations SET annotator = 'Ben', note = ?, updated_at = ? WHERE id = ?",
          )
          .run('Ben was here.', '2099-01-01T00:00:00.000Z', ids.annotation),
      message:
        /by Ben on version 1 of ".+" would overwrite Ana's annotation of the same id in this library; only its own coder's edits may update it\.$/,
    },
  ];

  for (const { what, edit, message } of cases) {
    it(`refuses ${what}`, async () => {
      const setup = await libraryAndBundle();
      const ids = { version: setup.b.id, annotation: setup.annotation.id };
      tamper(setup.bundle, (db) => edit(db, ids));
      const refused = await refusal(setup);
      expect(refused.startsWith(`${setup.bundle} cannot be merged: `)).toBe(true);
      if (typeof message === 'string') expect(refused).toContain(message);
      else expect(refused).toMatch(message);
    });
  }

  it('takes a row whose parent is in the library but not in the bundle', async () => {
    const setup = await libraryAndBundle();
    const note = randomUUID();
    // A student handing back only their annotation: the version it is on stays home.
    tamper(setup.bundle, (db) => {
      db.prepare('UPDATE annotations SET note = ?, updated_at = ? WHERE id = ?').run(
        note,
        '2099-01-01T00:00:00.000Z',
        setup.annotation.id,
      );
      db.prepare('DELETE FROM comparisons').run();
      db.prepare('UPDATE annotations SET comparison_id = NULL').run();
      withoutAppendOnly(db, () => db.prepare('DELETE FROM versions WHERE id = ?').run(setup.b.id));
    });
    expect(firstVersion(setup.bundle).id).not.toBe(setup.b.id);
    mergeBundle(setup.library, setup.bundle);
    expect(setup.library.annotations.get(setup.annotation.id)?.note).toBe(note);
  });

  it('bounds the work: rows in all, and time', async () => {
    const setup = await libraryAndBundle();
    const opened = openBundleFile(setup.bundle);
    try {
      const check = (limits: { maxRows: number; maxMilliseconds: number }) =>
        untrustedRowProblem(opened.db, setup.library.db, opened.facts, limits);
      expect(check({ maxRows: 1_000_000, maxMilliseconds: 60_000 })).toBeUndefined();
      expect(check({ maxRows: 5, maxMilliseconds: 60_000 })).toMatch(
        /^it holds [\d,]+ rows, more than the 5 a bundle may hold\.$/,
      );
      expect(check({ maxRows: 1_000_000, maxMilliseconds: 0 })).toBe(
        'checking it took over 0 s, more than a class bundle needs.',
      );
    } finally {
      opened.dispose();
    }
  });
});
