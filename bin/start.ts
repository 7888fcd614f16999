// `npm start`: runs every channel whose token is configured, or the terminal chat when none is.
import type { Adapter } from "../adapters/adapter.js";
import { createTerminalAdapter } from "../adapters/terminal.js";
import { Conversation } from "../src/conversation.js";
import { createLogger } from "../src/log.js";
import { Matcher } from "../src/match.js";
import { configFromEnv, corpusOrExit } from "./env.js";

const config = configFromEnv();
const secrets = [config.discord?.token, config.telegram?.token, config.telegram?.webhook?.secret].filter((s): s is string => !!s);
const logger = createLogger(config.logLevel, 2, secrets);
const matcher = new Matcher(corpusOrExit(config.faqDir));
const conversation = new Conversation({
  matcher: () => matcher,
  events: {
    feedback: (f) => logger.info({ feedback: { entry: f.entryId, channel: f.channel, vote: f.vote } }, "feedback"),
  },
});
const deps = { conversation, logger };

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
async function shutdown(signal: string, code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping");
  // A service manager waits 5 s before SIGKILL: never take longer than that.
  setTimeout(() => process.exit(code), 4000).unref();
  await Promise.allSettled(adapters.map((a) => a.stop()));
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
} catch (err) {
  logger.fatal({ err }, "a channel failed to start");
  await shutdown("start-failure", 1);
}
if (terminalDone) {
  await terminalDone;
  await shutdown("end of input");
}
