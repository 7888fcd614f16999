import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus.js";
import { killServices, startService, stopLikeServiceManager, type Service } from "../helpers/service.js";
import { FakeBotApi, parseTelegramHtml, textUpdate, user, type ApiCall } from "../fakes/telegram-bot-api.js";

// The whole bot as a service manager runs it: `npm start` with a Telegram token, against a loopback Bot API.
const TOKEN = "424242:AAF-secret-token-value_xyz";
const corpus = loadCorpus("faq");
const opening = (s: string) => s.split(/[.।]/)[0]!.trim();

describe("npm start with TELEGRAM_BOT_TOKEN", () => {
  let fake: FakeBotApi;
  let service: Service;

  beforeAll(async () => {
    fake = await FakeBotApi.start({ token: TOKEN });
    service = startService({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.url, LOG_LEVEL: "debug" });
    await fake.waitFor("setMyCommands", () => true, { timeoutMs: 20_000 });
  });

  afterAll(async () => {
    killServices();
    await fake.close();
  });

  let nextUser = 1000;
  /** A private-chat message from a new user; resolves with the visible texts the bot sent back. */
  async function ask(text: string): Promise<string[]> {
    const from = user(nextUser++);
    const id = fake.pushUpdate(textUpdate({ from, text }));
    // The bot logs (at debug) when an update's reply is delivered or given up: then its reply is complete.
    await service.until(() => service.err().split("\n").some((l) => l.includes('"msg":"telegram: update settled"') && l.includes(`"update":${id},`)));
    return fake.callsOf("sendMessage", { chatId: from.id }).map((c: ApiCall) => {
      const parsed = parseTelegramHtml(String(c.body.text));
      expect(parsed.ok).toBe(true);
      return parsed.ok ? parsed.text : "";
    });
  }

  it("answers English, Hindi and misspelt Hinglish with the right entries", async () => {
    expect((await ask("What does the back office do in a bank?")).join("\n")).toContain(opening(corpus.byId.get("back-office-bank")!.answer.en));
    expect((await ask("फ्रंट ऑफिस क्या होता है?")).join("\n")).toContain(opening(corpus.byId.get("front-office")!.answer.hi));
    expect((await ask("frnt ofis aur bak offise me kya fark h")).join("\n")).toContain(opening(corpus.byId.get("difference")!.answer.hi));
  });

  it("falls back on gibberish, and copes with markup and a 7,000-character message within 4,096 characters", async () => {
    const gibberish = (await ask("qwzx plorf vvvvk")).join("\n");
    for (const e of corpus.entries) expect(gibberish).not.toContain(opening(e.answer.en));
    const before = fake.callsOf("sendMessage").length;
    const markup = (await ask("<b>back office</b> & <script>alert(1)</script> kya hai?")).join("\n");
    expect(markup.length).toBeGreaterThan(0);
    for (const c of fake.callsOf("sendMessage").slice(before)) expect(String(c.body.text)).not.toMatch(/<script>/i);
    const long = await ask("what is front office? ".repeat(320));
    expect(long.length).toBeGreaterThan(0);
    for (const c of fake.callsOf("sendMessage")) expect(parseTelegramHtml(String(c.body.text)).ok && String(c.body.text).length).toBeLessThanOrEqual(4096);
  });

  it("answers /start and /help", async () => {
    expect((await ask("/start")).join("\n")).toMatch(/नमस्ते/);
    expect((await ask("/help")).join("\n")).toContain(opening(corpus.byId.get("help")!.answer.en).slice(0, 20));
  });

  it("never logs its token, and exits cleanly on SIGTERM before a service manager would kill it", async () => {
    expect(await stopLikeServiceManager(service, "process")).toEqual({ code: 0, killed: false });
    const output = service.out() + service.err();
    expect(output).toMatch(/channel started/);
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(TOKEN.split(":")[1]);
  });
});

describe("npm start with a Telegram token the Bot API refuses", () => {
  afterAll(() => killServices());

  it("at start: exits 2 with one line saying what to fix", async () => {
    const fake = await FakeBotApi.start({ token: TOKEN });
    try {
      const service = startService({ TELEGRAM_BOT_TOKEN: "999:wrong-token-value", TELEGRAM_API_ROOT: fake.url, LOG_LEVEL: "silent" });
      const { code } = await service.exit;
      expect(code).toBe(2);
      expect(service.err().trim().split("\n")).toEqual([expect.stringMatching(/^TELEGRAM_BOT_TOKEN was refused by the Bot API \(401 Unauthorized\): /)]);
    } finally {
      await fake.close();
    }
  });

  it("while running (revoked): stops and exits 2 with one line, so a service manager alerts", async () => {
    const fake = await FakeBotApi.start({ token: TOKEN });
    try {
      const service = startService({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.url, LOG_LEVEL: "silent" });
      await fake.waitFor("getUpdates", () => true, { since: 0, timeoutMs: 20_000 });
      fake.revokeToken();
      // The pending long poll ends with the next update; the poll after it is refused.
      fake.pushUpdate(textUpdate({ from: user(77), text: "What is the back office?" }));
      const { code } = await service.exit;
      expect(code).toBe(2);
      expect(service.err().trim().split("\n")).toEqual([expect.stringMatching(/^telegram: the Bot API refused TELEGRAM_BOT_TOKEN while running \(401 Unauthorized\)/)]);
      expect(service.err()).not.toContain(TOKEN.split(":")[1]);
    } finally {
      await fake.close();
    }
  });
});
