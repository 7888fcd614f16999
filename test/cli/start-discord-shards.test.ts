import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus.js";
import { killServices, startService, stopLikeServiceManager, type Service } from "../helpers/service.js";
import { health, loggedPort, scrape } from "../helpers/metrics.js";
import { FakeDiscord, type RecordedCall } from "../fakes/discord.js";

// Sharding against a loopback Discord whose /gateway/bot asks for two shards, one guild on each: discord.js's internal
// shards (DISCORD_SHARDS=auto), and its ShardingManager with one process per shard (DISCORD_SHARDING=process).
const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc5.ShArDs.sharded-token-part_0123456789";
const corpus = loadCorpus("faq");
const texts = (call: RecordedCall) => [call.body?.content ?? "", ...(call.body?.embeds ?? []).map((e: { description?: string }) => e.description ?? "")].join("\n");

describe.each([
  ["internal", { DISCORD_SHARDS: "auto" }],
  ["process", { DISCORD_SHARDS: "auto", DISCORD_SHARDING: "process" }],
])("npm start with %s sharding", (mode, settings) => {
  let fake: FakeDiscord;
  let service: Service;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN, shards: 2 });
    service = startService({ DISCORD_TOKEN: TOKEN, DISCORD_API_ROOT: fake.apiRoot, ...settings, HTTP_PORT: "0", LOG_LEVEL: "debug" });
    // This process's "channel started" (shard processes log their own, with their shardProcess).
    await service.until(() => /^\{(?!.*"shardProcess").*"msg":"channel started"/m.test(service.err()));
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
      .map((l) => JSON.parse(l) as { message: string; shard: number; shardProcess?: number });
    expect(questions.map((q) => [q.message, q.shard]).sort()).toEqual([
      [onShard0.id, 0],
      [onShard1.id, 1],
    ].sort());
    // With ShardingManager, the shard process that handled each message is the one of its shard.
    if (mode === "process") for (const q of questions) expect(q.shardProcess).toBe(q.shard);

    // Stopped (SIGTERM: everything in flight finishes), each message got exactly one reply.
    expect(await stopLikeServiceManager(service, "process")).toEqual({ code: 0, killed: false });
    await fake.allClosed();
    for (const msg of [onShard0, onShard1]) {
      expect(fake.channelPosts().filter((c) => c.body?.message_reference?.message_id === msg.id)).toHaveLength(1);
    }
    if (mode === "internal") expect(service.err()).toMatch(/"shards":2.*"discord: connected"/);
    else expect(service.err()).toMatch(/"discord: every shard process stopped"/);
  });
});
