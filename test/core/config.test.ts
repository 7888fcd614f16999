import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("loadConfig", () => {
  it("gives working defaults with nothing set: terminal only, corpus in faq/", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ faqDir: "faq", logLevel: "info", dataDir: "data", recordText: true, retentionDays: 90, rateLimit: 8, rateLimitWindowMs: 30_000 });
    expect(c.discord).toBeUndefined();
    expect(c.telegram).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it("turns on each channel whose token is set", () => {
    const c = loadConfig({ DISCORD_TOKEN: "abc.def.ghi", TELEGRAM_BOT_TOKEN: "123:xyz", TELEGRAM_API_ROOT: "http://127.0.0.1:8081", DISCORD_GUILD_ID: "123456789012345678" });
    expect(c.discord).toEqual({ token: "abc.def.ghi", apiRoot: undefined, guildId: "123456789012345678" });
    expect(c.telegram).toMatchObject({ token: "123:xyz", apiRoot: "http://127.0.0.1:8081/" });
  });

  it("reads the operations settings: HTTP_PORT, DISCORD_SHARDS, DATABASE_URL", () => {
    expect(loadConfig({}).httpPort).toBeUndefined();
    expect(loadConfig({ HTTP_PORT: "9464" }).httpPort).toBe(9464);
    expect(loadConfig({ DISCORD_TOKEN: "abc", DISCORD_SHARDS: "auto" }).discord!.shards).toBe("auto");
    expect(loadConfig({ DISCORD_TOKEN: "abc", DISCORD_SHARDS: "4" }).discord!.shards).toBe(4);
    expect(loadConfig({ DISCORD_TOKEN: "abc" }).discord!.shards).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: "postgres://bot:pw@db.internal:5432/faqbot" }).databaseUrl).toBe("postgres://bot:pw@db.internal:5432/faqbot");
    // The command-line tools read DATABASE_URL (report reads the shared store) but not the listener's port.
    expect(loadConfig({ DATABASE_URL: "postgresql://db/x", HTTP_PORT: "bad" }, { channels: false })).toMatchObject({ databaseUrl: "postgresql://db/x", httpPort: undefined });
  });

  it("sets up a webhook with its secret and port", () => {
    const c = loadConfig({ TELEGRAM_BOT_TOKEN: "1:a", TELEGRAM_WEBHOOK_URL: "https://bot.example.com/tg/hook", TELEGRAM_WEBHOOK_SECRET: "s3cret_value", TELEGRAM_WEBHOOK_PORT: "9000" });
    expect(c.telegram!.webhook).toEqual({ url: "https://bot.example.com/tg/hook", port: 9000, secret: "s3cret_value", path: "/tg/hook" });
    expect(c.telegram!.webhook!.host).toBeUndefined();
  });

  it("narrows the webhook listener to TELEGRAM_WEBHOOK_HOST", () => {
    const env = { TELEGRAM_BOT_TOKEN: "1:a", TELEGRAM_WEBHOOK_URL: "https://bot.example.com/h", TELEGRAM_WEBHOOK_SECRET: "s3cret_value" };
    expect(loadConfig({ ...env, TELEGRAM_WEBHOOK_HOST: "127.0.0.1" }).telegram!.webhook!.host).toBe("127.0.0.1");
    expect(loadConfig({ ...env, TELEGRAM_WEBHOOK_HOST: "::1" }).telegram!.webhook!.host).toBe("::1");
    expect(() => loadConfig({ ...env, TELEGRAM_WEBHOOK_HOST: "http://0.0.0.0/" })).toThrow(/TELEGRAM_WEBHOOK_HOST must be an address to listen on/);
  });

  it.each([
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL must be one of/],
    [{ TELEGRAM_BOT_TOKEN: "1:a", TELEGRAM_WEBHOOK_URL: "https://x.example/h" }, /TELEGRAM_WEBHOOK_SECRET is required/],
    [{ TELEGRAM_BOT_TOKEN: "1:a", TELEGRAM_WEBHOOK_URL: "http://x.example/h", TELEGRAM_WEBHOOK_SECRET: "abc" }, /must be an https/],
    [{ TELEGRAM_BOT_TOKEN: "1:a", TELEGRAM_WEBHOOK_URL: "not a url", TELEGRAM_WEBHOOK_SECRET: "abc" }, /not a valid http\(s\) URL/],
    [{ DISCORD_TOKEN: "a b" }, /DISCORD_TOKEN contains spaces/],
    [{ DISCORD_TOKEN: "abc", DISCORD_GUILD_ID: "my-server" }, /DISCORD_GUILD_ID must be a server id/],
    [{ RATE_LIMIT: "-1" }, /RATE_LIMIT must be a whole number/],
    [{ RETENTION_DAYS: "soon" }, /RETENTION_DAYS must be a whole number/],
    [{ RECORD_TEXT: "maybe" }, /RECORD_TEXT must be true or false/],
    [{ DATA_SALT: "short" }, /DATA_SALT must be at least 16/],
    [{ HTTP_PORT: "http" }, /HTTP_PORT must be a port number/],
    [{ DISCORD_TOKEN: "abc", DISCORD_SHARDS: "many" }, /DISCORD_SHARDS must be auto or a whole number/],
    [{ DISCORD_TOKEN: "abc", DISCORD_SHARDS: "0" }, /DISCORD_SHARDS must be auto or a whole number/],
    [{ DATABASE_URL: "mysql://db/x" }, /DATABASE_URL must be a PostgreSQL address/],
    [{ DATABASE_URL: "postgres://" }, /DATABASE_URL must be a PostgreSQL address/],
  ])("rejects %j with a message that says how to fix it", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("does not read channel settings for the command-line tools", () => {
    expect(loadConfig({ DISCORD_TOKEN: "a b", TELEGRAM_WEBHOOK_URL: "nope" }, { channels: false }).discord).toBeUndefined();
  });
});
