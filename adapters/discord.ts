// The Discord channel (discord.js): slash commands, mentions in servers and direct messages in; embeds and buttons out.
// Thin: every answer comes from the Conversation, every text from src/messages.ts, every layout from discord-format.ts.
// discord.js keeps the gateway (resume, replay) and the REST rate-limit buckets (429s with headers, global limits);
// replies to messages go through the Outbox, which retries what discord.js leaves to the application (resets, 5xx,
// a 429 without headers) after the server's retry-after, keeps each channel's replies in order, and drains on stop.
import {
  Client,
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  Events,
  GatewayIntentBits,
  Partials,
  RESTEvents,
  Routes,
  ShardClientUtil,
  Status,
  type AutocompleteInteraction,
  type BaseMessageOptions,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type RepliableInteraction,
} from "discord.js";
import type { Conversation } from "../src/conversation.js";
import type { Config } from "../src/config.js";
import { memoryJournal } from "../src/journal.js";
import { message } from "../src/messages.js";
import { Outbox, type DeliveryTuning, type Failure } from "../src/outbox.js";
import type { AnswerLang, LangChoice } from "../src/types.js";
import { TokenRefused, type Adapter, type AdapterDeps } from "./adapter.js";
import {
  COMMANDS,
  LIMITS,
  commandDefinitions,
  formatChoices,
  formatReply,
  formatText,
  formatTopics,
  parseCustomId,
  type DiscordPayload,
} from "./discord-format.js";

/** Knobs for tests and unusual deployments; the defaults suit production. */
export interface DiscordAdapterOptions {
  /** How often discord.js retries a REST call after a network error or a 5xx (its default: 3). Tests use 0. */
  readonly restRetries?: number;
  /** discord.js's cap on REST requests a second (Discord's global limit, its default 50). Tests raise it. */
  readonly restGlobalRequestsPerSecond?: number;
  /** REST request timeout in ms (discord.js default: 15 s). */
  readonly restTimeoutMs?: number;
  /**
   * Extra ms discord.js adds to every rate-limit wait (its `offset`, default 50). discord.js waits out a 429's
   * retry_after itself, on its own timer; tests use 0 so that a retry_after of 0 is retried without any wait.
   */
  readonly restOffsetMs?: number;
  /** How long start() waits for the gateway to become ready (default 30 s). */
  readonly readyTimeoutMs?: number;
  /** How long stop() lets replies in flight finish before disconnecting (default 2.5 s). */
  readonly drainMs?: number;
  /** How the outbox waits before a retry (resolving early on `signal`); tests inject one that does not sleep. */
  readonly pause?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The clock the delivery deadline is measured on. */
  readonly now?: () => number;
  /** Delivery constants to override (see DELIVERY in src/outbox.ts). */
  readonly delivery?: Partial<DeliveryTuning>;
  /** Called when the reply to a message is delivered or given up. For tests. */
  readonly onSettled?: (messageId: string, delivered: boolean) => void;
  /** How long stop() waits for the gateway connection to close (default 2 s). */
  readonly destroyTimeoutMs?: number;
}

const CHANNEL = "discord";
/** Gateway close codes after which discord.js does not reconnect: a refused token, or intents the bot may not use. */
const FATAL_CLOSE = new Map([
  [4004, "authentication failed: DISCORD_TOKEN was refused (reset or revoked?); set the current token from the Developer Portal"],
  [4013, "invalid intents"],
  [4014, "disallowed intents: enable them in the Developer Portal or remove them"],
]);

/** The wait a failed REST call asked for, in ms: its Retry-After header or, for a 429 without one, the body's retry_after. */
const retryAfterOf = new Map<string, number>();
/** A request's method and path without the API root and version: the same for a REST event and an error. */
const requestKey = (method: string, url: string) => `${method.toUpperCase()} ${new URL(url, "http://x").pathname.replace(/^.*?\/v\d+(?=\/)/, "")}`;

/** Why a reply failed, for the outbox: worth another try (and when), or not. */
export function classifyDiscordError(err: unknown): Failure {
  const asked = (e: { method: string; url: string }) => retryAfterOf.get(requestKey(e.method, e.url));
  if (err instanceof RateLimitError) return { retry: true, reason: `429 rate limited (${err.global ? "global" : "route"})`, afterMs: err.retryAfter > 0 ? err.retryAfter : (asked(err) ?? 1000) };
  if (err instanceof HTTPError) return { retry: err.status >= 500, reason: `${err.status} ${err.message}`, ...(asked(err) !== undefined ? { afterMs: asked(err) } : {}), reachable: true } as Failure;
  if (err instanceof DiscordAPIError) {
    const what = `${err.status} ${err.code}: ${err.message.slice(0, 120)}`;
    if (err.status === 429) return { retry: true, reason: what, afterMs: asked(err) ?? 1000 };
    if (err.status >= 500) return { retry: true, reason: what, ...(asked(err) !== undefined ? { afterMs: asked(err) } : {}) };
    return { retry: false, reason: what, reachable: !unreachable(err) };
  }
  if (err instanceof Error && (err.name === "AbortError" || /ECONNRESET|ECONNREFUSED|socket|fetch failed|other side closed/i.test(`${err.message} ${(err as { cause?: { code?: string } }).cause?.code ?? ""}`))) {
    return { retry: true, reason: `connection: ${(err as { cause?: { code?: string } }).cause?.code ?? err.message}` };
  }
  return { retry: false, reason: `unexpected: ${err instanceof Error ? err.message : String(err)}`, reachable: true };
}

/**
 * The REST root discord.js wants: the API root WITHOUT the version, e.g. `https://discord.com/api` (its default);
 * discord.js appends `/v10/...` itself. A trailing slash or a trailing `/v10` in DISCORD_API_ROOT is tolerated.
 */
export function restApiRoot(apiRoot: string | undefined): string | undefined {
  if (!apiRoot) return undefined;
  return apiRoot.trim().replace(/\/+$/, "").replace(/\/v\d+$/, "");
}

/** What is safe to log about an API root: its origin (scheme, host, port), never credentials, path or query. */
export function apiOrigin(apiRoot: string): string {
  try {
    const { origin } = new URL(apiRoot);
    return origin === "null" ? "custom" : origin;
  } catch {
    return "invalid";
  }
}

/** What is safe to log about an error: never the request URL (interaction tokens), headers or body. */
export function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof DiscordAPIError) {
    return { type: "DiscordAPIError", status: err.status, code: err.code, method: err.method, message: err.message.slice(0, 300) };
  }
  if (err instanceof Error) {
    const cause = (err as { cause?: { code?: unknown } }).cause;
    return { type: err.name, message: err.message.slice(0, 300), ...(cause?.code ? { cause: cause.code } : {}) };
  }
  return { type: typeof err, message: String(err).slice(0, 300) };
}

/** Errors after which telling the user in the same place is pointless (no permission, the channel or interaction is gone). */
function unreachable(err: unknown): boolean {
  return (
    err instanceof DiscordAPIError &&
    (err.status === 401 || err.status === 403 || err.status === 404 || [50001, 50007, 50013, 10003, 10008, 10062, 40060].includes(Number(err.code)))
  );
}

/** The question without Discord markup: mentions of users, roles and channels, @everyone/@here, custom emoji. */
export function plainQuestion(content: string): string {
  return content
    .replace(/<(?:@[!&]?|#)\d+>/g, " ")
    .replace(/<a?:\w+:\d+>/g, " ")
    .replace(/@(?:everyone|here)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function toOptions(payload: DiscordPayload): BaseMessageOptions & { flags?: number } {
  return {
    ...(payload.content !== undefined ? { content: payload.content } : {}),
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: { parse: [], repliedUser: false },
    ...(payload.flags !== undefined ? { flags: payload.flags } : {}),
  };
}

export function createDiscordAdapter(settings: NonNullable<Config["discord"]>, deps: AdapterDeps, options: DiscordAdapterOptions = {}): Adapter {
  const conversation: Conversation = deps.conversation;
  const journal = deps.journal ?? memoryJournal();
  const logger = deps.logger.child({ channel: CHANNEL });
  const inflight = new Set<Promise<void>>();
  /** Messages taken for answering whose reply is not yet delivered or given up, with their channel: named if a stop cuts them off. */
  const unsent = new Map<string, string>();
  let client: Client | undefined;
  let stopping = false;
  let stopped: Promise<void> | undefined;
  let refused: TokenRefused | undefined;

  /** The token stopped working while running (gateway close 4004): stop, and let the process exit non-zero (once). */
  const fatal = (why: string) => {
    if (refused) return;
    refused = new TokenRefused(`discord: the gateway closed for good: ${why}`);
    logger.fatal(refused.message);
    deps.fatal?.(refused);
  };

  const outbox = new Outbox({
    logger,
    observer: deps.metrics?.delivery(CHANNEL),
    classify: (err) => {
      // HTTP answers are counted as they arrive (the REST response hook); only failures without one are counted here.
      if (!(err instanceof DiscordAPIError || err instanceof HTTPError || err instanceof RateLimitError)) deps.metrics?.apiError(CHANNEL, "network");
      return classifyDiscordError(err);
    },
    pause: options.pause,
    now: options.now,
    tuning: options.delivery,
  });

  const user = (id: string) => ({ channel: CHANNEL, userId: id });
  /** The language for texts that answer no question: the user's choice, else their Discord client's language. */
  const langFor = (userId: string, locale?: string): AnswerLang => conversation.menuLanguage(user(userId), locale);

  /** The gateway shard a server's events arrive on (direct messages arrive on shard 0). */
  const shardOf = (guildId: string | null) =>
    guildId && client ? ShardClientUtil.shardIdForGuildId(guildId, typeof client.options.shardCount === "number" ? client.options.shardCount : 1) : 0;

  const report = (err: unknown, what: string, context: Record<string, unknown> = {}) => {
    const level = err instanceof DiscordAPIError && (err.status === 403 || Number(err.code) === 50013) ? "warn" : "error";
    logger[level]({ ...context, err: describeError(err) }, what);
  };

  const track = (work: () => Promise<void>, whileStopping = false) => {
    if (stopping && !whileStopping) return;
    const p = work().catch((err) => report(err, "discord: a handler failed"));
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  };

  // ---- Messages: mentions in servers, direct messages -------------------------------------------------------------

  /** Why a message is not for the bot, or undefined when it is (logged at debug, so no message vanishes unseen). */
  const ignoredBecause = (msg: Message): string | undefined => {
    const me = msg.client.user;
    if (msg.author.id === me.id) return "own message";
    if (msg.author.bot) return "from a bot";
    if (msg.system) return "system message";
    if (msg.webhookId) return "from a webhook";
    return undefined;
  };

  const onMessage = async (msg: Message) => {
    const me = msg.client.user;
    const ignored = ignoredBecause(msg);
    if (ignored) return void logger.debug({ message: msg.id, channelId: msg.channelId, why: ignored }, "discord: message ignored");
    const inDm = !msg.inGuild();
    const botRole = msg.inGuild() ? msg.guild.roles.botRoleFor(me) : null;
    const mentionOfMe = `<@!?${me.id}>${botRole ? `|<@&${botRole.id}>` : ""}`;
    const addressed =
      inDm || msg.mentions.users.has(me.id) || (botRole !== null && msg.mentions.roles.has(botRole.id)) || new RegExp(mentionOfMe).test(msg.content);
    if (!addressed) return void logger.debug({ message: msg.id, channelId: msg.channelId, why: "not addressed to the bot" }, "discord: message ignored");
    // The gateway may deliver a message again (a replayed resume); each is answered once.
    const place = outbox.reserve(true)!;
    if (!(await journal.claim(CHANNEL, msg.id, { channelId: msg.channelId }))) {
      place.cancel();
      return void logger.debug({ message: msg.id, why: "seen before" }, "discord: message ignored");
    }
    unsent.set(msg.id, msg.channelId);
    const text = plainQuestion(msg.content.replace(new RegExp(mentionOfMe, "g"), " "));
    let lang = conversation.answerLangFor(user(msg.author.id), text);
    const shard = shardOf(msg.guildId);
    deps.metrics?.shardEvent(shard, "message");
    logger.debug({ message: msg.id, dm: inDm, shard, length: text.length }, "discord: question");
    let payload: ReturnType<typeof toOptions>;
    try {
      const reply = await conversation.ask({ text, userId: msg.author.id, channel: CHANNEL, ref: msg.id });
      lang = reply.answerLang;
      if (reply.kind === "none" && reply.silent) {
        place.cancel();
        unsent.delete(msg.id);
        return void journal.settle(CHANNEL, msg.id, "none");
      }
      payload = toOptions(formatReply(reply, { question: text }));
    } catch (err) {
      report(err, "discord: answering a message failed", { message: msg.id, channelId: msg.channelId });
      payload = toOptions(formatText(message("error", lang)));
    }
    // A nonce Discord enforces: a retry after a reset that came once the message was created makes no second message.
    const nonce = `a${msg.id}`.slice(0, 25);
    place.fill(
      {
        key: `channel:${msg.channelId}`,
        ref: msg.id,
        steps: [{ name: "reply", run: () => msg.reply({ ...payload, failIfNotExists: false, nonce, enforceNonce: true }) }],
        apology: () => msg.reply({ ...toOptions(formatText(message("deliveryFailed", lang))), failIfNotExists: false }),
      },
      (outcome) => {
        unsent.delete(msg.id);
        journal.settle(CHANNEL, msg.id, outcome.delivered ? "delivered" : "failed");
        options.onSettled?.(msg.id, outcome.delivered);
      },
    );
  };

  // ---- Interactions: slash commands, autocomplete, buttons --------------------------------------------------------

  /**
   * Answers an interaction, trying once more at once after a reset or a 5xx (discord.js's own retries are off, and an
   * interaction must be answered within 3 s, too soon for the outbox's backoff). A second try refused as "already
   * acknowledged" means the first went through.
   */
  const respond = async (interaction: RepliableInteraction, payload: Parameters<RepliableInteraction["reply"]>[0]) => {
    try {
      await interaction.reply(payload);
    } catch (err) {
      const failure = classifyDiscordError(err);
      if (!failure.retry || err instanceof RateLimitError || (err instanceof DiscordAPIError && err.status === 429)) throw err;
      logger.warn({ interaction: interaction.id, reason: failure.reason }, "discord: answering an interaction failed, trying once more");
      try {
        await interaction.reply(payload);
      } catch (again) {
        if (again instanceof DiscordAPIError && Number(again.code) === 40060) return;
        throw again;
      }
    }
  };

  const onAutocomplete = async (interaction: AutocompleteInteraction) => {
    const focused = interaction.options.getFocused();
    await interaction.respond(formatChoices(conversation.complete(focused, LIMITS.choices)));
  };

  const onCommand = async (interaction: ChatInputCommandInteraction) => {
    const who = user(interaction.user.id);
    const lang = langFor(interaction.user.id, interaction.locale);
    switch (interaction.commandName) {
      case COMMANDS.ask: {
        const question = plainQuestion(interaction.options.getString(COMMANDS.question, true));
        const reply = await conversation.ask({ text: question, userId: interaction.user.id, channel: CHANNEL });
        // An interaction must be answered: a silenced user still gets the notice, visible only to them.
        if (reply.kind === "none" && reply.silent) {
          await respond(interaction, toOptions(formatText(message("rateLimited", lang), { ephemeral: true })));
          return;
        }
        await respond(interaction, toOptions(formatReply(reply, { question, slash: true })));
        return;
      }
      case COMMANDS.topics:
        await respond(interaction, toOptions(formatTopics(conversation.topics(lang), lang, { ephemeral: true })));
        return;
      case COMMANDS.lang: {
        const choice = interaction.options.getString(COMMANDS.language, true);
        const text = choice === "en" || choice === "hi" || choice === "auto" ? conversation.setLanguage(who, choice as LangChoice) : message("langUsage", lang);
        await respond(interaction, toOptions(formatText(text, { ephemeral: true })));
        return;
      }
      case COMMANDS.help:
        await respond(interaction, 
          toOptions(formatText(`${conversation.help(lang)}\n\n${message("discordHowToAsk", lang)}\n${message("helpCommands", lang)}`, { ephemeral: true })),
        );
        return;
      default:
        await respond(interaction, toOptions(formatText(message("helpCommands", lang), { ephemeral: true })));
    }
  };

  const onButton = async (interaction: ButtonInteraction) => {
    const action = parseCustomId(interaction.customId);
    const userId = interaction.user.id;
    if (!action) {
      await respond(interaction, toOptions(formatText(message("unknownTopic", langFor(userId, interaction.locale)), { ephemeral: true })));
      return;
    }
    // The language the button's message was shown in, unless the presser has chosen one.
    const chosen = conversation.choiceOf(user(userId));
    const lang: AnswerLang = chosen === "auto" ? action.lang : chosen;
    if (action.kind === "feedback") {
      // Only for entries that exist: an old message's entry may be gone, and a custom id can be forged.
      if (!conversation.preview(action.id, lang)) {
        logger.info({ interaction: interaction.id }, "discord: feedback for an entry that does not exist; not recorded");
        await respond(interaction, toOptions(formatText(message("unknownTopic", lang), { ephemeral: true })));
        return;
      }
      const thanks = conversation.feedback({ entryId: action.id, userId, channel: CHANNEL, vote: action.vote }, lang);
      await respond(interaction, toOptions(formatText(thanks, { ephemeral: true })));
      return;
    }
    const reply = conversation.answerById(action.id, { channel: CHANNEL, userId, lang }, action.how);
    // In a server the answer is for the presser only; in a DM everything is.
    await respond(interaction, toOptions(formatReply(reply, { ephemeral: interaction.inGuild() })));
  };

  const onInteraction = async (interaction: Interaction) => {
    const shard = shardOf(interaction.guildId);
    deps.metrics?.shardEvent(shard, "interaction");
    logger.debug({ interaction: interaction.id, type: interaction.type, shard }, "discord: interaction");
    try {
      // With a shared store, a language chosen through another instance counts here too.
      await conversation.refresh(user(interaction.user.id));
      if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else if (interaction.isChatInputCommand()) await onCommand(interaction);
      else if (interaction.isButton()) await onButton(interaction);
    } catch (err) {
      report(err, "discord: handling an interaction failed", { interaction: interaction.id, type: interaction.type, shard });
      if (!interaction.isRepliable() || unreachable(err)) return;
      await tellError(interaction).catch((e: unknown) => report(e, "discord: telling the user about an error failed", { interaction: interaction.id }));
    }
  };

  const tellError = async (interaction: RepliableInteraction) => {
    const payload = toOptions(formatText(message("error", langFor(interaction.user.id, interaction.locale)), { ephemeral: true }));
    if (interaction.replied || interaction.deferred) await interaction.followUp(payload);
    else await interaction.reply(payload);
  };

  // ---- Life cycle ---------------------------------------------------------------------------------------------------

  const registerCommands = async (c: Client<true>) => {
    const appId = c.application.id;
    const route = settings.guildId ? Routes.applicationGuildCommands(appId, settings.guildId) : Routes.applicationCommands(appId);
    try {
      await c.rest.put(route, { body: commandDefinitions({ global: !settings.guildId }) });
      logger.info({ scope: settings.guildId ? "guild" : "global", guildId: settings.guildId }, "discord: slash commands registered");
    } catch (err) {
      // Mentions and DMs still work without slash commands: log and carry on.
      report(err, "discord: registering slash commands failed", { guildId: settings.guildId });
    }
  };

  /** Per shard reconnecting, the events and messages received since its connection closed: what a resume replays. */
  const replaying = new Map<number, { events: number; messages: number }>();

  const watch = (c: Client) => {
    // A message arriving while stopping is still answered if the drain has time (it is logged if not).
    c.on(Events.MessageCreate, (msg) => track(() => onMessage(msg), true));
    c.on(Events.InteractionCreate, (interaction) => track(() => onInteraction(interaction)));
    c.on(Events.Error, (err) => report(err, "discord: client error"));
    // discord.js drops a message in a guild channel or thread it has not cached without an event: say so at debug.
    c.on(Events.Raw, (packet: { t?: string; d?: { id?: string; channel_id?: string; guild_id?: string } }, shard: number) => {
      // Between a closed connection and RESUMED, every event that arrives is one the gateway replayed (READY instead of
      // RESUMED: a new session, nothing replayed). Counted here, in arrival order: a shard's status is no guide, since
      // @discordjs/ws handles a burst of frames concurrently and marks the shard resumed before the replay is emitted.
      const got = replaying.get(shard);
      if (got && packet.t === "READY") replaying.delete(shard);
      else if (got && packet.t !== "RESUMED") {
        got.events++;
        if (packet.t === "MESSAGE_CREATE") got.messages++;
      }
      if (packet.t === "MESSAGE_CREATE" && packet.d?.guild_id && packet.d.channel_id && !c.channels.cache.has(packet.d.channel_id)) {
        logger.debug({ message: packet.d.id, channelId: packet.d.channel_id, why: "channel or thread not cached" }, "discord: message ignored");
      }
    });
    c.on(Events.Warn, (warning) => logger.warn({ warning }, "discord: warning"));
    c.on(Events.ShardError, (err, shard) => {
      deps.metrics?.apiError(CHANNEL, "gateway");
      report(err, "discord: gateway connection error", { shard });
    });
    c.on(Events.ShardReconnecting, (shard) => {
      replaying.set(shard, { events: 0, messages: 0 });
      if (!stopping) logger.info({ shard }, "discord: gateway reconnecting");
    });
    c.on(Events.ShardReady, (shard) => logger.info({ shard }, "discord: shard ready"));
    // discord.js's own count for a resume is how far the sequence number moved, which counts RESUMED itself: the log
    // gives instead the events that actually arrived before RESUMED (counted on Raw, above).
    c.on(Events.ShardResume, (shard) => {
      const got = replaying.get(shard) ?? { events: 0, messages: 0 };
      replaying.delete(shard);
      logger.info({ shard, replayed: got.events, replayedMessages: got.messages }, "discord: gateway resumed");
    });
    c.on(Events.ShardDisconnect, (event, shard) => {
      if (stopping) return;
      const why = FATAL_CLOSE.get(event.code);
      if (why) fatal(`${event.code} ${why}`);
      else logger.error({ shard, code: event.code }, "discord: gateway closed for good (check the token and intents)");
    });
    // discord.js's debug lines include a half-censored token at login: drop anything mentioning tokens.
    c.on(Events.Debug, (line) => {
      if (!/token/i.test(line)) logger.trace({ debug: line }, "discord.js");
    });
    // A known limit: discord.js holds the request until the bucket resets (other routes carry on meanwhile).
    // The scope only for a route limit: a global limit has none of its own.
    c.rest.on(RESTEvents.RateLimited, (info) =>
      logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global, ...(info.global ? {} : { scope: info.scope }) }, "discord: rate limited, waiting"),
    );
    // A 429 or 5xx: what the server asked to wait (header, else a 429's body) is kept for the outbox's retry.
    // Only the route is logged (paths hold interaction tokens).
    c.rest.on(RESTEvents.Response, (request, response) => {
      if (response.status >= 400) deps.metrics?.apiError(CHANNEL, response.status);
      if (response.status !== 429 && response.status < 500) return;
      const key = requestKey(String(request.method), request.path);
      // This answer's own wait only: an earlier answer's on the same route must not stand in for it.
      retryAfterOf.delete(key);
      const header = Number(response.headers.get("retry-after"));
      if (header > 0) retryAfterOf.set(key, header * 1000);
      if (retryAfterOf.size > 1000) retryAfterOf.delete(retryAfterOf.keys().next().value!);
      const what = { method: request.method, route: request.route, status: response.status };
      if (response.status !== 429) {
        logger.warn({ ...what, retryAfterMs: retryAfterOf.get(key) ?? null }, "discord: server error, retrying after retry-after");
        return;
      }
      // Whether the limit is global is in a header (and, for a 429 without headers, in its body); a route limit's scope
      // (user, or shared by everyone using the resource) is in a header. A global limit has no scope of a route.
      const log = (body: { global?: unknown } | null) => {
        const global = response.headers.has("x-ratelimit-global") || body?.global === true;
        const scope = response.headers.get("x-ratelimit-scope");
        logger.warn(
          { ...what, retryAfterMs: retryAfterOf.get(key) ?? null, global, ...(!global && scope ? { scope } : {}) },
          "discord: rate limited (429), retrying after retry-after",
        );
      };
      // With the headers, logged at once: before discord.js's own wait and its log line.
      if (header > 0) return log(null);
      bodies.set(
        key,
        response
          .json()
          .then(
            (b) => b as { retry_after?: unknown; global?: unknown } | null,
            () => null,
          )
          .then((body) => {
            const after = Number(body?.retry_after);
            if (after > 0) retryAfterOf.set(key, after * 1000);
            log(body);
          }),
      );
    });
  };

  /** Bodies of 429s without a Retry-After header, being read: the retry waits for their retry_after. */
  const bodies = new Map<string, Promise<void>>();
  /**
   * A 429 without headers: discord.js would retry it at once. Thrown instead (as a RateLimitError), once its body's
   * retry_after is read, for the outbox to wait that long. A 429 with headers is discord.js's to wait out.
   */
  const rejectOnRateLimit = async (data: { retryAfter: number; method: string; url: string }) => {
    if (data.retryAfter > 0) return false;
    const key = requestKey(data.method, data.url);
    await bodies.get(key);
    bodies.delete(key);
    return true;
  };

  let abortStart: ((reason: Error) => void) | undefined;
  const waitReady = (c: Client, ms: number) =>
    new Promise<Client<true>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Discord did not become ready within ${ms} ms`)), ms);
      timer.unref();
      abortStart = (reason) => {
        clearTimeout(timer);
        reject(reason);
      };
      c.once(Events.ClientReady, (ready) => {
        clearTimeout(timer);
        resolve(ready);
      });
    });

  const timeout = (ms: number) =>
    new Promise<void>((resolve) => {
      setTimeout(resolve, ms).unref();
    });

  return {
    name: CHANNEL,
    health() {
      if (stopping) return { ok: false, reason: "discord: stopping" };
      if (!client?.isReady()) return { ok: false, reason: "discord: not connected to the gateway" };
      const notReady = client.ws.shards.filter((s) => s.status !== Status.Ready).map((s) => s.id);
      return notReady.length ? { ok: false, reason: `discord: shard ${notReady.join(", ")} not connected` } : { ok: true };
    },
    async start() {
      if (stopping) throw new Error("discord: the adapter was stopped");
      const api = restApiRoot(settings.apiRoot);
      const c = new Client({
        intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
        partials: [Partials.Channel],
        // DISCORD_SHARDS: discord.js's internal sharding, every shard in this process ("auto": as many as Discord recommends).
        ...(settings.shards === "auto"
          ? { shards: "auto" as const }
          : settings.shards && settings.shards > 1
            ? { shards: Array.from({ length: settings.shards }, (_, i) => i), shardCount: settings.shards }
            : {}),
        allowedMentions: { parse: [], repliedUser: false },
        failIfNotExists: false,
        rest: {
          ...(api ? { api } : {}),
          // discord.js retries resets and 5xx at once, ignoring Retry-After: the outbox retries replies instead.
          retries: options.restRetries ?? 0,
          rejectOnRateLimit,
          ...(options.restTimeoutMs !== undefined ? { timeout: options.restTimeoutMs } : {}),
          ...(options.restGlobalRequestsPerSecond !== undefined ? { globalRequestsPerSecond: options.restGlobalRequestsPerSecond } : {}),
          ...(options.restOffsetMs !== undefined ? { offset: options.restOffsetMs } : {}),
        },
      });
      client = c;
      watch(c);
      const ready = waitReady(c, options.readyTimeoutMs ?? 30_000);
      ready.catch(() => undefined); // observed below; avoids an unhandled rejection when login fails first
      try {
        const login = c.login(settings.token);
        login.catch(() => undefined); // observed by the race; a late failure after a stop must not go unhandled
        await Promise.race([login, ready]); // ready rejects on a stop() or the ready timeout, even mid-login
        await login;
        const readyClient = await ready;
        logger.info(
          { bot: readyClient.user.id, guilds: readyClient.guilds.cache.size, shards: readyClient.ws.shards.size, api: api ? apiOrigin(api) : "default" },
          "discord: connected",
        );
        // Under a ShardingManager every shard process gets here: the commands are the application's, registered once.
        if (!readyClient.shard || readyClient.shard.ids.includes(0)) await registerCommands(readyClient);
      } catch (err) {
        await c.destroy().catch(() => undefined);
        const { message: why, cause } = describeError(err);
        if ((err as { code?: string }).code === "TokenInvalid" || (err instanceof DiscordAPIError && err.status === 401) || refused) {
          throw new TokenRefused("DISCORD_TOKEN was refused by Discord (401 Unauthorized): copy the bot token again from the Developer Portal");
        }
        throw new Error(`discord: could not connect: ${String(why)}${cause ? ` (${String(cause)})` : ""}`);
      }
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        abortStart?.(new Error("stopped while connecting"));
        logger.info({ queued: outbox.size }, "discord: stopping");
        // Replies finish within the budget (waits that would end later are abandoned, and logged).
        const drainMs = options.drainMs ?? 2500;
        await outbox.drain(drainMs);
        if (inflight.size > 0) await Promise.race([Promise.allSettled([...inflight]), timeout(drainMs)]);
        // Unlike Telegram, Discord never delivers a message again: whatever is cut off here is named, message by message.
        if (unsent.size > 0) {
          logger.warn(
            { messages: [...unsent].map(([message, channelId]) => ({ message, channelId })) },
            "discord: stopping before these messages' replies were sent; they may go unanswered (Discord does not deliver them again)",
          );
        }
        if (client) {
          await Promise.race([client.destroy().catch((err: unknown) => report(err, "discord: disconnecting failed")), timeout(options.destroyTimeoutMs ?? 2000)]);
        }
        logger.info("discord: stopped");
      })();
      return stopped;
    },
  };
}
