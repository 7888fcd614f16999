import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus.js";
import { message } from "../../src/messages.js";
import { run } from "../helpers/run.js";
import { killServices, startService, stopLikeServiceManager, type Service } from "../helpers/service.js";
import { postgresUnavailable, startPostgres, type Postgres } from "../helpers/postgres.js";
import { FakeBotApi, parseTelegramHtml, textUpdate, user } from "../fakes/telegram-bot-api.js";
import type { Update } from "telegraf/types";

// Two bot processes on one PostgreSQL database, in Telegram webhook mode, behind a stand-in for a load balancer
// (updates alternate between them; one refused or unreachable goes to the other), as in production.
const unavailable = postgresUnavailable();
if (unavailable) console.warn(`SKIPPED: the two-instance test: ${unavailable}`);

const TOKEN = "737373:AAF-two-instances_xyz";
const SECRET = "two_instances_secret";
const PATH = "/telegram/hook";
const corpus = loadCorpus("faq");
const opening = (s: string) => s.split(/[.।]/)[0]!.trim();

describe.skipIf(!!unavailable)("two instances on one PostgreSQL database", () => {
  let db: Postgres;
  let fake: FakeBotApi;
  const bots: { service: Service; port: number }[] = [];

  beforeAll(async () => {
    [db, fake] = await Promise.all([startPostgres(), FakeBotApi.start({ token: TOKEN })]);
    const env = {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:9${PATH}`,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_WEBHOOK_PORT: "0",
      DATABASE_URL: db.url,
      RATE_LIMIT: "3",
      RATE_LIMIT_WINDOW_SECONDS: "600",
    };
    for (const service of [startService(env), startService(env)]) {
      await service.until(() => service.err().includes("channel started"));
      const line = service.err().split("\n").find((l) => l.includes("receiving updates by webhook"))!;
      bots.push({ service, port: (JSON.parse(line) as { port: number }).port });
    }
  }, 60_000);

  afterAll(async () => {
    killServices();
    await fake?.close();
    await db?.stop();
  });

  /** Posts one update to an instance as Telegram would; resolves with the HTTP status (0: unreachable). */
  async function post(port: number, update: Update): Promise<number> {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${PATH}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(update),
      });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return 0;
    }
  }

  /** The balancer: the update goes to instance `i`; if it refuses it or is gone, to the other one. */
  async function deliver(i: number, update: Update): Promise<number> {
    const status = await post(bots[i]!.port, update);
    if (status === 200) return i;
    expect(await post(bots[1 - i]!.port, update)).toBe(200);
    return 1 - i;
  }

  /**
   * Delivers an update to instance `i` (or the other), then waits for its reply: an instance answers the webhook once
   * the reply is queued, before it is sent. `silent`: no reply is due (a user over the limit, already told).
   */
  async function deliverAndWait(i: number, update: Update, silent = false): Promise<number> {
    const chatId = (update as Update.MessageUpdate).message.chat.id;
    const since = fake.calls.length;
    const took = await deliver(i, update);
    if (!silent) await fake.waitFor("sendMessage", (c) => c.ok && Number(c.body.chat_id) === chatId, { since, timeoutMs: 15_000 });
    return took;
  }

  let turn = 0;
  /** A private message from `from`, delivered to the instances in turn; resolves once it is answered. */
  const say = (from: ReturnType<typeof user>, text: string, silent = false) => deliverAndWait(turn++ % 2, fake.makeUpdate(textUpdate({ from, text })), silent);
  const textsTo = (chatId: number) => fake.callsOf("sendMessage", { chatId }).map((c) => (parseTelegramHtml(String(c.body.text)) as { text: string }).text);

  it("holds one user's rate limit across both instances", async () => {
    const u = user(7001);
    for (const q of ["What is the front office?", "What is the back office?", "What is the difference between front office and back office?", "Which job should I choose?"]) await say(u, q);
    await say(u, "What does the back office do in a bank?", true);
    const sent = textsTo(u.id).join("\n");
    for (const id of ["front-office", "back-office", "difference"]) expect(sent).toContain(opening(corpus.byId.get(id)!.answer.en));
    // The fourth question (on the second instance) gets the one notice, the fifth silence: 3 answers and 1 notice.
    expect(sent).not.toContain(opening(corpus.byId.get("which-job")!.answer.en));
    expect(sent).not.toContain(opening(corpus.byId.get("back-office-bank")!.answer.en));
    expect(textsTo(u.id).filter((t) => t.includes(opening(message("rateLimited", "en"))))).toHaveLength(1);
  });

  it("keeps a language chosen through one instance on the other", async () => {
    const u = user(7002);
    expect(await deliverAndWait(0, fake.makeUpdate(textUpdate({ from: u, text: "/lang hi" })))).toBe(0);
    expect(await deliverAndWait(1, fake.makeUpdate(textUpdate({ from: u, text: "What is the front office?" })))).toBe(1);
    expect(textsTo(u.id).join("\n")).toContain(opening(corpus.byId.get("front-office")!.answer.hi));
  });

  it("answers an update delivered to both instances once (exactly once by update_id, through the shared journal)", async () => {
    const u = user(7006);
    const update = fake.makeUpdate(textUpdate({ from: u, text: "What is the back office?" }));
    // Telegram (or the balancer, after a lost HTTP answer) delivers the same update again, to the other instance.
    expect(await deliverAndWait(0, update)).toBe(0);
    expect(await post(bots[1]!.port, update)).toBe(200);
    // A second question from the same user is answered after it, so a second reply to the first would be seen by now.
    await deliverAndWait(1, fake.makeUpdate(textUpdate({ from: u, text: "What is the front office?" })));
    const texts = textsTo(u.id);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain(opening(corpus.byId.get("back-office")!.answer.en));
    expect(texts[1]).toContain(opening(corpus.byId.get("front-office")!.answer.en));
  });

  it("loses nothing when one instance stops mid-stream, and report counts every question exactly once", async () => {
    const [v, w, x] = [user(7003), user(7004), user(7005)];
    for (const q of ["back office kya hai", "फ्रंट ऑफिस क्या होता है?"]) {
      await say(v, q);
      await say(w, q);
    }
    // A question on its way to the first instance as it is told to stop: answered there, or by the other one.
    const inFlight = deliverAndWait(0, fake.makeUpdate(textUpdate({ from: x, text: "What is the back office?" })));
    const stopped = stopLikeServiceManager(bots[0]!.service, "process");
    await inFlight;
    expect(await stopped).toEqual({ code: 0, killed: false });
    await say(v, "What does the back office do in a bank?"); // the survivor takes everything now
    await say(w, "Which job should I choose?");
    expect(textsTo(v.id).join("\n")).toContain(opening(corpus.byId.get("back-office-bank")!.answer.en));
    expect(textsTo(w.id).join("\n")).toContain(opening(corpus.byId.get("which-job")!.answer.en));
    expect(textsTo(x.id).filter((t) => t.includes(opening(corpus.byId.get("back-office")!.answer.en)))).toHaveLength(1);
    expect(await stopLikeServiceManager(bots[1]!.service, "process")).toEqual({ code: 0, killed: false });

    // 5 (the first user: 3 answered, 2 past the limit, recorded as such) + 1 (the language test) + 2 (the update
    // delivered twice, counted once, and the next) + 3 + 3 + 1 (in flight) = 15, of which 13 answered.
    const r = await run("report", ["--json"], { env: { DATABASE_URL: db.url } });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { questions: number; answered: number; byChannel: Record<string, number>; byLanguage: Record<string, number> };
    expect(report).toMatchObject({ questions: 15, answered: 13, rateLimited: 2, deliveryFailed: 0, deliveryPending: 0, byChannel: { telegram: 15 } });
    console.info(`two instances: report counted ${report.questions} questions, ${report.answered} answered, by language ${JSON.stringify(report.byLanguage)}`);
    for (const s of bots.map((b) => b.service)) expect(s.err()).not.toMatch(/"level":50/);
  });
});
