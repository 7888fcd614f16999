// A small fake of the Telegram Bot API on node:http (loopback, port 0 by default), for driving the real telegraf
// client in tests. It records every call, long-polls getUpdates like Telegram (offset, limit, timeout; no busy loop),
// checks what Telegram would refuse (HTML that does not parse, texts over 4,096 characters, callback data over
// 64 bytes), and can be scripted to fail: 429 with retry_after, 5xx, 403 blocked, a dropped connection, a share of
// calls failing at random (seeded), calls held until the test releases them (a slow API), a revoked token.
// A control API under /_fake/ lets another process push updates and read calls (for manual end-to-end runs).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { CallbackQuery, Chat, InlineQuery, Message, MessageEntity, Update, User } from "telegraf/types";
import { listenOnLoopback } from "./loopback.js";
// The generator the synthetic corpora use (mulberry32): the same seed fails the same calls in every run.
import { random as seededRandom } from "../../bin/synthetic.js";

/** One recorded API call. */
export interface ApiCall {
  readonly method: string;
  /** The token in the request path. */
  readonly token: string;
  /** The request path (with any apiRoot prefix). */
  readonly path: string;
  /** The parameters: parsed JSON, form or query fields. */
  readonly body: Record<string, any>;
  /** HTTP status of the answer (0 when the connection was dropped on purpose). */
  readonly status: number;
  readonly ok: boolean;
  /** The `result` returned when ok, the `description` otherwise. */
  readonly result?: unknown;
  readonly description?: string;
  /** Index in `calls`. */
  readonly index: number;
}

export type ScriptedFailure =
  | { readonly error_code: number; readonly description: string; readonly retry_after?: number }
  | "network";

interface Script {
  readonly method: string;
  readonly when?: (body: Record<string, any>) => boolean;
  readonly failure: ScriptedFailure;
  times: number;
}

interface Hold {
  readonly method: string;
  readonly when?: (body: Record<string, any>) => boolean;
  readonly gate: Promise<void>;
  readonly open: () => void;
  readonly onHeld: (body: Record<string, any>) => void;
}

/** Calls held by hold(): each waits, unanswered, until release(). */
export interface Held {
  /** Resolves once `count` calls are being held (at once if they already are). */
  held(count?: number): Promise<void>;
  /** How many calls are held now. */
  readonly count: number;
  /** Answers every held call (and lets later ones through). */
  release(): void;
}

interface Waiter {
  readonly method: string;
  readonly predicate: (call: ApiCall) => boolean;
  readonly resolve: (call: ApiCall) => void;
}

interface Poll {
  readonly offset: number;
  readonly limit: number;
  readonly res: ServerResponse;
  readonly timer: NodeJS.Timeout;
}

/** A sent message as the fake stored it (what a callback query refers to). */
export interface StoredMessage {
  readonly message_id: number;
  readonly chat: Chat;
  readonly text: string;
  readonly reply_markup?: any;
  /** The forum topic it was sent to. */
  readonly message_thread_id?: number;
}

export interface FakeOptions {
  /** The token the fake accepts; any token when absent. */
  readonly token?: string;
  /** Fixed port (0: any free port). */
  readonly port?: number;
  /** The bot user getMe returns. */
  readonly bot?: Partial<User> & { username?: string };
}

type Body = Record<string, any>;

const JSON_FIELDS = new Set(["reply_markup", "results", "commands", "scope", "allowed_updates", "entities", "reply_parameters", "link_preview_options", "button"]);
const NUMBER_FIELDS = new Set(["chat_id", "message_id", "offset", "limit", "timeout", "cache_time", "message_thread_id", "user_id"]);
const TELEGRAM_TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"]);

/** Parses text as Telegram's HTML parse mode does; returns the visible text, or the reason Telegram would refuse it. */
export function parseTelegramHtml(html: string): { ok: true; text: string } | { ok: false; error: string } {
  const stack: string[] = [];
  let text = "";
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*"|='[^'<>]*')?)*)\s*>|&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot);|[<>&]|[^<>&]+/g;
  for (const m of html.matchAll(re)) {
    const [whole, slash, name, , entity] = m;
    if (name) {
      const tag = name.toLowerCase();
      if (!TELEGRAM_TAGS.has(tag)) return { ok: false, error: `Bad Request: can't parse entities: Unsupported start tag "${tag}" at byte offset ${m.index}` };
      if (slash) {
        if (stack.pop() !== tag) return { ok: false, error: `Bad Request: can't parse entities: Unexpected end tag at byte offset ${m.index}` };
      } else stack.push(tag);
    } else if (entity) {
      if (entity[0] === "#") {
        const code = entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
        // Not a Unicode scalar value (past U+10FFFF or a surrogate): refused here rather than crashing the fake.
        if (!(code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return { ok: false, error: `Bad Request: can't parse entities: Invalid character reference at byte offset ${m.index}` };
        text += String.fromCodePoint(code);
      } else text += entity === "lt" ? "<" : entity === "gt" ? ">" : entity === "amp" ? "&" : '"';
    } else if (whole === "<" || whole === ">" || whole === "&") {
      return { ok: false, error: `Bad Request: can't parse entities: Unexpected "${whole}" (not part of a tag or entity) at byte offset ${m.index}` };
    } else text += whole;
  }
  if (stack.length) return { ok: false, error: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"` };
  return { ok: true, text };
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
  }
}

export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  /** Every message the bot sent or edited, by chat id and message id. */
  readonly messages: StoredMessage[] = [];
  readonly bot: User & { username: string };
  webhook: { url: string; secret_token?: string } | undefined;
  /** Command lists set with setMyCommands, by language code ("" for the default). */
  readonly commands = new Map<string, unknown>();
  private token?: string;
  private readonly server: Server;
  private readonly holds: Hold[] = [];
  private random: { method: string; rate: number; failures: readonly ScriptedFailure[]; next: () => number } | undefined;
  private readonly queue: Update[] = [];
  private readonly polls = new Set<Poll>();
  private readonly waiters = new Set<Waiter>();
  private readonly scripts: Script[] = [];
  private readonly chats = new Map<number, Chat>();
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private closed = false;
  port = 0;

  private constructor(options: FakeOptions) {
    this.token = options.token;
    this.bot = { id: 777_000_001, is_bot: true, first_name: "Career FAQ", username: "career_faq_bot", ...options.bot } as User & { username: string };
    this.server = createServer((req, res) => void this.onRequest(req, res));
  }

  /** Starts a fake on 127.0.0.1. */
  static async start(options: FakeOptions = {}): Promise<FakeBotApi> {
    const fake = new FakeBotApi(options);
    fake.port = await listenOnLoopback(fake.server, options.port);
    return fake;
  }

  /** The apiRoot to give a client: `http://127.0.0.1:PORT/`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  // ---- updates ------------------------------------------------------------------------------------------------

  /** Gives an update its id and remembers its chat (so sendMessage to it works), without queueing it. */
  makeUpdate(update: Omit<Update, "update_id"> | Update): Update {
    const u = { ...update, update_id: (update as Update).update_id ?? this.nextUpdateId++ } as Update;
    const chat = (u as any).message?.chat ?? (u as any).callback_query?.message?.chat;
    if (chat) this.chats.set(chat.id, chat);
    return u;
  }

  /** Queues an update for getUpdates and wakes a pending long poll. Returns its update_id. */
  pushUpdate(update: Omit<Update, "update_id"> | Update): number {
    const u = this.makeUpdate(update);
    this.queue.push(u);
    this.flushPolls();
    return u.update_id;
  }

  /**
   * Queues several updates at once, then wakes a pending long poll: they arrive in one getUpdates batch (when a
   * poll is waiting). Returns their update_ids.
   */
  pushUpdates(updates: readonly (Omit<Update, "update_id"> | Update)[]): number[] {
    const made = updates.map((u) => this.makeUpdate(u));
    this.queue.push(...made);
    this.flushPolls();
    return made.map((u) => u.update_id);
  }

  /** Updates queued and not yet confirmed by an offset. */
  get pending(): readonly Update[] {
    return this.queue;
  }

  private flushPolls(): void {
    for (const poll of [...this.polls]) {
      const ready = this.available(poll.offset, poll.limit);
      if (ready.length === 0) continue;
      this.endPoll(poll, ready);
    }
  }

  private endPoll(poll: Poll, result: Update[]): void {
    clearTimeout(poll.timer);
    this.polls.delete(poll);
    if (!poll.res.writableEnded && !poll.res.destroyed) this.send(poll.res, 200, { ok: true, result });
  }

  private available(offset: number, limit: number): Update[] {
    return this.queue.filter((u) => u.update_id >= offset).slice(0, limit);
  }

  // ---- scripting and waiting ----------------------------------------------------------------------------------

  /** Forgets every scripted failure not yet used. */
  clearFailures(): void {
    this.scripts.length = 0;
  }

  /** Makes the next `times` calls of `method` (whose parameters pass `when`) fail. */
  fail(method: string, failure: ScriptedFailure, options: { when?: (body: Body) => boolean; times?: number } = {}): void {
    this.scripts.push({ method, failure, when: options.when, times: options.times ?? 1 });
  }

  /**
   * Makes a share `rate` of the calls of `method` fail, each with one of `failures` picked at random, from a seeded
   * generator: the same seed fails the same calls. Returns a function that stops it.
   */
  failRandomly(method: string, rate: number, failures: readonly ScriptedFailure[], seed = 1): () => void {
    const next = seededRandom(seed);
    this.random = { method, rate, failures, next };
    return () => (this.random = undefined);
  }

  /** Holds calls of `method` (passing `when`) unanswered until release(): a slow API, ended by the test. */
  hold(method: string, when?: (body: Body) => boolean): Held {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let count = 0;
    const waiting: { n: number; resolve: () => void }[] = [];
    const hold: Hold = {
      method,
      when,
      gate,
      open: () => open(),
      onHeld: () => {
        count++;
        for (const w of [...waiting]) if (count >= w.n) waiting.splice(waiting.indexOf(w), 1), w.resolve();
      },
    };
    this.holds.push(hold);
    return {
      held: (n = 1) => (count >= n ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ n, resolve }))),
      get count() {
        return count;
      },
      release: () => {
        this.holds.splice(this.holds.indexOf(hold), 1);
        open();
      },
    };
  }

  /** From now on the fake refuses the bot's token (401), as Telegram does once it is revoked in @BotFather. */
  revokeToken(): void {
    this.token = `revoked-${Math.random()}`;
  }

  /**
   * Resolves with the first call of `method` passing `predicate` made from now on (or from call index `since`,
   * so a call that already happened can be awaited without a race). Rejects after `timeoutMs`.
   */
  waitFor(method: string, predicate: (call: ApiCall) => boolean = () => true, options: { since?: number; timeoutMs?: number } = {}): Promise<ApiCall> {
    const earlier = this.calls.slice(options.since ?? this.calls.length).find((c) => c.method === method && predicate(c));
    if (earlier) return Promise.resolve(earlier);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const recent = this.calls.slice(-8).map((c) => `${c.method}(${c.status})`).join(", ");
        reject(new Error(`fake Bot API: no ${method} call matched within ${options.timeoutMs ?? 5000} ms; last calls: ${recent}`));
      }, options.timeoutMs ?? 5000);
      const waiter: Waiter = {
        method,
        predicate,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** Calls of a method (optionally only successful ones to one chat), in order. */
  callsOf(method: string, filter: { chatId?: number; since?: number; okOnly?: boolean } = {}): ApiCall[] {
    return this.calls
      .slice(filter.since ?? 0)
      .filter((c) => c.method === method && (filter.chatId === undefined || Number(c.body.chat_id) === filter.chatId) && (!filter.okOnly || c.ok));
  }

  /** The last message the bot sent to a chat. */
  lastMessageTo(chatId: number): StoredMessage | undefined {
    return this.messages.filter((m) => m.chat.id === chatId).at(-1);
  }

  // ---- HTTP ---------------------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? "/", "http://fake");
      if (url.pathname.startsWith("/_fake/")) return await this.control(url, req, res);
      const m = /^(?:\/.*)?\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!m) return this.send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      const [, token, method] = m as unknown as [string, string, string];
      const body = await readBody(req, url);
      const index = this.calls.length;
      const record = (status: number, ok: boolean, extra: { result?: unknown; description?: string }) => {
        const call: ApiCall = { method, token, path: url.pathname, body, status, ok, index, ...extra };
        this.calls.push(call);
        for (const w of [...this.waiters]) {
          if (w.method === method && w.predicate(call)) {
            this.waiters.delete(w);
            w.resolve(call);
          }
        }
      };
      if (this.token !== undefined && token !== this.token) {
        record(401, false, { description: "Unauthorized" });
        return this.send(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      }
      const hold = this.holds.find((h) => h.method === method && (!h.when || h.when(body)));
      if (hold) {
        hold.onHeld(body);
        await hold.gate;
      }
      const script = this.scripts.find((s) => s.method === method && s.times > 0 && (!s.when || s.when(body)));
      if (script) script.times--;
      const random = this.random;
      const failure = script?.failure ?? (random?.method === method && random.next() < random.rate ? random.failures[Math.floor(random.next() * random.failures.length)] : undefined);
      if (failure) {
        if (failure === "network") {
          record(0, false, { description: "connection dropped" });
          res.socket?.destroy();
          return;
        }
        const { error_code, description, retry_after } = failure;
        record(error_code, false, { description });
        return this.send(res, error_code, { ok: false, error_code, description, ...(retry_after !== undefined ? { parameters: { retry_after } } : {}) });
      }
      if (method === "getUpdates") return this.getUpdates(body, res, record);
      let result: unknown;
      try {
        result = this.handle(method, body);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        record(err.code, false, { description: err.description });
        return this.send(res, err.code, { ok: false, error_code: err.code, description: err.description });
      }
      record(200, true, { result });
      this.send(res, 200, { ok: true, result });
    } catch (err) {
      if (!res.headersSent) this.send(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` });
    }
  }

  private getUpdates(body: Body, res: ServerResponse, record: (status: number, ok: boolean, extra: { result?: unknown; description?: string }) => void): void {
    if (this.webhook) {
      const description = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
      record(409, false, { description });
      return this.send(res, 409, { ok: false, error_code: 409, description });
    }
    const offset = Number(body.offset ?? 0);
    const limit = Math.min(Math.max(Number(body.limit ?? 100), 1), 100);
    const timeout = Math.max(Number(body.timeout ?? 0), 0);
    // An offset confirms every update before it: they are never returned again.
    if (offset > 0) this.queue.splice(0, this.queue.length, ...this.queue.filter((u) => u.update_id >= offset));
    record(200, true, {});
    const ready = this.available(offset, limit);
    if (ready.length > 0 || timeout === 0 || this.closed) return this.send(res, 200, { ok: true, result: ready });
    const poll: Poll = { offset, limit, res, timer: setTimeout(() => this.endPoll(poll, []), timeout * 1000) };
    this.polls.add(poll);
    // The client gave up (telegraf aborts its poll on stop): forget the poll.
    res.on("close", () => {
      clearTimeout(poll.timer);
      this.polls.delete(poll);
    });
  }

  private chat(chatId: unknown): Chat {
    const id = Number(chatId);
    if (!Number.isFinite(id)) throw new ApiError(400, "Bad Request: chat not found");
    return this.chats.get(id) ?? ({ id, type: id > 0 ? "private" : "supergroup", ...(id > 0 ? { first_name: "User" } : { title: "Group" }) } as Chat);
  }

  private checkText(text: unknown, parseMode: unknown, what = "message text"): string {
    if (typeof text !== "string" || text.length === 0) throw new ApiError(400, `Bad Request: ${what} is empty`);
    let visible = text;
    if (parseMode === "HTML") {
      const parsed = parseTelegramHtml(text);
      if (!parsed.ok) throw new ApiError(400, parsed.error);
      visible = parsed.text;
    }
    if (visible.trim() === "") throw new ApiError(400, `Bad Request: ${what} is empty`);
    if (visible.length > 4096) throw new ApiError(400, "Bad Request: message is too long");
    return visible;
  }

  private checkMarkup(markup: any): void {
    if (markup === undefined) return;
    if (!Array.isArray(markup.inline_keyboard)) throw new ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object");
    for (const row of markup.inline_keyboard) {
      for (const b of row) {
        if (typeof b.text !== "string" || b.text === "") throw new ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard");
        if (b.callback_data !== undefined && (typeof b.callback_data !== "string" || Buffer.byteLength(b.callback_data) < 1 || Buffer.byteLength(b.callback_data) > 64)) {
          throw new ApiError(400, "Bad Request: BUTTON_DATA_INVALID");
        }
      }
    }
  }

  private store(message: StoredMessage): Message.TextMessage {
    const at = this.messages.findIndex((m) => m.chat.id === message.chat.id && m.message_id === message.message_id);
    if (at >= 0) this.messages[at] = message;
    else this.messages.push(message);
    return { ...asMessage(message, this.bot), ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}) } as Message.TextMessage;
  }

  private handle(method: string, body: Body): unknown {
    switch (method) {
      case "getMe":
        return this.bot;
      case "sendMessage": {
        const chat = this.chat(body.chat_id);
        const text = this.checkText(body.text, body.parse_mode);
        this.checkMarkup(body.reply_markup);
        const thread = Number(body.message_thread_id);
        return this.store({
          message_id: this.nextMessageId++,
          chat,
          text,
          reply_markup: body.reply_markup,
          ...(Number.isInteger(thread) && thread > 0 ? { message_thread_id: thread } : {}),
        });
      }
      case "editMessageText": {
        const text = this.checkText(body.text, body.parse_mode);
        this.checkMarkup(body.reply_markup);
        if (body.inline_message_id) return true;
        const chat = this.chat(body.chat_id);
        if (!this.messages.some((m) => m.chat.id === chat.id && m.message_id === Number(body.message_id))) throw new ApiError(400, "Bad Request: message to edit not found");
        const old = this.messages.find((m) => m.chat.id === chat.id && m.message_id === Number(body.message_id));
        return this.store({ ...old, message_id: Number(body.message_id), chat, text, reply_markup: body.reply_markup });
      }
      case "editMessageReplyMarkup": {
        this.checkMarkup(body.reply_markup);
        if (body.inline_message_id) return true;
        const chat = this.chat(body.chat_id);
        const old = this.messages.find((m) => m.chat.id === chat.id && m.message_id === Number(body.message_id));
        if (!old) throw new ApiError(400, "Bad Request: message to edit not found");
        return this.store({ ...old, reply_markup: body.reply_markup });
      }
      case "answerCallbackQuery":
        if (typeof body.callback_query_id !== "string" || !body.callback_query_id) throw new ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        if (typeof body.text === "string" && body.text.length > 200) throw new ApiError(400, "Bad Request: MESSAGE_TOO_LONG");
        return true;
      case "answerInlineQuery": {
        const results = body.results;
        if (!Array.isArray(results) || results.length > 50) throw new ApiError(400, "Bad Request: RESULTS_TOO_MUCH");
        const ids = new Set<string>();
        for (const r of results) {
          if (typeof r.id !== "string" || Buffer.byteLength(r.id) < 1 || Buffer.byteLength(r.id) > 64) throw new ApiError(400, "Bad Request: RESULT_ID_INVALID");
          if (ids.has(r.id)) throw new ApiError(400, "Bad Request: RESULT_ID_DUPLICATE");
          ids.add(r.id);
          if (typeof r.title !== "string" || !r.title) throw new ApiError(400, "Bad Request: RESULT_TITLE_EMPTY");
          const content = r.input_message_content;
          if (content) this.checkText(content.message_text, content.parse_mode);
          this.checkMarkup(r.reply_markup);
        }
        return true;
      }
      case "setMyCommands": {
        const commands = body.commands;
        if (!Array.isArray(commands) || commands.length > 100) throw new ApiError(400, "Bad Request: commands are invalid");
        for (const c of commands) {
          if (typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw new ApiError(400, "Bad Request: BOT_COMMAND_INVALID");
          if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256) throw new ApiError(400, "Bad Request: command description is invalid");
        }
        this.commands.set(typeof body.language_code === "string" ? body.language_code : "", commands);
        return true;
      }
      case "deleteMyCommands":
        this.commands.delete(typeof body.language_code === "string" ? body.language_code : "");
        return true;
      case "getMyCommands":
        return this.commands.get(typeof body.language_code === "string" ? body.language_code : "") ?? [];
      case "setWebhook":
        if (typeof body.url !== "string") throw new ApiError(400, "Bad Request: bad webhook: url is empty");
        this.webhook = body.url ? { url: body.url, secret_token: body.secret_token } : undefined;
        return true;
      case "deleteWebhook":
        this.webhook = undefined;
        if (body.drop_pending_updates) this.queue.length = 0;
        return true;
      case "getWebhookInfo":
        return { url: this.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: this.queue.length };
      case "sendChatAction":
      case "deleteMessage":
      case "leaveChat":
      case "close":
      case "logOut":
        return true;
      default:
        throw new ApiError(404, "Not Found");
    }
  }

  /** The control API for another process: POST /_fake/updates (an update), GET /_fake/calls, GET /_fake/messages. */
  private async control(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (url.pathname === "/_fake/updates" && req.method === "POST") {
      const update = (await readBody(req, url)) as Update;
      return this.send(res, 200, { ok: true, result: this.pushUpdate(update) });
    }
    if (url.pathname === "/_fake/calls") return this.send(res, 200, { ok: true, result: this.calls.filter((c) => c.method !== "getUpdates") });
    if (url.pathname === "/_fake/messages") return this.send(res, 200, { ok: true, result: this.messages });
    this.send(res, 404, { ok: false, description: "Not Found" });
  }

  private send(res: ServerResponse, status: number, payload: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    const data = JSON.stringify(payload);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(data) });
    res.end(data);
  }

  /** Ends pending long polls (with no updates), then stops the server and drops every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const poll of [...this.polls]) this.endPoll(poll, []);
    for (const w of [...this.waiters]) this.waiters.delete(w);
    for (const h of this.holds.splice(0)) h.open();
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    // Give answers already written a moment to flush, then cut what is left.
    setImmediate(() => this.server.closeAllConnections());
    await done;
  }
}

async function readBody(req: IncomingMessage, url: URL): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = String(req.headers["content-type"] ?? "");
  const body: Body = {};
  const setField = (key: string, value: string) => {
    if (JSON_FIELDS.has(key)) {
      try {
        body[key] = JSON.parse(value);
        return;
      } catch {
        /* keep the string */
      }
    }
    body[key] = NUMBER_FIELDS.has(key) && /^-?\d+$/.test(value) ? Number(value) : value;
  };
  for (const [k, v] of url.searchParams) setField(k, v);
  if (raw.length === 0) return body;
  if (type.includes("application/json")) return { ...body, ...(JSON.parse(raw.toString("utf8")) as Body) };
  if (type.includes("application/x-www-form-urlencoded")) {
    for (const [k, v] of new URLSearchParams(raw.toString("utf8"))) setField(k, v);
    return body;
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (type.includes("multipart/form-data") && boundary) {
    const sep = `--${boundary[1] ?? boundary[2]}`;
    for (const part of raw.toString("latin1").split(sep)) {
      const at = part.indexOf("\r\n\r\n");
      if (at < 0) continue;
      const name = /name="([^"]+)"/.exec(part.slice(0, at))?.[1];
      if (!name) continue;
      const value = Buffer.from(part.slice(at + 4).replace(/\r\n$/, ""), "latin1").toString("utf8");
      setField(name, value);
    }
    return body;
  }
  return body;
}

// ---- update builders ----------------------------------------------------------------------------------------

let nextIncomingMessageId = 1_000_000;

/** A user; `id` also serves as the private chat's id. */
export function user(id: number, extra: Partial<User> = {}): User {
  return { id, is_bot: false, first_name: `User ${id}`, language_code: "en", ...extra };
}

export function privateChat(u: User): Chat.PrivateChat {
  return { id: u.id, type: "private", first_name: u.first_name };
}

export function groupChat(id: number, title = "Job seekers"): Chat.SupergroupChat {
  return { id, type: "supergroup", title };
}

/** A supergroup with topics (a forum): its messages carry the topic's message_thread_id. */
export function forumChat(id: number, title = "Job seekers by topic"): Chat.SupergroupChat {
  return { id, type: "supergroup", title, is_forum: true } as Chat.SupergroupChat;
}

/** The entities Telegram would attach: a bot_command at the start, @mentions anywhere. */
export function entitiesOf(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const command = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const m of text.matchAll(/(?<![\w@])@[A-Za-z][A-Za-z0-9_]{3,31}/g)) entities.push({ type: "mention", offset: m.index, length: m[0].length });
  return entities;
}

/** A text message update (entities computed as Telegram does). */
export function textUpdate(options: {
  from: User;
  text: string;
  chat?: Chat;
  reply_to_message?: Message;
  message_thread_id?: number;
}): Omit<Update.MessageUpdate<Message.TextMessage>, "update_id"> {
  const entities = entitiesOf(options.text);
  const message = {
    message_id: nextIncomingMessageId++,
    date: Math.floor(Date.now() / 1000),
    chat: options.chat ?? privateChat(options.from),
    from: options.from,
    text: options.text,
    ...(entities.length ? { entities } : {}),
    ...(options.reply_to_message ? { reply_to_message: options.reply_to_message } : {}),
    ...(options.message_thread_id ? { message_thread_id: options.message_thread_id, is_topic_message: true } : {}),
  } as Update.New & Update.NonChannel & Message.TextMessage;
  return { message };
}

/** A button press on a message the bot sent (as the fake stored it). */
export function callbackUpdate(options: { from: User; message: StoredMessage; data: string }): Omit<Update.CallbackQueryUpdate, "update_id"> {
  const callback_query = {
    id: `cb-${nextIncomingMessageId++}`,
    from: options.from,
    chat_instance: "ci-1",
    data: options.data,
    message: {
      message_id: options.message.message_id,
      date: Math.floor(Date.now() / 1000),
      chat: options.message.chat,
      text: options.message.text,
      ...(options.message.message_thread_id ? { message_thread_id: options.message.message_thread_id, is_topic_message: true } : {}),
      ...(options.message.reply_markup ? { reply_markup: options.message.reply_markup } : {}),
    },
  } as CallbackQuery.DataQuery;
  return { callback_query };
}

/** An inline query (`@bot query` typed in any chat). */
export function inlineUpdate(options: { from: User; query: string }): Omit<Update.InlineQueryUpdate, "update_id"> {
  const inline_query: InlineQuery = { id: `iq-${nextIncomingMessageId++}`, from: options.from, query: options.query, offset: "" };
  return { inline_query };
}

/** A message the bot sent, as Telegram shows it (in an API result, or as a reply_to_message). */
function asMessage(stored: StoredMessage, from: User): Message.TextMessage {
  return {
    message_id: stored.message_id,
    date: Math.floor(Date.now() / 1000),
    chat: stored.chat,
    from,
    text: stored.text,
    ...(stored.message_thread_id ? { message_thread_id: stored.message_thread_id, is_topic_message: true } : {}),
  } as Message.TextMessage;
}

/** The message the bot sent, as it appears in a reply_to_message. */
export function botMessage(fake: FakeBotApi, stored: StoredMessage): Message.TextMessage {
  return asMessage(stored, fake.bot);
}
