import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Conversation, type Reply } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import { createLogger } from "../../src/log.js";
import { Matcher } from "../../src/match.js";
import { createRecorder } from "../../src/recorder.js";
import { PostgresStore } from "../../src/store/postgres.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { withHashedUsers } from "../../src/store/shared.js";
import type { QuestionRecord } from "../../src/store/store.js";
import { fixtureArticles } from "../helpers/corpus.js";
import { postgresUnavailable, startPostgres, type Postgres } from "../helpers/postgres.js";

// The shared store against a real PostgreSQL server started on loopback for these tests.
const unavailable = postgresUnavailable();
if (unavailable) console.warn(`SKIPPED: the PostgreSQL store tests: ${unavailable}`);

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 27, 12);
const question = (over: Partial<QuestionRecord> = {}): QuestionRecord => ({
  time: NOW,
  channel: "telegram",
  user: "hash-1",
  lang: "en",
  entryId: "back-office",
  confidence: 0.9,
  suggestions: [],
  text: null,
  normalized: null,
  nearest: "back-office",
  ...over,
});

describe.skipIf(!!unavailable)("the PostgreSQL store", () => {
  let server: Postgres;
  let n = 0;
  const fresh = async () => server.database(`test_${++n}`);

  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => server?.stop());

  it("reports exactly what the SQLite store reports for the same records", async () => {
    const pgStore = new PostgresStore(await fresh());
    const sqlite = new SqliteStore(join(mkdtempSync(join(tmpdir(), "store-")), "bot.db"));
    const writes = [
      (s: PostgresStore | SqliteStore) => s.recordQuestion(question()),
      (s: PostgresStore | SqliteStore) => s.recordQuestion(question({ time: NOW - DAY, channel: "discord", lang: "hi", user: "hash-2" })),
      (s: PostgresStore | SqliteStore) =>
        s.recordQuestion(question({ entryId: null, confidence: 0.3, suggestions: ["back-office"], text: "salary kitni hai", normalized: "salary kitni hai", nearest: "back-office" })),
      (s: PostgresStore | SqliteStore) => s.recordQuestion(question({ entryId: null, confidence: 0.2, text: "Salary kitni hai?", normalized: "salary kitni hai", nearest: "front-office", time: NOW + 1 })),
      (s: PostgresStore | SqliteStore) => s.recordQuestion(question({ time: NOW - 40 * DAY })),
      (s: PostgresStore | SqliteStore) => s.recordFeedback({ time: NOW, channel: "telegram", user: "hash-1", entryId: "back-office", vote: "down" }),
      (s: PostgresStore | SqliteStore) => s.recordFeedback({ time: NOW, channel: "telegram", user: "hash-2", entryId: "difference", vote: "up" }),
      (s: PostgresStore | SqliteStore) => s.recordChoice({ time: NOW, channel: "discord", user: "hash-2", entryId: "difference", how: "suggestion" }),
      // Issue 13's delivery states: rate-limited, failed, still pending, and a replayed update counted once.
      (s: PostgresStore | SqliteStore) => s.recordQuestion(question({ entryId: null, confidence: 0, nearest: null, rateLimited: true, ref: "telegram:50", delivery: "pending" })),
      (s: PostgresStore | SqliteStore) => s.settleUpdate("telegram", "50", "none", NOW),
      (s: PostgresStore | SqliteStore) => s.recordQuestion(question({ ref: "telegram:51", delivery: "pending" })),
      (s: PostgresStore | SqliteStore) => s.settleUpdate("telegram", "51", "failed", NOW),
      (s: PostgresStore | SqliteStore) => s.recordQuestion(question({ ref: "telegram:52", delivery: "pending" })),
      (s: PostgresStore | SqliteStore) => s.recordQuestion(question({ ref: "telegram:52", delivery: "pending", time: NOW + 2 })),
    ];
    for (const w of writes) {
      await w(pgStore);
      await w(sqlite);
    }
    const report = await pgStore.report(30, NOW);
    expect(report).toEqual(sqlite.report(30, NOW));
    expect(report).toMatchObject({ questions: 7, answered: 2, rateLimited: 1, deliveryFailed: 1, deliveryPending: 1, byChannel: { telegram: 6, discord: 1 } });
    expect(await pgStore.prune(30, NOW)).toBe(sqlite.prune(30, NOW));
    expect((await pgStore.report(365, NOW)).questions).toBe(7);
    await pgStore.close();
    sqlite.close();
  });

  it("is the delivery journal: takes an update once across instances, settles it, hands released or stale ones on", async () => {
    const url = await fresh();
    const [a, b] = [new PostgresStore(url), new PostgresStore(url)];
    const claim = (store: PostgresStore, ref: string, owner: string, time: number) =>
      store.claimUpdate({ channel: "telegram", ref, owner, time, payload: JSON.stringify({ update_id: Number(ref) }) });
    // The same update offered to both instances at once: exactly one takes it.
    const both = await Promise.all([claim(a, "1", "run-a", 1000), claim(b, "1", "run-b", 1000)]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await claim(a, "2", "run-a", 1000)).toBe(true);
    expect(await claim(a, "3", "run-a", 1000)).toBe(true);
    await a.recordQuestion(question({ time: 1000, ref: "telegram:1", delivery: "pending" }));
    await a.settleUpdate("telegram", "1", "delivered", 2000);
    await a.settleUpdate("telegram", "2", "released", 2000);
    // Settled: never taken again. Released: taken at once, by one instance only. Held by a live run: left alone.
    expect(await claim(b, "1", "run-b", 3000)).toBe(false);
    const taken = await Promise.all([a.takeOverUpdates("telegram", "run-a2", 500, 3000), b.takeOverUpdates("telegram", "run-b", 500, 3000)]);
    expect(taken.flat()).toEqual([{ ref: "2", payload: '{"update_id":2}' }]);
    expect(await b.takeOverUpdates("telegram", "run-c", 500, 3000)).toEqual([]);
    // Held since before the stale mark: its owner died.
    expect(await b.takeOverUpdates("telegram", "run-c", 1500, 3000)).toEqual([{ ref: "3", payload: '{"update_id":3}' }]);
    expect(await b.report(30, 5000)).toMatchObject({ questions: 1, answered: 1, deliveryPending: 0 });
    // A redelivered question replaces its record: counted once.
    await b.recordQuestion(question({ time: 4000, ref: "telegram:1", delivery: "pending" }));
    expect(await a.report(30, 5000)).toMatchObject({ questions: 1, deliveryPending: 1 });
    // Settled updates are forgotten after the redelivery window (2 days), pending ones kept.
    await a.settleUpdate("telegram", "3", "delivered", 3000);
    await a.prune(30, 3000 + 3 * DAY);
    expect(await claim(b, "3", "run-b", 3000 + 3 * DAY)).toBe(true);
    expect(await claim(b, "2", "run-b", 3000 + 3 * DAY)).toBe(false);
    await Promise.all([a.close(), b.close()]);
  });

  it("migrates a new database once, even when several instances start at the same moment", async () => {
    const url = await fresh();
    const stores = [1, 2, 3].map(() => new PostgresStore(url));
    await Promise.all(stores.map((s, i) => s.recordQuestion(question({ user: `hash-${i}` }))));
    expect((await stores[0]!.report(30, NOW)).questions).toBe(3);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    expect((await client.query("SELECT version FROM schema_version")).rows).toEqual([{ version: PostgresStore.schemaVersion }]);
    await client.query("UPDATE schema_version SET version = 99");
    await client.end();
    const newer = new PostgresStore(url);
    await expect(newer.report(30, NOW)).rejects.toThrow(/schema version 99 is newer than this bot knows/);
    await Promise.all([...stores, newer].map((s) => s.close()));
  });

  it("shares one rate-limit window, language choices and the salt between instances", async () => {
    const url = await fresh();
    const [a, b] = [new PostgresStore(url), new PostgresStore(url)];
    // Limit 2 per minute, questions alternating between the instances: the third is told, the fourth silenced.
    expect([await a.hit("u1", 2, 60_000), await b.hit("u1", 2, 60_000), await a.hit("u1", 2, 60_000), await b.hit("u1", 2, 60_000)]).toEqual(["ok", "ok", "notify", "silent"]);
    expect(await b.hit("u2", 2, 60_000)).toBe("ok");
    // Twenty questions at once from one user through both: exactly the limit gets through.
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).hit("u3", 5, 60_000)));
    expect(burst.filter((d) => d === "ok")).toHaveLength(5);
    expect(burst.filter((d) => d === "notify")).toHaveLength(1);
    expect(await b.language("u1")).toBeUndefined();
    await a.setLanguage("u1", "hi");
    expect(await b.language("u1")).toBe("hi");
    await b.setLanguage("u1", "auto");
    expect(await a.language("u1")).toBe("auto");
    expect(await a.salt("first-salt-0123456789")).toBe("first-salt-0123456789");
    expect(await b.salt("second-salt-0123456789")).toBe("first-salt-0123456789");
    await Promise.all([a.close(), b.close()]);
  });

  it("shares what each user was last answered, so a follow-up on another instance goes on about the same career", async () => {
    const url = await fresh();
    const [a, b] = [new PostgresStore(url), new PostgresStore(url)];
    const both = new Matcher(loadCorpus(fixtureArticles("tailor", "cobbler")));
    const salt = "shared-salt-0123456789";
    const [first, second] = [a, b].map((store) => new Conversation({ matcher: () => both, shared: withHashedUsers(store, salt) }));
    const user = { userId: "u1", channel: "telegram" };
    const idOf = (r: Reply) => (r.kind === "answer" ? r.id : null);
    expect(idOf(await first!.ask({ ...user, text: "how much does a cobbler earn?" }))).toBe("cob-earnings");
    await first!.settle();
    expect(idOf(await second!.ask({ ...user, text: "how long does the training take?" }))).toBe("cob-learn");
    expect(idOf(await second!.ask({ userId: "u2", channel: "telegram", text: "how long does the training take?" }))).toBeNull();
    // ...and its answer, written while the user's next question is already on its way, is not overtaken by the older
    // one in the store: the newer of the two counts.
    expect(idOf(await second!.ask({ ...user, text: "how much does a tailor earn?" }))).toBe("tailor-earnings");
    expect(idOf(await second!.ask({ ...user, text: "how long does the training take?" }))).toBe("tailor-course");
    // A user never answered, or answered longer ago than the window, has nothing to go on; the store tells the age,
    // so that reading it does not make it younger, and keeps that the user left a career.
    expect(await a.followUp("no-such-user", 60_000)).toBeUndefined();
    await a.setFollowUp("earlier", "cob-earnings");
    expect(await b.followUp("earlier", 60_000)).toEqual({ entry: "cob-earnings", ageMs: expect.any(Number) });
    expect((await b.followUp("earlier", 60_000))!.ageMs).toBeLessThan(60_000);
    expect(await b.followUp("earlier", 0)).toBeUndefined();
    await b.setFollowUp("earlier", undefined);
    expect(await a.followUp("earlier", 60_000)).toMatchObject({ entry: undefined });
    await Promise.all([a.close(), b.close()]);
  });

  it("keeps records in memory while the server is unreachable, and writes every one of them once it is back", async () => {
    const url = await fresh();
    const lines: string[] = [];
    const logger = createLogger("info", { write: (l: string) => (lines.push(l), true) } as unknown as NodeJS.WritableStream);
    let reachable = false;
    let clock = NOW;
    // The same database behind an address that does not answer until `reachable` (a closed loopback port first).
    const recorder = createRecorder({
      open: () => new PostgresStore(reachable ? url : url.replace(/:\d+\//, ":1/"), { timeoutMs: 500 }),
      salt: "salt-0123456789abcdef",
      recordText: true,
      logger,
      retryMs: 1000,
      now: () => clock,
    });
    const msg = (i: number) => ({ text: `question ${i}`, userId: `u${i}`, channel: "telegram" });
    const reply = { kind: "none", reason: "unknown", lang: "en", answerLang: "en", confidence: 0, text: "", suggestions: [] } as const;
    recorder.answered!(msg(1), reply);
    await recorder.flush();
    expect(recorder.backlog()).toBe(1);
    expect(lines.join("")).toMatch(/recording paused/);
    recorder.answered!(msg(2), reply);
    reachable = true;
    clock += 1000;
    recorder.answered!(msg(3), reply);
    await recorder.close();
    expect(recorder.backlog()).toBe(0);
    const check = new PostgresStore(url);
    expect((await check.report(30, clock)).questions).toBe(3);
    await check.close();
  });
});
