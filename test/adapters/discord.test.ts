// The Discord adapter end to end: the real discord.js client, driven through createDiscordAdapter, against the loopback
// fake in test/fakes/discord.ts. No sleeps and no assertions about time: every step waits for the REST call or gateway
// payload it expects, and a request that must stay in flight is held by the fake until the test releases it.
import { createServer } from "node:http";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenRefused, type Adapter } from "../../adapters/adapter.js";
import { apiOrigin, createDiscordAdapter, type DiscordAdapterOptions } from "../../adapters/discord.js";
import { parseCustomId, visibleParts } from "../../adapters/discord-format.js";
import { Conversation, type Feedback } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import { shippedTexts } from "../helpers/corpus.js";
import { createLogger } from "../../src/log.js";
import { Matcher, type MatchResult } from "../../src/match.js";
import { message } from "../../src/messages.js";
import { FakeDiscord, payloadProblems, type RecordedCall } from "../fakes/discord.js";
import { listenOnLoopback } from "../fakes/loopback.js";
import { adapterContract } from "./contract.js";
import { virtualDelivery } from "../helpers/delivery.js";

const TOKEN = "T0KENPARTONE.T0KENPARTTWO.T0KENPARTTHREE";
const corpus = loadCorpus("faq");
const answer = (id: string, lang: "en" | "hi") => corpus.byId.get(id)!.answer[lang];
const FAILING_QUESTION = "please make the handler fail";

/** A matcher that is unsure about any question containing SUGGEST: a deterministic "did you mean". */
class UnsureMatcher extends Matcher {
  override match(text: string): MatchResult {
    const result = super.match(text);
    return text.includes("SUGGEST") ? { ...result, id: null, confidence: 0.4, suggestions: ["front-office", "back-office"] } : result;
  }
}
const matcher = new UnsureMatcher(corpus);

interface Bot {
  fake: FakeDiscord;
  adapter: Adapter;
  logs: string[];
  feedback: Feedback[];
  chose: { entryId: string; how: string }[];
  /** Every question the conversation was asked to answer, in order. */
  asked: string[];
  /** Every wait the outbox asked for, in ms. */
  pauses: number[];
  /** Resolves once the reply to a message is delivered (true) or given up (false). */
  settled(messageId: string): Promise<boolean>;
  teardown(): Promise<void>;
}

/** A fake Discord, a conversation and a started adapter, with every log line kept. */
async function startBot(
  opts: { guild?: boolean; heartbeatIntervalMs?: number; adapter?: DiscordAdapterOptions; apiRoot?: (fake: FakeDiscord) => string } = {},
): Promise<Bot> {
  const fake = await FakeDiscord.start({ token: TOKEN, heartbeatIntervalMs: opts.heartbeatIntervalMs });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const feedback: Feedback[] = [];
  const chose: { entryId: string; how: string }[] = [];
  const asked: string[] = [];
  const delivery = virtualDelivery();
  const conversation = new Conversation({
    matcher: () => matcher,
    events: {
      feedback: (f) => feedback.push(f),
      chose: (c) => chose.push(c),
      answered: (msg) => {
        asked.push(msg.text);
        if (msg.text.includes(FAILING_QUESTION)) throw new Error("a handler failed on purpose");
      },
    },
  });
  // No secrets given to the logger: whatever the adapter logs must be free of the token by itself.
  const logger = createLogger("trace", sink);
  const adapter = createDiscordAdapter(
    { token: TOKEN, apiRoot: opts.apiRoot?.(fake) ?? fake.apiRoot, guildId: opts.guild === false ? undefined : fake.guildId },
    { conversation, logger },
    // No extra wait on top of a 429's retry_after (discord.js adds 50 ms by default); the outbox's waits are recorded,
    // not slept, on a clock they advance.
    {
      restRetries: 0,
      restOffsetMs: 0,
      ...delivery.options,
      ...opts.adapter,
    },
  );
  await adapter.start();
  return {
    fake,
    adapter,
    logs,
    feedback,
    chose,
    asked,
    pauses: delivery.pauses,
    settled: delivery.settled,
    async teardown() {
      await adapter.stop(); // before closing the fake, or the client keeps reconnecting
      await fake.close();
    },
  };
}

/** The message payload of a channel post or an interaction callback. */
const payloadOf = (call: RecordedCall) => (call.path.startsWith("/interactions/") ? call.body.data : call.body);
const embed = (call: RecordedCall) => payloadOf(call).embeds[0] as { title: string; description: string; footer?: { text: string } };
const buttons = (call: RecordedCall): string[] =>
  (payloadOf(call).components ?? []).flatMap((r: { components: { custom_id: string }[] }) => r.components.map((b) => b.custom_id));

describe("discord adapter", () => {
  let bot: Bot;
  let fake: FakeDiscord;
  const mention = (text: string, author = "asker") => fake.message({ content: `<@${fake.bot.id}> ${text}`, author });

  beforeAll(async () => {
    bot = await startBot({ heartbeatIntervalMs: 250 });
    fake = bot.fake;
  });
  afterAll(async () => {
    await bot?.teardown();
  });

  describe("connecting", () => {
    it("identifies with Guilds, GuildMessages and DirectMessages only (no privileged MessageContent), uncompressed JSON", async () => {
      const identify = await fake.waitForGateway((p) => p.op === 2);
      expect(identify.d.intents).toBe(1 | (1 << 9) | (1 << 12));
      expect(identify.d.intents & (1 << 15)).toBe(0);
      expect(identify.d.tokenMatches).toBe(true);
      expect(fake.connections[0]).toBe("/?v=10&encoding=json");
      expect(fake.calls[0]).toMatchObject({ method: "GET", path: "/gateway/bot", auth: true });
    });

    it("registers the guild commands after ready, with Hindi localizations", async () => {
      const put = await fake.waitFor((c) => c.method === "PUT");
      expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
      expect(put.status).toBe(200);
      const names = put.body.map((c: { name: string }) => c.name);
      expect(names).toEqual(["ask", "topics", "lang", "help"]);
      for (const c of put.body) {
        expect(c.name_localizations.hi).toMatch(/\p{sc=Devanagari}/u);
        expect(c.description_localizations.hi).toMatch(/\p{sc=Devanagari}/u);
      }
      expect(put.body[0].options[0]).toMatchObject({ name: "question", autocomplete: true, required: true });
      expect(put.body[2].options[0].choices.map((c: { value: string }) => c.value)).toEqual(["en", "hi", "auto"]);
    });

    it("keeps the gateway alive: heartbeats are sent and acknowledged", async () => {
      const heartbeat = await fake.waitForGateway((p) => p.op === 1);
      expect(heartbeat.d === null || typeof heartbeat.d === "number").toBe(true);
    });
  });

  describe("/ask and autocomplete", () => {
    it.each([
      ["en", "What does the back office do in a bank?", "back-office-bank", "en"],
      ["hi", "बैंक में फ्रंट ऑफिस में कौन काम करता है?", "front-office-bank", "hi"],
      ["misspelt hi-Latn", "frnt ofice aur bak offise me kya fark hai", "difference", "hi"],
    ] as const)("answers %s with the right entry, in public", async (_, question, id, lang) => {
      const call = await fake.callbackOf(fake.command("ask", { question }, { user: `ask-${lang}` }));
      expect(call.status).toBe(204);
      expect(call.body.type).toBe(4);
      expect(payloadProblems(call.body.data)).toEqual([]);
      expect(embed(call).title).toBe(question);
      expect(embed(call).description).toBe(answer(id, lang));
      for (const section of corpus.byId.get(id)!.sections) expect(embed(call).footer?.text).toContain(section);
      expect((call.body.data.flags ?? 0) & 64).toBe(0);
      expect(buttons(call)).toContain(`faq:f:up:${lang}:${id}`);
    });

    it("gives gibberish the polite fallback, only to the asker", async () => {
      const call = await fake.callbackOf(fake.command("ask", { question: "xqzv plorf wibble" }));
      expect(call.body.data.content).toBe(shippedTexts().message("fallback", "en"));
      expect(call.body.data.embeds).toEqual([]);
      expect(call.body.data.flags & 64).toBe(64);
    });

    it("autocompletes as the user types: at most 25 choices, each within 100 characters", async () => {
      for (const typed of ["bak ofi", "", "front office kya", "क्या", "x".repeat(300)]) {
        const call = await fake.callbackOf(fake.autocomplete("ask", "question", typed));
        expect(call.body.type).toBe(8);
        const choices = call.body.data.choices as { name: string; value: string }[];
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const c of choices) {
          expect(c.name.length).toBeGreaterThan(0);
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeLessThanOrEqual(100);
        }
        if (typed === "bak ofi") expect(choices.length).toBeGreaterThan(0);
      }
    });
  });

  describe("mentions and DMs", () => {
    it("answers a mention in a server channel as a reply, without the mention in the question", async () => {
      const msg = mention("What does the back office do in a bank?");
      const call = await fake.replyTo(msg);
      expect(call.path).toBe(`/channels/${fake.channelId}/messages`);
      expect(payloadProblems(call.body)).toEqual([]);
      expect(call.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(embed(call).title).toBe("What does the back office do in a bank?");
      expect(embed(call).description).toBe(answer("back-office-bank", "en"));
    });

    it("answers a mention of the bot's own role", async () => {
      const call = await fake.replyTo(fake.message({ content: `<@&${fake.botRoleId}> back office kya hota hai`, author: "role-user" }));
      expect(embed(call).description).toBe(answer("back-office", "hi"));
    });

    it("answers a DM", async () => {
      const msg = fake.message({ content: "बैंक में फ्रंट ऑफिस में कौन काम करता है?", where: "dm", author: "dm-user" });
      const call = await fake.replyTo(msg);
      expect(call.path).toBe(`/channels/${fake.dmChannelOf(fake.user("dm-user").id)}/messages`);
      expect(embed(call).description).toBe(answer("front-office-bank", "hi"));
    });

    it("ignores messages that do not address it and messages from bots", async () => {
      const since = fake.calls.length;
      const asked = bot.asked.length;
      fake.message({ content: "what is back office?", author: "chatter" });
      fake.message({ content: `<@${fake.user("someone").id}> what is back office?`, author: "chatter" });
      fake.message({ content: `<@${fake.bot.id}> what is back office?`, author: fake.user("other-bot", true) });
      fake.message({ content: `<@${fake.bot.id}> what is back office?`, author: fake.bot });
      // Events are handled in order, and replies in one channel are posted in order: once a later question is
      // answered, the earlier ones were seen and dropped (any reply to them would have come first).
      const addressed = mention("what is front office?");
      const reply = await fake.replyTo(addressed);
      const posted = fake.channelPosts().filter((c) => fake.calls.indexOf(c) >= since);
      expect(posted).toEqual([reply]);
      expect(reply.body.message_reference.message_id).toBe(addressed.id);
      expect(embed(reply).description).toBe(answer("front-office", "en"));
      expect(bot.asked.slice(asked)).toEqual(["what is front office?"]);
    });

    it("gives gibberish the fallback text, not a guess", async () => {
      const call = await fake.replyTo(mention("xqzv plorf wibble"));
      expect(call.body.content).toBe(shippedTexts().message("fallback", "en"));
      expect(call.body.embeds).toEqual([]);
    });

    it("keeps @everyone inert", async () => {
      const call = await fake.replyTo(fake.message({ content: `@everyone <@${fake.bot.id}> @here what is back office?`, author: "pinger" }));
      expect(call.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      const texts = visibleParts(call.body).map((p) => p.text).join("\n");
      expect(texts).not.toMatch(/@everyone|@here/);
      expect(embed(call).title).toBe("what is back office?");
      expect(embed(call).description).toBe(answer("back-office", "en"));
      // Discord markup is not part of the question: @everyone alone does not make gibberish look like small talk.
      const gibberish = await fake.replyTo(fake.message({ content: `<@${fake.bot.id}> @everyone <@${fake.user("someone").id}> xqzv plorf`, author: "pinger" }));
      expect(gibberish.body.content).toBe(shippedTexts().message("fallback", "en"));
      expect(gibberish.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    });

    it("asks for a question when the mention comes alone", async () => {
      const call = await fake.replyTo(fake.message({ content: `<@${fake.bot.id}>`, author: "shy" }));
      expect(call.body.content).toBe(shippedTexts().message("empty", "en"));
    });

    it("answers a 3,600-character message within every limit", async () => {
      const long = "what is the back office? ".repeat(150).slice(0, 3600);
      expect(long).toHaveLength(3600);
      const call = await fake.replyTo(mention(long));
      expect(payloadProblems(call.body)).toEqual([]);
      expect(embed(call).title.length).toBeLessThanOrEqual(256);
      expect(embed(call).description).toBe(answer("back-office", "en"));
    });
  });

  describe("buttons", () => {
    it("answers a related entry's button, for the presser only in a server", async () => {
      const first = await fake.replyTo(mention("What does the back office do in a bank?", "related-user"));
      const related = buttons(first).map(parseCustomId).filter((a) => a?.kind === "answer");
      expect(related.map((a) => a!.id)).toEqual(corpus.byId.get("back-office-bank")!.related);
      const target = related[0]!;
      const call = await fake.callbackOf(fake.button(`faq:r:${target.lang}:${target.id}`, { user: "related-user" }, first.body));
      expect(embed(call).description).toBe(answer(target.id, "en"));
      expect(call.body.data.flags & 64).toBe(64);
      expect(bot.chose).toContainEqual(expect.objectContaining({ entryId: target.id, how: "related" }));
    });

    it.each([
      ["SUGGEST office work", "en"],
      ["SUGGEST ऑफिस का काम", "hi"],
    ] as const)("offers 'did you mean' buttons for %j and answers the one pressed, in the question's language (%s)", async (vague, lang) => {
      const user = `vague-user-${lang}`;
      const call = await fake.callbackOf(fake.command("ask", { question: vague }, { user }));
      expect(call.body.data.content).toBe(message("didYouMean", lang));
      expect(payloadProblems(call.body.data)).toEqual([]);
      const ids = buttons(call);
      expect(ids.map((b) => parseCustomId(b))).toEqual([
        expect.objectContaining({ kind: "answer", lang, id: "front-office" }),
        expect.objectContaining({ kind: "answer", lang, id: "back-office" }),
      ]);
      const pick = parseCustomId(ids[0]!)!;
      const answered = await fake.callbackOf(fake.button(ids[0]!, { user, where: "dm" }));
      expect(embed(answered).description).toBe(answer(pick.id, lang));
      expect((answered.body.data.flags ?? 0) & 64).toBe(0); // in a DM the answer is simply posted
      expect(bot.chose).toContainEqual(expect.objectContaining({ entryId: pick.id, how: "suggestion" }));
    });

    it("records 👍 and 👎 through conversation.feedback and thanks the presser", async () => {
      const first = await fake.replyTo(mention("what is front office?", "voter"));
      const up = buttons(first).find((b) => b.startsWith("faq:f:up:"))!;
      const down = buttons(first).find((b) => b.startsWith("faq:f:down:"))!;
      const voter = fake.user("voter").id;
      const thanks = await fake.callbackOf(fake.button(up, { user: "voter" }, first.body));
      expect(thanks.body.data.content).toBe(message("feedbackThanks", "en"));
      expect(thanks.body.data.flags & 64).toBe(64);
      await fake.callbackOf(fake.button(down, { user: "voter", locale: "hi" }, first.body));
      expect(bot.feedback).toEqual([
        { entryId: "front-office", userId: voter, channel: "discord", vote: "up" },
        { entryId: "front-office", userId: voter, channel: "discord", vote: "down" },
      ]);
    });

    it("answers a stale or foreign button politely", async () => {
      const call = await fake.callbackOf(fake.button("faq:t:en:no-such-entry"));
      expect(call.body.data.content).toBe(message("unknownTopic", "en"));
      const foreign = await fake.callbackOf(fake.button("someone-else:1"));
      expect(foreign.body.data.content).toBe(message("unknownTopic", "en"));
    });
  });

  describe("/topics, /lang, /help", () => {
    it("lists the topics as buttons, in the user's Discord language", async () => {
      const en = await fake.callbackOf(fake.command("topics"));
      expect(en.body.data.content).toBe(message("topics", "en"));
      const topicIds = corpus.entries.filter((e) => !e.smalltalk).map((e) => e.id);
      expect(buttons(en).map((b) => parseCustomId(b)?.id)).toEqual(topicIds.slice(0, 25));
      expect(payloadProblems(en.body.data)).toEqual([]);
      const hi = await fake.callbackOf(fake.command("topics", {}, { locale: "hi", user: "hindi-ui" }));
      expect(hi.body.data.content).toBe(message("topics", "hi"));
      const pressed = await fake.callbackOf(fake.button(buttons(hi)[0]!, { user: "hindi-ui" }));
      expect(embed(pressed).description).toBe(answer(topicIds[0]!, "hi"));
    });

    it("keeps each user's language choice, keyed by their Discord id", async () => {
      const set = await fake.callbackOf(fake.command("lang", { language: "hi" }, { user: "lang-user" }));
      expect(set.body.data.content).toBe(message("langHi", "hi"));
      expect(set.body.data.flags & 64).toBe(64);
      const dm = await fake.replyTo(fake.message({ content: "What is the front office?", where: "dm", author: "lang-user" }));
      expect(embed(dm).description).toBe(answer("front-office", "hi"));
      const other = await fake.replyTo(fake.message({ content: "What is the front office?", where: "dm", author: "other-lang-user" }));
      expect(embed(other).description).toBe(answer("front-office", "en"));
      await fake.callbackOf(fake.command("lang", { language: "auto" }, { user: "lang-user" }));
      const back = await fake.replyTo(fake.message({ content: "What is the front office?", where: "dm", author: "lang-user" }));
      expect(embed(back).description).toBe(answer("front-office", "en"));
    });

    it("shows help", async () => {
      const call = await fake.callbackOf(fake.command("help", {}, { where: "dm", user: "helpee" }));
      expect(call.body.data.content).toContain(message("helpCommands", "en"));
      expect(payloadProblems(call.body.data)).toEqual([]);
    });
  });

  describe("when things go wrong", () => {
    it("retries after a 429, and a reply still on its way does not hold up other channels", async () => {
      // discord.js waits out retry_after on its own timer: the fake asks for the smallest wait (0 s), then holds the
      // retried request until another channel has been answered.
      const path = new RegExp(`^/channels/${fake.channelId}/messages$`);
      fake.failNext({ method: "POST", path }, { status: 429, retryAfter: 0 });
      const retry = fake.holdNext({ method: "POST", path });
      const slow = mention("what is back office?", "rate-limited-user");
      const limited = await fake.waitFor((c) => c.status === 429 && c.body?.message_reference?.message_id === slow.id);
      await retry.arrived;
      const quick = await fake.replyTo(fake.message({ content: "what is front office?", where: "dm", author: "unhurried" }));
      expect(embed(quick).description).toBe(answer("front-office", "en"));
      retry.release();
      const answered = await fake.replyTo(slow);
      expect(embed(answered).description).toBe(answer("back-office", "en"));
      // The same reply, sent again after the 429; the other channel's reply came in between.
      expect(answered.body).toEqual(limited.body);
      const order = [limited, quick, answered].map((c) => fake.calls.indexOf(c));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(fake.calls.filter((c) => c.body?.message_reference?.message_id === slow.id).map((c) => c.status)).toEqual([429, 200]);
      const warning = bot.logs.map((l) => JSON.parse(l)).find((l) => l.msg?.includes("rate limited (429)"));
      expect(warning).toMatchObject({ level: 40, method: "POST", status: 429 });
    });

    it("survives 50013 Missing Permissions and answers the next message", async () => {
      fake.failNext({ method: "POST", path: new RegExp(`^/channels/${fake.channelId}/messages$`) }, { status: 403, code: 50013 });
      const denied = mention("what is back office?", "denied-user");
      await fake.waitFor((c) => c.status === 403 && c.body?.message_reference?.message_id === denied.id);
      const next = await fake.replyTo(mention("what is front office?", "denied-user"));
      expect(embed(next).description).toBe(answer("front-office", "en"));
      // No second attempt in a channel it may not write to.
      expect(fake.calls.filter((c) => c.body?.message_reference?.message_id === denied.id)).toHaveLength(1);
      expect(bot.logs.some((l) => l.includes("50013") && l.includes('"level":40') && l.includes("reply given up"))).toBe(true);
    });

    it("tells the user when a handler throws, and keeps answering", async () => {
      const failed = await fake.replyTo(mention(FAILING_QUESTION, "unlucky"));
      expect(failed.body.content).toBe(message("error", "en"));
      expect(payloadProblems(failed.body)).toEqual([]);
      const slash = await fake.callbackOf(fake.command("ask", { question: FAILING_QUESTION }, { user: "unlucky" }));
      expect(slash.body.data).toMatchObject({ content: message("error", "en"), flags: 64 });
      expect(bot.logs.some((l) => l.includes("a handler failed on purpose"))).toBe(true);
      const ok = await fake.replyTo(mention("what is back office?", "unlucky"));
      expect(embed(ok).description).toBe(answer("back-office", "en"));
    });

    it("resumes after the gateway asks it to reconnect, and after a dropped connection", async () => {
      fake.requestReconnect();
      const resume = await fake.waitForGateway((p) => p.op === 6);
      expect(resume.d.seq).toBeGreaterThan(2);
      expect(embed(await fake.replyTo(fake.message({ content: "what is back office?", where: "dm", author: "after-resume" }))).description).toBe(
        answer("back-office", "en"),
      );
      const resumes = fake.gateway.filter((p) => p.op === 6).length;
      fake.dropConnections(4000);
      await fake.waitForGateway((p) => p.op === 6 && fake.gateway.filter((q) => q.op === 6).length > resumes);
      expect(embed(await fake.replyTo(fake.message({ content: "what is front office?", where: "dm", author: "after-drop" }))).description).toBe(
        answer("front-office", "en"),
      );
    });

    it("never pings anyone: allowed_mentions parse [] on every message it sends", async () => {
      const since = fake.calls.length;
      const pinger = fake.user("pinger");
      const waits: Promise<RecordedCall>[] = [
        fake.replyTo(fake.message({ content: `@everyone <@${fake.bot.id}> <@${pinger.id}> @here what is back office?`, author: "pinger" })),
        fake.replyTo(fake.message({ content: `<@&${fake.botRoleId}> <@&${fake.everyoneRoleId}> xqzv plorf`, author: "pinger" })),
        fake.replyTo(fake.message({ content: `<@${fake.bot.id}>`, author: "pinger" })),
        fake.replyTo(fake.message({ content: `@everyone ${FAILING_QUESTION}`, where: "dm", author: "pinger" })),
        fake.replyTo(fake.message({ content: "@here what is front office?", where: "dm", author: "pinger" })),
        fake.callbackOf(fake.command("ask", { question: `@everyone <@${pinger.id}> what is back office?` }, { user: "pinger" })),
        fake.callbackOf(fake.command("ask", { question: "SUGGEST @everyone" }, { user: "pinger" })),
        fake.callbackOf(fake.command("ask", { question: FAILING_QUESTION }, { user: "pinger" })),
        fake.callbackOf(fake.command("topics", {}, { user: "pinger" })),
        fake.callbackOf(fake.command("lang", { language: "auto" }, { user: "pinger" })),
        fake.callbackOf(fake.command("help", {}, { user: "pinger", where: "dm" })),
        fake.callbackOf(fake.button("faq:t:en:back-office", { user: "pinger" })),
        fake.callbackOf(fake.button("faq:f:up:en:back-office", { user: "pinger" })),
        fake.callbackOf(fake.button("someone-else:1", { user: "pinger" })),
      ];
      const answered = await Promise.all(waits);
      const sent = fake.calls
        .slice(since)
        .filter((c) => (c.method === "POST" || c.method === "PATCH") && /\/messages$|\/callback$|@original$/.test(c.path) && payloadOf(c)?.choices === undefined);
      expect(sent.length).toBeGreaterThanOrEqual(answered.length);
      for (const c of answered) expect(sent).toContain(c);
      for (const c of sent) {
        expect(payloadOf(c).allowed_mentions, `${c.method} ${c.path}`).toEqual({ parse: [], replied_user: false });
        expect(payloadProblems(payloadOf(c)), `${c.method} ${c.path}`).toEqual([]);
      }
    });
  });

  describe("stopping", () => {
    it("closes the gateway when stopped, and is safe to call twice", async () => {
      expect(fake.openConnections).toBe(1);
      await bot.adapter.stop();
      await bot.adapter.stop();
      await fake.allClosed();
      expect(fake.openConnections).toBe(0);
      expect(bot.logs.some((l) => l.includes("discord: stopped"))).toBe(true);
    });
  });
});

describe("discord adapter logs", () => {
  it("never logs the token, nor the API root's credentials, whatever happens", async () => {
    const bot = await startBot({ heartbeatIntervalMs: 100, apiRoot: (f) => `http://bot-user:pa55w0rd-x9@127.0.0.1:${f.port}/api` });
    const { fake } = bot;
    try {
      const channel = new RegExp(`^/channels/${fake.channelId}/messages$`);
      fake.failNext({ method: "POST", path: channel }, { status: 429, retryAfter: 0 });
      await fake.replyTo(fake.message({ content: `<@${fake.bot.id}> what is back office?`, author: "a" }));
      fake.failNext({ method: "POST", path: channel }, { status: 403, code: 50013 });
      const denied = fake.message({ content: `<@${fake.bot.id}> what is front office?`, author: "a" });
      await fake.waitFor((c) => c.status === 403 && c.body?.message_reference?.message_id === denied.id);
      fake.failNext({ method: "POST", path: channel }, { status: 500, body: { message: "Internal Server Error", code: 0 } });
      const broken = fake.message({ content: `<@${fake.bot.id}> what is front office?`, author: "a" });
      await fake.replyTo(broken); // the error message, after the failed answer
      await fake.replyTo(fake.message({ content: FAILING_QUESTION, where: "dm", author: "b" }));
      await fake.callbackOf(fake.command("ask", { question: FAILING_QUESTION }, { user: "b" }));
      await fake.callbackOf(fake.autocomplete("ask", "question", "bak ofi"));
      fake.requestReconnect();
      await fake.waitForGateway((p) => p.op === 6);
      await fake.replyTo(fake.message({ content: "what is back office?", where: "dm", author: "c" }));
      await fake.waitForGateway((p) => p.op === 1);
    } finally {
      await bot.teardown();
    }
    const all = bot.logs.join("");
    const levels = new Set(bot.logs.map((l) => JSON.parse(l).level));
    expect([10, 30, 40, 50].every((level) => levels.has(level)), [...levels].join()).toBe(true);
    expect(all).toContain("discord.js"); // the client's own debug lines are among them
    for (const part of [TOKEN, ...TOKEN.split(".")]) expect(all).not.toContain(part);
    for (const secret of ["pa55w0rd-x9", "bot-user"]) expect(all).not.toContain(secret);
    const connected = bot.logs.map((l) => JSON.parse(l)).find((l) => l.msg === "discord: connected");
    expect(connected.api).toBe(`http://127.0.0.1:${bot.fake.port}`);
  });

  it("logs only the origin of an API root", () => {
    expect(apiOrigin("https://user:secret@proxy.example:8443/discord/api?key=k#x")).toBe("https://proxy.example:8443");
    expect(apiOrigin("http://127.0.0.1:3000/api")).toBe("http://127.0.0.1:3000");
    expect(apiOrigin("not a url with secret")).toBe("invalid");
  });
});

describe("discord adapter without a guild id", () => {
  it("registers the commands globally, usable in servers and DMs", async () => {
    const bot = await startBot({ guild: false });
    try {
      const put = await bot.fake.waitFor((c) => c.method === "PUT");
      expect(put.path).toBe(`/applications/${bot.fake.applicationId}/commands`);
      for (const c of put.body) {
        expect(c).toMatchObject({ contexts: [0, 1] });
        expect(c.name_localizations.hi).toBeTruthy();
      }
    } finally {
      await bot.teardown();
    }
  });

  it("lets a reply in flight finish when stopped, and answers a message arriving meanwhile", async () => {
    // A drain longer than the test's own timeout: stop() must wait for the reply, however long it is held.
    const bot = await startBot({ guild: false, adapter: { drainMs: 600_000 } });
    const { fake } = bot;
    const inFlight = fake.holdNext({ method: "POST", path: /^\/channels\/\d+\/messages$/ });
    try {
      const msg = fake.message({ content: "what is back office?", where: "dm", author: "late" });
      await inFlight.arrived;
      let stopped = false;
      const stopping = bot.adapter.stop().then(() => (stopped = true));
      // The gateway is still open while stop() drains: a message arriving now reaches the client...
      const after = fake.message({ content: "what is front office?", where: "dm", author: "later" });
      await fake.sync();
      // ...and is answered within the drain, after the reply in flight (another user's DM: its own channel).
      expect(bot.asked).toEqual(["what is back office?", "what is front office?"]);
      expect(stopped).toBe(false);
      inFlight.release();
      await stopping;
      const reply = await fake.replyTo(msg);
      expect(embed(reply).description).toBe(answer("back-office", "en"));
      expect(embed(await fake.replyTo(after)).description).toBe(answer("front-office", "en"));
      await fake.allClosed();
      expect(bot.logs.some((l) => l.includes('"msg":"discord: stopping"'))).toBe(true);
    } finally {
      inFlight.release(); // on a failure, so that stop() is not left draining
      await bot.teardown();
    }
  });

  it("gives up connecting promptly when stopped during start-up", async () => {
    // A Discord that accepts connections and never answers.
    const silent = createServer(() => undefined);
    const port = await listenOnLoopback(silent);
    const adapter = createDiscordAdapter(
      { token: TOKEN, apiRoot: `http://127.0.0.1:${port}/api` },
      { conversation: new Conversation({ matcher: () => matcher }), logger: createLogger("silent") },
      { restRetries: 0 },
    );
    try {
      const connected = new Promise<void>((resolve) => silent.once("request", () => resolve()));
      const starting = adapter.start().then(
        () => undefined,
        (e: Error) => e,
      );
      await connected;
      // Were the start not aborted, it would fail only at the 30 s ready timeout (the test's own), with another message.
      await adapter.stop();
      expect((await starting)?.message).toMatch(/stopped while connecting/);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("fails to start with a clear error, without the token, when Discord refuses the token", async () => {
    const fake = await FakeDiscord.start({ token: "the.right.token" });
    const logs: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        logs.push(String(chunk));
        cb();
      },
    });
    const adapter = createDiscordAdapter(
      { token: TOKEN, apiRoot: `${fake.apiRoot}/` },
      // No secrets given to the logger: the adapter must keep the token out of the log by itself.
      { conversation: new Conversation({ matcher: () => matcher }), logger: createLogger("trace", sink) },
      { restRetries: 0 },
    );
    try {
      const error = await adapter.start().then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error).toBeInstanceOf(TokenRefused);
      expect(error?.message).toMatch(/^DISCORD_TOKEN was refused by Discord/);
      expect(error?.message).not.toContain("T0KEN");
      expect(fake.calls[0]).toMatchObject({ path: "/gateway/bot", status: 401 });
      expect(logs.join("")).not.toContain("T0KEN");
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });
});

adapterContract("discord", async () => {
  const bot = await startBot();
  const { fake } = bot;
  return {
    harness: {
      // Each visible part is measured on its own; the longest allowed is an embed description.
      maxLength: 4096,
      async ask(text: string, user = "contract-user") {
        const msg = fake.message({ content: text, where: "dm", author: `contract-${user}` });
        const call = await fake.replyTo(msg);
        expect(payloadProblems(call.body)).toEqual([]);
        return visibleParts(call.body).map((p) => p.text);
      },
    },
    teardown: () => bot.teardown(),
  };
});
