// The structured logger (pino) every part uses: JSON lines on standard error, secrets redacted.
import { pino, type Logger } from "pino";
import type { LogLevel } from "./config.js";

export type { Logger };

// Paths in log objects that may hold a secret; values are replaced, never printed.
const REDACT = ["token", "*.token", "config.discord.token", "config.telegram.token", "secret", "*.secret", "salt", "*.salt", "authorization", "*.authorization", "headers.authorization"];

/** A logger writing to `destination` (standard error by default, so standard output stays for answers). */
export function createLogger(level: LogLevel, destination: NodeJS.WritableStream | number = 2, secrets: readonly string[] = []): Logger {
  const dest = typeof destination === "number" ? pino.destination({ fd: destination, sync: true }) : destination;
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
