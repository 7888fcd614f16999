// The soak: 2,000 updates from 200 users against the loopback fake Bot API with 5% of sends failing transiently
// (502, 500, a reset connection, 429 retry_after 1). Every question is answered exactly once, in order per chat.
// The adapter's waits go through a pause that only advances its clock, so the run takes seconds; it prints its
// figures (time, peak memory) for the record but asserts none of them.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Update } from "telegraf/types";
import { expect, it } from "vitest";
import { createTelegramAdapter } from "../../adapters/telegram.js";
import { visibleText } from "../../adapters/telegram-format.js";
import { Conversation } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import { createLogger } from "../../src/log.js";
import { Matcher } from "../../src/match.js";
import { createRecorder } from "../../src/recorder.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { FakeBotApi, textUpdate, user } from "../fakes/telegram-bot-api.js";

const TOKEN = "123456:TEST-secret-token-abcdef";
const USERS = 200;
const PER_USER = 10;

it("soak: 2,000 updates from 200 users, 5% of sends failing: each answered exactly once, in order per chat", async () => {
  const corpus = loadCorpus("faq");
  const matcher = new Matcher(corpus);
  // Ten questions, each answered by a different entry: the order of the answers shows the order of the questions.
  const questions = corpus.entries
    .filter((e) => !e.smalltalk)
    .map((e) => ({ id: e.id, text: e.questions.en[0]! }))
    .filter((q) => matcher.match(q.text).id === q.id)
    .slice(0, PER_USER);
  expect(questions).toHaveLength(PER_USER);

  const fake = await FakeBotApi.start({ token: TOKEN });
  fake.failRandomly(
    "sendMessage",
    0.05,
    [{ error_code: 502, description: "Bad Gateway" }, { error_code: 500, description: "Internal Server Error" }, "network", { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 }],
    13,
  );
  let warnings = 0;
  const sink = new Writable({
    write(chunk, _enc, done) {
      warnings += String(chunk).split("\n").filter(Boolean).length;
      done();
    },
  });
  const handled = new Map<number, number>();
  let settled = 0;
  let allDone!: () => void;
  const done = new Promise<void>((resolve) => (allDone = resolve));
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  // Waits end at once and the clock stands still (waits of 200 chats at once do not add up): no reply runs out of time.
  let waits = 0;
  // As the bot runs: every question recorded and every update claimed and settled in SQLite.
  const path = join(mkdtempSync(join(tmpdir(), "soak-")), "bot.db");
  const recorder = createRecorder({ open: () => new SqliteStore(path), salt: "soak-test-salt-0123456", recordText: true, logger: createLogger("warn", sink) });
  const adapter = createTelegramAdapter(
    { token: TOKEN, apiRoot: fake.url },
    { conversation: new Conversation({ matcher: () => matcher, events: recorder }), logger: createLogger("warn", sink), journal: recorder },
    {
      pause: async () => void waits++,
      onHandled: (u: Update) => {
        handled.set(u.update_id, (handled.get(u.update_id) ?? 0) + 1);
        if (++settled % 50 === 0) sample();
        if (settled === USERS * PER_USER) allDone();
      },
    },
  );
  try {
    await adapter.start();
    const started = performance.now();
    sample();
    const users = Array.from({ length: USERS }, (_, i) => user(10_000 + i));
    // Interleaved as people type: every user's first question, then every second one, ...
    const ids: number[] = [];
    for (const q of questions) ids.push(...fake.pushUpdates(users.map((u) => textUpdate({ from: u, text: q.text }))));
    await done;
    const seconds = (performance.now() - started) / 1000;
    sample();

    expect(ids.every((id) => handled.get(id) === 1)).toBe(true);
    const failed = fake.calls.filter((c) => c.method === "sendMessage" && !c.ok).length;
    for (const u of users) {
      const got = fake.callsOf("sendMessage", { chatId: u.id, okOnly: true }).map((c) => visibleText(String(c.body.text)));
      expect(got).toHaveLength(PER_USER);
      got.forEach((text, i) => expect(text).toContain(corpus.byId.get(questions[i]!.id)!.answer.en));
    }
    expect(failed).toBeGreaterThan(0);
    recorder.flush();
    const store = new SqliteStore(path, { readonly: true });
    try {
      expect(store.report(1)).toMatchObject({ questions: USERS * PER_USER, answered: USERS * PER_USER, deliveryFailed: 0, deliveryPending: 0 });
    } finally {
      store.close();
    }
    console.log(
      `soak: ${ids.length} updates from ${USERS} users in ${seconds.toFixed(2)} s; ${failed} of ${fake.callsOf("sendMessage").length} sends failed and were retried (${waits} waits); ` +
        `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MB; ${warnings} warning lines`,
    );
  } finally {
    await adapter.stop();
    await fake.close();
    recorder.close();
  }
});
