// Reads every setting once from an environment map into a typed, frozen object, or fails with one clear line.

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
const LOG_LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export interface Config {
  readonly faqDir: string;
  readonly logLevel: LogLevel;
  /** Where the learning loop's database (bot.db) and generated salt live. */
  readonly dataDir: string;
  /** Salt for user hashes; generated once and kept beside the database when not set. */
  readonly dataSalt?: string;
  /** Keep the text of unanswered and low-confidence questions. */
  readonly recordText: boolean;
  readonly retentionDays: number;
  /** Questions per user per window; 0 turns the limit off. */
  readonly rateLimit: number;
  readonly rateLimitWindowMs: number;
  /**
   * DATABASE_URL: a postgres:// address selects the shared PostgreSQL store (records, rate limits, language choices)
   * for several instances; absent, the embedded SQLite database in DATA_DIR.
   */
  readonly databaseUrl?: string;
  /** Port of the /healthz and /metrics listener (HTTP_PORT); off when absent. 0 picks a free port (it is logged). */
  readonly httpPort?: number;
  readonly discord?: {
    readonly token: string;
    readonly apiRoot?: string;
    readonly guildId?: string;
    /** Gateway shards (DISCORD_SHARDS): a count, or `auto` for the number Discord recommends; one when absent. */
    readonly shards?: number | "auto";
    /** DISCORD_SHARDING: `internal` (default; every shard in this process) or `process` (ShardingManager, one process per shard). */
    readonly sharding?: "internal" | "process";
  };
  readonly telegram?: {
    readonly token: string;
    readonly apiRoot?: string;
    readonly webhook?: {
      readonly url: string;
      readonly port: number;
      /** The interface the webhook server listens on (TELEGRAM_WEBHOOK_HOST); all of them when absent. */
      readonly host?: string;
      readonly secret: string;
      readonly path: string;
    };
  };
}

/** A setting is wrong; the message says which and how to fix it. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

function url(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  try {
    const u = new URL(value.trim());
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("protocol");
    return u.toString();
  } catch {
    throw new ConfigError(`${name} is not a valid http(s) URL: set it to an address such as https://example.com/ or remove it`);
  }
}

function port(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be a port number from 0 to 65535, not "${value}"`);
  return n;
}

/** A listening address: an IPv4 or IPv6 address or a host name such as localhost; undefined for all interfaces. */
function host(name: string, value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (!/^(?:[0-9A-Fa-f:.]+|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)$/.test(v)) {
    throw new ConfigError(`${name} must be an address to listen on, such as 127.0.0.1, ::1 or localhost, not "${value}"`);
  }
  return v;
}

function token(name: string, value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/\s/.test(v)) throw new ConfigError(`${name} contains spaces: paste the token exactly as the platform shows it`);
  return v;
}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

function boolean(name: string, value: string | undefined, fallback: boolean): boolean {
  const v = value?.trim().toLowerCase();
  if (!v) return fallback;
  if (["true", "1", "yes", "on"].includes(v)) return true;
  if (["false", "0", "no", "off"].includes(v)) return false;
  throw new ConfigError(`${name} must be true or false, not "${value}"`);
}

/**
 * Builds the configuration from `env` (usually `process.env`); throws ConfigError on an invalid setting.
 * With `channels: false` (the command-line tools) the channel settings are neither read nor checked.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, options: { channels?: boolean } = {}): Config {
  const channels = options.channels ?? true;
  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, not "${env.LOG_LEVEL}"`);
  }
  const discordToken = channels ? token("DISCORD_TOKEN", env.DISCORD_TOKEN) : undefined;
  const telegramToken = channels ? token("TELEGRAM_BOT_TOKEN", env.TELEGRAM_BOT_TOKEN) : undefined;
  const guildId = (channels && env.DISCORD_GUILD_ID?.trim()) || undefined;
  if (guildId !== undefined && !/^\d{5,25}$/.test(guildId)) {
    throw new ConfigError(`DISCORD_GUILD_ID must be a server id (digits only), not "${guildId}"`);
  }
  const webhookUrl = telegramToken ? url("TELEGRAM_WEBHOOK_URL", env.TELEGRAM_WEBHOOK_URL) : undefined;
  // Telegram's servers call webhooks over HTTPS only (an http address would fail later, at setWebhook);
  // a self-hosted Bot API server (TELEGRAM_API_ROOT) may call plain http.
  if (webhookUrl && !webhookUrl.startsWith("https:") && !env.TELEGRAM_API_ROOT?.trim()) {
    throw new ConfigError("TELEGRAM_WEBHOOK_URL must be an https:// address: Telegram only calls webhooks over HTTPS");
  }
  let webhook: NonNullable<Config["telegram"]>["webhook"];
  if (webhookUrl) {
    const secret = env.TELEGRAM_WEBHOOK_SECRET?.trim() ?? "";
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
      throw new ConfigError("TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL: 1-256 characters of A-Z, a-z, 0-9, _ and -");
    }
    webhook = {
      url: webhookUrl,
      port: port("TELEGRAM_WEBHOOK_PORT", env.TELEGRAM_WEBHOOK_PORT, 8443),
      host: host("TELEGRAM_WEBHOOK_HOST", env.TELEGRAM_WEBHOOK_HOST),
      secret,
      path: new URL(webhookUrl).pathname,
    };
  }
  const shardsSetting = discordToken ? env.DISCORD_SHARDS?.trim().toLowerCase() : undefined;
  let shards: number | "auto" | undefined;
  if (shardsSetting === "auto") shards = "auto";
  else if (shardsSetting) {
    shards = /^\d+$/.test(shardsSetting) ? Number(shardsSetting) : NaN;
    if (!(shards >= 1 && shards <= 10000)) throw new ConfigError(`DISCORD_SHARDS must be auto or a whole number from 1 to 10000, not "${env.DISCORD_SHARDS}"`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined) {
    let ok = false;
    try {
      const u = new URL(databaseUrl);
      ok = (u.protocol === "postgres:" || u.protocol === "postgresql:") && (u.hostname !== "" || u.searchParams.has("host"));
    } catch {
      ok = false;
    }
    if (!ok) throw new ConfigError("DATABASE_URL must be a PostgreSQL address such as postgres://user:password@host:5432/dbname, or empty for the embedded SQLite database");
  }
  const shardingSetting = discordToken ? env.DISCORD_SHARDING?.trim().toLowerCase() || undefined : undefined;
  if (shardingSetting !== undefined && shardingSetting !== "internal" && shardingSetting !== "process") {
    throw new ConfigError(`DISCORD_SHARDING must be internal (every shard in this process) or process (one process per shard), not "${env.DISCORD_SHARDING}"`);
  }
  const sharding = shardingSetting as "internal" | "process" | undefined;
  const dataSalt = env.DATA_SALT?.trim() || undefined;
  if (dataSalt !== undefined && dataSalt.length < 16) throw new ConfigError("DATA_SALT must be at least 16 characters (or leave it unset to have one generated)");
  const config: Config = {
    faqDir: env.FAQ_DIR?.trim() || "faq",
    logLevel,
    dataDir: env.DATA_DIR?.trim() || "data",
    dataSalt,
    recordText: boolean("RECORD_TEXT", env.RECORD_TEXT, true),
    retentionDays: integer("RETENTION_DAYS", env.RETENTION_DAYS, 90, 1, 36500),
    rateLimit: integer("RATE_LIMIT", env.RATE_LIMIT, 8, 0, 10000),
    rateLimitWindowMs: integer("RATE_LIMIT_WINDOW_SECONDS", env.RATE_LIMIT_WINDOW_SECONDS, 30, 1, 86400) * 1000,
    databaseUrl,
    httpPort: channels && env.HTTP_PORT?.trim() ? port("HTTP_PORT", env.HTTP_PORT, 0) : undefined,
    discord: discordToken
      ? { token: discordToken, apiRoot: url("DISCORD_API_ROOT", env.DISCORD_API_ROOT), guildId, ...(shards !== undefined ? { shards } : {}), ...(sharding ? { sharding } : {}) }
      : undefined,
    telegram: telegramToken
      ? { token: telegramToken, apiRoot: url("TELEGRAM_API_ROOT", env.TELEGRAM_API_ROOT), webhook }
      : undefined,
  };
  return Object.freeze(config);
}
