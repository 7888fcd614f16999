// The structured logger (pino) every part uses: JSON lines on standard error, secrets redacted.
import { pino, type Logger } from "pino";
import type { LogLevel } from "./config.js";

export type { Logger };

// Paths in log objects that may hold a secret; values are replaced, never printed.
const REDACT = ["token", "*.token", "config.discord.token", "config.telegram.token", "secret", "*.secret", "salt", "*.salt", "authorization", "*.authorization", "headers.authorization"];

/** A logger writing to `destination` (standard error by default, so standard output stays for answers). */
export function createLogger(level: LogLevel, destination: NodeJS.WritableStream | number = 2, secrets: readonly string[] = []): Logger {
  const dest = typeof destination === "number" ? pino.destination({ fd: destination, sync: true }) : destination;
  return build(level, dest, secrets);
}

/**
 * The logger of the interactive terminal chat: every line at `level` appended to `file`, and only warnings and
 * worse on standard error, so the chat screen keeps to the conversation.
 */
export function createChatLogger(level: LogLevel, file: string, secrets: readonly string[] = []): Logger {
  const streams: pino.StreamEntry<pino.Level>[] = [{ level: "warn", stream: pino.destination({ fd: 2, sync: true }) }];
  if (level !== "silent") streams.push({ level, stream: pino.destination({ dest: file, append: true, mkdir: true, sync: true }) });
  return build(level, pino.multistream(streams), secrets);
}

function build(level: LogLevel, dest: pino.DestinationStream | NodeJS.WritableStream, secrets: readonly string[]): Logger {
  const hide = secrets.filter((s) => s.length >= 6);
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: "[redacted]" },
      base: undefined,
      hooks: {
        // A token can hide inside an error message or URL (Telegram puts it in every API path).
        streamWrite: hide.length
          ? (line: string) => hide.reduce((s, secret) => s.split(secret).join("[redacted]"), line)
          : undefined,
      },
    },
    dest,
  );
}
