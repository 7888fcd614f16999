// Delivery through faults, end to end: the real telegraf client against the loopback fake Bot API with faults injected
// (per-chat 429 runs, one-off 5xx and resets, slow sends, redelivered updates, a full outbox), and the delivery
// journal in a real SQLite store where restarts and replicas are concerned. Waits are on events; the adapter's own
// waits go through an injected pause that advances the clock its deadline is measured on, so nothing sleeps.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Update, User } from "telegraf/types";
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramAdapter, type TelegramAdapter, type TelegramOptions } from "../../adapters/telegram.js";
import { visibleText } from "../../adapters/telegram-format.js";
import { Conversation } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import type { Journal } from "../../src/journal.js";
import { createLogger } from "../../src/log.js";
import { Matcher } from "../../src/match.js";
import { message } from "../../src/messages.js";
import { RateLimiter } from "../../src/ratelimit.js";
import { createRecorder, type Recorder } from "../../src/recorder.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { callbackUpdate, FakeBotApi, groupChat, textUpdate, user, type ApiCall } from "../fakes/telegram-bot-api.js";
import { heldPause } from "../helpers/delivery.js";

const TOKEN = "123456:TEST-secret-token-abcdef";
const corpus = loadCorpus("faq");
const matcher = new Matcher(corpus);
const answerOf = (id: string, lang: "en" | "hi" = "en") => corpus.byId.get(id)!.answer[lang];
const seen = (call: ApiCall) => visibleText(String(call.body.text));
const alice = user(1001, { first_name: "Alice" });
const bob = user(1002, { first_name: "Bob" });
const asha = user(1003, { first_name: "Asha", language_code: "hi" });


/** The learning loop's store as the bot runs it: a recorder (which keeps the journal too) over SQLite. */
function storeOn(path = join(mkdtempSync(join(tmpdir(), "tg-delivery-")), "bot.db")) {
  const open = (): Recorder => createRecorder({ open: () => new SqliteStore(path), salt: "delivery-test-salt-0123", recordText: true, logger: createLogger("silent") });
  return {
    path,
    open,
    report() {
      const store = new SqliteStore(path, { readonly: true });
      try {
        return store.report(30);
      } finally {
        store.close();
      }
    },
  };
}

interface Bot {
  readonly adapter: TelegramAdapter;
  readonly logs: Record<string, any>[];
  readonly pauses: number[];
  handled(updateId: number): Promise<void>;
  /** Resolves once a log line passes `test`. */
  logged(test: (line: Record<string, any>) => boolean): Promise<void>;
  stop(): Promise<void>;
}

const running: Bot[] = [];
const fakes: FakeBotApi[] = [];
afterEach(async () => {
  for (const b of running.splice(0)) await b.stop();
  for (const f of fakes.splice(0)) await f.close();
});

async function fakeApi(): Promise<FakeBotApi> {
  const fake = await FakeBotApi.start({ token: TOKEN });
  fakes.push(fake);
  return fake;
}

async function bot(
  fake: FakeBotApi,
  setup: { journal?: Journal; events?: Recorder; rateLimit?: number; options?: TelegramOptions; webhook?: { host?: string } } = {},
): Promise<Bot> {
  const logs: Record<string, any>[] = [];
  const watchers: { test: (l: Record<string, any>) => boolean; resolve: () => void }[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const text of String(chunk).split("\n").filter(Boolean)) {
        const line = JSON.parse(text) as Record<string, any>;
        logs.push(line);
        for (const w of [...watchers]) if (w.test(line)) watchers.splice(watchers.indexOf(w), 1), w.resolve();
      }
      done();
    },
  });
  const conversation = new Conversation({
    matcher: () => matcher,
    events: setup.events ?? {},
    ...(setup.rateLimit ? { rateLimiter: new RateLimiter({ limit: setup.rateLimit, windowMs: 60_000 }) } : {}),
  });
  const finished = new Set<number>();
  const waiting = new Map<number, () => void>();
  const pauses: number[] = [];
  let skipped = 0;
  const adapter = createTelegramAdapter(
    {
      token: TOKEN,
      apiRoot: fake.url,
      ...(setup.webhook ? { webhook: { url: "https://bot.example.test/hook", port: 0, secret: "hook_secret-1", path: "/hook", ...setup.webhook } } : {}),
    },
    { conversation, logger: createLogger("debug", sink), ...(setup.journal ? { journal: setup.journal } : {}) },
    {
      pause: async (ms) => {
        pauses.push(ms);
        skipped += ms;
      },
      now: () => Date.now() + skipped,
      ...(setup.webhook && !setup.webhook.host ? { webhookHost: "127.0.0.1" } : {}),
      ...setup.options,
      onHandled: (u) => {
        finished.add(u.update_id);
        waiting.get(u.update_id)?.();
      },
    },
  );
  await adapter.start();
  let stopped = false;
  const b: Bot = {
    adapter,
    logs,
    pauses,
    handled: (id) => (finished.has(id) ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(id, resolve))),
    logged: (test) => (logs.some(test) ? Promise.resolve() : new Promise<void>((resolve) => watchers.push({ test, resolve }))),
    async stop() {
      if (stopped) return;
      stopped = true;
      await adapter.stop();
    },
  };
  running.push(b);
  return b;
}

const ask = (from: User, text: string) => textUpdate({ from, text });
/** The answers a chat received (successful sends only), in the order Telegram accepted them. */
const received = (fake: FakeBotApi, chatId: number) => fake.callsOf("sendMessage", { chatId, okOnly: true }).map(seen);

async function post(port: number, update: unknown): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/hook`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "hook_secret-1" },
    body: JSON.stringify(update),
  });
  await res.arrayBuffer();
  return res.status;
}

describe("telegram delivery: the outbox", () => {
  it("a chat waiting out a 429 delays only itself: updates fetched meanwhile are answered", async () => {
    const fake = await fakeApi();
    const held = heldPause();
    const b = await bot(fake, { options: { pause: held.pause } });
    fake.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 5", retry_after: 5 }, { when: (x) => x.chat_id === alice.id });
    const toAlice = fake.pushUpdate(ask(alice, "What is the back office?"));
    await held.asked();
    // Bob asks after Alice's answer started waiting: a later getUpdates must fetch it while she waits.
    const toBob = fake.pushUpdate(ask(bob, "What is the front office?"));
    await b.handled(toBob);
    expect(received(fake, bob.id).join("\n")).toContain(answerOf("front-office"));
    expect(received(fake, alice.id)).toEqual([]);
    held.release();
    await b.handled(toAlice);
    expect(received(fake, alice.id).join("\n")).toContain(answerOf("back-office"));
    expect(held.requested).toEqual([5000]);
  });

  it("keeps a chat's answers in order through a 429 on the first", async () => {
    const fake = await fakeApi();
    const b = await bot(fake);
    fake.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 }, { when: (x) => x.chat_id === alice.id });
    const ids = fake.pushUpdates([
      ask(alice, "What is the front office?"),
      ask(alice, "What is the back office?"),
      ask(alice, "What is the difference between front office and back office?"),
    ]);
    for (const id of ids) await b.handled(id);
    const got = received(fake, alice.id);
    expect(got).toHaveLength(3);
    expect(got[0]).toContain(answerOf("front-office"));
    expect(got[1]).toContain(answerOf("back-office"));
    expect(got[2]).toContain(answerOf("difference"));
  });

  it("past the bounded time, gives up with a short apology in the user's language, logs why, and counts it undelivered", async () => {
    const fake = await fakeApi();
    const store = storeOn();
    const recorder = store.open();
    const b = await bot(fake, { events: recorder, journal: recorder });
    const apology = message("deliveryFailed", "hi");
    fake.fail("sendMessage", { error_code: 502, description: "Bad Gateway" }, { when: (x) => !String(x.text).includes(apology), times: 1000 });
    const id = fake.pushUpdate(ask(asha, "बैक ऑफिस क्या होता है?"));
    await b.handled(id);
    const calls = fake.callsOf("sendMessage", { chatId: asha.id });
    // Retried with growing backoff, then one apology, which got through.
    expect(calls.length).toBeGreaterThan(3);
    expect(calls.slice(0, -1).every((c) => c.status === 502)).toBe(true);
    expect(seen(calls.at(-1)!)).toBe(apology);
    expect(b.pauses.slice(0, 3)).toEqual([250, 500, 1000]);
    expect(b.logs.find((l) => l.msg === "delivery: reply given up")).toMatchObject({ level: 40, reason: expect.stringContaining("502 Bad Gateway") });
    recorder.close();
    expect(store.report()).toMatchObject({ questions: 1, answered: 0, deliveryFailed: 1, deliveryPending: 0 });
  });

  it("records a rate-limited question, marked, and delivers its notice in the question's language", async () => {
    const fake = await fakeApi();
    const store = storeOn();
    const recorder = store.open();
    const b = await bot(fake, { events: recorder, journal: recorder, rateLimit: 1 });
    await b.handled(fake.pushUpdate(ask(alice, "What is the back office?")));
    await b.handled(fake.pushUpdate(ask(alice, "What is the front office?")));
    expect(received(fake, alice.id)[1]).toBe(message("rateLimited", "en"));
    recorder.close();
    expect(store.report()).toMatchObject({ questions: 2, answered: 1, rateLimited: 1, deliveryFailed: 0, deliveryPending: 0 });
  });
});

describe("telegram delivery: bounded memory", () => {
  it("at the outbox's bound, stops fetching until answers go out; nothing is lost", async () => {
    const fake = await fakeApi();
    const slow = fake.hold("sendMessage");
    const b = await bot(fake, { options: { delivery: { maxQueued: 3 } } });
    const users = Array.from({ length: 8 }, (_, i) => user(3000 + i));
    const ids = fake.pushUpdates(users.map((u) => ask(u, "What is the back office?")));
    await b.logged((l) => l.msg === "telegram: outbox full; fetching paused until replies go out");
    await slow.held(3);
    // Three taken, the rest left with Telegram until there is room.
    expect(slow.count).toBe(3);
    slow.release();
    for (const id of ids) await b.handled(id);
    for (const u of users) expect(received(fake, u.id)).toHaveLength(1);
  });

  it("a webhook at the bound answers 503, so Telegram delivers the update again later", async () => {
    const fake = await fakeApi();
    const slow = fake.hold("sendMessage");
    const b = await bot(fake, { webhook: {}, options: { delivery: { maxQueued: 1 } } });
    const port = b.adapter.webhookPort()!;
    const first = fake.makeUpdate(ask(alice, "What is the back office?"));
    const second = fake.makeUpdate(ask(bob, "What is the back office?"));
    expect(await post(port, first)).toBe(200);
    await slow.held(1);
    expect(await post(port, second)).toBe(503);
    slow.release();
    await b.handled(first.update_id);
    expect(await post(port, second)).toBe(200);
    await b.handled(second.update_id);
    expect(received(fake, bob.id)).toHaveLength(1);
  });
});

describe("telegram delivery: exactly once", () => {
  it("the webhook answers 200 once the update is queued, and a redelivered update is answered once and counted once", async () => {
    const fake = await fakeApi();
    const store = storeOn();
    const recorder = store.open();
    const slow = fake.hold("sendMessage");
    const b = await bot(fake, { webhook: {}, events: recorder, journal: recorder });
    const port = b.adapter.webhookPort()!;
    const update = fake.makeUpdate(ask(alice, "What is the back office?"));
    expect(await post(port, update)).toBe(200);
    // The 200 came while the answer was still on its way (held by the slow API).
    await slow.held(1);
    expect(received(fake, alice.id)).toEqual([]);
    // Telegram saw no timely answer and sends the update again.
    expect(await post(port, update)).toBe(200);
    slow.release();
    await b.handled(update.update_id);
    // A later question from the same chat queues behind anything the redelivery could have caused.
    const later = fake.makeUpdate(ask(alice, "What is the front office?"));
    expect(await post(port, later)).toBe(200);
    await b.handled(later.update_id);
    const got = received(fake, alice.id);
    expect(got).toHaveLength(2);
    expect(got[0]).toContain(answerOf("back-office"));
    expect(got[1]).toContain(answerOf("front-office"));
    recorder.close();
    expect(store.report()).toMatchObject({ questions: 2, answered: 2, deliveryPending: 0 });
  });

  it("two replicas sharing the store answer an update delivered to both once", async () => {
    const fake = await fakeApi();
    const store = storeOn();
    const [one, two] = [store.open(), store.open()];
    const a = await bot(fake, { webhook: {}, events: one, journal: one });
    const b = await bot(fake, { webhook: {}, events: two, journal: two });
    const update = fake.makeUpdate(ask(alice, "What is the back office?"));
    expect(await post(a.adapter.webhookPort()!, update)).toBe(200);
    expect(await post(b.adapter.webhookPort()!, update)).toBe(200);
    await a.handled(update.update_id);
    const later = fake.makeUpdate(ask(alice, "What is the front office?"));
    expect(await post(b.adapter.webhookPort()!, later)).toBe(200);
    await b.handled(later.update_id);
    expect(received(fake, alice.id)).toHaveLength(2);
  });

  it("SIGTERM during a 429 wait leaves the update unconfirmed; the next run answers it, once", async () => {
    const fake = await fakeApi();
    const store = storeOn();
    const first = store.open();
    const held = heldPause();
    const b1 = await bot(fake, { events: first, journal: first, options: { pause: held.pause } });
    // A wait longer than the stop's budget (2.5 s): it cannot end in a send in time.
    fake.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 10", retry_after: 10 }, { when: (x) => x.chat_id === alice.id });
    const id = fake.pushUpdate(ask(alice, "What is the back office?"));
    await held.asked();
    await b1.stop();
    first.close();
    expect(received(fake, alice.id)).toEqual([]);
    expect(store.report()).toMatchObject({ questions: 1, deliveryPending: 1 });
    // The next run (same store) answers it.
    const second = store.open();
    const b2 = await bot(fake, { events: second, journal: second });
    await b2.handled(id);
    expect(received(fake, alice.id)).toHaveLength(1);
    expect(received(fake, alice.id)[0]).toContain(answerOf("back-office"));
    await b2.stop();
    second.close();
    expect(store.report()).toMatchObject({ questions: 1, answered: 1, deliveryPending: 0 });
  });

  it("a restart after an answered but unconfirmed update answers nothing twice", async () => {
    const fake = await fakeApi();
    const store = storeOn();
    const first = store.open();
    const b1 = await bot(fake, { events: first, journal: first });
    // Every getUpdates after the first fails: Telegram never learns the update was taken (as in a crash).
    fake.fail("getUpdates", "network", { when: (x) => Number(x.offset) > 0, times: 1_000_000 });
    const id = fake.pushUpdate(ask(alice, "What is the back office?"));
    await b1.handled(id);
    await b1.stop();
    first.close();
    fake.clearFailures();
    expect(fake.pending.map((u) => u.update_id)).toContain(id);
    const second = store.open();
    const b2 = await bot(fake, { events: second, journal: second });
    // Telegram sends it again; the journal knows it was answered. A later question proves it was dealt with.
    await fake.waitFor("getUpdates", (c) => Number(c.body.offset) > id, { since: 0 });
    const later = fake.pushUpdate(ask(alice, "What is the front office?"));
    await b2.handled(later);
    const got = received(fake, alice.id);
    expect(got).toHaveLength(2);
    expect(got[0]).toContain(answerOf("back-office"));
    expect(got[1]).toContain(answerOf("front-office"));
  });

  it("SIGTERM lets replies in flight on a slow API finish, then confirms them: a restart answers nothing again", async () => {
    const fake = await fakeApi();
    const store = storeOn();
    const first = store.open();
    const slow = fake.hold("sendMessage");
    const b1 = await bot(fake, { events: first, journal: first, options: { stopTimeoutMs: 60_000 } });
    const ids = fake.pushUpdates([ask(alice, "What is the back office?"), ask(bob, "What is the front office?")]);
    await slow.held(2);
    const stopping = b1.stop();
    // The API answers only once the stop has begun; the stop waits for it.
    await b1.logged((l) => l.msg === "telegram: polling stopped");
    slow.release();
    await stopping;
    for (const id of ids) await b1.handled(id);
    first.close();
    expect(fake.pending).toEqual([]);
    const second = store.open();
    const b2 = await bot(fake, { events: second, journal: second });
    const later = fake.pushUpdate(ask(alice, "What is the front office?"));
    await b2.handled(later);
    expect(received(fake, alice.id)).toHaveLength(2);
    expect(received(fake, bob.id)).toHaveLength(1);
  });
});

describe("telegram delivery: what used to be ignored", () => {
  it("reads a photo's caption as the question", async () => {
    const fake = await fakeApi();
    const b = await bot(fake);
    const { message: m } = ask(alice, "x");
    const { text: _text, ...rest } = m as typeof m & { text: string };
    const id = fake.pushUpdate({ message: { ...rest, photo: [{ file_id: "f", file_unique_id: "u", width: 1, height: 1 }], caption: "What is the back office?" } } as unknown as Update);
    await b.handled(id);
    expect(received(fake, alice.id).join("\n")).toContain(answerOf("back-office"));
  });

  it("answers an anonymous group admin who mentions it (sent as GroupAnonymousBot), but still no other bot", async () => {
    const fake = await fakeApi();
    const b = await bot(fake);
    const group = groupChat(-100_900_100);
    const anonymous = user(1087968824, { is_bot: true, first_name: "Group", username: "GroupAnonymousBot" });
    const fromAdmin = ask(anonymous, "@career_faq_bot what is front office?");
    const id = fake.pushUpdate({ message: { ...fromAdmin.message, chat: group, sender_chat: group } } as unknown as Update);
    await b.handled(id);
    expect(received(fake, group.id).join("\n")).toContain(answerOf("front-office"));
    const other = user(2001, { is_bot: true, username: "other_bot" });
    const fromBot = ask(other, "@career_faq_bot what is back office?");
    await b.handled(fake.pushUpdate({ message: { ...fromBot.message, chat: group } } as unknown as Update));
    expect(received(fake, group.id)).toHaveLength(1);
  });

  it("takes feedback only for entries that exist, and says so otherwise", async () => {
    const fake = await fakeApi();
    const votes: string[] = [];
    const b = await bot(fake, { events: { feedback: (f) => void votes.push(f.entryId) } as Recorder });
    await b.handled(fake.pushUpdate(ask(alice, "What is the back office?")));
    const stored = fake.lastMessageTo(alice.id)!;
    await b.handled(fake.pushUpdate(callbackUpdate({ from: alice, message: stored, data: "f:+:en:<script>" })));
    expect(fake.callsOf("answerCallbackQuery").map((c) => c.body.text)).toEqual([message("unknownTopic", "en")]);
    await b.handled(fake.pushUpdate(callbackUpdate({ from: alice, message: stored, data: "f:+:en:back-office" })));
    expect(votes).toEqual(["back-office"]);
  });

  it("listens for the webhook on the configured host only", async () => {
    const fake = await fakeApi();
    const b = await bot(fake, { webhook: { host: "127.0.0.1" } });
    const port = b.adapter.webhookPort()!;
    expect(await post(port, fake.makeUpdate(ask(alice, "hi")))).toBe(200);
    await expect(fetch(`http://[::1]:${port}/hook`, { method: "POST", body: "{}" })).rejects.toThrow();
  });
});
