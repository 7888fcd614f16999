// The Telegram channel end to end: the real telegraf client, built by createTelegramAdapter, against the loopback
// fake Bot API. Every wait is on an event (an API call, or the adapter saying an update is handled); nothing sleeps,
// and no assertion is about time: the adapter's waits (429 retry_after, failed polls) go through an injected pause.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Update, User } from "telegraf/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConversationEvents, Feedback, Reply } from "../../src/conversation.js";
import { Conversation } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import { shippedTexts } from "../helpers/corpus.js";
import { createLogger } from "../../src/log.js";
import { Matcher, type MatchResult } from "../../src/match.js";
import { bilingual, message, sourceLine } from "../../src/messages.js";
import { createTelegramAdapter, type TelegramAdapter, type TelegramOptions } from "../../adapters/telegram.js";
import { visibleText } from "../../adapters/telegram-format.js";
import {
  botMessage,
  callbackUpdate,
  FakeBotApi,
  forumChat,
  groupChat,
  inlineUpdate,
  textUpdate,
  user,
  type ApiCall,
} from "../fakes/telegram-bot-api.js";
import { adapterContract, type ChannelHarness } from "./contract.js";
import { heldPause } from "../helpers/delivery.js";

const TOKEN = "123456:TEST-secret-token-abcdef";
const corpus = loadCorpus("faq");
const matcher = new Matcher(corpus);
const answerOf = (id: string, lang: "en" | "hi") => corpus.byId.get(id)!.answer[lang];
const titleOf = (id: string, lang: "en" | "hi") => corpus.byId.get(id)!.title[lang];
const topicIds = corpus.entries.filter((e) => !e.smalltalk).map((e) => e.id);

/** What the user sees of a sent message: the text without markup, then the button labels. */
const seen = (call: ApiCall) => visibleText(String(call.body.text));
const buttonsOf = (call: ApiCall | undefined): { text: string; callback_data: string }[] => call?.body.reply_markup?.inline_keyboard.flat() ?? [];

/** A matcher that is unsure about any question containing SUGGEST: a deterministic "did you mean". */
class UnsureMatcher extends Matcher {
  override match(text: string): MatchResult {
    const result = super.match(text);
    return text.includes("SUGGEST") ? { ...result, id: null, confidence: 0.4, suggestions: ["front-office", "back-office"] } : result;
  }
}

interface Rig {
  readonly fake: FakeBotApi;
  readonly adapter: TelegramAdapter;
  readonly feedback: Feedback[];
  readonly chose: Parameters<NonNullable<ConversationEvents["chose"]>>[0][];
  readonly logs: string[];
  /** Every wait the adapter asked for, in ms (the rig's pause records it and resolves at once). */
  readonly pauses: number[];
  /** Resolves when the adapter has handled the update with this id. */
  handled(updateId: number): Promise<void>;
  /** Queues an update, waits until it is handled, returns the sendMessage calls made to `chatId` meanwhile. */
  send(update: Omit<Update, "update_id">, chatId?: number): Promise<ApiCall[]>;
  stop(): Promise<void>;
}

interface RigOptions {
  readonly matcher?: Matcher;
  readonly conversation?: (events: ConversationEvents) => Conversation;
  readonly settings?: (fake: FakeBotApi) => Partial<Parameters<typeof createTelegramAdapter>[0]>;
  readonly options?: TelegramOptions;
}

async function rig(setup: RigOptions = {}): Promise<Rig> {
  const fake = await FakeBotApi.start({ token: TOKEN });
  const feedback: Feedback[] = [];
  const chose: Rig["chose"] = [];
  const events: ConversationEvents = { feedback: (f) => feedback.push(f), chose: (c) => chose.push(c) };
  const m = setup.matcher ?? matcher;
  const conversation = setup.conversation?.(events) ?? new Conversation({ matcher: () => m, events });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  // No secrets given to the logger: whatever the adapter logs must be free of the token by itself.
  const logger = createLogger("trace", sink);
  const done = new Map<number, () => void>();
  const finished = new Set<number>();
  const pauses: number[] = [];
  // The delivery deadline runs on a clock that the pauses advance: time passes for the adapter, not for the test.
  let skipped = 0;
  const adapter = createTelegramAdapter(
    { token: TOKEN, apiRoot: fake.url, ...setup.settings?.(fake) },
    { conversation, logger },
    {
      // Never a real wait: the requested delay is recorded and the adapter carries on at once.
      pause: async (ms) => {
        pauses.push(ms);
        skipped += ms;
      },
      now: () => Date.now() + skipped,
      ...setup.options,
      onHandled: (u) => {
        finished.add(u.update_id);
        done.get(u.update_id)?.();
        setup.options?.onHandled?.(u);
      },
    },
  );
  const handled = (id: number) => (finished.has(id) ? Promise.resolve() : new Promise<void>((resolve) => done.set(id, resolve)));
  await adapter.start();
  let stopped = false;
  return {
    fake,
    adapter,
    feedback,
    chose,
    logs,
    pauses,
    handled,
    async send(update, chatId) {
      const since = fake.calls.length;
      const id = fake.pushUpdate(update);
      await handled(id);
      const chat = chatId ?? (update as Update.MessageUpdate).message?.chat.id ?? (update as Update.CallbackQueryUpdate).callback_query?.message?.chat.id;
      return fake.callsOf("sendMessage", { chatId: chat, since });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // The bot first, then the fake (closing the fake first would leave telegraf retrying).
      await adapter.stop();
      await fake.close();
    },
  };
}

const alice = user(1001, { first_name: "Alice" });
const bob = user(1002, { first_name: "Bob" });
const hindiUser = user(1003, { first_name: "Asha", language_code: "hi" });
const otherBot = user(2001, { first_name: "Other", is_bot: true, username: "other_bot" });
const group = groupChat(-100_200_300);

let current: Rig | undefined;
async function use(options?: RigOptions): Promise<Rig> {
  current = await rig(options);
  return current;
}
afterEach(async () => {
  await current?.stop();
  current = undefined;
});

const ask = async (r: Rig, text: string, from: User = alice) => r.send(textUpdate({ from, text }));
const joined = (calls: ApiCall[]) => calls.map(seen).join("\n");

/**
 * Proves that updates sent before were ignored, not merely still in progress: sends an update that must be answered
 * and waits for it to be handled. Updates are handled in order, so by then any answer to an earlier one would have
 * been sent. Expects exactly one message since call index `since`: the answer to this update.
 */
async function expectOnlyAnswerTo(r: Rig, since: number, update: ReturnType<typeof textUpdate>, id: string): Promise<void> {
  await r.send(update);
  const sent = r.fake.callsOf("sendMessage", { since });
  expect(sent.map((c) => [c.body.chat_id, seen(c).includes(answerOf(id, "en"))])).toEqual([[update.message.chat.id, true]]);
  if (update.message.chat.type !== "private") expect(sent[0]!.body.reply_parameters.message_id).toBe(update.message.message_id);
}



/** A conversation whose every reply throws, to exercise the adapter's error handler. */
const explodingConversation = (events: ConversationEvents) =>
  new (class extends Conversation {
    override reply(): Reply {
      throw new Error("the matcher exploded");
    }
  })({ matcher: () => matcher, events });

describe("telegram: start-up", () => {
  it("registers the commands, in English and with Hindi descriptions for language_code hi, then polls", async () => {
    const r = await use();
    const sets = r.fake.callsOf("setMyCommands");
    expect(sets).toHaveLength(2);
    const names = ["start", "help", "topics", "lang", "ask"];
    expect(sets[0]!.body.language_code).toBeUndefined();
    expect(sets[0]!.body.commands.map((c: { command: string }) => c.command)).toEqual(names);
    expect(sets[1]!.body.language_code).toBe("hi");
    expect(sets[1]!.body.commands.map((c: { command: string }) => c.command)).toEqual(names);
    expect(sets[1]!.body.commands.map((c: { description: string }) => c.description)).toContain(message("telegramTopicsDescription", "hi"));
    expect(sets[0]!.body.commands.map((c: { description: string }) => c.description)).toContain(message("telegramTopicsDescription", "en"));
    expect(r.fake.callsOf("getMe")).toHaveLength(1);
    expect(r.fake.callsOf("deleteWebhook")).toHaveLength(1);
    await r.fake.waitFor("getUpdates", undefined, { since: 0 });
    expect(r.fake.callsOf("getUpdates")[0]!.body.allowed_updates).toEqual(["message", "callback_query", "inline_query"]);
  });

  it("reaches a Bot API whose apiRoot has a path without a trailing slash", async () => {
    const r = await use({ settings: (fake) => ({ apiRoot: `${fake.url}tg-proxy` }) });
    expect(r.fake.callsOf("getMe")[0]!.path).toBe(`/tg-proxy/bot${TOKEN}/getMe`);
    const sent = await ask(r, "What is the back office?");
    expect(joined(sent)).toContain(answerOf("back-office", "en"));
  });

  it("stop() ends a pending long poll, stops polling, and can be called twice", async () => {
    // A 50 s long poll (the default) and a stop timeout longer than the test's own: stop() can only finish within
    // the test's timeout by aborting the pending poll, and it resolves only once the polling loop has ended.
    const r = await use({ options: { stopTimeoutMs: 600_000 } });
    const pending = await r.fake.waitFor("getUpdates", (c) => Number(c.body.timeout) > 0, { since: 0 });
    expect(pending.body.timeout).toBe(50);
    await r.adapter.stop();
    await r.adapter.stop();
    // The loop says so on its way out: no getUpdates can follow.
    expect(r.logs.filter((l) => l.includes("telegram: polling stopped"))).toHaveLength(1);
    const polls = r.fake.callsOf("getUpdates").length;
    const id = r.fake.pushUpdate(textUpdate({ from: alice, text: "What is the back office?" }));
    await r.stop();
    expect(r.fake.callsOf("getUpdates").length).toBe(polls);
    expect(r.fake.pending.map((u) => u.update_id)).toContain(id);
    expect(r.fake.callsOf("sendMessage")).toHaveLength(0);
  });
});

describe("telegram: commands", () => {
  it("/start greets in Hindi and English with a button per topic", async () => {
    const r = await use();
    const [m, ...rest] = await ask(r, "/start");
    expect(rest).toEqual([]);
    expect(seen(m!)).toBe(bilingual("welcome", shippedTexts().vars));
    expect(m!.body.parse_mode).toBe("HTML");
    expect(buttonsOf(m).map((b) => b.callback_data)).toEqual(topicIds.map((id) => `a:t:en:${id}`));
    expect(buttonsOf(m).map((b) => b.text)).toEqual(topicIds.map((id) => titleOf(id, "en")));
  });

  it("/start shows Hindi topic titles to a user whose Telegram is in Hindi", async () => {
    const r = await use();
    const [m] = await ask(r, "/start", hindiUser);
    expect(buttonsOf(m).map((b) => b.text)).toEqual(topicIds.map((id) => titleOf(id, "hi")));
  });

  it("/help explains what the bot answers and how to ask", async () => {
    const r = await use();
    const text = joined(await ask(r, "/help"));
    expect(text).toContain(shippedTexts().answer("help", "en"));
    expect(text).toContain(message("helpCommands", "en"));
    expect(text).toContain(message("telegramHowToAsk", "en"));
  });

  it("/topics lists every topic as a button", async () => {
    const r = await use();
    const [m] = await ask(r, "/topics");
    expect(seen(m!)).toBe(message("topics", "en"));
    expect(buttonsOf(m).map((b) => b.callback_data)).toEqual(topicIds.map((id) => `a:t:en:${id}`));
  });

  it("/lang offers en, hi and auto; pressing hi answers English questions in Hindi", async () => {
    const r = await use();
    const [prompt] = await ask(r, "/lang");
    expect(seen(prompt!)).toBe(message("langUsage", "en"));
    expect(buttonsOf(prompt).map((b) => b.callback_data)).toEqual(["l:en", "l:hi", "l:auto"]);
    const stored = r.fake.lastMessageTo(alice.id)!;
    await r.send(callbackUpdate({ from: alice, message: stored, data: "l:hi" }));
    const ack = await r.fake.waitFor("answerCallbackQuery", undefined, { since: 0 });
    expect(ack.body.text).toBe(message("langHi", "hi"));
    const edit = r.fake.callsOf("editMessageText")[0]!;
    expect(visibleText(edit.body.text)).toBe(message("langHi", "hi"));
    expect(edit.body.message_id).toBe(stored.message_id);
    expect(joined(await ask(r, "What is the back office?"))).toContain(answerOf("back-office", "hi"));
  });

  it("/lang en and /lang auto switch directly; anything else shows the choices", async () => {
    const r = await use();
    expect(joined(await ask(r, "/lang en"))).toBe(message("langEn", "en"));
    expect(joined(await ask(r, "बैक ऑफिस क्या होता है?"))).toContain(answerOf("back-office", "en"));
    expect(joined(await ask(r, "/lang auto"))).toBe(message("langAuto", "en"));
    expect(joined(await ask(r, "बैक ऑफिस क्या होता है?"))).toContain(answerOf("back-office", "hi"));
    const [m] = await ask(r, "/lang klingon");
    expect(buttonsOf(m)).toHaveLength(3);
  });

  it("/ask answers the question after it, and asks for one when there is none", async () => {
    const r = await use();
    expect(joined(await ask(r, "/ask What does the back office do in a bank?"))).toContain(answerOf("back-office-bank", "en"));
    expect(joined(await ask(r, "/ask"))).toBe(shippedTexts().message("empty", "en"));
  });

  it("an unknown command gets the list of commands instead of a guess", async () => {
    const r = await use();
    expect(joined(await ask(r, "/frobnicate"))).toBe(message("helpCommands", "en"));
  });
});

describe("telegram: questions in a private chat", () => {
  it.each([
    ["en", "What does the back office do in a bank?", "back-office-bank", "en"],
    ["hi", "बैंक में फ्रंट ऑफिस में कौन काम करता है?", "front-office-bank", "hi"],
    ["hi-Latn", "frnt ofice aur bak offise me kya fark hai", "difference", "hi"],
    ["hi-Latn", "back office kya hota hai", "back-office", "hi"],
  ] as const)("answers a %s question with the %s entry's answer in its language", async (_lang, question, id, answerLang) => {
    const r = await use();
    const [m, ...rest] = await ask(r, question);
    expect(rest).toEqual([]);
    const text = String(m!.body.text);
    expect(text.startsWith(`<b>${titleOf(id, answerLang)}</b>`)).toBe(true);
    expect(seen(m!)).toContain(answerOf(id, answerLang));
    expect(seen(m!)).toContain(sourceLine(corpus.byId.get(id)!.sections, answerLang)!);
    const data = buttonsOf(m).map((b) => b.callback_data);
    expect(data).toEqual([...corpus.byId.get(id)!.related.map((rel) => `a:r:${answerLang}:${rel}`), `f:+:${answerLang}:${id}`, `f:-:${answerLang}:${id}`]);
  });

  it("falls back politely, pointing at /topics, when it does not know", async () => {
    const r = await use();
    const [m] = await ask(r, "xqzv plorf wibble");
    expect(seen(m!)).toBe(`${shippedTexts().message("fallback", "en")}\n\n/topics`);
    for (const e of corpus.entries) expect(seen(m!)).not.toContain(e.answer.en);
  });

  it("escapes HTML in what it sends: a question with markup never produces unescaped user markup", async () => {
    const r = await use();
    const sent = await ask(r, "<b>bold</b> & back office?");
    expect(sent.length).toBeGreaterThan(0);
    for (const call of sent) {
      // The fake refuses text Telegram could not parse: a 200 means the HTML was valid.
      expect(call.status).toBe(200);
      expect(String(call.body.text)).not.toContain("<b>bold</b>");
      expect(String(call.body.text)).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#)/);
    }
  });

  it("never answers another bot", async () => {
    const r = await use();
    const since = r.fake.calls.length;
    expect(await ask(r, "What is the front office?", otherBot)).toEqual([]);
    await expectOnlyAnswerTo(r, since, textUpdate({ from: alice, text: "What is the back office?" }), "back-office");
  });
});

describe("telegram: buttons", () => {
  it("a related button answers that entry and records the choice as related", async () => {
    const r = await use();
    const [answer] = await ask(r, "What is the back office?");
    const related = buttonsOf(answer).find((b) => b.callback_data.startsWith("a:r:"))!;
    const id = related.callback_data.split(":")[3]!;
    const sent = await r.send(callbackUpdate({ from: alice, message: r.fake.lastMessageTo(alice.id)!, data: related.callback_data }));
    expect(joined(sent)).toContain(answerOf(id, "en"));
    expect(r.chose).toEqual([{ entryId: id, userId: String(alice.id), channel: "telegram", how: "related" }]);
    expect(r.fake.callsOf("answerCallbackQuery")).toHaveLength(1);
  });

  it("a related button under a Hindi answer answers in Hindi", async () => {
    const r = await use();
    const [answer] = await ask(r, "बैक ऑफिस क्या होता है?");
    const related = buttonsOf(answer).find((b) => b.callback_data.startsWith("a:r:hi:"))!;
    const sent = await r.send(callbackUpdate({ from: alice, message: r.fake.lastMessageTo(alice.id)!, data: related.callback_data }));
    expect(joined(sent)).toContain(answerOf(related.callback_data.split(":")[3]!, "hi"));
  });

  it("when unsure it offers 'did you mean' buttons; pressing one answers and records a suggestion", async () => {
    const r = await use({ matcher: new UnsureMatcher(corpus) });
    const [m] = await ask(r, "SUGGEST office work");
    expect(seen(m!)).toBe(message("didYouMean", "en"));
    expect(buttonsOf(m).map((b) => b.callback_data)).toEqual(["a:s:en:front-office", "a:s:en:back-office"]);
    const sent = await r.send(callbackUpdate({ from: alice, message: r.fake.lastMessageTo(alice.id)!, data: "a:s:en:back-office" }));
    expect(joined(sent)).toContain(answerOf("back-office", "en"));
    expect(r.chose).toEqual([{ entryId: "back-office", userId: String(alice.id), channel: "telegram", how: "suggestion" }]);
  });

  it("a topic button from /topics answers that topic", async () => {
    const r = await use();
    await ask(r, "/topics");
    const sent = await r.send(callbackUpdate({ from: alice, message: r.fake.lastMessageTo(alice.id)!, data: "a:t:en:which-job" }));
    expect(joined(sent)).toContain(answerOf("which-job", "en"));
    expect(r.chose.map((c) => c.how)).toEqual(["topic"]);
  });

  it("👍 records feedback, thanks the user and takes the vote buttons away", async () => {
    const r = await use();
    await ask(r, "What is the back office?");
    const stored = r.fake.lastMessageTo(alice.id)!;
    const since = r.fake.calls.length;
    await r.send(callbackUpdate({ from: alice, message: stored, data: "f:+:en:back-office" }));
    expect(r.feedback).toEqual([{ entryId: "back-office", userId: String(alice.id), channel: "telegram", vote: "up" }]);
    const ack = r.fake.callsOf("answerCallbackQuery", { since })[0]!;
    expect(ack.body.text).toBe(message("feedbackThanks", "en"));
    const edit = r.fake.callsOf("editMessageReplyMarkup", { since })[0]!;
    const left = edit.body.reply_markup.inline_keyboard.flat().map((b: { callback_data: string }) => b.callback_data);
    expect(left.length).toBeGreaterThan(0);
    expect(left.some((d: string) => d.startsWith("f:"))).toBe(false);
  });

  it("👎 on a Hindi answer thanks in Hindi", async () => {
    const r = await use();
    await ask(r, "बैक ऑफिस क्या होता है?");
    await r.send(callbackUpdate({ from: alice, message: r.fake.lastMessageTo(alice.id)!, data: "f:-:hi:back-office" }));
    expect(r.feedback[0]!.vote).toBe("down");
    expect(r.fake.callsOf("answerCallbackQuery")[0]!.body.text).toBe(message("feedbackThanks", "hi"));
  });

  it("an unknown or stale button is acknowledged and nothing else happens", async () => {
    const r = await use();
    await ask(r, "/topics");
    const sent = await r.send(callbackUpdate({ from: alice, message: r.fake.lastMessageTo(alice.id)!, data: "zz:old-format" }));
    expect(sent).toEqual([]);
    expect(r.fake.callsOf("answerCallbackQuery")).toHaveLength(1);
    const gone = await r.send(callbackUpdate({ from: alice, message: r.fake.lastMessageTo(alice.id)!, data: "a:t:en:no-such-topic" }));
    expect(joined(gone)).toContain(message("unknownTopic", "en"));
  });
});

describe("telegram: inline mode", () => {
  it("lists the best entries for a query, each with its escaped answer as HTML", async () => {
    const r = await use();
    const id = r.fake.pushUpdate(inlineUpdate({ from: alice, query: "back office" }));
    await r.handled(id);
    const call = r.fake.callsOf("answerInlineQuery")[0]!;
    expect(call.status).toBe(200);
    expect(call.body.is_personal).toBe(true);
    const results = call.body.results as { id: string; type: string; title: string; input_message_content: { message_text: string; parse_mode: string } }[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.map((x) => x.id)).toContain("back-office");
    for (const res of results) {
      expect(res.type).toBe("article");
      expect(res.title).toBe(titleOf(res.id, "en"));
      expect(res.input_message_content.parse_mode).toBe("HTML");
      expect(res.input_message_content.message_text.length).toBeLessThanOrEqual(4096);
      expect(visibleText(res.input_message_content.message_text)).toContain(answerOf(res.id, "en"));
    }
  });

  it("answers a Hindi inline query in Hindi", async () => {
    const r = await use();
    await r.handled(r.fake.pushUpdate(inlineUpdate({ from: alice, query: "बैक ऑफिस" })));
    const results = r.fake.callsOf("answerInlineQuery")[0]!.body.results as { id: string; input_message_content: { message_text: string } }[];
    expect(results.length).toBeGreaterThan(0);
    for (const res of results) expect(visibleText(res.input_message_content.message_text)).toContain(answerOf(res.id, "hi"));
  });

  it("an empty query lists the topics", async () => {
    const r = await use();
    await r.handled(r.fake.pushUpdate(inlineUpdate({ from: alice, query: "" })));
    const results = r.fake.callsOf("answerInlineQuery")[0]!.body.results as { id: string }[];
    expect(results.map((x) => x.id)).toEqual(topicIds);
  });
});

describe("telegram: groups", () => {
  const inGroup = (r: Rig, text: string, from: User = alice, extra: Partial<Parameters<typeof textUpdate>[0]> = {}) =>
    r.send(textUpdate({ from, text, chat: group, ...extra }));

  it("answers when mentioned, as a reply to the question", async () => {
    const r = await use();
    const update = textUpdate({ from: alice, text: "@career_faq_bot what is front office?", chat: group });
    const sent = await r.send(update);
    expect(joined(sent)).toContain(answerOf("front-office", "en"));
    expect(sent[0]!.body.reply_parameters.message_id).toBe(update.message.message_id);
  });

  it("answers a reply to one of its messages", async () => {
    const r = await use();
    const mine = botMessage(r.fake, { message_id: 4242, chat: group, text: "earlier answer" });
    const sent = await inGroup(r, "बैक ऑफिस क्या होता है?", alice, { reply_to_message: mine });
    expect(joined(sent)).toContain(answerOf("back-office", "hi"));
  });

  it("answers /ask and /ask@its-name, and stays quiet for another bot's command", async () => {
    const r = await use();
    expect(joined(await inGroup(r, "/ask what is front office?"))).toContain(answerOf("front-office", "en"));
    expect(joined(await inGroup(r, "/ask@career_faq_bot what is back office?"))).toContain(answerOf("back-office", "en"));
    const since = r.fake.calls.length;
    expect(await inGroup(r, "/ask@other_bot what is front office?")).toEqual([]);
    await expectOnlyAnswerTo(r, since, textUpdate({ from: alice, text: "/ask@career_faq_bot what is back office?", chat: group }), "back-office");
  });

  it("ignores messages not addressed to it, and other bots even when they mention it", async () => {
    const r = await use();
    const since = r.fake.calls.length;
    expect(await inGroup(r, "what is front office?")).toEqual([]);
    expect(await inGroup(r, "@someone_else what is front office?")).toEqual([]);
    const notMine = botMessage(r.fake, { message_id: 1, chat: group, text: "x" });
    expect(await inGroup(r, "what is front office?", alice, { reply_to_message: { ...notMine, from: otherBot } })).toEqual([]);
    expect(await inGroup(r, "@career_faq_bot what is front office?", otherBot)).toEqual([]);
    const mine = botMessage(r.fake, { message_id: 2, chat: group, text: "y" });
    expect(await inGroup(r, "what is front office?", otherBot, { reply_to_message: mine })).toEqual([]);
    await expectOnlyAnswerTo(r, since, textUpdate({ from: alice, text: "@career_faq_bot what is back office?", chat: group }), "back-office");
  });
});

describe("telegram: forum topics", () => {
  const forum = forumChat(-100_400_500);
  const inTopic = (r: Rig, text: string, topic: number) => r.send(textUpdate({ from: alice, text, chat: forum, message_thread_id: topic }));

  it("answers a question in the topic it was asked in", async () => {
    const r = await use();
    const sent = await inTopic(r, "@career_faq_bot what is front office?", 77);
    expect(joined(sent)).toContain(answerOf("front-office", "en"));
    expect(sent.map((c) => c.body.message_thread_id)).toEqual(sent.map(() => 77));
  });

  it("answers a button pressed in a topic in that topic, not in General", async () => {
    const r = await use();
    const [answer] = await inTopic(r, "@career_faq_bot what is back office?", 78);
    expect(answer!.body.message_thread_id).toBe(78);
    const stored = r.fake.lastMessageTo(forum.id)!;
    expect(stored.message_thread_id).toBe(78);
    const related = buttonsOf(answer).find((b) => b.callback_data.startsWith("a:r:"))!;
    const sent = await r.send(callbackUpdate({ from: bob, message: stored, data: related.callback_data }));
    expect(joined(sent)).toContain(answerOf(related.callback_data.split(":")[3]!, "en"));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.map((c) => c.body.message_thread_id)).toEqual(sent.map(() => 78));
    // A topic button from /topics too.
    await inTopic(r, "/topics", 79);
    const topics = r.fake.lastMessageTo(forum.id)!;
    expect(topics.message_thread_id).toBe(79);
    const pressed = await r.send(callbackUpdate({ from: bob, message: topics, data: "a:t:en:which-job" }));
    expect(joined(pressed)).toContain(answerOf("which-job", "en"));
    expect(pressed.map((c) => c.body.message_thread_id)).toEqual(pressed.map(() => 79));
  });

  it("tells about an error in the topic the question came from", async () => {
    const r = await use({
      conversation: explodingConversation,
    });
    const sent = await inTopic(r, "@career_faq_bot what is front office?", 80);
    expect(sent.map((c) => [seen(c), c.body.message_thread_id])).toEqual([[message("error", "en"), 80]]);
  });

  it("does not send a thread id in a group without topics, even for a reply thread", async () => {
    const r = await use();
    const update = textUpdate({ from: alice, text: "@career_faq_bot what is front office?", chat: group });
    // A reply thread in an ordinary group has a message_thread_id but is no topic.
    const sent = await r.send({ message: { ...update.message, message_thread_id: 5 } } as typeof update);
    expect(joined(sent)).toContain(answerOf("front-office", "en"));
    expect(sent.map((c) => c.body.message_thread_id)).toEqual(sent.map(() => undefined));
  });
});

describe("telegram: errors", () => {
  it("waits the retry_after Telegram asks for after a 429, then delivers, without holding up other chats", async () => {
    const held = heldPause();
    const r = await use({ options: { pause: held.pause } });
    r.fake.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 7", retry_after: 7 }, { when: (b) => b.chat_id === alice.id });
    const since = r.fake.calls.length;
    // One batch: Alice's question (to be rate limited) and Bob's.
    const [toAlice, toBob] = r.fake.pushUpdates([
      textUpdate({ from: alice, text: "What is the back office?" }),
      textUpdate({ from: bob, text: "What is the front office?" }),
    ]);
    const limited = await r.fake.waitFor("sendMessage", (c) => c.status === 429, { since });
    await held.asked();
    expect(held.requested).toEqual([7000]);
    // While Alice's answer waits, Bob is answered.
    await r.handled(toBob!);
    const bobs = r.fake.callsOf("sendMessage", { chatId: bob.id, since });
    expect(bobs.map((c) => c.status)).toEqual([200]);
    expect(seen(bobs[0]!)).toContain(answerOf("front-office", "en"));
    expect(r.fake.callsOf("sendMessage", { chatId: alice.id, since }).map((c) => c.status)).toEqual([429]);
    held.release();
    await r.handled(toAlice!);
    const alices = r.fake.callsOf("sendMessage", { chatId: alice.id, since });
    expect(alices.map((c) => c.status)).toEqual([429, 200]);
    expect(seen(alices[1]!)).toContain(answerOf("back-office", "en"));
    expect(alices[1]!.body.text).toBe(limited.body.text);
    expect(limited.index).toBeLessThan(bobs[0]!.index);
    expect(bobs[0]!.index).toBeLessThan(alices[1]!.index);
    expect(held.requested).toEqual([7000]);
    expect(r.logs.some((l) => l.includes('"level":40') && l.includes("429") && l.includes('"retryInMs":7000'))).toBe(true);
  });

  it("retries 429s as long as retry_after says, within the bounded time; past it, apologises once and answers the next user", async () => {
    const r = await use();
    // Eight 429s in a row (retry_after 1): the old four tries dropped the answer; now it is delivered.
    r.fake.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 }, { when: (b) => b.chat_id === alice.id, times: 8 });
    const toAlice = await ask(r, "What is the back office?", alice);
    expect(toAlice.map((c) => c.status)).toEqual([...Array(8).fill(429), 200]);
    expect(seen(toAlice.at(-1)!)).toContain(answerOf("back-office", "en"));
    expect(r.pauses).toEqual(Array(8).fill(1000));
    // A retry_after longer than the bound: given up at once, the reason logged, and a short apology (it gets through).
    r.fake.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 3600", retry_after: 3600 }, { when: (b) => b.chat_id === bob.id });
    const toBob = await ask(r, "What is the back office?", bob);
    expect(toBob.map((c) => c.status)).toEqual([429, 200]);
    expect(seen(toBob[1]!)).toBe(message("deliveryFailed", "en"));
    const gaveUp = r.logs.map((l) => JSON.parse(l)).find((l) => l.msg === "delivery: reply given up");
    expect(gaveUp).toMatchObject({ level: 40, chat: `chat:${bob.id}`, reason: expect.stringContaining("retry after 3600") });
    expect(r.pauses).toEqual(Array(8).fill(1000));
    expect(joined(await ask(r, "What is the back office?", hindiUser))).toContain(answerOf("back-office", "en"));
  });

  it("a 429 without retry_after waits one second before trying again", async () => {
    const r = await use();
    r.fake.fail("sendMessage", { error_code: 429, description: "Too Many Requests" }, { when: (b) => b.chat_id === alice.id });
    expect((await ask(r, "What is the back office?")).map((c) => c.status)).toEqual([429, 200]);
    expect(r.pauses).toEqual([1000]);
  });

  it("drops a reply to a user who blocked the bot, logs it, and answers the next user", async () => {
    const r = await use();
    r.fake.fail("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" }, { when: (b) => b.chat_id === alice.id });
    const toAlice = await ask(r, "What is the back office?", alice);
    expect(toAlice.map((c) => c.status)).toEqual([403]);
    const toBob = await ask(r, "What is the back office?", bob);
    expect(joined(toBob)).toContain(answerOf("back-office", "en"));
    const blocked = r.logs.find((l) => l.includes("blocked"))!;
    expect(JSON.parse(blocked).level).toBe(40);
  });

  it.each([
    ["a reset connection", "network" as const],
    ["a 502", { error_code: 502, description: "Bad Gateway" }],
    ["a 500", { error_code: 500, description: "Internal Server Error" }],
  ])("retries after %s on sendMessage, with backoff, and delivers the answer once", async (_what, failure) => {
    const r = await use();
    r.fake.fail("sendMessage", failure, { when: (b) => b.chat_id === alice.id });
    const sent = await ask(r, "What is the back office?", alice);
    expect(sent.map((c) => c.status)).toEqual([failure === "network" ? 0 : failure.error_code, 200]);
    expect(seen(sent[1]!)).toContain(answerOf("back-office", "en"));
    expect(r.pauses).toHaveLength(1);
    expect(r.fake.callsOf("sendMessage", { chatId: alice.id, okOnly: true })).toHaveLength(1);
    expect(joined(await ask(r, "What is the back office?", bob))).toContain(answerOf("back-office", "en"));
  });

  it("a failing handler is logged and the user is told, in their language", async () => {
    const r = await use({
      conversation: explodingConversation,
    });
    expect(joined(await ask(r, "What is the back office?"))).toBe(message("error", "en"));
    expect(joined(await ask(r, "anything", hindiUser))).toBe(message("error", "hi"));
    expect(r.logs.some((l) => l.includes("the matcher exploded"))).toBe(true);
  });

  it("never writes the token to the log", async () => {
    const r = await use();
    r.fake.fail("sendMessage", "network");
    r.fake.fail("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    r.fake.fail("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 });
    r.fake.fail("sendMessage", { error_code: 400, description: "Bad Request: chat not found" });
    await ask(r, "What is the back office?");
    await ask(r, "What is the back office?");
    await ask(r, "What is the back office?");
    await ask(r, "What is the back office?");
    await r.stop();
    expect(r.logs.length).toBeGreaterThan(0);
    const secret = TOKEN.split(":")[1]!;
    for (const line of r.logs) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain(secret);
    }
  });
});

describe("telegram: long answers", () => {
  let dir: string;
  const long = Array.from({ length: 12 }, (_, p) =>
    Array.from({ length: 9 }, (_, s) => `Paragraph ${p + 1}, sentence ${s + 1}: the <back office> & the front office keep records.`).join(" "),
  ).join("\n\n");

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "tg-corpus-"));
    for (const f of readdirSync("faq").filter((n) => n.endsWith(".yaml"))) copyFileSync(join("faq", f), join(dir, f));
    const yaml = [
      "source:",
      '  title: "A long test article"',
      "  language: en",
      "entries:",
      "  - id: long-answer",
      '    section: "A <long> section & more"',
      "    title:",
      '      en: "Zebra <marathon> & essay"',
      '      hi: "ज़ेबरा मैराथन निबंध"',
      "    questions:",
      '      en: ["zebra marathon essay"]',
      '      hi: ["ज़ेबरा मैराथन निबंध"]',
      '      hi-Latn: ["zebra marathon nibandh"]',
      "    answer:",
      `      en: ${JSON.stringify(long)}`,
      '      hi: "ज़ेबरा मैराथन निबंध का जवाब।"',
      "",
    ].join("\n");
    writeFileSync(join(dir, "zz-long.yaml"), yaml);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("splits a 6,000-character answer into messages under 4,096 characters, buttons under the last", async () => {
    expect(long.length).toBeGreaterThan(6000);
    const r = await use({ matcher: new Matcher(loadCorpus(dir)) });
    const sent = await ask(r, "zebra marathon essay");
    expect(sent.length).toBeGreaterThanOrEqual(2);
    for (const call of sent) {
      expect(call.status).toBe(200);
      expect(String(call.body.text).length).toBeLessThanOrEqual(4096);
    }
    expect(sent.slice(0, -1).every((c) => c.body.reply_markup === undefined)).toBe(true);
    expect(buttonsOf(sent.at(-1)).map((b) => b.callback_data)).toEqual(["f:+:en:long-answer", "f:-:en:long-answer"]);
    const squash = (s: string) => s.replace(/\s+/g, "");
    expect(squash(sent.map(seen).join(""))).toContain(squash(long));
    // The corpus's own markup characters arrive as text.
    expect(String(sent[0]!.body.text)).toContain("<b>Zebra &lt;marathon&gt; &amp; essay</b>");
    expect(seen(sent.at(-1)!)).toContain("A <long> section & more");
  });
});

describe("telegram: webhook mode", () => {
  // The path is as secret as the URL: Telegram alone should know it.
  const webhook = { url: "https://bot.example.test/tg/hook-9f2c61d7", port: 0, secret: "hook_secret-1", path: "/tg/hook-9f2c61d7" };

  async function post(r: Rig, update: unknown, headers: Record<string, string>, path = webhook.path, method = "POST") {
    const res = await fetch(`http://127.0.0.1:${r.adapter.webhookPort()}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: method === "POST" ? JSON.stringify(update) : undefined,
    });
    await res.arrayBuffer();
    return res.status;
  }

  it("sets the webhook with its secret and never polls", async () => {
    const r = await use({ settings: () => ({ webhook }), options: { webhookHost: "127.0.0.1" } });
    const set = r.fake.callsOf("setWebhook")[0]!;
    expect(set.body.url).toBe(webhook.url);
    expect(set.body.secret_token).toBe(webhook.secret);
    expect(r.fake.callsOf("getUpdates")).toHaveLength(0);
    expect(r.adapter.webhookPort()).toBeGreaterThan(0);
    // Logged: the port, whether a path is set; never the path, the URL or the secret.
    const started = JSON.parse(r.logs.find((l) => l.includes("receiving updates by webhook"))!);
    expect(started).toMatchObject({ port: r.adapter.webhookPort(), customPath: true });
    for (const leak of ["9f2c61d7", webhook.url, webhook.secret]) expect(r.logs.join("")).not.toContain(leak);
  });

  it("processes an update with the right secret and refuses the rest", async () => {
    const handledIds: number[] = [];
    const r = await use({ settings: () => ({ webhook }), options: { webhookHost: "127.0.0.1", onHandled: (u) => handledIds.push(u.update_id) } });
    const good = r.fake.makeUpdate(textUpdate({ from: alice, text: "What is the back office?" }));
    expect(await post(r, good, { "x-telegram-bot-api-secret-token": webhook.secret })).toBe(200);
    await r.handled(good.update_id);
    expect(joined(r.fake.callsOf("sendMessage", { chatId: alice.id }))).toContain(answerOf("back-office", "en"));

    const bad = r.fake.makeUpdate(textUpdate({ from: bob, text: "What is the back office?" }));
    expect(await post(r, bad, { "x-telegram-bot-api-secret-token": "wrong" })).toBe(401);
    expect(await post(r, bad, {})).toBe(401);
    expect(await post(r, bad, { "x-telegram-bot-api-secret-token": webhook.secret }, "/elsewhere")).toBe(404);
    expect(await post(r, bad, { "x-telegram-bot-api-secret-token": webhook.secret }, webhook.path, "GET")).toBe(405);
    expect(handledIds).toEqual([good.update_id]);
    expect(r.fake.callsOf("sendMessage", { chatId: bob.id })).toHaveLength(0);
    expect(r.logs.some((l) => l.includes(webhook.secret))).toBe(false);
  });

  it("stop() closes the webhook server, and can be called twice", async () => {
    // A stop timeout longer than the test's own: stop() resolves in time only by closing the server.
    const r = await use({ settings: () => ({ webhook }), options: { webhookHost: "127.0.0.1", stopTimeoutMs: 600_000 } });
    const port = r.adapter.webhookPort();
    expect(await post(r, r.fake.makeUpdate(textUpdate({ from: alice, text: "What is the back office?" })), { "x-telegram-bot-api-secret-token": webhook.secret })).toBe(200);
    await r.adapter.stop();
    await r.adapter.stop();
    await expect(fetch(`http://127.0.0.1:${port}${webhook.path}`, { method: "POST", body: "{}" })).rejects.toThrow();
  });
});

// The behaviour every channel shares, through a private chat with the fake.
adapterContract("telegram", async () => {
  const r = await rig();
  const ids = new Map<string, number>();
  const harness: ChannelHarness = {
    maxLength: 4096,
    async ask(text, name = "contract-user") {
      if (!ids.has(name)) ids.set(name, 5000 + ids.size);
      const from = user(ids.get(name)!);
      const sent = await r.send(textUpdate({ from, text }));
      return sent.filter((c) => c.ok).map((c) => [seen(c), ...buttonsOf(c).map((b) => b.text)].join("\n"));
    },
  };
  return { harness, teardown: () => r.stop() };
});
