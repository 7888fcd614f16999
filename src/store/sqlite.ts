// The learning loop's store in an embedded SQLite database (better-sqlite3), with versioned migrations.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { DAY_MS, UPDATE_WINDOW_MS, type ChoiceRecord, type Delivery, type FeedbackRecord, type QuestionRecord, type Report, type Store, type UpdateClaim } from "./store.js";


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
  // The delivery journal (updates) and, per question, the update it came in and whether its reply was delivered.
  `ALTER TABLE questions ADD COLUMN ref TEXT;
   ALTER TABLE questions ADD COLUMN rate_limited INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE questions ADD COLUMN delivery TEXT;
   CREATE UNIQUE INDEX questions_ref ON questions (ref) WHERE ref IS NOT NULL;
   CREATE TABLE updates (
     channel TEXT NOT NULL,
     ref TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed', 'none')),
     owner TEXT,
     time INTEGER NOT NULL,
     payload TEXT,
     PRIMARY KEY (channel, ref)
   ) WITHOUT ROWID;
   CREATE INDEX updates_pending ON updates (channel, time) WHERE state = 'pending';
   CREATE INDEX updates_time ON updates (time);`,
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
      // A redelivered update (answered again after a crash) replaces its question's record: counted once.
      `INSERT OR REPLACE INTO questions (time, channel, user, lang, entry_id, confidence, suggestions, text, normalized, nearest, ref, rate_limited, delivery)
       VALUES (@time, @channel, @user, @lang, @entryId, @confidence, @suggestions, @text, @normalized, @nearest, @ref, @rateLimited, @delivery)`,
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
    this.insertQuestion.run({
      ...r,
      suggestions: JSON.stringify(r.suggestions),
      ref: r.ref ?? null,
      rateLimited: r.rateLimited ? 1 : 0,
      delivery: r.delivery ?? null,
    });
  }

  recordFeedback(r: FeedbackRecord): void {
    this.insertFeedback.run(r);
  }

  recordChoice(r: ChoiceRecord): void {
    this.insertChoice.run(r);
  }

  prune(days: number, now = Date.now()): number {
    const before = now - days * DAY_MS;
    return this.db.transaction(() => {
      // Settled updates are journal, not records: they go after the redelivery window, and are not counted.
      this.db.prepare("DELETE FROM updates WHERE state != 'pending' AND time < ?").run(now - UPDATE_WINDOW_MS);
      return ["questions", "feedback", "choices"].reduce((n, table) => n + this.db.prepare(`DELETE FROM ${table} WHERE time < ?`).run(before).changes, 0);
    })();
  }

  claimUpdate(c: UpdateClaim): boolean {
    return (
      this.db
        .prepare("INSERT OR IGNORE INTO updates (channel, ref, state, owner, time, payload) VALUES (@channel, @ref, 'pending', @owner, @time, @payload)")
        .run(c).changes === 1
    );
  }

  settleUpdate(channel: string, ref: string, outcome: Exclude<Delivery, "pending"> | "released", now = Date.now()): void {
    this.db.transaction(() => {
      if (outcome === "released") {
        this.db.prepare("UPDATE updates SET owner = NULL WHERE channel = ? AND ref = ? AND state = 'pending'").run(channel, ref);
        return;
      }
      this.db.prepare("UPDATE updates SET state = ?, owner = NULL, payload = NULL, time = ? WHERE channel = ? AND ref = ?").run(outcome, now, channel, ref);
      this.db.prepare("UPDATE questions SET delivery = ? WHERE ref = ?").run(outcome, `${channel}:${ref}`);
    })();
  }

  takeOverUpdates(channel: string, owner: string, staleBefore: number, now = Date.now()): { ref: string; payload: string }[] {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare("SELECT ref, payload FROM updates WHERE channel = ? AND state = 'pending' AND (owner IS NULL OR time < ?) ORDER BY time, ref")
        .all(channel, staleBefore) as { ref: string; payload: string }[];
      const take = this.db.prepare("UPDATE updates SET owner = ?, time = ? WHERE channel = ? AND ref = ?");
      for (const r of rows) take.run(owner, now, channel, r.ref);
      return rows;
    })();
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
    // Answered: the bot had an answer and it reached the user (or the channel does not track delivery).
    const answered = count("SELECT COUNT(*) AS n FROM questions WHERE time >= ? AND entry_id IS NOT NULL AND COALESCE(delivery, 'delivered') = 'delivered'");
    const rateLimited = count("SELECT COUNT(*) AS n FROM questions WHERE time >= ? AND rate_limited = 1");
    const deliveryFailed = count("SELECT COUNT(*) AS n FROM questions WHERE time >= ? AND delivery = 'failed'");
    const deliveryPending = count("SELECT COUNT(*) AS n FROM questions WHERE time >= ? AND delivery = 'pending'");
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
      // Of the questions the bot took on: a rate-limited one was never matched.
      answerRate: questions - rateLimited > 0 ? Math.round((1000 * answered) / (questions - rateLimited)) / 1000 : 0,
      byDay: tally("strftime('%Y-%m-%d', time / 1000, 'unixepoch')"),
      byLanguage: tally("lang"),
      byChannel: tally("channel"),
      unanswered: unanswered.map((u) => ({ question: u.question ?? u.normalized, count: u.count, nearest: u.nearest })),
      feedback,
      choices,
      rateLimited,
      deliveryFailed,
      deliveryPending,
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
