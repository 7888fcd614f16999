// The Telegram channel (telegraf): turns updates into Conversation calls and replies into HTML messages with inline
// keyboards. Long polling by default; a webhook on its own HTTP server when settings.webhook is set.
// All matching is the core's; delivery (per-chat order, retries, the bounded wait) is the Outbox's. This file
// translates, claims each update once in the journal, and tells the Outbox which Telegram errors are worth a retry.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Telegraf, TelegramError, type Context } from "telegraf";
import type { BotCommand, Message, MessageEntity, Update, User } from "telegraf/types";
import type { Config } from "../src/config.js";
import type { Reply } from "../src/conversation.js";
import { memoryJournal } from "../src/journal.js";
import { message } from "../src/messages.js";
import { DELIVERY, Outbox, timerPause, type DeliveryTuning, type Failure, type Step } from "../src/outbox.js";
import type { AnswerLang, LangChoice } from "../src/types.js";
import { TokenRefused, type Adapter, type AdapterDeps } from "./adapter.js";
import {
  decodeAction,
  formatInlineArticle,
  formatLangPrompt,
  formatReply,
  formatText,
  formatTopics,
  formatWelcome,
  withoutFeedback,
  type OutgoingMessage,
} from "./telegram-format.js";

const CHANNEL = "telegram";
const UPDATES = ["message", "callback_query", "inline_query"] as const;
const INLINE_RESULTS = 10;
const MEDIA = ["photo", "voice", "audio", "video", "video_note", "animation", "document", "sticker", "location", "contact"] as const;
/** The account Telegram shows for an anonymous group admin (with the group as sender_chat). */
const ANONYMOUS_ADMIN = "GroupAnonymousBot";
/** Largest webhook body read: Telegram's updates are a few kilobytes. */
const MAX_WEBHOOK_BODY = 1 << 20;
/** An unsettled update older than this belongs to a process that died: the next one to look answers it. */
const STALE_CLAIM_MS = 4 * DELIVERY.maxTotalMs;

export interface TelegramOptions {
  /** Called when an update is settled: its reply delivered or given up, or there was none. For tests. */
  readonly onHandled?: (update: Update) => void;
  /** How long stop() lets queued replies finish before abandoning them (unconfirmed), in ms (default 2500). */
  readonly stopTimeoutMs?: number;
  /** Long-polling timeout in seconds: how long one getUpdates may wait for an update (default 50). */
  readonly pollTimeout?: number;
  /** Host the webhook server listens on, over settings.webhook.host (default all interfaces). */
  readonly webhookHost?: string;
  /**
   * How the adapter waits `ms` before trying again (after a 429's retry_after, a failed send or poll); it must
   * resolve early when `signal` aborts (the adapter stopping). Default: a real timer. Tests inject one to observe the
   * requested delay without sleeping.
   */
  readonly pause?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The clock the delivery deadline is measured on; tests advance it with their pause. */
  readonly now?: () => number;
  /** Delivery constants to override (see DELIVERY in src/outbox.ts). */
  readonly delivery?: Partial<DeliveryTuning>;
}

export interface TelegramAdapter extends Adapter {
  /** The port the webhook server listens on (webhook mode, after start), for tests using port 0. */
  webhookPort(): number | undefined;
}

type User_ = { channel: string; userId: string };

/** The commands shown in Telegram's menu, with the catalogue ids of their descriptions. */
const COMMANDS = [
  ["start", "telegramStartDescription"],
  ["help", "telegramHelpDescription"],
  ["topics", "telegramTopicsDescription"],
  ["lang", "telegramLangDescription"],
  ["ask", "telegramAskDescription"],
] as const;

function commandList(lang: AnswerLang): BotCommand[] {
  return COMMANDS.map(([command, id]) => ({ command, description: message(id, lang) }));
}

/** telegraf resolves API paths relative to apiRoot: a root with a path needs its trailing slash. */
export function normaliseApiRoot(apiRoot: string): string {
  return apiRoot.endsWith("/") ? apiRoot : `${apiRoot}/`;
}

/** The forum topic an update belongs to: its message's, or that of the message a pressed button sits under. */
function topicOf(ctx: Context): number | undefined {
  const msg = ctx.msg as Partial<Message.TextMessage> | undefined;
  return msg?.is_topic_message && msg.message_thread_id ? msg.message_thread_id : undefined;
}

const isTelegramError = (err: unknown, code?: number): err is TelegramError =>
  err instanceof TelegramError && (code === undefined || err.code === code);

/** A log-safe summary of an error: never the payload (user text) and never the token. */
function describe(err: unknown): Record<string, unknown> {
  if (err instanceof TelegramError) return { code: err.code, description: err.description, method: (err.on as { method?: string } | undefined)?.method };
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { message: String(err) };
}

/** The code an API failure is counted under: Telegram's error code, or `network`. */
function errorCode(err: unknown): string {
  return err instanceof TelegramError ? String(err.code) : "network";
}

/** telegraf types its signal as the abort-controller package's; node-fetch takes the native one just as well. */
type ApiSignal = NonNullable<Parameters<Telegraf["telegram"]["callApi"]>[2]>["signal"];
const apiSignal = (signal: AbortSignal) => signal as unknown as ApiSignal;

function safeEqual(a: string | string[] | undefined, b: string): boolean {
  if (typeof a !== "string") return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Why a Telegram call failed, as the outbox needs to know it: worth another try (and when), or not. */
export function classifyTelegramError(err: unknown): Failure {
  if (err instanceof TelegramError) {
    const what = `${err.code} ${err.description}`;
    if (err.code === 429) return { retry: true, reason: what, afterMs: (err.parameters?.retry_after ?? 1) * 1000 };
    if (err.code >= 500) return { retry: true, reason: what };
    // 401/404: the token (handled by the adapter); 403: blocked, kicked, no rights: nothing can reach the chat.
    if (err.code === 401 || err.code === 403 || err.code === 404) return { retry: false, reason: what, reachable: false };
    return { retry: false, reason: what, reachable: true };
  }
  // No answer from Telegram: a reset or refused connection, a timeout. node-fetch calls them FetchError.
  if (err instanceof Error && (err.name === "FetchError" || (err as { code?: string }).code !== undefined)) {
    return { retry: true, reason: `connection: ${(err as { code?: string }).code ?? err.message}` };
  }
  return { retry: false, reason: `unexpected: ${err instanceof Error ? err.message : String(err)}`, reachable: true };
}

/** The calls one update asks for, gathered while telegraf's handlers run, sent by the outbox afterwards. */
interface Reply_ {
  readonly steps: Step[];
  /** The queue the calls wait in: the chat's, or the user's for what has no chat (inline queries). */
  key: string;
  /** Where and in which language an apology would go if the reply is given up. */
  chatId?: number;
  thread?: number;
  lang: AnswerLang;
}

export function createTelegramAdapter(settings: NonNullable<Config["telegram"]>, deps: AdapterDeps, options: TelegramOptions = {}): TelegramAdapter {
  const { conversation } = deps;
  const journal = deps.journal ?? memoryJournal();
  const logger = deps.logger.child({ channel: CHANNEL });
  // With the final confirmation (at most 0.5 s) this stays inside start.ts's 4 s, itself inside the 5 s of SIGTERM.
  const stopTimeoutMs = options.stopTimeoutMs ?? 2500;
  const pollTimeout = options.pollTimeout ?? 50;
  const stopping = new AbortController();
  const pause = (ms: number) => (options.pause ?? timerPause)(ms, stopping.signal);

  const bot = new Telegraf(settings.token, {
    telegram: {
      ...(settings.apiRoot ? { apiRoot: normaliseApiRoot(settings.apiRoot) } : {}),
      // Every call goes to the API (so its result and errors are seen), none rides on the webhook's HTTP answer.
      webhookReply: false,
    },
  });

  // ---- the token ----------------------------------------------------------------------------------------------

  let refused: TokenRefused | undefined;
  const isRefusal = (err: unknown) => isTelegramError(err, 401) || isTelegramError(err, 404);
  /** The token stopped working while running: stop, and let the process exit non-zero (once). */
  function tokenRefused(err: unknown): void {
    if (refused) return;
    refused = new TokenRefused(
      `telegram: the Bot API refused TELEGRAM_BOT_TOKEN while running (${(err as TelegramError).code} ${(err as TelegramError).description}): it was revoked or changed; set the current token from @BotFather`,
    );
    logger.fatal({ err: describe(err) }, refused.message);
    stopping.abort();
    deps.fatal?.(refused);
  }

  // ---- delivery -----------------------------------------------------------------------------------------------

  const outbox = new Outbox({
    logger,
    observer: deps.metrics?.delivery(CHANNEL),
    pause: options.pause,
    now: options.now,
    tuning: options.delivery,
    classify: (err) => {
      deps.metrics?.apiError(CHANNEL, errorCode(err));
      if (isRefusal(err)) tokenRefused(err);
      return classifyTelegramError(err);
    },
  });

  /** The reply being gathered for each update whose handlers are running. */
  const gathering = new Map<number, Reply_>();
  /** Updates claimed by this process and not yet settled. */
  const inHand = new Set<number>();

  const replyOf = (ctx: Context): Reply_ => {
    const r = gathering.get(ctx.update.update_id);
    if (!r) throw new Error(`telegram: update ${ctx.update.update_id} is not being handled`);
    return r;
  };

  /** Queues one API call of this update's reply. */
  function call(ctx: Context, name: string, run: () => Promise<unknown>, optional = false): void {
    replyOf(ctx).steps.push({ name, run, ...(optional ? { optional } : {}) });
  }

  /**
   * Queues messages to a chat in order; in groups as a reply to the question; in a forum topic to the topic the
   * update came from (the question's, or that of the message whose button was pressed), not the General topic.
   */
  function sendAll(ctx: Context, messages: readonly OutgoingMessage[], replyTo?: Message): void {
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    const thread = topicOf(ctx);
    for (const [i, m] of messages.entries()) {
      call(ctx, "sendMessage", () =>
        ctx.telegram.sendMessage(chatId, m.text, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(m.reply_markup ? { reply_markup: { inline_keyboard: m.reply_markup.inline_keyboard.map((row) => [...row]) } } : {}),
          ...(replyTo && i === 0 ? { reply_parameters: { message_id: replyTo.message_id, allow_sending_without_reply: true } } : {}),
          ...(thread ? { message_thread_id: thread } : {}),
        }),
      );
    }
  }

  type Place = NonNullable<ReturnType<Outbox["reserve"]>>;

  /** Runs telegraf's handlers for an update and fills its place in the outbox with what they asked to send. Never throws. */
  async function dispatch(update: Update, place: Place): Promise<void> {
    const id = update.update_id;
    const reply: Reply_ = { steps: [], key: `update:${id}`, lang: "en" };
    gathering.set(id, reply);
    inHand.add(id);
    try {
      await bot.handleUpdate(update);
    } catch (err) {
      logger.error({ update: id, err: describe(err) }, "telegram: update failed outside the handlers");
    } finally {
      gathering.delete(id);
    }
    const settle = (outcome: "delivered" | "failed" | "none") => {
      inHand.delete(id);
      journal.settle(CHANNEL, String(id), outcome);
      logger.debug({ update: id, outcome }, "telegram: update settled");
      options.onHandled?.(update);
    };
    if (reply.steps.length === 0) {
      place.cancel();
      return settle("none");
    }
    const { chatId, thread, lang } = reply;
    place.fill(
      {
        key: reply.key,
        ref: String(id),
        steps: reply.steps,
        ...(chatId !== undefined
          ? {
              apology: () =>
                bot.telegram.sendMessage(chatId, formatText(message("deliveryFailed", lang))[0]!.text, { parse_mode: "HTML", ...(thread ? { message_thread_id: thread } : {}) }),
            }
          : {}),
      },
      (outcome) => settle(outcome.delivered ? "delivered" : "failed"),
    );
  }

  /** Handlers run one update at a time (they only compute; sending is the outbox's), so a chat's replies queue in order. */
  let dispatching: Promise<void> = Promise.resolve();
  const dispatchInOrder = (update: Update, place: Place) => (dispatching = dispatching.then(() => dispatch(update, place)));

  /**
   * Takes an update from Telegram: claims it in the journal (a redelivered or already answered one is dropped) and
   * queues it. "full" when the outbox is at its bound: the update is not taken; Telegram keeps it.
   */
  async function accept(update: Update): Promise<"queued" | "duplicate" | "full"> {
    const place = outbox.reserve();
    if (!place) return "full";
    if (!(await journal.claim(CHANNEL, String(update.update_id), update))) {
      place.cancel();
      logger.debug({ update: update.update_id }, "telegram: update seen before; not answered again");
      return "duplicate";
    }
    void dispatchInOrder(update, place);
    return "queued";
  }

  /** Answers what a previous run left unanswered (claimed, never settled). */
  async function takeOver(): Promise<void> {
    for (const { ref, payload } of await journal.takeOver(CHANNEL, STALE_CLAIM_MS)) {
      const update = payload as Update;
      if (inHand.has(update.update_id) || String(update.update_id) !== ref) continue;
      logger.info({ update: update.update_id }, "telegram: answering an update a previous run left unanswered");
      void dispatchInOrder(update, outbox.reserve(true)!);
    }
  }

  // ---- users and languages ------------------------------------------------------------------------------------

  const userOf = (from: User): User_ => ({ channel: CHANNEL, userId: String(from.id) });

  /** The language for menus and help: the user's choice, else Telegram's language setting (Hindi or English). */
  function menuLang(from: User | undefined): AnswerLang {
    return from ? conversation.menuLanguage(userOf(from), from.language_code) : "en";
  }

  /** The language for a pressed entry button: the user's saved choice wins, else the language of the button. */
  function buttonLang(from: User, lang: AnswerLang): LangChoice | undefined {
    return conversation.choiceOf(userOf(from)) === "auto" ? lang : undefined;
  }

  async function answer(ctx: Context, from: User, text: string, replyTo?: Message): Promise<void> {
    const reply: Reply = await conversation.ask({ text, userId: String(from.id), channel: CHANNEL, ref: String(ctx.update.update_id) });
    replyOf(ctx).lang = reply.answerLang;
    if (reply.kind === "none" && reply.silent) return;
    sendAll(ctx, formatReply(reply), replyTo);
  }

  // ---- addressing in groups -----------------------------------------------------------------------------------

  const botUsername = () => bot.botInfo?.username?.toLowerCase() ?? "";
  const botId = () => bot.botInfo?.id;

  /** The entities that address this bot: an @mention of its username, or a text_mention of it. */
  function mentionsOfMe(text: string, entities: readonly MessageEntity[]): MessageEntity[] {
    return entities.filter(
      (e) =>
        (e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${botUsername()}`) ||
        (e.type === "text_mention" && e.user.id === botId()),
    );
  }

  function withoutMentions(text: string, mentions: readonly MessageEntity[]): string {
    let out = text;
    for (const e of [...mentions].sort((a, b) => b.offset - a.offset)) out = `${out.slice(0, e.offset)} ${out.slice(e.offset + e.length)}`;
    return out.replace(/\s+/g, " ").trim();
  }

  const isGroup = (ctx: Context) => ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";

  // ---- handlers -----------------------------------------------------------------------------------------------

  // Where each update's reply queues, and the language of an apology if it must be given up.
  bot.use(async (ctx, next) => {
    const reply = replyOf(ctx);
    reply.lang = menuLang(ctx.from);
    if (ctx.chat) {
      reply.key = `chat:${ctx.chat.id}`;
      reply.chatId = ctx.chat.id;
      reply.thread = topicOf(ctx);
    } else if (ctx.from) reply.key = `user:${ctx.from.id}`;
    await next();
  });

  // Never talk to other bots (nor to channel posts, which have no sender); an anonymous admin of the group is a person.
  bot.use(async (ctx, next) => {
    if (!ctx.from) return;
    const senderChat = (ctx.msg as { sender_chat?: { id: number } } | undefined)?.sender_chat;
    const anonymousAdmin = ctx.from.username === ANONYMOUS_ADMIN && senderChat !== undefined && senderChat.id === ctx.chat?.id;
    if (ctx.from.is_bot && !anonymousAdmin) return;
    // With a shared store, a language chosen through another instance counts here too.
    await conversation.refresh(userOf(ctx.from));
    await next();
  });

  bot.start(async (ctx) => {
    const lang = menuLang(ctx.from);
    sendAll(ctx, formatWelcome(conversation.welcome(), conversation.topics(lang), lang), isGroup(ctx) ? ctx.message : undefined);
  });

  bot.help(async (ctx) => {
    const lang = menuLang(ctx.from);
    const text = `${conversation.help(lang)}\n\n${message("helpCommands", lang)}\n${message("telegramHowToAsk", lang)}`;
    sendAll(ctx, formatText(text), isGroup(ctx) ? ctx.message : undefined);
  });

  bot.command("topics", async (ctx) => {
    const lang = menuLang(ctx.from);
    sendAll(ctx, [formatTopics(conversation.topics(lang), lang)], isGroup(ctx) ? ctx.message : undefined);
  });

  bot.command("lang", async (ctx) => {
    const choice = ctx.payload.trim().toLowerCase();
    const replyTo = isGroup(ctx) ? ctx.message : undefined;
    if (choice === "en" || choice === "hi" || choice === "auto") {
      sendAll(ctx, formatText(conversation.setLanguage(userOf(ctx.from), choice)), replyTo);
    } else {
      sendAll(ctx, [formatLangPrompt(menuLang(ctx.from))], replyTo);
    }
  });

  bot.command("ask", async (ctx) => {
    const question = withoutMentions(ctx.payload, []);
    const replyTo = isGroup(ctx) ? ctx.message : undefined;
    if (question === "") sendAll(ctx, formatText(conversation.prompt(menuLang(ctx.from))), replyTo);
    else await answer(ctx, ctx.from, question, replyTo);
  });

  bot.on("message", async (ctx) => {
    const msg = ctx.message;
    // A photo or document with a caption asks in its caption, like a text message.
    const text = "text" in msg ? msg.text : "caption" in msg && typeof msg.caption === "string" ? msg.caption : undefined;
    const entities = ("text" in msg ? msg.entities : "caption_entities" in msg ? msg.caption_entities : undefined) ?? [];
    if (text === undefined) {
      // A photo, voice note, sticker... in a private chat: ask for a typed question rather than stay silent.
      if (ctx.chat.type === "private" && MEDIA.some((key) => key in msg)) sendAll(ctx, formatText(conversation.prompt(menuLang(ctx.from))));
      return;
    }
    const startsWithCommand = entities[0]?.type === "bot_command" && entities[0].offset === 0;
    if (ctx.chat.type === "private") {
      // An unknown command: show what the bot understands.
      if (startsWithCommand) return void sendAll(ctx, formatText(`${message("helpCommands", menuLang(ctx.from))}`));
      return answer(ctx, ctx.from, text);
    }
    if (!isGroup(ctx) || startsWithCommand) return; // a command for another bot, or one this bot lacks
    const mentions = mentionsOfMe(text, entities);
    const repliedTo = (msg as Partial<Message.TextMessage>).reply_to_message;
    const replyToMe = repliedTo?.from?.id !== undefined && repliedTo.from.id === botId();
    if (mentions.length === 0 && !replyToMe) return;
    const question = withoutMentions(text, mentions);
    if (question === "") return void sendAll(ctx, formatText(conversation.prompt(menuLang(ctx.from))), msg);
    await answer(ctx, ctx.from, question, msg);
  });

  bot.on("callback_query", async (ctx) => {
    const query = ctx.callbackQuery;
    const action = decodeAction("data" in query ? query.data : undefined);
    const from = query.from;
    if (!action) return void call(ctx, "answerCallbackQuery", () => ctx.answerCbQuery());
    if (action.kind === "feedback") {
      // Only for entries that exist: an old message's entry may be gone, and callback data can be forged.
      if (!conversation.preview(action.id, action.lang)) return void call(ctx, "answerCallbackQuery", () => ctx.answerCbQuery(message("unknownTopic", action.lang)));
      const thanks = conversation.feedback({ entryId: action.id, userId: String(from.id), channel: CHANNEL, vote: action.vote }, action.lang);
      call(ctx, "answerCallbackQuery", () => ctx.answerCbQuery(thanks));
      // One vote per answer: take the 👍/👎 row away (the message may be too old to edit; that is fine).
      const msg = query.message;
      if (msg && "reply_markup" in msg) {
        const markup = withoutFeedback(msg.reply_markup);
        call(
          ctx,
          "editMessageReplyMarkup",
          () => ctx.editMessageReplyMarkup(markup ? { inline_keyboard: markup.inline_keyboard.map((row) => [...row]) } : undefined),
          true,
        );
      }
      return;
    }
    if (action.kind === "lang") {
      const confirmation = conversation.setLanguage(userOf(from), action.choice);
      call(ctx, "answerCallbackQuery", () => ctx.answerCbQuery(confirmation));
      if (query.message) call(ctx, "editMessageText", () => ctx.editMessageText(formatText(confirmation)[0]!.text, { parse_mode: "HTML" }), true);
      return;
    }
    call(ctx, "answerCallbackQuery", () => ctx.answerCbQuery());
    // A press on an inline-mode message has no chat to answer in.
    if (!ctx.chat) return;
    const reply = conversation.answerById(action.id, { ...userOf(from), lang: buttonLang(from, action.lang) }, action.how);
    replyOf(ctx).lang = reply.answerLang;
    sendAll(ctx, formatReply(reply));
  });

  bot.on("inline_query", async (ctx) => {
    const { query, from } = ctx.inlineQuery;
    const user = userOf(from);
    const text = query.trim();
    const lang = text ? conversation.answerLangFor(user, text) : menuLang(from);
    const picks: { id: string; description?: string }[] = text
      ? conversation.complete(text, INLINE_RESULTS * 2).map((c) => ({ id: c.id, description: c.question }))
      : conversation.topics(lang).map((t) => ({ id: t.id }));
    const seen = new Set<string>();
    const results = picks
      .filter((p) => !seen.has(p.id) && seen.add(p.id))
      .slice(0, text ? INLINE_RESULTS : 50)
      .flatMap((p) => {
        const reply = conversation.preview(p.id, conversation.choiceOf(user) === "auto" ? lang : (conversation.choiceOf(user) as AnswerLang));
        const article = reply?.kind === "answer" ? formatInlineArticle(reply, p.description) : undefined;
        return article ? [article] : [];
      });
    call(ctx, "answerInlineQuery", () => ctx.answerInlineQuery(results, { cache_time: 30, is_personal: true }));
  });

  // A handler failed (sending happens later, in the outbox): logged, and the user told in place of the reply.
  bot.catch(async (err, ctx) => {
    logger.error({ update: ctx.update.update_id, chatType: ctx.chat?.type, err: describe(err) }, "telegram: handling an update failed");
    const reply = gathering.get(ctx.update.update_id);
    if (!reply) return;
    reply.steps.length = 0;
    const lang = menuLang(ctx.from);
    if (ctx.callbackQuery) call(ctx, "answerCallbackQuery", () => ctx.answerCbQuery(message("error", lang)));
    else if (ctx.chat) {
      // In the forum topic the question came from, like every other answer.
      const chatId = ctx.chat.id;
      const thread = topicOf(ctx);
      call(ctx, "sendMessage", () =>
        ctx.telegram.sendMessage(chatId, formatText(message("error", lang))[0]!.text, { parse_mode: "HTML", ...(thread ? { message_thread_id: thread } : {}) }),
      );
    }
  });

  // ---- lifecycle ----------------------------------------------------------------------------------------------

  let polling: Promise<void> | undefined;
  let server: Server | undefined;
  let stopped: Promise<void> | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  /** Why the channel cannot receive updates right now; undefined once it can (for /healthz). */
  let down: string | undefined = "starting";

  /**
   * Long polling, owned here (bot.launch() would resolve only when polling ends, and cannot be stopped between its
   * onLaunch and the first poll). Fetching never waits for sending: each update is claimed in the journal and
   * queued, then the next getUpdates goes out at once; its offset confirms the batch to Telegram, which is safe
   * because the journal holds every claimed update until it is settled. When the outbox is full, fetching pauses
   * and Telegram keeps the updates meanwhile.
   */
  async function poll(): Promise<void> {
    let offset = 0;
    let failures = 0;
    while (!stopping.signal.aborted) {
      if (outbox.full) {
        logger.warn({ queued: outbox.size }, "telegram: outbox full; fetching paused until replies go out");
        await Promise.race([outbox.room(), new Promise((resolve) => stopping.signal.addEventListener("abort", resolve, { once: true }))]);
        continue;
      }
      let updates: Update[];
      try {
        updates = await bot.telegram.callApi("getUpdates", { timeout: pollTimeout, offset, allowed_updates: [...UPDATES] }, { signal: apiSignal(stopping.signal) });
        failures = 0;
        down = undefined;
      } catch (err) {
        if (stopping.signal.aborted) break;
        deps.metrics?.apiError(CHANNEL, errorCode(err));
        down = `telegram: getUpdates failed (${errorCode(err)})`;
        if (isRefusal(err)) {
          down = "telegram: the Bot API refused the token; polling stopped";
          tokenRefused(err);
          break;
        }
        // Network trouble, 429, 5xx, 409 (a webhook or another instance): wait and poll again.
        failures++;
        const wait = isTelegramError(err) && err.parameters?.retry_after !== undefined ? err.parameters.retry_after : Math.min(2 ** failures, 30);
        logger.warn({ err: describe(err), retryIn: wait }, "telegram: getUpdates failed, polling again soon");
        await pause(wait * 1000);
        continue;
      }
      for (const update of updates) {
        if ((await accept(update)) === "full") break; // not taken: the next getUpdates (offset unchanged) returns it again
        offset = update.update_id + 1;
      }
    }
    // Confirm what was taken (it is in the journal), so Telegram does not send it again (best effort, short).
    if (offset > 0 && !refused) {
      const confirm = new AbortController();
      const timer = setTimeout(() => confirm.abort(), 500);
      await bot.telegram
        .callApi("getUpdates", { offset, limit: 1, timeout: 0 }, { signal: apiSignal(confirm.signal) })
        .catch(() => undefined)
        .finally(() => clearTimeout(timer));
    }
    logger.info("telegram: polling stopped");
  }

  async function registerCommands(): Promise<void> {
    try {
      await bot.telegram.setMyCommands(commandList("en"));
      await bot.telegram.setMyCommands(commandList("hi"), { language_code: "hi" });
    } catch (err) {
      if (isRefusal(err)) throw err;
      // The menu is a convenience: without it every command still works.
      logger.warn({ err: describe(err) }, "telegram: could not register the command menu");
    }
  }

  /** Reads a request body up to `max` bytes; undefined when it is longer. */
  async function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > max) return undefined;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  /** A webhook request: answered 200 as soon as the update is claimed and queued, not when its reply is sent. */
  async function onWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, MAX_WEBHOOK_BODY);
    if (!body) return void res.writeHead(413, { connection: "close" }).end();
    let update: Update | undefined;
    try {
      update = JSON.parse(body.toString("utf8")) as Update;
    } catch {
      update = undefined;
    }
    if (!update || typeof update !== "object" || !Number.isSafeInteger(update.update_id) || update.update_id < 0) {
      logger.warn("telegram: webhook request without a valid update refused");
      return void res.writeHead(400).end();
    }
    if (stopping.signal.aborted) return void res.writeHead(503).end();
    const taken = await accept(update);
    // Full: Telegram delivers it again later (it retries any answer but 2xx); nothing is lost or held in memory.
    if (taken === "full") return void res.writeHead(503, { "retry-after": "5" }).end();
    res.writeHead(200).end();
  }

  function startWebhookServer(webhook: NonNullable<typeof settings.webhook>): Promise<void> {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? "/").split("?")[0];
      if (path !== webhook.path) return void res.writeHead(404).end();
      if (req.method !== "POST") return void res.writeHead(405, { allow: "POST" }).end();
      // Only Telegram knows the secret: anything else is refused before reading a byte of it.
      if (!safeEqual(req.headers["x-telegram-bot-api-secret-token"], webhook.secret)) {
        logger.warn("telegram: webhook request without the right secret token refused");
        res.writeHead(401).end();
        req.resume();
        return;
      }
      onWebhook(req, res).catch((err: unknown) => {
        logger.error({ err: describe(err) }, "telegram: webhook request failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    server.on("clientError", (_err, socket) => socket.destroy());
    return new Promise((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(webhook.port, options.webhookHost ?? webhook.host, () => {
        server!.off("error", reject);
        resolve();
      });
    });
  }

  /** Starts the channel; a refused token becomes a TokenRefused with one line to show. */
  async function begin(): Promise<void> {
    bot.botInfo = await bot.telegram.getMe();
    if (stopping.signal.aborted) return;
    await registerCommands();
    if (stopping.signal.aborted) return;
    // What a previous run left unanswered, then, now and then, what a replica that died left.
    await takeOver();
    sweeper = setInterval(() => void takeOver().catch((err: unknown) => logger.error({ err: describe(err) }, "telegram: taking over unanswered updates failed")), STALE_CLAIM_MS);
    sweeper.unref();
    const webhook = settings.webhook;
    if (webhook) {
      await startWebhookServer(webhook);
      if (stopping.signal.aborted) return;
      await bot.telegram.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...UPDATES], drop_pending_updates: false });
      down = undefined;
      // Only the port: the path (like the URL) may carry a secret of its own.
      logger.info({ bot: bot.botInfo.username, port: webhookPortOf(server), customPath: webhook.path !== "/" }, "telegram: receiving updates by webhook");
      return;
    }
    await bot.telegram.deleteWebhook({ drop_pending_updates: false });
    if (stopping.signal.aborted) return;
    down = undefined;
    polling = poll();
    logger.info({ bot: bot.botInfo.username }, "telegram: receiving updates by long polling");
  }

  return {
    name: CHANNEL,
    webhookPort: () => webhookPortOf(server),
    health: () =>
      stopping.signal.aborted
        ? { ok: false, reason: "telegram: stopping" }
        : down
          ? { ok: false, reason: down }
          : outbox.full
            ? { ok: false, reason: "telegram: outbox full; fetching paused" }
            : { ok: true },

    async start() {
      try {
        await begin();
      } catch (err) {
        deps.metrics?.apiError(CHANNEL, errorCode(err));
        if (isRefusal(err)) {
          const e = err as TelegramError;
          throw new TokenRefused(`TELEGRAM_BOT_TOKEN was refused by the Bot API (${e.code} ${e.description}): copy the token again from @BotFather`);
        }
        throw err;
      }
    },

    /** Stops fetching, lets queued replies finish within the budget, releases the rest for the next run. */
    stop() {
      stopped ??= (async () => {
        stopping.abort();
        clearInterval(sweeper);
        const closing: Promise<unknown>[] = [];
        if (server) {
          const s = server;
          closing.push(new Promise<void>((resolve) => s.close(() => resolve())));
          s.closeIdleConnections();
        }
        // Aborting `stopping` ended the pending long poll; the loop confirms what it took and returns.
        if (polling) await polling;
        await dispatching;
        await outbox.drain(stopTimeoutMs);
        for (const id of inHand) journal.settle(CHANNEL, String(id), "released");
        if (inHand.size > 0) logger.warn({ updates: [...inHand] }, "telegram: replies not sent in time; released for the next run");
        server?.closeAllConnections();
        await Promise.allSettled(closing);
      })();
      return stopped;
    },
  };
}

function webhookPortOf(server: Server | undefined): number | undefined {
  return (server?.address() as AddressInfo | null)?.port;
}
