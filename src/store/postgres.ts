// The shared store in PostgreSQL (pg), for several instances behind a balancer: the learning loop's records, the
// rate limit's windows, language choices, what each user was last answered and the user-hash salt, with versioned
// migrations.
import pg from "pg";
import { decide, type RateDecision } from "../ratelimit.js";
import type { LangChoice } from "../types.js";
import { DAY_MS, UPDATE_WINDOW_MS, type ChoiceRecord, type Delivery, type FeedbackRecord, type QuestionRecord, type Report, type SharedState, type Store, type UpdateClaim } from "./store.js";


/** Each migration moves the schema one version up; `schema_version` says which have run. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE questions (
     id BIGSERIAL PRIMARY KEY,
     time BIGINT NOT NULL,
     channel TEXT NOT NULL,
     "user" TEXT NOT NULL,
     lang TEXT NOT NULL,
     entry_id TEXT,
     confidence DOUBLE PRECISION NOT NULL,
     suggestions TEXT NOT NULL,
     text TEXT,
     normalized TEXT,
     nearest TEXT
   );
   CREATE INDEX questions_time ON questions (time);
   CREATE TABLE feedback (
     id BIGSERIAL PRIMARY KEY,
     time BIGINT NOT NULL,
     channel TEXT NOT NULL,
     "user" TEXT NOT NULL,
     entry_id TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down'))
   );
   CREATE INDEX feedback_time ON feedback (time);
   CREATE TABLE choices (
     id BIGSERIAL PRIMARY KEY,
     time BIGINT NOT NULL,
     channel TEXT NOT NULL,
     "user" TEXT NOT NULL,
     entry_id TEXT NOT NULL,
     how TEXT NOT NULL
   );
   CREATE INDEX choices_time ON choices (time);
   CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE rate_limits (user_key TEXT PRIMARY KEY, times BIGINT[] NOT NULL, notified BOOLEAN NOT NULL, updated BIGINT NOT NULL);
   CREATE INDEX rate_limits_updated ON rate_limits (updated);
   CREATE TABLE preferences (user_key TEXT PRIMARY KEY, lang TEXT NOT NULL CHECK (lang IN ('en', 'hi', 'auto')), updated BIGINT NOT NULL);`,
  // The delivery journal (updates) and, per question, the update it came in and whether its reply was delivered:
  // the same as SQLite's second migration, so every instance answers each update once.
  `ALTER TABLE questions ADD COLUMN ref TEXT;
   ALTER TABLE questions ADD COLUMN rate_limited BOOLEAN NOT NULL DEFAULT false;
   ALTER TABLE questions ADD COLUMN delivery TEXT;
   CREATE UNIQUE INDEX questions_ref ON questions (ref) WHERE ref IS NOT NULL;
   CREATE TABLE updates (
     channel TEXT NOT NULL,
     ref TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed', 'none')),
     owner TEXT,
     time BIGINT NOT NULL,
     payload TEXT,
     PRIMARY KEY (channel, ref)
   );
   CREATE INDEX updates_pending ON updates (channel, time) WHERE state = 'pending';
   CREATE INDEX updates_time ON updates (time);`,
  // What each user was last answered from an article, for a follow-up to go on about on any instance.
  // (A null entry: the user has since asked about something else.)
  `CREATE TABLE follow_ups (user_key TEXT PRIMARY KEY, entry TEXT, updated BIGINT NOT NULL);
   CREATE INDEX follow_ups_updated ON follow_ups (updated);`,
];

/** Any instance may start first: migrations run under this advisory lock, one instance at a time. */
const MIGRATION_LOCK = 7_314_159_265;

/** The database's clock in ms, so that instances with skewed clocks share one rate-limit window. */
const NOW = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

/** The report's counts over the questions table. */
interface Counts {
  questions: number;
  answered: number;
  rateLimited: number;
  deliveryFailed: number;
  deliveryPending: number;
}

export interface PostgresOptions {
  /** Connections this store opens at most (default 4). */
  readonly maxConnections?: number;
  /** How long a query may wait for a connection, and a statement may run, in ms (default 2000): answering must not stall. */
  readonly timeoutMs?: number;
}

export class PostgresStore implements Store, SharedState {
  private readonly pool: pg.Pool;
  private ready: Promise<void> | undefined;

  constructor(url: string, options: PostgresOptions = {}) {
    const timeout = options.timeoutMs ?? 2000;
    this.pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 4, connectionTimeoutMillis: timeout, statement_timeout: timeout, query_timeout: timeout + 500 });
    // A connection that dies while idle: the next query gets a new one (or fails, and the caller copes).
    this.pool.on("error", () => undefined);
  }

  /** The schema version this code writes. */
  static readonly schemaVersion = MIGRATIONS.length;

  /** Migrates once per store (again after a failure): every method waits for it. */
  private init(): Promise<void> {
    this.ready ??= this.migrate().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await client.query("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
      const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_version");
      const version = rows[0]?.version ?? 0;
      if (version > MIGRATIONS.length) throw new Error(`the database's schema version ${version} is newer than this bot knows (${MIGRATIONS.length}): upgrade the bot`);
      for (let v = version; v < MIGRATIONS.length; v++) await client.query(MIGRATIONS[v]!);
      if (rows.length === 0) await client.query("INSERT INTO schema_version (version) VALUES ($1)", [MIGRATIONS.length]);
      else await client.query("UPDATE schema_version SET version = $1", [MIGRATIONS.length]);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  private async query<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R[]> {
    await this.init();
    return (await this.pool.query<R>(sql, values)).rows;
  }

  /** Runs `work` in one transaction on one connection. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.init();
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  // ---- the learning loop -------------------------------------------------------------------------------------------

  async recordQuestion(r: QuestionRecord): Promise<void> {
    // A redelivered update (answered again after a crash, or by another instance) replaces its question's record:
    // counted once.
    await this.query(
      `INSERT INTO questions (time, channel, "user", lang, entry_id, confidence, suggestions, text, normalized, nearest, ref, rate_limited, delivery)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (ref) WHERE ref IS NOT NULL DO UPDATE SET
         time = EXCLUDED.time, channel = EXCLUDED.channel, "user" = EXCLUDED."user", lang = EXCLUDED.lang, entry_id = EXCLUDED.entry_id,
         confidence = EXCLUDED.confidence, suggestions = EXCLUDED.suggestions, text = EXCLUDED.text, normalized = EXCLUDED.normalized,
         nearest = EXCLUDED.nearest, rate_limited = EXCLUDED.rate_limited, delivery = EXCLUDED.delivery`,
      [
        r.time,
        r.channel,
        r.user,
        r.lang,
        r.entryId,
        r.confidence,
        JSON.stringify(r.suggestions),
        r.text,
        r.normalized,
        r.nearest,
        r.ref ?? null,
        r.rateLimited ?? false,
        r.delivery ?? null,
      ],
    );
  }

  async recordFeedback(r: FeedbackRecord): Promise<void> {
    await this.query(`INSERT INTO feedback (time, channel, "user", entry_id, vote) VALUES ($1, $2, $3, $4, $5)`, [r.time, r.channel, r.user, r.entryId, r.vote]);
  }

  async recordChoice(r: ChoiceRecord): Promise<void> {
    await this.query(`INSERT INTO choices (time, channel, "user", entry_id, how) VALUES ($1, $2, $3, $4, $5)`, [r.time, r.channel, r.user, r.entryId, r.how]);
  }

  async prune(days: number, now = Date.now()): Promise<number> {
    const before = now - days * DAY_MS;
    return this.transaction(async (client) => {
      // Settled updates are journal, not records: they go after the redelivery window, and are not counted.
      await client.query("DELETE FROM updates WHERE state != 'pending' AND time < $1", [now - UPDATE_WINDOW_MS]);
      let removed = 0;
      for (const table of ["questions", "feedback", "choices"]) removed += (await client.query(`DELETE FROM ${table} WHERE time < $1`, [before])).rowCount ?? 0;
      // Rate-limit windows and follow-ups of users quiet for a day are over: their rows go too (not counted as records).
      await client.query(`DELETE FROM rate_limits WHERE updated < ${NOW} - $1`, [DAY_MS]);
      await client.query(`DELETE FROM follow_ups WHERE updated < ${NOW} - $1`, [DAY_MS]);
      return removed;
    });
  }

  // ---- the delivery journal ----------------------------------------------------------------------------------------

  async claimUpdate(c: UpdateClaim): Promise<boolean> {
    const rows = await this.query(
      "INSERT INTO updates (channel, ref, state, owner, time, payload) VALUES ($1, $2, 'pending', $3, $4, $5) ON CONFLICT (channel, ref) DO NOTHING RETURNING ref",
      [c.channel, c.ref, c.owner, c.time, c.payload],
    );
    return rows.length === 1;
  }

  async settleUpdate(channel: string, ref: string, outcome: Exclude<Delivery, "pending"> | "released", now = Date.now()): Promise<void> {
    if (outcome === "released") {
      await this.query("UPDATE updates SET owner = NULL WHERE channel = $1 AND ref = $2 AND state = 'pending'", [channel, ref]);
      return;
    }
    await this.transaction(async (client) => {
      await client.query("UPDATE updates SET state = $1, owner = NULL, payload = NULL, time = $2 WHERE channel = $3 AND ref = $4", [outcome, now, channel, ref]);
      await client.query("UPDATE questions SET delivery = $1 WHERE ref = $2", [outcome, `${channel}:${ref}`]);
    });
  }

  async takeOverUpdates(channel: string, owner: string, staleBefore: number, now = Date.now()): Promise<{ ref: string; payload: string }[]> {
    // Rows another instance is taking over at this moment are skipped, not waited for: each goes to one instance.
    const rows = await this.query<{ ref: string; payload: string; was: string }>(
      `WITH taken AS (
         SELECT ref, time AS was FROM updates
         WHERE channel = $1 AND state = 'pending' AND (owner IS NULL OR time < $2)
         ORDER BY time, ref
         FOR UPDATE SKIP LOCKED
       )
       UPDATE updates u SET owner = $3, time = $4 FROM taken
       WHERE u.channel = $1 AND u.ref = taken.ref
       RETURNING u.ref, u.payload, taken.was`,
      [channel, staleBefore, owner, now],
    );
    // In the order they came in, as SQLite answers.
    return rows
      .sort((a, b) => Number(a.was) - Number(b.was) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
      .map((r) => ({ ref: r.ref, payload: r.payload }));
  }

  async report(days: number, now = Date.now()): Promise<Report> {
    const since = now - days * DAY_MS;
    const tally = async (expr: string) =>
      Object.fromEntries(
        (await this.query<{ k: string; n: number }>(`SELECT ${expr} AS k, COUNT(*)::int AS n FROM questions WHERE time >= $1 GROUP BY k ORDER BY k`, [since])).map((r) => [r.k, r.n]),
      );
    // Answered: the bot had an answer and it reached the user (or the channel does not track delivery).
    const [{ questions, answered, rateLimited, deliveryFailed, deliveryPending }] = (await this.query<Counts>(
      `SELECT COUNT(*)::int AS questions,
              (COUNT(*) FILTER (WHERE entry_id IS NOT NULL AND COALESCE(delivery, 'delivered') = 'delivered'))::int AS answered,
              (COUNT(*) FILTER (WHERE rate_limited))::int AS "rateLimited",
              (COUNT(*) FILTER (WHERE delivery = 'failed'))::int AS "deliveryFailed",
              (COUNT(*) FILTER (WHERE delivery = 'pending'))::int AS "deliveryPending"
       FROM questions WHERE time >= $1`,
      [since],
    )) as [Counts];
    const unanswered = await this.query<{ question: string | null; count: number; nearest: string | null; normalized: string }>(
      `SELECT normalized,
              COUNT(*)::int AS count,
              (SELECT q2.text FROM questions q2 WHERE q2.normalized = q.normalized AND q2.entry_id IS NULL AND q2.time >= $1 ORDER BY q2.time DESC LIMIT 1) AS question,
              (SELECT q3.nearest FROM questions q3 WHERE q3.normalized = q.normalized AND q3.entry_id IS NULL AND q3.time >= $1 AND q3.nearest IS NOT NULL
               GROUP BY q3.nearest ORDER BY COUNT(*) DESC, MAX(q3.time) DESC, q3.nearest LIMIT 1) AS nearest
       FROM questions q
       WHERE q.time >= $1 AND q.entry_id IS NULL AND q.normalized IS NOT NULL
       GROUP BY q.normalized ORDER BY count DESC, MAX(q.time) DESC LIMIT 25`,
      [since],
    );
    const feedback = await this.query<{ id: string; up: number; down: number }>(
      `SELECT entry_id AS id, (COUNT(*) FILTER (WHERE vote = 'up'))::int AS up, (COUNT(*) FILTER (WHERE vote = 'down'))::int AS down
       FROM feedback WHERE time >= $1 GROUP BY entry_id ORDER BY down DESC, up ASC, id`,
      [since],
    );
    const choices = await this.query<{ id: string; count: number }>(
      `SELECT entry_id AS id, COUNT(*)::int AS count FROM choices WHERE time >= $1 AND how = 'suggestion' GROUP BY entry_id ORDER BY count DESC, id`,
      [since],
    );
    return {
      days,
      questions,
      answered,
      answerRate: questions - rateLimited > 0 ? Math.round((1000 * answered) / (questions - rateLimited)) / 1000 : 0,
      byDay: await tally("to_char(to_timestamp(time / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD')"),
      byLanguage: await tally("lang"),
      byChannel: await tally("channel"),
      unanswered: unanswered.map((u) => ({ question: u.question ?? u.normalized, count: u.count, nearest: u.nearest })),
      feedback,
      choices,
      rateLimited,
      deliveryFailed,
      deliveryPending,
    };
  }

  // ---- state shared by the instances -------------------------------------------------------------------------------

  /** The salt every instance hashes users with: `candidate` if the database has none yet, else the one it has. */
  async salt(candidate: string): Promise<string> {
    await this.query("INSERT INTO settings (name, value) VALUES ('salt', $1) ON CONFLICT (name) DO NOTHING", [candidate]);
    return (await this.query<{ value: string }>("SELECT value FROM settings WHERE name = 'salt'"))[0]!.value;
  }

  async hit(user: string, limit: number, windowMs: number): Promise<RateDecision> {
    if (limit <= 0) return "ok";
    return this.transaction(async (client) => {
      await client.query(`INSERT INTO rate_limits (user_key, times, notified, updated) VALUES ($1, '{}', false, ${NOW}) ON CONFLICT (user_key) DO NOTHING`, [user]);
      // The row lock serialises one user's questions across instances: each sees the others' counts.
      const { rows } = await client.query<{ times: string[]; notified: boolean; now: string }>(
        `SELECT times, notified, ${NOW} AS now FROM rate_limits WHERE user_key = $1 FOR UPDATE`,
        [user],
      );
      const row = rows[0]!;
      const state = { times: row.times.map(Number), notified: row.notified };
      const now = Number(row.now);
      const decision = decide(state, now, limit, windowMs);
      await client.query("UPDATE rate_limits SET times = $2, notified = $3, updated = $4 WHERE user_key = $1", [user, state.times, state.notified, now]);
      return decision;
    });
  }

  async language(user: string): Promise<LangChoice | undefined> {
    return (await this.query<{ lang: LangChoice }>("SELECT lang FROM preferences WHERE user_key = $1", [user]))[0]?.lang;
  }

  async setLanguage(user: string, choice: LangChoice): Promise<void> {
    await this.query(
      `INSERT INTO preferences (user_key, lang, updated) VALUES ($1, $2, ${NOW}) ON CONFLICT (user_key) DO UPDATE SET lang = EXCLUDED.lang, updated = EXCLUDED.updated`,
      [user, choice],
    );
  }

  async followUp(user: string, withinMs: number): Promise<{ entry: string | undefined; ageMs: number } | undefined> {
    const row = (await this.query<{ entry: string | null; age: string }>(`SELECT entry, ${NOW} - updated AS age FROM follow_ups WHERE user_key = $1 AND updated > ${NOW} - $2`, [user, withinMs]))[0];
    return row === undefined ? undefined : { entry: row.entry ?? undefined, ageMs: Math.max(0, Number(row.age)) };
  }

  async setFollowUp(user: string, entry: string | undefined): Promise<void> {
    await this.query(
      `INSERT INTO follow_ups (user_key, entry, updated) VALUES ($1, $2, ${NOW}) ON CONFLICT (user_key) DO UPDATE SET entry = EXCLUDED.entry, updated = EXCLUDED.updated`,
      [user, entry ?? null],
    );
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
