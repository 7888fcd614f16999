import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus.js";
import { killServices, startService, stopLikeServiceManager, type Service } from "../helpers/service.js";
import { health, loggedPort, scrape, scrapeUntil } from "../helpers/metrics.js";
import { FakeBotApi, textUpdate, user } from "../fakes/telegram-bot-api.js";

// The bot as operators run it: `npm start` with HTTP_PORT, scraped while it answers over the loopback Bot API.
const TOKEN = "515151:AAF-metrics-token_xyz";
const corpus = loadCorpus("faq");

describe("health and metrics (HTTP_PORT)", () => {
  let fake: FakeBotApi;
  let service: Service;
  let port: number;

  beforeAll(async () => {
    fake = await FakeBotApi.start({ token: TOKEN });
    service = startService({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.url, HTTP_PORT: "0", RATE_LIMIT: "2" });
    await service.until(() => service.err().includes("channel started"));
    port = loggedPort(service.err())!;
  });

  afterAll(async () => {
    killServices();
    await fake.close();
  });

  /** Sends one private message and resolves once the bot has handled it (it then asks for the next updates). */
  async function send(from: ReturnType<typeof user>, text: string): Promise<void> {
    const id = fake.pushUpdate(textUpdate({ from, text }));
    await fake.waitFor("getUpdates", (c) => Number(c.body.offset) > id, { timeoutMs: 20_000 });
  }

  it("is healthy once the corpus is loaded and Telegram is connected", async () => {
    expect(port).toBeGreaterThan(0);
    expect(await health(port)).toEqual({ status: 200, body: { status: "ok", reasons: [] } });
    const m = await scrape(port);
    expect(m.value("faqbot_corpus_entries")).toBe(corpus.entries.length);
    expect(m.value("faqbot_corpus_reloads_total", { result: "refused" })).toBe(0);
    expect(m.value("faqbot_recorder_backlog")).toBe(0);
    expect(m.text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it("counts questions by channel, language and outcome, and times matching, as the bot answers", async () => {
    const before = await scrape(port);
    const asker = user(4001);
    await send(asker, "What does the back office do in a bank?"); // answered, English
    await send(asker, "back office kya hota hai"); // answered, Hinglish
    const flooder = user(4002, { language_code: "hi" });
    await send(flooder, "qwzx plorf vvvvk"); // declined
    await send(flooder, "what is the salary of a back office job"); // suggested or declined: not covered
    await send(flooder, "front office kya hai"); // over the limit of 2: rate-limited
    const after = await scrape(port);
    const delta = (labels: Record<string, string>) => after.sum("faqbot_questions_total", labels) - before.sum("faqbot_questions_total", labels);
    expect(delta({ channel: "telegram", lang: "en", outcome: "answered" })).toBe(1);
    expect(delta({ channel: "telegram", lang: "hi-Latn", outcome: "answered" })).toBe(1);
    expect(delta({ channel: "telegram", outcome: "rate-limited" })).toBe(1);
    expect(delta({ channel: "telegram", outcome: "declined" }) + delta({ channel: "telegram", outcome: "suggested" })).toBe(2);
    expect(delta({ channel: "telegram" })).toBe(5);
    // Four were matched (the rate-limited one never was).
    expect(after.value("faqbot_match_duration_seconds_count") - before.value("faqbot_match_duration_seconds_count")).toBe(4);
    expect(after.value("faqbot_match_duration_seconds_sum")).toBeGreaterThan(before.value("faqbot_match_duration_seconds_sum"));
    // Each of the five got its reply through the outbox (the rate-limited one its notice), and none failed.
    const delivered = (s: typeof before, outcome: string) => s.value("faqbot_deliveries_total", { channel: "telegram", outcome });
    const sent = await scrapeUntil(port, (s) => delivered(s, "delivered") - delivered(before, "delivered") >= 5);
    expect(delivered(sent, "delivered") - delivered(before, "delivered")).toBe(5);
    expect(delivered(sent, "failed") - delivered(before, "failed")).toBe(0);
  });

  it("counts platform API errors by code, and reports a lost connection as unhealthy with the reason", async () => {
    const before = await scrape(port);
    fake.fail("sendMessage", { error_code: 400, description: "Bad Request: chat not found" });
    await send(user(4003), "What is the front office?");
    fake.fail("getUpdates", { error_code: 502, description: "Bad Gateway" });
    const logged = service.err().split("getUpdates failed").length;
    fake.pushUpdate(textUpdate({ from: user(4004), text: "hello" })); // ends the pending poll; the next one fails
    await service.until(() => service.err().split("getUpdates failed").length > logged);
    expect(await health(port)).toEqual({ status: 503, body: { status: "unavailable", reasons: ["telegram: getUpdates failed (502)"] } });
    // The bot polls again by itself; once a poll brings an update, it is healthy again.
    await send(user(4005), "hello");
    expect(await health(port)).toEqual({ status: 200, body: { status: "ok", reasons: [] } });
    const after = await scrape(port);
    expect(after.value("faqbot_platform_api_errors_total", { channel: "telegram", code: "400" }) - before.value("faqbot_platform_api_errors_total", { channel: "telegram", code: "400" })).toBe(1);
    expect(after.value("faqbot_platform_api_errors_total", { channel: "telegram", code: "502" })).toBeGreaterThanOrEqual(1);
    // The reply refused with a 400 is not retried: it counts as a failed delivery (its apology went out instead).
    const failed = (s: typeof before) => s.value("faqbot_deliveries_total", { channel: "telegram", outcome: "failed" });
    await scrapeUntil(port, (s) => failed(s) - failed(before) === 1);
    expect(after.value("faqbot_delivery_retries_total", { channel: "telegram" })).toBe(before.value("faqbot_delivery_retries_total", { channel: "telegram" }));
  });

  it("stops cleanly on SIGTERM, closing the listener", async () => {
    expect(await stopLikeServiceManager(service, "process")).toEqual({ code: 0, killed: false });
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
