// The Telegram channel (telegraf): turns updates into Conversation calls and replies into HTML messages with inline
// keyboards. Long polling by default; a webhook on its own HTTP server when settings.webhook is set.
// All matching is the core's; this file only translates, sends, retries on 429 and keeps errors from crashing.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Telegraf, TelegramError, type Context } from "telegraf";
import type { BotCommand, Message, MessageEntity, Update, User } from "telegraf/types";
import type { Config } from "../src/config.js";
import type { Reply } from "../src/conversation.js";
import { message } from "../src/messages.js";
import type { AnswerLang, LangChoice } from "../src/types.js";
import type { Adapter, AdapterDeps } from "./adapter.js";
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

export interface TelegramOptions {
  /** Called when an update has been handled completely (replies sent, or the error handled). For tests. */
  readonly onHandled?: (update: Update) => void;
  /** How many times a call refused with 429 is tried again (default 3). */
  readonly maxRetries?: number;
  /** The longest wait a 429's retry_after may impose, in seconds (default 60); longer waits give up. */
  readonly maxRetryAfter?: number;
  /** How long stop() waits for in-flight work before giving up on it, in ms (default 2000). */
  readonly stopTimeoutMs?: number;
  /** Long-polling timeout in seconds: how long one getUpdates may wait for an update (default 50). */
  readonly pollTimeout?: number;
  /** Host the webhook server listens on (default all interfaces). */
  readonly webhookHost?: string;
  /**
   * How the adapter waits `ms` before trying again (after a 429's retry_after, or a failed poll); it must resolve
   * early when `signal` aborts (the adapter stopping). Default: a real timer. Tests inject one to observe the
   * requested delay without sleeping.
   */
  readonly pause?: (ms: number, signal: AbortSignal) => Promise<void>;
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

/** Waits `ms` on a real timer, or less if `signal` aborts. */
export function timerPause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
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

export function createTelegramAdapter(settings: NonNullable<Config["telegram"]>, deps: AdapterDeps, options: TelegramOptions = {}): TelegramAdapter {
  const { conversation } = deps;
  const logger = deps.logger.child({ channel: CHANNEL });
  const maxRetries = options.maxRetries ?? 3;
  const maxRetryAfter = options.maxRetryAfter ?? 60;
  const stopTimeoutMs = options.stopTimeoutMs ?? 2000;
  const pollTimeout = options.pollTimeout ?? 50;
  const stopping = new AbortController();

  const bot = new Telegraf(settings.token, {
    telegram: {
      ...(settings.apiRoot ? { apiRoot: normaliseApiRoot(settings.apiRoot) } : {}),
      // Every call goes to the API (so its result and errors are seen), none rides on the webhook's HTTP answer.
      webhookReply: false,
    },
  });

  // ---- sending ------------------------------------------------------------------------------------------------

  /** Waits `ms`, or less if the adapter stops. */
  const pause = (ms: number) => (options.pause ?? timerPause)(ms, stopping.signal);

  /** Runs an API call, trying again after retry_after seconds when Telegram answers 429 (a bounded number of times). */
  async function api<T>(what: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        deps.metrics?.apiError(CHANNEL, errorCode(err));
        const retryAfter = isTelegramError(err, 429) ? (err.parameters?.retry_after ?? 1) : undefined;
        if (retryAfter === undefined || attempt >= maxRetries || retryAfter > maxRetryAfter || stopping.signal.aborted) throw err;
        logger.warn({ method: what, retryAfter, attempt: attempt + 1 }, "telegram: rate limited (429), retrying after retry_after");
        await pause(retryAfter * 1000);
        if (stopping.signal.aborted) throw err;
      }
    }
  }

  /**
   * Sends messages to a chat in order; in groups as a reply to the question; in a forum topic to the topic the
   * update came from (the question's, or that of the message whose button was pressed), not the General topic.
   */
  async function sendAll(ctx: Context, messages: readonly OutgoingMessage[], replyTo?: Message): Promise<void> {
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    const thread = topicOf(ctx);
    for (const [i, m] of messages.entries()) {
      await api("sendMessage", () =>
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
    const reply: Reply = await conversation.ask({ text, userId: String(from.id), channel: CHANNEL });
    if (reply.kind === "none" && reply.silent) return;
    await sendAll(ctx, formatReply(reply), replyTo);
  }

  // ---- addressing in groups -----------------------------------------------------------------------------------

  const botUsername = () => bot.botInfo?.username?.toLowerCase() ?? "";
  const botId = () => bot.botInfo?.id;

  /** The entities that address this bot: an @mention of its username, or a text_mention of it. */
  function mentionsOfMe(msg: Message.TextMessage): MessageEntity[] {
    return (msg.entities ?? []).filter(
      (e) =>
        (e.type === "mention" && msg.text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${botUsername()}`) ||
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

  // Never talk to other bots (nor to channel posts, which have no sender).
  bot.use(async (ctx, next) => {
    if (!ctx.from || ctx.from.is_bot) return;
    // With a shared store, a language chosen through another instance counts here too.
    await conversation.refresh(userOf(ctx.from));
    await next();
  });

  bot.start(async (ctx) => {
    const lang = menuLang(ctx.from);
    await sendAll(ctx, formatWelcome(conversation.topics(lang), lang), isGroup(ctx) ? ctx.message : undefined);
  });

  bot.help(async (ctx) => {
    const lang = menuLang(ctx.from);
    const text = `${conversation.help(lang)}\n\n${message("helpCommands", lang)}\n${message("telegramHowToAsk", lang)}`;
    await sendAll(ctx, formatText(text), isGroup(ctx) ? ctx.message : undefined);
  });

  bot.command("topics", async (ctx) => {
    const lang = menuLang(ctx.from);
    await sendAll(ctx, [formatTopics(conversation.topics(lang), lang)], isGroup(ctx) ? ctx.message : undefined);
  });

  bot.command("lang", async (ctx) => {
    const choice = ctx.payload.trim().toLowerCase();
    const replyTo = isGroup(ctx) ? ctx.message : undefined;
    if (choice === "en" || choice === "hi" || choice === "auto") {
      await sendAll(ctx, formatText(conversation.setLanguage(userOf(ctx.from), choice)), replyTo);
    } else {
      await sendAll(ctx, [formatLangPrompt(menuLang(ctx.from))], replyTo);
    }
  });

  bot.command("ask", async (ctx) => {
    const question = withoutMentions(ctx.payload, []);
    const replyTo = isGroup(ctx) ? ctx.message : undefined;
    if (question === "") await sendAll(ctx, formatText(message("empty", menuLang(ctx.from))), replyTo);
    else await answer(ctx, ctx.from, question, replyTo);
  });

  bot.on("message", async (ctx) => {
    const msg = ctx.message;
    if (!("text" in msg)) {
      // A photo, voice note, sticker... in a private chat: ask for a typed question rather than stay silent.
      if (ctx.chat.type === "private" && MEDIA.some((key) => key in msg)) await sendAll(ctx, formatText(message("empty", menuLang(ctx.from))));
      return;
    }
    const startsWithCommand = msg.entities?.[0]?.type === "bot_command" && msg.entities[0].offset === 0;
    if (ctx.chat.type === "private") {
      // An unknown command: show what the bot understands.
      if (startsWithCommand) return void (await sendAll(ctx, formatText(`${message("helpCommands", menuLang(ctx.from))}`)));
      return answer(ctx, ctx.from, msg.text);
    }
    if (!isGroup(ctx) || startsWithCommand) return; // a command for another bot, or one this bot lacks
    const mentions = mentionsOfMe(msg);
    const replyToMe = msg.reply_to_message?.from?.id !== undefined && msg.reply_to_message.from.id === botId();
    if (mentions.length === 0 && !replyToMe) return;
    const question = withoutMentions(msg.text, mentions);
    if (question === "") return void (await sendAll(ctx, formatText(message("empty", menuLang(ctx.from))), msg));
    await answer(ctx, ctx.from, question, msg);
  });

  bot.on("callback_query", async (ctx) => {
    const query = ctx.callbackQuery;
    const action = decodeAction("data" in query ? query.data : undefined);
    const from = query.from;
    if (!action) return void (await api("answerCallbackQuery", () => ctx.answerCbQuery()));
    if (action.kind === "feedback") {
      const thanks = conversation.feedback({ entryId: action.id, userId: String(from.id), channel: CHANNEL, vote: action.vote }, action.lang);
      await api("answerCallbackQuery", () => ctx.answerCbQuery(thanks));
      // One vote per answer: take the 👍/👎 row away (the message may be too old to edit; that is fine).
      const msg = query.message;
      if (msg && "reply_markup" in msg) {
        const markup = withoutFeedback(msg.reply_markup);
        await api("editMessageReplyMarkup", () =>
          ctx.editMessageReplyMarkup(markup ? { inline_keyboard: markup.inline_keyboard.map((row) => [...row]) } : undefined),
        ).catch((err: unknown) => logger.debug({ err: describe(err) }, "telegram: could not remove the feedback buttons"));
      }
      return;
    }
    if (action.kind === "lang") {
      const confirmation = conversation.setLanguage(userOf(from), action.choice);
      await api("answerCallbackQuery", () => ctx.answerCbQuery(confirmation));
      if (query.message) {
        await api("editMessageText", () => ctx.editMessageText(formatText(confirmation)[0]!.text, { parse_mode: "HTML" })).catch((err: unknown) =>
          logger.debug({ err: describe(err) }, "telegram: could not edit the language prompt"),
        );
      }
      return;
    }
    await api("answerCallbackQuery", () => ctx.answerCbQuery());
    // A press on an inline-mode message has no chat to answer in.
    if (!ctx.chat) return;
    const reply = conversation.answerById(action.id, { ...userOf(from), lang: buttonLang(from, action.lang) }, action.how);
    await sendAll(ctx, formatReply(reply));
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
    await api("answerInlineQuery", () => ctx.answerInlineQuery(results, { cache_time: 30, is_personal: true }));
  });

  // One place for every error: blocked users are dropped, the rest logged and, where possible, the user told.
  bot.catch(async (err, ctx) => {
    const where = { update: ctx.update.update_id, chatType: ctx.chat?.type };
    if (isTelegramError(err, 403)) {
      logger.warn({ ...where, err: describe(err) }, "telegram: the user blocked the bot or left the chat; reply dropped");
      return;
    }
    logger.error({ ...where, err: describe(err) }, "telegram: handling an update failed");
    // Telegram refusing for a while (429 after the retries) or unreachable: telling the user would fail as well.
    if (isTelegramError(err, 429) || (err instanceof Error && (err.name === "FetchError" || err.name === "AbortError"))) return;
    const lang = menuLang(ctx.from);
    try {
      if (ctx.callbackQuery) await ctx.answerCbQuery(message("error", lang));
      else if (ctx.chat) {
        // In the forum topic the question came from, like every other answer.
        const thread = topicOf(ctx);
        await ctx.telegram.sendMessage(ctx.chat.id, formatText(message("error", lang))[0]!.text, {
          parse_mode: "HTML",
          ...(thread ? { message_thread_id: thread } : {}),
        });
      }
    } catch (again) {
      logger.warn({ ...where, err: describe(again) }, "telegram: could not tell the user about the error");
    }
  });

  // Tell tests (and only them) when an update is completely handled, errors included.
  const handleUpdate = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, res) => {
    try {
      await handleUpdate(update, res);
    } catch (err) {
      logger.error({ update: update.update_id, err: describe(err) }, "telegram: update failed outside the handlers");
    } finally {
      options.onHandled?.(update);
    }
  };

  // ---- lifecycle ----------------------------------------------------------------------------------------------

  let polling: Promise<void> | undefined;
  let server: Server | undefined;
  let stopped: Promise<void> | undefined;
  /** Why the channel cannot receive updates right now; undefined once it can (for /healthz). */
  let down: string | undefined = "starting";

  /**
   * Long polling, like telegraf's own loop (one batch at a time, offset confirmed by the next call), but owned here:
   * started and stopped deterministically (bot.launch() would resolve only when polling ends, and cannot be stopped
   * between its onLaunch and the first poll), aborted at once by stop(), with its timeout configurable.
   */
  async function poll(): Promise<void> {
    let offset = 0;
    let failures = 0;
    while (!stopping.signal.aborted) {
      let updates: Update[];
      try {
        updates = await bot.telegram.callApi("getUpdates", { timeout: pollTimeout, offset, allowed_updates: [...UPDATES] }, { signal: apiSignal(stopping.signal) });
        failures = 0;
        down = undefined;
      } catch (err) {
        if (stopping.signal.aborted) break;
        deps.metrics?.apiError(CHANNEL, errorCode(err));
        down = `telegram: getUpdates failed (${errorCode(err)})`;
        if (isTelegramError(err, 401) || isTelegramError(err, 404)) {
          logger.error({ err: describe(err) }, "telegram: the Bot API refused the token; polling stopped");
          down = "telegram: the Bot API refused the token; polling stopped";
          break;
        }
        // Network trouble, 429, 5xx, 409 (a webhook or another instance): wait and poll again.
        failures++;
        const wait = isTelegramError(err) && err.parameters?.retry_after !== undefined ? err.parameters.retry_after : Math.min(2 ** failures, 30);
        logger.warn({ err: describe(err), retryIn: wait }, "telegram: getUpdates failed, polling again soon");
        await pause(wait * 1000);
        continue;
      }
      if (updates.length > 0) offset = updates[updates.length - 1]!.update_id + 1;
      // One batch at a time, in parallel within it; handleUpdate never throws (see above).
      await Promise.all(updates.map((u) => bot.handleUpdate(u)));
    }
    // Confirm what was handled, so a restart does not see it again (best effort, short).
    if (offset > 0) {
      const confirm = new AbortController();
      const timer = setTimeout(() => confirm.abort(), 1000);
      await bot.telegram
        .callApi("getUpdates", { offset, limit: 1, timeout: 0 }, { signal: apiSignal(confirm.signal) })
        .catch(() => undefined)
        .finally(() => clearTimeout(timer));
    }
    logger.info("telegram: polling stopped");
  }

  async function registerCommands(): Promise<void> {
    try {
      await api("setMyCommands", () => bot.telegram.setMyCommands(commandList("en")));
      await api("setMyCommands", () => bot.telegram.setMyCommands(commandList("hi"), { language_code: "hi" }));
    } catch (err) {
      // The menu is a convenience: without it every command still works.
      logger.warn({ err: describe(err) }, "telegram: could not register the command menu");
    }
  }

  function startWebhookServer(webhook: NonNullable<typeof settings.webhook>): Promise<void> {
    const callback = bot.webhookCallback(webhook.path, { secretToken: webhook.secret });
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
      if (stopping.signal.aborted) return void res.writeHead(503).end();
      callback(req, res).catch((err: unknown) => {
        logger.error({ err: describe(err) }, "telegram: webhook request failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    server.on("clientError", (_err, socket) => socket.destroy());
    return new Promise((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(webhook.port, options.webhookHost, () => {
        server!.off("error", reject);
        resolve();
      });
    });
  }

  const within = (promise: Promise<unknown>, ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      void promise.catch(() => undefined).finally(() => {
        clearTimeout(timer);
        resolve();
      });
    });

  return {
    name: CHANNEL,
    webhookPort: () => webhookPortOf(server),
    health: () => (stopping.signal.aborted ? { ok: false, reason: "telegram: stopping" } : down ? { ok: false, reason: down } : { ok: true }),

    async start() {
      bot.botInfo = await api("getMe", () => bot.telegram.getMe());
      if (stopping.signal.aborted) return;
      await registerCommands();
      if (stopping.signal.aborted) return;
      const webhook = settings.webhook;
      if (webhook) {
        await startWebhookServer(webhook);
        if (stopping.signal.aborted) return;
        await api("setWebhook", () =>
          bot.telegram.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...UPDATES], drop_pending_updates: false }),
        );
        down = undefined;
        // Only the port: the path (like the URL) may carry a secret of its own.
        logger.info({ bot: bot.botInfo.username, port: webhookPortOf(server), customPath: webhook.path !== "/" }, "telegram: receiving updates by webhook");
        return;
      }
      await api("deleteWebhook", () => bot.telegram.deleteWebhook({ drop_pending_updates: false }));
      if (stopping.signal.aborted) return;
      down = undefined;
      polling = poll();
      logger.info({ bot: bot.botInfo.username }, "telegram: receiving updates by long polling");
    },

    stop() {
      stopped ??= (async () => {
        stopping.abort();
        const work: Promise<unknown>[] = [];
        // Aborting `stopping` ended the pending long poll; what is in flight finishes (within the timeout).
        if (polling) work.push(polling);
        if (server) {
          const s = server;
          work.push(new Promise<void>((resolve) => s.close(() => resolve())));
          s.closeIdleConnections();
        }
        await within(Promise.allSettled(work), stopTimeoutMs);
        server?.closeAllConnections();
      })();
      return stopped;
    },
  };
}

function webhookPortOf(server: Server | undefined): number | undefined {
  return (server?.address() as AddressInfo | null)?.port;
}
