import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The interactive terminal chat on a real terminal (a pseudo-terminal made by util-linux's `script`): its screen holds
// the conversation only, while the logs go to DATA_DIR/bot.log.
const hasScript = spawnSync("script", ["--version"]).status === 0;
if (!hasScript) console.warn("SKIPPED: the chat-screen test needs util-linux's `script` to make a pseudo-terminal (apt-get install bsdutils)");

describe.skipIf(!hasScript)("npm start as an interactive chat", () => {
  it("keeps log lines off the chat screen and writes them to DATA_DIR/bot.log", async () => {
    const data = mkdtempSync(join(tmpdir(), "data-"));
    const child = spawn("script", ["-qec", "npm start --silent", "/dev/null"], {
      env: { ...process.env, DISCORD_TOKEN: "", TELEGRAM_BOT_TOKEN: "", LOG_LEVEL: "info", DATA_DIR: data },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let screen = "";
    const waiters: { test: RegExp; resolve: () => void }[] = [];
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      screen += d;
      for (const w of [...waiters]) if (w.test.test(screen)) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => (screen += d));
    const until = (test: RegExp) => new Promise<void>((resolve) => (test.test(screen) ? resolve() : waiters.push({ test, resolve })));
    const exit = new Promise<number | null>((resolve) => child.on("close", resolve));

    await until(/> /);
    child.stdin.write("What is the front office?\r");
    await until(/Source:/);
    child.stdin.write("/quit\r");
    expect(await exit).toBe(0);

    expect(screen).toMatch(/Hello!/);
    expect(screen).not.toMatch(/channel started|"level"|"msg"/);
    const log = readFileSync(join(data, "bot.log"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { msg: string });
    expect(log.map((l) => l.msg)).toEqual(expect.arrayContaining(["channel started", "stopping"]));
  });
});
