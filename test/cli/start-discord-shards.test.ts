import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus.js";
import { killServices, startService, stopLikeServiceManager, type Service } from "../helpers/service.js";
import { health, loggedPort, scrape } from "../helpers/metrics.js";
import { FakeDiscord, type RecordedCall } from "../fakes/discord.js";

// DISCORD_SHARDS=auto against a loopback Discord whose /gateway/bot asks for two shards, one guild on each.
const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc5.ShArDs.sharded-token-part_0123456789";
const corpus = loadCorpus("faq");
const texts = (call: RecordedCall) => [call.body?.content ?? "", ...(call.body?.embeds ?? []).map((e: { description?: string }) => e.description ?? "")].join("\n");

describe("npm start with DISCORD_SHARDS=auto", () => {
  let fake: FakeDiscord;
  let service: Service;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN, shards: 2 });
    service = startService({ DISCORD_TOKEN: TOKEN, DISCORD_API_ROOT: fake.apiRoot, DISCORD_SHARDS: "auto", HTTP_PORT: "0", LOG_LEVEL: "debug" });
    await service.until(() => service.err().includes("channel started"));
  });

  afterAll(async () => {
    killServices();
    await fake.close();
  });

  it("identifies as both shards the gateway asks for, and is healthy once both are ready", async () => {
    const identified = fake.gateway.filter((p) => p.op === 2).map((p) => p.d.shard as [number, number]);
    expect(identified.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(FakeDiscord.shardOf(fake.guildIds[0]!, 2)).toBe(0);
    expect(FakeDiscord.shardOf(fake.guildIds[1]!, 2)).toBe(1);
    expect(await health(loggedPort(service.err())!)).toEqual({ status: 200, body: { status: "ok", reasons: [] } });
  });

  it("answers a message on each shard exactly once, and logs and counts which shard handled it", async () => {
    const port = loggedPort(service.err())!;
    const onShard0 = fake.message({ content: `<@${fake.bot.id}> What is the front office?`, guild: 0 });
    const onShard1 = fake.message({ content: `<@${fake.bot.id}> What is the back office?`, guild: 1 });
    expect(texts(await fake.replyTo(onShard0, 10_000))).toContain(corpus.byId.get("front-office")!.answer.en);
    expect(texts(await fake.replyTo(onShard1, 10_000))).toContain(corpus.byId.get("back-office")!.answer.en);
    const m = await scrape(port);
    expect(m.value("faqbot_discord_shard_events_total", { shard: "0", kind: "message" })).toBe(1);
    expect(m.value("faqbot_discord_shard_events_total", { shard: "1", kind: "message" })).toBe(1);
    const questions = service
      .err()
      .split("\n")
      .filter((l) => l.includes('"discord: question"'))
      .map((l) => JSON.parse(l) as { message: string; shard: number });
    expect(questions.map((q) => [q.message, q.shard]).sort()).toEqual([
      [onShard0.id, 0],
      [onShard1.id, 1],
    ].sort());

    // Stopped (SIGTERM: everything in flight finishes), each message got exactly one reply.
    expect(await stopLikeServiceManager(service, "process")).toEqual({ code: 0, killed: false });
    await fake.allClosed();
    for (const msg of [onShard0, onShard1]) {
      expect(fake.channelPosts().filter((c) => c.body?.message_reference?.message_id === msg.id)).toHaveLength(1);
    }
    expect(service.err()).toMatch(/"shards":2.*"discord: connected"/);
  });
});
