// Runs `npm start` as a service manager does, and lets a test wait on what it prints.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Service {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves with the exit code (or signal) once the process has exited and its output is all read. */
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything written to standard output / standard error so far. */
  out(): string;
  err(): string;
  /** Resolves once the output matches; rejects if the process ends first. */
  until(test: () => boolean): Promise<void>;
}

const running = new Set<ChildProcessWithoutNullStreams>();

/**
 * Starts the bot with no channel tokens but those in `env`, a fresh DATA_DIR and info logs. It runs in its own
 * process group, as under a service manager, so the whole tree (npm and the bot under it) can be signalled.
 */
export function startService(env: Record<string, string>): Service {
  const child = spawn("npm", ["start", "--silent"], {
    env: { ...process.env, DISCORD_TOKEN: "", TELEGRAM_BOT_TOKEN: "", LOG_LEVEL: "info", DATA_DIR: mkdtempSync(join(tmpdir(), "data-")), ...env },
    stdio: ["pipe", "pipe", "pipe"],
    detached: true,
  });
  running.add(child);
  let out = "";
  let err = "";
  let closed = false;
  const waiters: { test: () => boolean; resolve: () => void; reject: (e: Error) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (w.test()) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      } else if (closed) {
        waiters.splice(waiters.indexOf(w), 1);
        w.reject(new Error(`the bot exited before the expected output; it printed:\n${out}\n${err}`));
      }
    }
  };
  child.stdout.setEncoding("utf8").on("data", (d: string) => ((out += d), check()));
  child.stderr.setEncoding("utf8").on("data", (d: string) => ((err += d), check()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => {
      running.delete(child);
      closed = true;
      check();
      resolve({ code, signal });
    }),
  );
  return {
    child,
    exit,
    out: () => out,
    err: () => err,
    until: (test) => new Promise<void>((resolve, reject) => {
      waiters.push({ test, resolve, reject });
      check();
    }),
  };
}

/**
 * Stops the bot the way a service manager does: SIGTERM (to npm, or to the whole process group), then SIGKILL
 * to the group if it is still there 5 seconds later. Resolves with how it ended.
 */
export async function stopLikeServiceManager(service: Service, target: "process" | "group"): Promise<{ code: number | null; killed: boolean }> {
  const pid = service.child.pid!;
  let killed = false;
  const grace = setTimeout(() => {
    killed = true;
    process.kill(-pid, "SIGKILL");
  }, 5000);
  process.kill(target === "group" ? -pid : pid, "SIGTERM");
  const { code } = await service.exit;
  clearTimeout(grace);
  return { code, killed };
}

/** Kills whatever a test left running: the whole process group, so no bot outlives npm. */
export function killServices(): void {
  for (const c of running) {
    try {
      process.kill(-c.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}
