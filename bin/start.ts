// `npm start`: runs every channel whose token is configured, or the terminal chat when none is.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TokenRefused, type Adapter } from "../adapters/adapter.js";
import { createTerminalAdapter } from "../adapters/terminal.js";
import { Conversation } from "../src/conversation.js";
import { formatProblem } from "../src/corpus.js";
import { createChatLogger, createLogger } from "../src/log.js";
import { Matcher } from "../src/match.js";
import { Metrics } from "../src/metrics.js";
import { startOpsServer, type OpsServer } from "../src/ops-server.js";
import { RateLimiter } from "../src/ratelimit.js";
import { createRecorder } from "../src/recorder.js";
import { PostgresStore } from "../src/store/postgres.js";
import { loadOrCreateSalt } from "../src/store/salt.js";
import { withHashedUsers } from "../src/store/shared.js";
import { SqliteStore } from "../src/store/sqlite.js";
import type { Store } from "../src/store/store.js";
import { watchCorpus } from "../src/watch.js";
import { configFromEnv, corpusOrExit, fail } from "./env.js";

const DAY_MS = 86_400_000;

const settings = configFromEnv();
// Started by discord.js's ShardingManager (DISCORD_SHARDING=process): this process is one Discord shard, nothing else.
// discord.js tells the client its shard through the environment; the manager serves health, metrics and Telegram.
const shardProcess = process.env.SHARDING_MANAGER === "true" && typeof process.send === "function" && !!settings.discord;
const config = shardProcess
  ? Object.freeze({ ...settings, telegram: undefined, httpPort: undefined, discord: { ...settings.discord!, shards: undefined, sharding: undefined } })
  : settings;
// With DATABASE_URL, every instance shares one PostgreSQL store: records, rate limits, language choices, and the salt
// users are hashed with (kept in the database, so that all instances hash alike). Otherwise SQLite in DATA_DIR.
const database = config.databaseUrl;
const shared = database ? new PostgresStore(database) : undefined;
let salt: string;
if (shared) {
  try {
    salt = config.dataSalt ?? (await shared.salt(randomBytes(32).toString("hex")));
  } catch (err) {
    process.stderr.write(`DATABASE_URL: cannot use the PostgreSQL database (${(err as Error).message}): check the address, that the server runs and the user may create tables\n`);
    await shared.close();
    process.exit(1);
  }
} else {
  try {
    salt = loadOrCreateSalt(config.dataDir, config.dataSalt);
  } catch (err) {
    fail(`DATA_DIR "${config.dataDir}" cannot be used (${(err as Error).message}): point it at a writable folder`);
  }
}
const databasePassword = database ? decodeURIComponent(new URL(database).password) : undefined;
const secrets = [config.discord?.token, config.telegram?.token, config.telegram?.webhook?.secret, salt, database, databasePassword].filter((s): s is string => !!s);
// The interactive terminal chat keeps its screen for the conversation: its logs go to a file (warnings still show).
const chatOnScreen = !config.telegram && !config.discord && Boolean(process.stdin.isTTY);
const logFile = join(config.dataDir, "bot.log");
const rootLogger = chatOnScreen ? createChatLogger(config.logLevel, logFile, secrets) : createLogger(config.logLevel, 2, secrets);
const logger = shardProcess ? rootLogger.child({ shardProcess: Number(process.env.SHARDS) }) : rootLogger;

// Metrics are collected only when someone can read them (HTTP_PORT is set).
let metrics: Metrics | undefined;
let matcher = new Matcher(corpusOrExit(config.faqDir));
const watcher = watchCorpus(config.faqDir, {
  onCorpus: (corpus) => {
    matcher = new Matcher(corpus);
    metrics?.corpus(corpus.entries.length);
    metrics?.reload("ok");
    logger.info({ entries: corpus.entries.length }, "corpus reloaded");
  },
  onProblems: (problems) => {
    metrics?.reload("refused");
    logger.error({ problems: problems.map(formatProblem) }, "corpus change rejected; the previous corpus keeps serving");
  },
});

const recorder = createRecorder({
  open: (): Store => (database ? new PostgresStore(database) : new SqliteStore(join(config.dataDir, "bot.db"))),
  salt,
  recordText: config.recordText,
  logger,
});
let sharedFailedAt = -Infinity;
const conversation = new Conversation({
  matcher: () => matcher,
  rateLimiter: new RateLimiter({ limit: config.rateLimit, windowMs: config.rateLimitWindowMs }),
  shared: shared ? withHashedUsers(shared, salt) : undefined,
  events: {
    sharedFailed: (err) => {
      // At most once a minute: an outage must not flood the log.
      if (Date.now() - sharedFailedAt < 60_000) return;
      sharedFailedAt = Date.now();
      logger.warn({ err: { message: (err as Error)?.message, code: (err as { code?: string })?.code } }, "shared store failed: this instance answers with its own rate limit and remembered languages meanwhile");
    },
    answered: recorder.answered,
    replied: (msg, reply, matchSeconds) => metrics?.question(msg.channel, reply, matchSeconds),
    chose: recorder.chose,
    feedback: (f) => {
      logger.info({ feedback: { entry: f.entryId, channel: f.channel, vote: f.vote } }, "feedback");
      recorder.feedback?.(f);
    },
  },
});
const applyRetention = async () => {
  const removed = await recorder.prune(config.retentionDays);
  if (removed > 0) logger.info({ removed, days: config.retentionDays }, "old records deleted");
};
await applyRetention();
setInterval(() => void applyRetention(), DAY_MS).unref();

if (config.httpPort !== undefined || shardProcess) {
  metrics = new Metrics({ backlog: () => recorder.backlog() });
  metrics.corpus(matcher.corpus.entries.length);
}
if (shardProcess) {
  // The manager gathers each shard process's metrics into its own /metrics.
  const m = metrics!;
  process.on("message", (msg: { faqbot?: string; id?: string }) => {
    if (msg?.faqbot === "metrics") void m.json().then((json) => process.send?.({ faqbot: "metrics", id: msg.id, metrics: json }));
  });
}
// The recorder keeps the delivery journal too, in the same store: every update answered once across restarts.
const deps = {
  conversation,
  logger,
  metrics,
  journal: recorder,
  // A token refused while running: say so in one line and exit non-zero, so a service manager alerts.
  fatal: (err: TokenRefused) => {
    process.stderr.write(`${err.message}\n`);
    void shutdown("token refused", 2);
  },
};
const adapters: Adapter[] = [];
let terminalDone: Promise<void> | undefined;
if (config.telegram) {
  const { createTelegramAdapter } = await import("../adapters/telegram.js");
  adapters.push(createTelegramAdapter(config.telegram, deps));
}
if (config.discord?.sharding === "process") {
  const { createDiscordShardManager } = await import("../adapters/discord-shards.js");
  const manager = createDiscordShardManager(config.discord, deps, { script: fileURLToPath(import.meta.url) });
  metrics?.addSource(() => manager.shardMetrics());
  adapters.push(manager);
} else if (config.discord) {
  const { createDiscordAdapter } = await import("../adapters/discord.js");
  adapters.push(createDiscordAdapter(config.discord, deps));
}
if (adapters.length === 0) {
  const terminal = createTerminalAdapter({ input: process.stdin, output: process.stdout }, deps);
  terminalDone = terminal.done;
  adapters.push(terminal);
}

let stopping = false;
let started = false;
/** Ready when every configured channel is connected (the corpus is loaded before anything starts). */
function health() {
  if (stopping) return { ok: false, reasons: ["stopping"] };
  if (!started) return { ok: false, reasons: ["channels starting"] };
  const reasons = adapters.flatMap((a) => {
    const h = a.health?.() ?? { ok: true };
    return h.ok ? [] : [h.reason ?? `${a.name}: not connected`];
  });
  return { ok: reasons.length === 0, reasons };
}
let ops: OpsServer | undefined;
if (metrics && config.httpPort !== undefined) {
  const m = metrics;
  try {
    ops = await startOpsServer({ port: config.httpPort!, health, metrics: () => m.text(), metricsContentType: m.contentType });
    logger.info({ port: ops.port }, "health and metrics listening (GET /healthz, GET /metrics)");
  } catch (err) {
    fail(`HTTP_PORT ${config.httpPort} cannot be used (${(err as Error).message}): choose a free port, or unset HTTP_PORT`);
  }
}

async function shutdown(signal: string, code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping");
  // A service manager waits 5 s before SIGKILL: never take longer than that.
  setTimeout(() => {
    // SQLite writes what is pending synchronously here; whatever PostgreSQL has not taken by now is logged as unsaved.
    void recorder.close();
    process.exit(code);
  }, 4000).unref();
  await Promise.allSettled(adapters.map((a) => a.stop()));
  await ops?.close();
  watcher.close();
  // Once the channels have stopped nothing new comes in: what is pending is written, then the stores close.
  await conversation.settle();
  await recorder.close();
  await shared?.close();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection"));

try {
  for (const a of adapters) {
    await a.start();
    logger.info({ channel: a.name }, "channel started");
  }
  started = true;
} catch (err) {
  if (err instanceof TokenRefused) {
    // A wrong token is a setting to fix: one line, exit 2, like any other bad setting.
    process.stderr.write(`${err.message}\n`);
    await shutdown("token refused", 2);
  }
  logger.fatal({ err }, "a channel failed to start");
  await shutdown("start-failure", 1);
}
if (terminalDone) {
  await terminalDone;
  await shutdown("end of input");
}
