// The learning loop's store in an embedded SQLite database (better-sqlite3), with versioned migrations.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { ChoiceRecord, FeedbackRecord, QuestionRecord, Report, Store } from "./store.js";

const DAY_MS = 86_400_000;

/** Each migration moves the schema one version up; `PRAGMA user_version` says which have run. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE questions (
     id INTEGER PRIMARY KEY,
     time INTEGER NOT NULL,
     channel TEXT NOT NULL,
     user TEXT NOT NULL,
     lang TEXT NOT NULL,
     entry_id TEXT,
     confidence REAL NOT NULL,
     suggestions TEXT NOT NULL,
     text TEXT,
     normalized TEXT,
     nearest TEXT
   );
   CREATE INDEX questions_time ON questions (time);
   CREATE TABLE feedback (
     id INTEGER PRIMARY KEY,
     time INTEGER NOT NULL,
     channel TEXT NOT NULL,
     user TEXT NOT NULL,
     entry_id TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down'))
   );
   CREATE INDEX feedback_time ON feedback (time);
   CREATE TABLE choices (
     id INTEGER PRIMARY KEY,
     time INTEGER NOT NULL,
     channel TEXT NOT NULL,
     user TEXT NOT NULL,
     entry_id TEXT NOT NULL,
     how TEXT NOT NULL
   );
   CREATE INDEX choices_time ON choices (time);`,
];

export interface SqliteOptions {
  /** Open for reading only (the report command): never creates or migrates. */
  readonly readonly?: boolean;
  /** How long a write waits for a lock held by another process, in ms. Short: answering must not stall. */
  readonly busyTimeoutMs?: number;
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly insertQuestion: Database.Statement;
  private readonly insertFeedback: Database.Statement;
  private readonly insertChoice: Database.Statement;

  constructor(readonly path: string, options: SqliteOptions = {}) {
    if (!options.readonly) mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 200}`);
    if (!options.readonly) {
      this.db.pragma("journal_mode = WAL");
      this.migrate();
    }
    this.insertQuestion = this.db.prepare(
      `INSERT INTO questions (time, channel, user, lang, entry_id, confidence, suggestions, text, normalized, nearest)
       VALUES (@time, @channel, @user, @lang, @entryId, @confidence, @suggestions, @text, @normalized, @nearest)`,
    );
    this.insertFeedback = this.db.prepare(
      "INSERT INTO feedback (time, channel, user, entry_id, vote) VALUES (@time, @channel, @user, @entryId, @vote)",
    );
    this.insertChoice = this.db.prepare(
      "INSERT INTO choices (time, channel, user, entry_id, how) VALUES (@time, @channel, @user, @entryId, @how)",
    );
  }

  /** The schema version this code writes. */
  static readonly schemaVersion = MIGRATIONS.length;

  private migrate(): void {
    const version = this.db.pragma("user_version", { simple: true }) as number;
    if (version > MIGRATIONS.length) throw new Error(`${this.path}: schema version ${version} is newer than this bot knows (${MIGRATIONS.length})`);
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  recordQuestion(r: QuestionRecord): void {
    this.insertQuestion.run({ ...r, suggestions: JSON.stringify(r.suggestions) });
  }

  recordFeedback(r: FeedbackRecord): void {
    this.insertFeedback.run(r);
  }

  recordChoice(r: ChoiceRecord): void {
    this.insertChoice.run(r);
  }

  prune(days: number, now = Date.now()): number {
    const before = now - days * DAY_MS;
    return this.db.transaction(() =>
      ["questions", "feedback", "choices"].reduce((n, table) => n + this.db.prepare(`DELETE FROM ${table} WHERE time < ?`).run(before).changes, 0),
    )();
  }

  report(days: number, now = Date.now()): Report {
    const since = now - days * DAY_MS;
    const count = (sql: string) => (this.db.prepare(sql).get(since) as { n: number }).n;
    const tally = (column: string) =>
      Object.fromEntries(
        (this.db.prepare(`SELECT ${column} AS k, COUNT(*) AS n FROM questions WHERE time >= ? GROUP BY k ORDER BY k`).all(since) as { k: string; n: number }[]).map(
          (r) => [r.k, r.n],
        ),
      );
    const questions = count("SELECT COUNT(*) AS n FROM questions WHERE time >= ?");
    const answered = count("SELECT COUNT(*) AS n FROM questions WHERE time >= ? AND entry_id IS NOT NULL");
    const unanswered = this.db
      .prepare(
        `SELECT normalized,
                COUNT(*) AS count,
                (SELECT q2.text FROM questions q2 WHERE q2.normalized = q.normalized AND q2.entry_id IS NULL AND q2.time >= @since ORDER BY q2.time DESC LIMIT 1) AS question,
                (SELECT q3.nearest FROM questions q3 WHERE q3.normalized = q.normalized AND q3.entry_id IS NULL AND q3.time >= @since AND q3.nearest IS NOT NULL
                 GROUP BY q3.nearest ORDER BY COUNT(*) DESC, MAX(q3.time) DESC, q3.nearest LIMIT 1) AS nearest
         FROM questions q
         WHERE q.time >= @since AND q.entry_id IS NULL AND q.normalized IS NOT NULL
         GROUP BY q.normalized ORDER BY count DESC, MAX(q.time) DESC LIMIT 25`,
      )
      .all({ since }) as { question: string | null; count: number; nearest: string | null; normalized: string }[];
    const feedback = this.db
      .prepare(
        `SELECT entry_id AS id, SUM(vote = 'up') AS up, SUM(vote = 'down') AS down FROM feedback WHERE time >= ?
         GROUP BY entry_id ORDER BY down DESC, up ASC, id`,
      )
      .all(since) as { id: string; up: number; down: number }[];
    const choices = this.db
      .prepare(`SELECT entry_id AS id, COUNT(*) AS count FROM choices WHERE time >= ? AND how = 'suggestion' GROUP BY entry_id ORDER BY count DESC, id`)
      .all(since) as { id: string; count: number }[];
    return {
      days,
      questions,
      answered,
      answerRate: questions ? Math.round((1000 * answered) / questions) / 1000 : 0,
      byDay: tally("strftime('%Y-%m-%d', time / 1000, 'unixepoch')"),
      byLanguage: tally("lang"),
      byChannel: tally("channel"),
      unanswered: unanswered.map((u) => ({ question: u.question ?? u.normalized, count: u.count, nearest: u.nearest })),
      feedback,
      choices,
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
