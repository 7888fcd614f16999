import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { Conversation } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import { createLogger } from "../../src/log.js";
import { Matcher } from "../../src/match.js";
import { createRecorder, hashUser } from "../../src/recorder.js";
import { SqliteStore } from "../../src/store/sqlite.js";

const matcher = new Matcher(loadCorpus("faq"));

function logSink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n")) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger("info", stream, ["SECRET-SALT-0123456789"]) };
}

function setup(options: { recordText?: boolean; path?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "rec-"));
  const path = options.path ?? join(dir, "bot.db");
  const log = logSink();
  let clock = Date.UTC(2026, 10, 27);
  const recorder = createRecorder({
    open: () => new SqliteStore(path),
    salt: "SECRET-SALT-0123456789",
    recordText: options.recordText ?? true,
    logger: log.logger,
    retryMs: 1000,
    now: () => clock,
  });
  const conversation = new Conversation({ matcher: () => matcher, events: recorder });
  const ask = (text: string, userId = "alice@42") => conversation.reply({ text, userId, channel: "telegram" });
  return { dir, path, recorder, conversation, ask, log, tick: (ms: number) => (clock += ms), report: () => {
      const store = new SqliteStore(path, { readonly: true });
      try {
        return store.report(30, clock);
      } finally {
        store.close();
      }
    } };
}

describe("recording what users ask", () => {
  it("records each question with its outcome, and text only for unanswered ones", () => {
    const s = setup();
    s.ask("back office kya hai");
    s.ask("what is the salary of a back office job");
    s.recorder.flush();
    const r = s.report();
    expect(r).toMatchObject({ questions: 2, answered: 1, byChannel: { telegram: 2 } });
    expect(r.unanswered).toEqual([{ question: "what is the salary of a back office job", count: 1, nearest: expect.any(String) }]);
    const db = new Database(s.path, { readonly: true });
    const rows = db.prepare("SELECT * FROM questions").all() as Record<string, unknown>[];
    expect(rows[0]!.text).toBeNull();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain("alice");
    expect(rows[0]!.user).toBe(hashUser("SECRET-SALT-0123456789", "telegram", "alice@42"));
    db.close();
  });

  it("keeps no question text at all with RECORD_TEXT=false", () => {
    const s = setup({ recordText: false });
    s.ask("what is the salary of a back office job");
    const db = new Database(s.path, { readonly: true });
    expect(db.prepare("SELECT text, normalized FROM questions").get()).toEqual({ text: null, normalized: null });
    db.close();
  });

  it("records feedback and picked suggestions against the entry", () => {
    const s = setup();
    s.conversation.feedback({ entryId: "difference", userId: "bob", channel: "telegram", vote: "down" }, "en");
    s.conversation.answerById("which-job", { channel: "telegram", userId: "bob" }, "suggestion");
    const r = s.report();
    expect(r.feedback).toEqual([{ id: "difference", up: 0, down: 1 }]);
    expect(r.choices).toEqual([{ id: "which-job", count: 1 }]);
  });
});

describe("when the database fails", () => {
  it("keeps answering while the database is locked, logs once, and records the backlog when the lock goes", () => {
    const s = setup();
    s.ask("front office kya hai");
    const other = new Database(s.path);
    other.exec("BEGIN EXCLUSIVE");
    const replies = ["back office kya hai", "what is front office?", "बैक ऑफिस क्या है?"].map((q) => s.ask(q));
    for (const r of replies) expect(r.kind).toBe("answer");
    expect(s.log.lines.filter((l) => l.msg === String(l.msg) && /recording paused/.test(String(l.msg)))).toHaveLength(1);
    other.exec("COMMIT");
    other.close();
    s.tick(2000);
    s.ask("thanks");
    expect(s.report().questions).toBe(5);
    expect(s.log.lines.some((l) => /recording resumed/.test(String(l.msg)))).toBe(true);
    expect(JSON.stringify(s.log.lines)).not.toContain("SECRET-SALT");
  });

  it("keeps answering when the database is read-only, and writes the backlog once it is writable", () => {
    const s = setup();
    s.ask("front office kya hai");
    s.recorder.close();
    // A read-only connection refuses every write with SQLITE_READONLY, whoever runs the test.
    let readOnly = true;
    let clock = 0;
    const ro = createRecorder({
      open: () => new SqliteStore(s.path, { readonly: readOnly }),
      salt: "x".repeat(16),
      recordText: true,
      logger: s.log.logger,
      retryMs: 10,
      now: () => Date.UTC(2026, 10, 27) + clock,
    });
    const conversation = new Conversation({ matcher: () => matcher, events: ro });
    expect(conversation.reply({ text: "back office kya hai", userId: "u", channel: "discord" }).kind).toBe("answer");
    expect(s.log.lines.filter((l) => /recording paused/.test(String(l.msg)))).toHaveLength(1);
    readOnly = false;
    clock += 100;
    conversation.reply({ text: "what is back office", userId: "u", channel: "discord" });
    ro.close();
    expect(s.report().questions).toBe(3);
  });

  it("keeps answering on a corrupt database file and logs the problem once", () => {
    const dir = mkdtempSync(join(tmpdir(), "rec-"));
    const path = join(dir, "bot.db");
    writeFileSync(path, "garbage".repeat(1000));
    const s = setup({ path });
    for (const q of ["back office kya hai", "front office kya hai", "hello"]) expect(s.ask(q).kind).toBe("answer");
    expect(s.log.lines.filter((l) => /recording paused/.test(String(l.msg)))).toHaveLength(1);
    // Once the file is replaced, recording resumes with what was kept.
    rmSync(path);
    s.tick(2000);
    s.ask("thanks");
    expect(s.report().questions).toBe(4);
  });

  it("keeps at most the configured backlog in memory while the store is down (a full disk), then writes it", () => {
    const log = logSink();
    const path = join(mkdtempSync(join(tmpdir(), "rec-")), "bot.db");
    let full = true;
    let clock = 0;
    const recorder = createRecorder({
      open: () => {
        if (full) throw Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
        return new SqliteStore(path);
      },
      salt: "s".repeat(16),
      recordText: true,
      logger: log.logger,
      maxPending: 3,
      retryMs: 10,
      now: () => clock,
    });
    const conversation = new Conversation({ matcher: () => matcher, events: recorder });
    // (Ten different texts, all answered: "back office kya hai 5" is not, as "5" is the bank entry's "after 5 pm".)
    for (let i = 0; i < 10; i++) expect(conversation.reply({ text: `back office kya hai ${10 + i}`, userId: "u", channel: "terminal" }).kind).toBe("answer");
    expect(log.lines.filter((l) => /recording paused/.test(String(l.msg)))).toHaveLength(1);
    full = false;
    clock += 100;
    recorder.flush();
    recorder.close();
    const store = new SqliteStore(path, { readonly: true });
    expect(store.report(30, clock).questions).toBe(3);
    store.close();
    expect(log.lines.find((l) => /recording resumed/.test(String(l.msg)))).toMatchObject({ dropped: 7 });
  });
});
