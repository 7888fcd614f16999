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

  let turn = 0;
  /** A private message from `from`, delivered to the instances in turn. */
  const say = (from: ReturnType<typeof user>, text: string) => deliver(turn++ % 2, fake.makeUpdate(textUpdate({ from, text })));
  const textsTo = (chatId: number) => fake.callsOf("sendMessage", { chatId }).map((c) => (parseTelegramHtml(String(c.body.text)) as { text: string }).text);

  it("holds one user's rate limit across both instances", async () => {
    const u = user(7001);
    for (const q of ["What is the front office?", "What is the back office?", "What is the difference between front office and back office?", "Which job should I choose?", "What does the back office do in a bank?"]) await say(u, q);
    const sent = textsTo(u.id).join("\n");
    for (const id of ["front-office", "back-office", "difference"]) expect(sent).toContain(opening(corpus.byId.get(id)!.answer.en));
    // The fourth question (on the second instance) gets the one notice, the fifth silence: 3 answers and 1 notice.
    expect(sent).not.toContain(opening(corpus.byId.get("which-job")!.answer.en));
    expect(sent).not.toContain(opening(corpus.byId.get("back-office-bank")!.answer.en));
    expect(textsTo(u.id).filter((t) => t.includes(opening(message("rateLimited", "en"))))).toHaveLength(1);
  });

  it("keeps a language chosen through one instance on the other", async () => {
    const u = user(7002);
    expect(await deliver(0, fake.makeUpdate(textUpdate({ from: u, text: "/lang hi" })))).toBe(0);
    expect(await deliver(1, fake.makeUpdate(textUpdate({ from: u, text: "What is the front office?" })))).toBe(1);
    expect(textsTo(u.id).join("\n")).toContain(opening(corpus.byId.get("front-office")!.answer.hi));
  });

  it("loses nothing when one instance stops mid-stream, and report counts every question exactly once", async () => {
    const [v, w, x] = [user(7003), user(7004), user(7005)];
    for (const q of ["back office kya hai", "फ्रंट ऑफिस क्या होता है?"]) {
      await say(v, q);
      await say(w, q);
    }
    // A question on its way to the first instance as it is told to stop: answered there, or by the other one.
    const inFlight = deliver(0, fake.makeUpdate(textUpdate({ from: x, text: "What is the back office?" })));
    const stopped = stopLikeServiceManager(bots[0]!.service, "process");
    await inFlight;
    expect(await stopped).toEqual({ code: 0, killed: false });
    await say(v, "What does the back office do in a bank?"); // the survivor takes everything now
    await say(w, "Which job should I choose?");
    expect(textsTo(v.id).join("\n")).toContain(opening(corpus.byId.get("back-office-bank")!.answer.en));
    expect(textsTo(w.id).join("\n")).toContain(opening(corpus.byId.get("which-job")!.answer.en));
    expect(textsTo(x.id).filter((t) => t.includes(opening(corpus.byId.get("back-office")!.answer.en)))).toHaveLength(1);
    expect(await stopLikeServiceManager(bots[1]!.service, "process")).toEqual({ code: 0, killed: false });

    // 3 (the first user; the two past the limit are not recorded) + 1 (the language test) + 3 + 3 + 1 (in flight) = 11.
    const r = await run("report", ["--json"], { env: { DATABASE_URL: db.url } });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { questions: number; answered: number; byChannel: Record<string, number>; byLanguage: Record<string, number> };
    expect(report).toMatchObject({ questions: 11, answered: 11, byChannel: { telegram: 11 } });
    console.info(`two instances: report counted ${report.questions} questions, ${report.answered} answered, by language ${JSON.stringify(report.byLanguage)}`);
    for (const s of bots.map((b) => b.service)) expect(s.err()).not.toMatch(/"level":50/);
  });
});
