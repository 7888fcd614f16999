import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus.js";
import { killServices, startService, stopLikeServiceManager, type Service } from "../helpers/service.js";
import { FakeDiscord, payloadProblems, type RecordedCall } from "../fakes/discord.js";

// The whole bot as a service manager runs it: `npm start` with a Discord token, against a loopback Discord.
const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GfAkEt.secret-part-of-the-token_0123456789";
const corpus = loadCorpus("faq");

/** The visible texts of a message or interaction payload. */
function texts(call: RecordedCall): string {
  const payload = call.body?.data ?? call.body;
  return [payload?.content ?? "", ...(payload?.embeds ?? []).flatMap((e: { title?: string; description?: string }) => [e.title ?? "", e.description ?? ""])].join("\n");
}

describe("npm start with DISCORD_TOKEN", () => {
  let fake: FakeDiscord;
  let service: Service;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN });
    service = startService({ DISCORD_TOKEN: TOKEN, DISCORD_API_ROOT: fake.apiRoot, LOG_LEVEL: "debug" });
    await fake.waitFor((c) => c.method === "PUT" && /\/commands$/.test(c.path), 20_000);
  });

  afterAll(async () => {
    killServices();
    await fake.close();
  });

  it("registers /ask and answers a mention in English, a Hindi DM and a misspelt Hinglish /ask", async () => {
    const put = fake.calls.find((c) => c.method === "PUT" && /\/commands$/.test(c.path))!;
    expect(put.body.map((c: { name: string }) => c.name)).toContain("ask");
    const mention = await fake.replyTo(fake.message({ content: `<@${fake.bot.id}> What does the back office do in a bank?` }), 10_000);
    expect(texts(mention)).toContain(corpus.byId.get("back-office-bank")!.answer.en);
    const dm = await fake.replyTo(fake.message({ content: "फ्रंट ऑफिस क्या होता है?", where: "dm" }), 10_000);
    expect(texts(dm)).toContain(corpus.byId.get("front-office")!.answer.hi);
    const ask = await fake.callbackOf(fake.command("ask", { question: "frnt ofis aur bak offise me kya fark h" }), 10_000);
    expect(texts(ask)).toContain(corpus.byId.get("difference")!.answer.hi);
  });

  it("ignores an unaddressed message and another bot, falls back on gibberish, answers a 3,600-character message and pings nobody", async () => {
    const ignored = [
      fake.message({ content: "what is back office?" }).id,
      fake.message({ content: `<@${fake.bot.id}> what is back office?`, author: fake.user("other-bot", true) }).id,
    ];
    const gibberish = await fake.replyTo(fake.message({ content: `<@${fake.bot.id}> qwzx plorf vvvvk @everyone` }), 10_000);
    for (const e of corpus.entries) expect(texts(gibberish)).not.toContain(e.answer.en.slice(0, 60));
    const long = await fake.replyTo(fake.message({ content: `<@${fake.bot.id}> ${"what is the front office? ".repeat(144)}` }), 10_000);
    expect(texts(long).length).toBeGreaterThan(0);
    // The ignored messages came first, so by now they were handled: neither got a reply.
    const repliedTo = fake.channelPosts().map((c) => c.body?.message_reference?.message_id);
    for (const id of ignored) expect(repliedTo).not.toContain(id);
    // Everything sent stays within Discord's limits and pings nobody.
    for (const c of fake.calls.filter((c) => c.method === "POST" && c.body && typeof c.body === "object" && ("embeds" in c.body || "content" in c.body))) {
      expect(payloadProblems(c.body)).toEqual([]);
    }
  });

  it("never logs its token, and exits cleanly on SIGTERM before a service manager would kill it", async () => {
    expect(await stopLikeServiceManager(service, "process")).toEqual({ code: 0, killed: false });
    const output = service.out() + service.err();
    expect(output).toMatch(/channel started/);
    for (const part of TOKEN.split(".")) expect(output).not.toContain(part);
  });
});

describe("npm start with a Discord token refused", () => {
  afterAll(() => killServices());

  it("while running (gateway close 4004): stops and exits 2 with one line", async () => {
    const fake = await FakeDiscord.start({ token: TOKEN });
    try {
      const service = startService({ DISCORD_TOKEN: TOKEN, DISCORD_API_ROOT: fake.apiRoot, LOG_LEVEL: "silent" });
      await fake.waitFor((c) => c.method === "PUT" && /\/commands$/.test(c.path), 20_000);
      fake.dropConnections(4004);
      const { code } = await service.exit;
      expect(code).toBe(2);
      expect(service.err().trim().split("\n")).toEqual([expect.stringMatching(/^discord: the gateway closed for good: 4004 authentication failed/)]);
    } finally {
      await fake.close();
    }
  });

  it("at start: exits 2 with one line saying what to fix", async () => {
    const fake = await FakeDiscord.start({ token: TOKEN });
    try {
      const service = startService({ DISCORD_TOKEN: "d3JvbmcK.wrong.token-value", DISCORD_API_ROOT: fake.apiRoot, LOG_LEVEL: "silent" });
      const { code } = await service.exit;
      expect(code).toBe(2);
      expect(service.err().trim().split("\n")).toEqual([expect.stringMatching(/^DISCORD_TOKEN was refused by Discord/)]);
    } finally {
      await fake.close();
    }
  });
});

describe("npm start with DISCORD_TOKEN, stopped by SIGTERM while a reply is on the wire", () => {
  afterAll(() => killServices());

  it("finishes the reply in flight and answers a DM that arrives while stopping, then exits 0 before a service manager would kill it", async () => {
    const fake = await FakeDiscord.start({ token: TOKEN });
    try {
      const service = startService({ DISCORD_TOKEN: TOKEN, DISCORD_API_ROOT: fake.apiRoot, LOG_LEVEL: "info" });
      await fake.waitFor((c) => c.method === "PUT" && /\/commands$/.test(c.path), 20_000);
      // The fake holds the first reply unanswered: it is on the wire when SIGTERM comes.
      const held = fake.holdNext({ method: "POST", path: /^\/channels\/\d+\/messages$/ }, 10_000);
      const first = fake.message({ content: "what is back office?", where: "dm", author: "in-flight" });
      await held.arrived;
      const stopped = stopLikeServiceManager(service, "process");
      await service.until(() => service.err().includes('"msg":"discord: stopping"'));
      // The gateway stays open while replies drain: a DM arriving now reaches the bot, is answered and recorded.
      const during = fake.message({ content: "what is front office?", where: "dm", author: "while-stopping" });
      await fake.sync();
      held.release();
      expect(await stopped).toEqual({ code: 0, killed: false });
      expect(texts(await fake.replyTo(first, 0))).toContain(corpus.byId.get("back-office")!.answer.en);
      expect(texts(await fake.replyTo(during, 0))).toContain(corpus.byId.get("front-office")!.answer.en);
      expect(service.err()).not.toMatch(/replies unsent|stopping before these messages/);
    } finally {
      await fake.close();
    }
  });
});
