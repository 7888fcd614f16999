import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";

const dbPath = () => join(mkdtempSync(join(tmpdir(), "store-")), "data", "bot.db");
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 27, 12);

const question = (over: Partial<Parameters<SqliteStore["recordQuestion"]>[0]> = {}) => ({
  time: NOW,
  channel: "telegram",
  user: "hash-1",
  lang: "en" as const,
  entryId: "back-office" as string | null,
  confidence: 0.9,
  suggestions: [] as string[],
  text: null as string | null,
  normalized: null as string | null,
  nearest: "back-office" as string | null,
  ...over,
});

describe("the SQLite store", () => {
  it("creates its folder and schema on first use and reopens without migrating again", () => {
    const path = dbPath();
    new SqliteStore(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(SqliteStore.schemaVersion);
    db.close();
    const again = new SqliteStore(path);
    again.recordQuestion(question());
    expect(again.report(30, NOW).questions).toBe(1);
    again.close();
  });

  it("reports questions by day, channel and language, the answer rate, unanswered groups, feedback and choices", () => {
    const store = new SqliteStore(dbPath());
    store.recordQuestion(question());
    store.recordQuestion(question({ channel: "discord", lang: "hi", entryId: "front-office", time: NOW - DAY - 1000 }));
    for (const text of ["What is the salary?", "what is the SALARY"]) {
      store.recordQuestion(question({ entryId: null, confidence: 0.3, text, normalized: "what is the salary", nearest: "back-office", suggestions: ["back-office"] }));
    }
    store.recordQuestion(question({ entryId: null, text: "visa", normalized: "visa", nearest: null, lang: "hi-Latn" }));
    store.recordFeedback({ time: NOW, channel: "telegram", user: "u", entryId: "difference", vote: "down" });
    store.recordFeedback({ time: NOW, channel: "telegram", user: "u", entryId: "difference", vote: "up" });
    store.recordFeedback({ time: NOW, channel: "telegram", user: "v", entryId: "difference", vote: "down" });
    store.recordChoice({ time: NOW, channel: "discord", user: "u", entryId: "which-job", how: "suggestion" });
    store.recordChoice({ time: NOW, channel: "discord", user: "u", entryId: "front-office", how: "related" });
    const r = store.report(30, NOW);
    expect(r).toMatchObject({ questions: 5, answered: 2, answerRate: 0.4, byChannel: { telegram: 4, discord: 1 }, byLanguage: { en: 3, hi: 1, "hi-Latn": 1 } });
    expect(r.byDay).toEqual({ "2026-11-26": 1, "2026-11-27": 4 });
    expect(r.unanswered[0]).toEqual({ question: "what is the SALARY", count: 2, nearest: "back-office" });
    expect(r.unanswered[1]).toMatchObject({ question: "visa", count: 1, nearest: null });
    expect(r.feedback).toEqual([{ id: "difference", up: 1, down: 2 }]);
    expect(r.choices).toEqual([{ id: "which-job", count: 1 }]);
    expect(store.report(1, NOW).questions).toBe(4);
    store.close();
  });

  it("deletes records older than the retention period", () => {
    const store = new SqliteStore(dbPath());
    store.recordQuestion(question({ time: NOW - 100 * DAY }));
    store.recordQuestion(question({ time: NOW - 10 * DAY }));
    store.recordFeedback({ time: NOW - 91 * DAY, channel: "x", user: "u", entryId: "a", vote: "up" });
    expect(store.prune(90, NOW)).toBe(2);
    expect(store.report(365, NOW).questions).toBe(1);
    store.close();
  });

  it("refuses a database written by a newer version instead of damaging it", () => {
    const path = dbPath();
    new SqliteStore(path).close();
    const db = new Database(path);
    db.pragma("user_version = 99");
    db.close();
    expect(() => new SqliteStore(path)).toThrow(/newer/);
  });

  it("fails to open a corrupt file with an error", () => {
    const path = dbPath();
    new SqliteStore(path).close();
    writeFileSync(path, "this is not a database".repeat(100));
    expect(() => new SqliteStore(path)).toThrow();
  });
});

describe("the delivery journal", () => {
  it("takes an update once, settles it (marking its question), and hands released or stale ones to the next run", () => {
    const path = join(mkdtempSync(join(tmpdir(), "journal-")), "bot.db");
    const store = new SqliteStore(path);
    try {
      const claim = (ref: string, owner: string, time: number) => store.claimUpdate({ channel: "telegram", ref, owner, time, payload: JSON.stringify({ update_id: Number(ref) }) });
      expect(claim("1", "run-a", 1000)).toBe(true);
      expect(claim("1", "run-b", 1001)).toBe(false);
      expect(claim("2", "run-a", 1000)).toBe(true);
      expect(claim("3", "run-a", 1000)).toBe(true);
      store.recordQuestion({ time: 1000, channel: "telegram", user: "u", lang: "en", entryId: "back-office", confidence: 1, suggestions: [], text: null, normalized: null, nearest: "back-office", ref: "telegram:1", delivery: "pending" });
      store.settleUpdate("telegram", "1", "delivered", 2000);
      store.settleUpdate("telegram", "2", "released", 2000);
      // Settled: never taken again, even by another run. Released: taken at once. Held by a live run: left alone.
      expect(claim("1", "run-b", 3000)).toBe(false);
      expect(store.takeOverUpdates("telegram", "run-b", 500, 3000)).toEqual([{ ref: "2", payload: '{"update_id":2}' }]);
      expect(store.takeOverUpdates("telegram", "run-c", 500, 3000)).toEqual([]);
      // Held since before the stale mark: its owner died.
      expect(store.takeOverUpdates("telegram", "run-c", 1500, 3000)).toEqual([{ ref: "3", payload: '{"update_id":3}' }]);
      expect(store.report(30, 5000)).toMatchObject({ questions: 1, answered: 1, deliveryPending: 0 });
      // A redelivered question replaces its record: counted once.
      store.recordQuestion({ time: 4000, channel: "telegram", user: "u", lang: "en", entryId: "back-office", confidence: 1, suggestions: [], text: null, normalized: null, nearest: "back-office", ref: "telegram:1", delivery: "pending" });
      expect(store.report(30, 5000)).toMatchObject({ questions: 1, deliveryPending: 1 });
    } finally {
      store.close();
    }
  });
});
