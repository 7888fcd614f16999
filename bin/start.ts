// `npm start`: runs every channel whose token is configured, or the terminal chat when none is.
import { join } from "node:path";
import type { Adapter } from "../adapters/adapter.js";
import { createTerminalAdapter } from "../adapters/terminal.js";
import { Conversation } from "../src/conversation.js";
import { formatProblem } from "../src/corpus.js";
import { createChatLogger, createLogger } from "../src/log.js";
import { Matcher } from "../src/match.js";
import { Metrics } from "../src/metrics.js";
import { startOpsServer, type OpsServer } from "../src/ops-server.js";
import { RateLimiter } from "../src/ratelimit.js";
import { createRecorder } from "../src/recorder.js";
import { loadOrCreateSalt } from "../src/store/salt.js";
import { SqliteStore } from "../src/store/sqlite.js";
import { watchCorpus } from "../src/watch.js";
import { configFromEnv, corpusOrExit, fail } from "./env.js";

const DAY_MS = 86_400_000;

const config = configFromEnv();
let salt: string;
try {
  salt = loadOrCreateSalt(config.dataDir, config.dataSalt);
} catch (err) {
  fail(`DATA_DIR "${config.dataDir}" cannot be used (${(err as Error).message}): point it at a writable folder`);
}
const secrets = [config.discord?.token, config.telegram?.token, config.telegram?.webhook?.secret, salt].filter((s): s is string => !!s);
// The interactive terminal chat keeps its screen for the conversation: its logs go to a file (warnings still show).
const chatOnScreen = !config.telegram && !config.discord && Boolean(process.stdin.isTTY);
const logFile = join(config.dataDir, "bot.log");
const logger = chatOnScreen ? createChatLogger(config.logLevel, logFile, secrets) : createLogger(config.logLevel, 2, secrets);

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
  open: () => new SqliteStore(join(config.dataDir, "bot.db")),
  salt,
  recordText: config.recordText,
  logger,
});
const conversation = new Conversation({
  matcher: () => matcher,
  rateLimiter: new RateLimiter({ limit: config.rateLimit, windowMs: config.rateLimitWindowMs }),
  events: {
    answered: recorder.answered,
    replied: (msg, reply, matchSeconds) => metrics?.question(msg.channel, reply, matchSeconds),
    chose: recorder.chose,
    feedback: (f) => {
      logger.info({ feedback: { entry: f.entryId, channel: f.channel, vote: f.vote } }, "feedback");
      recorder.feedback?.(f);
    },
  },
});
const applyRetention = () => {
  const removed = recorder.prune(config.retentionDays);
  if (removed > 0) logger.info({ removed, days: config.retentionDays }, "old records deleted");
};
applyRetention();
setInterval(applyRetention, DAY_MS).unref();

if (config.httpPort !== undefined) {
  metrics = new Metrics({ backlog: () => recorder.backlog() });
  metrics.corpus(matcher.corpus.entries.length);
}
const deps = { conversation, logger, metrics };
const adapters: Adapter[] = [];
let terminalDone: Promise<void> | undefined;
if (config.telegram) {
  const { createTelegramAdapter } = await import("../adapters/telegram.js");
  adapters.push(createTelegramAdapter(config.telegram, deps));
}
if (config.discord) {
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
if (metrics) {
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
    recorder.close();
    process.exit(code);
  }, 4000).unref();
  await Promise.allSettled(adapters.map((a) => a.stop()));
  await ops?.close();
  watcher.close();
  // Writes are synchronous: once the channels have stopped, nothing is in flight and closing is clean.
  recorder.close();
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
  logger.fatal({ err }, "a channel failed to start");
  await shutdown("start-failure", 1);
}
if (terminalDone) {
  await terminalDone;
  await shutdown("end of input");
}
