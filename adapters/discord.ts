// The Discord channel (discord.js): slash commands, mentions in servers and direct messages in; embeds and buttons out.
// Thin: every answer comes from the Conversation, every text from src/messages.ts, every layout from discord-format.ts.
import {
  Client,
  DiscordAPIError,
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
import { message } from "../src/messages.js";
import type { AnswerLang, LangChoice } from "../src/types.js";
import type { Adapter, AdapterDeps } from "./adapter.js";
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
  /** REST request timeout in ms (discord.js default: 15 s). */
  readonly restTimeoutMs?: number;
  /**
   * Extra ms discord.js adds to every rate-limit wait (its `offset`, default 50). discord.js waits out a 429's
   * retry_after itself, on its own timer; tests use 0 so that a retry_after of 0 is retried without any wait.
   */
  readonly restOffsetMs?: number;
  /** How long start() waits for the gateway to become ready (default 30 s). */
  readonly readyTimeoutMs?: number;
  /** How long stop() lets replies in flight finish before disconnecting (default 2 s). */
  readonly drainMs?: number;
  /** How long stop() waits for the gateway connection to close (default 2 s). */
  readonly destroyTimeoutMs?: number;
}

const CHANNEL = "discord";

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
  const logger = deps.logger.child({ channel: CHANNEL });
  const inflight = new Set<Promise<void>>();
  let client: Client | undefined;
  let stopping = false;
  let stopped: Promise<void> | undefined;

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

  const track = (work: () => Promise<void>) => {
    if (stopping) return;
    const p = work().catch((err) => report(err, "discord: a handler failed"));
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  };

  // ---- Messages: mentions in servers, direct messages -------------------------------------------------------------

  const onMessage = async (msg: Message) => {
    const me = msg.client.user;
    if (msg.author.bot || msg.system || msg.webhookId || msg.author.id === me.id) return;
    const inDm = !msg.inGuild();
    const botRole = msg.inGuild() ? msg.guild.roles.botRoleFor(me) : null;
    const mentionOfMe = `<@!?${me.id}>${botRole ? `|<@&${botRole.id}>` : ""}`;
    const addressed =
      inDm || msg.mentions.users.has(me.id) || (botRole !== null && msg.mentions.roles.has(botRole.id)) || new RegExp(mentionOfMe).test(msg.content);
    if (!addressed) return;
    const text = plainQuestion(msg.content.replace(new RegExp(mentionOfMe, "g"), " "));
    let lang = conversation.answerLangFor(user(msg.author.id), text);
    const shard = shardOf(msg.guildId);
    deps.metrics?.shardEvent(shard, "message");
    logger.debug({ message: msg.id, dm: inDm, shard, length: text.length }, "discord: question");
    try {
      const reply = await conversation.ask({ text, userId: msg.author.id, channel: CHANNEL });
      if (reply.kind === "none" && reply.silent) return;
      lang = reply.answerLang;
      await msg.reply({ ...toOptions(formatReply(reply, { question: text })), failIfNotExists: false });
    } catch (err) {
      report(err, unreachable(err) ? "discord: cannot reply in this channel (missing permissions?)" : "discord: answering a message failed", {
        message: msg.id,
        channelId: msg.channelId,
      });
      if (unreachable(err)) return;
      await msg
        .reply({ ...toOptions(formatText(message("error", lang))), failIfNotExists: false })
        .catch((e: unknown) => report(e, "discord: telling the user about an error failed", { message: msg.id }));
    }
  };

  // ---- Interactions: slash commands, autocomplete, buttons --------------------------------------------------------

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
          await interaction.reply(toOptions(formatText(message("rateLimited", lang), { ephemeral: true })));
          return;
        }
        await interaction.reply(toOptions(formatReply(reply, { question, slash: true })));
        return;
      }
      case COMMANDS.topics:
        await interaction.reply(toOptions(formatTopics(conversation.topics(lang), lang, { ephemeral: true })));
        return;
      case COMMANDS.lang: {
        const choice = interaction.options.getString(COMMANDS.language, true);
        const text = choice === "en" || choice === "hi" || choice === "auto" ? conversation.setLanguage(who, choice as LangChoice) : message("langUsage", lang);
        await interaction.reply(toOptions(formatText(text, { ephemeral: true })));
        return;
      }
      case COMMANDS.help:
        await interaction.reply(
          toOptions(formatText(`${conversation.help(lang)}\n\n${message("discordHowToAsk", lang)}\n${message("helpCommands", lang)}`, { ephemeral: true })),
        );
        return;
      default:
        await interaction.reply(toOptions(formatText(message("helpCommands", lang), { ephemeral: true })));
    }
  };

  const onButton = async (interaction: ButtonInteraction) => {
    const action = parseCustomId(interaction.customId);
    const userId = interaction.user.id;
    if (!action) {
      await interaction.reply(toOptions(formatText(message("unknownTopic", langFor(userId, interaction.locale)), { ephemeral: true })));
      return;
    }
    // The language the button's message was shown in, unless the presser has chosen one.
    const chosen = conversation.choiceOf(user(userId));
    const lang: AnswerLang = chosen === "auto" ? action.lang : chosen;
    if (action.kind === "feedback") {
      const thanks = conversation.feedback({ entryId: action.id, userId, channel: CHANNEL, vote: action.vote }, lang);
      await interaction.reply(toOptions(formatText(thanks, { ephemeral: true })));
      return;
    }
    const reply = conversation.answerById(action.id, { channel: CHANNEL, userId, lang }, action.how);
    // In a server the answer is for the presser only; in a DM everything is.
    await interaction.reply(toOptions(formatReply(reply, { ephemeral: interaction.inGuild() })));
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

  const watch = (c: Client) => {
    c.on(Events.MessageCreate, (msg) => track(() => onMessage(msg)));
    c.on(Events.InteractionCreate, (interaction) => track(() => onInteraction(interaction)));
    c.on(Events.Error, (err) => report(err, "discord: client error"));
    c.on(Events.Warn, (warning) => logger.warn({ warning }, "discord: warning"));
    c.on(Events.ShardError, (err, shard) => {
      deps.metrics?.apiError(CHANNEL, "gateway");
      report(err, "discord: gateway connection error", { shard });
    });
    c.on(Events.ShardReconnecting, (shard) => {
      if (!stopping) logger.info({ shard }, "discord: gateway reconnecting");
    });
    c.on(Events.ShardReady, (shard) => logger.info({ shard }, "discord: shard ready"));
    c.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, "discord: gateway resumed"));
    c.on(Events.ShardDisconnect, (event, shard) => {
      if (!stopping) logger.error({ shard, code: event.code }, "discord: gateway closed for good (check the token and intents)");
    });
    // discord.js's debug lines include a half-censored token at login: drop anything mentioning tokens.
    c.on(Events.Debug, (line) => {
      if (!/token/i.test(line)) logger.trace({ debug: line }, "discord.js");
    });
    // A known limit: discord.js holds the request until the bucket resets (other routes carry on meanwhile).
    c.rest.on(RESTEvents.RateLimited, (info) =>
      logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global, scope: info.scope }, "discord: rate limited, waiting"),
    );
    // An unexpected 429: discord.js waits retry_after and retries by itself. Only the route is logged (paths hold interaction tokens).
    c.rest.on(RESTEvents.Response, (request, response) => {
      if (response.status >= 400) deps.metrics?.apiError(CHANNEL, response.status);
      if (response.status === 429) {
        logger.warn({ method: request.method, route: request.route, retryAfter: response.headers.get("retry-after") }, "discord: rate limited (429), retrying after retry_after");
      }
    });
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
          ...(options.restRetries !== undefined ? { retries: options.restRetries } : {}),
          ...(options.restTimeoutMs !== undefined ? { timeout: options.restTimeoutMs } : {}),
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
        throw new Error(`discord: could not connect: ${String(why)}${cause ? ` (${String(cause)})` : ""}`);
      }
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        abortStart?.(new Error("stopped while connecting"));
        if (inflight.size > 0) await Promise.race([Promise.allSettled([...inflight]), timeout(options.drainMs ?? 2000)]);
        if (client) {
          await Promise.race([client.destroy().catch((err: unknown) => report(err, "discord: disconnecting failed")), timeout(options.destroyTimeoutMs ?? 2000)]);
        }
        logger.info("discord: stopped");
      })();
      return stopped;
    },
  };
}
