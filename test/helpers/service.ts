// Runs `npm start` as a service manager does, and lets a test wait on what it prints.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Service {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves with the exit code and the time of exit. */
  readonly exit: Promise<{ code: number | null; at: number }>;
  /** Everything written to standard output / standard error so far. */
  out(): string;
  err(): string;
  /** Resolves once the output matches. */
  until(test: () => boolean): Promise<void>;
}

const running = new Set<ChildProcessWithoutNullStreams>();

/** Starts the bot with no channel tokens but those in `env`, a fresh DATA_DIR and info logs. */
export function startService(env: Record<string, string>, options: { detached?: boolean } = {}): Service {
  const child = spawn("npm", ["start", "--silent"], {
    env: { ...process.env, DISCORD_TOKEN: "", TELEGRAM_BOT_TOKEN: "", LOG_LEVEL: "info", DATA_DIR: mkdtempSync(join(tmpdir(), "data-")), ...env },
    stdio: ["pipe", "pipe", "pipe"],
    detached: options.detached ?? false,
  });
  running.add(child);
  let out = "";
  let err = "";
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (w.test()) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout.setEncoding("utf8").on("data", (d: string) => ((out += d), check()));
  child.stderr.setEncoding("utf8").on("data", (d: string) => ((err += d), check()));
  const exit = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on("exit", (code) => {
      running.delete(child);
      resolve({ code, at: Date.now() });
    }),
  );
  return {
    child,
    exit,
    out: () => out,
    err: () => err,
    until: (test) => new Promise<void>((resolve) => (test() ? resolve() : waiters.push({ test, resolve }))),
  };
}

/** Kills whatever a failed test left running. */
export function killServices(): void {
  for (const c of running) c.kill("SIGKILL");
}
