import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus.js";
import { FakeBotApi, parseTelegramHtml, textUpdate, user } from "../fakes/telegram-bot-api.js";
import { health, loggedPort } from "../helpers/metrics.js";

// No container engine runs here: the image's start command (deploy/Dockerfile's CMD and ENV) runs as PID 1 in a new
// PID namespace, as in a container, where a signal without a handler would be ignored and `docker stop` sends SIGTERM.
const dockerfile = readFileSync("deploy/Dockerfile", "utf8");
const runStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(runStage)![1]!) as string[];
const env = Object.fromEntries(
  [...runStage.matchAll(/^ENV ((?:.*\\\n)*.*)$/gm)].flatMap((m) => [...m[1]!.matchAll(/(\w+)=(\S+)/g)].map((x) => [x[1]!, x[2]!])),
);
const canUnshare = spawnSync("unshare", ["--pid", "--fork", "--mount-proc", "true"]).status === 0;
if (!canUnshare) console.warn("SKIPPED: the container start test needs `unshare --pid --fork --mount-proc` (root, or user namespaces)");

const TOKEN = "626262:AAF-container-token_xyz";
const corpus = loadCorpus("faq");

describe.skipIf(!canUnshare)("the container image's start command, as PID 1", () => {
  let fake: FakeBotApi;
  afterAll(async () => fake?.close());

  it("runs production settings, answers, and exits 0 within 5 s of SIGTERM", async () => {
    expect(cmd).toEqual(["node", "--max-semi-space-size=1", "--optimize-for-size", "dist/bin/start.js"]);
    expect(env).toMatchObject({ NODE_ENV: "production", DATA_DIR: "/data", HTTP_PORT: "8080" });
    expect(runStage).toMatch(/^USER node$/m);
    expect(runStage).toMatch(/^HEALTHCHECK [^]*?\/healthz/m);

    execFileSync(process.execPath, ["bin/fresh.mjs"]); // the image holds a fresh build; so must dist/ here
    fake = await FakeBotApi.start({ token: TOKEN });
    const child = spawn("unshare", ["--pid", "--fork", "--mount-proc", ...cmd], {
      env: { PATH: process.env.PATH ?? "", ...env, DATA_DIR: mkdtempSync(join(tmpdir(), "data-")), HTTP_PORT: "0", TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    const lines: (() => void)[] = [];
    child.stderr.setEncoding("utf8").on("data", (d: string) => ((err += d), lines.splice(0).forEach((f) => f())));
    let exited = false;
    const exit = new Promise<number | null>((resolve) =>
      child.on("close", (code) => {
        exited = true;
        lines.splice(0).forEach((f) => f());
        resolve(code);
      }),
    );
    const until = async (test: () => boolean) => {
      while (!test()) {
        if (exited) throw new Error(`the bot exited before the expected output:\n${err}`);
        await new Promise<void>((resolve) => lines.push(resolve));
      }
    };
    try {
      await until(() => err.includes("channel started"));
      const port = loggedPort(err)!;
      expect((await health(port)).status).toBe(200);

      // The bot is PID 1 of its namespace: the process unshare forked.
      const pid1 = Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim());
      expect(readFileSync(`/proc/${pid1}/status`, "utf8")).toMatch(/^NSpid:\s+\d+\s+1$/m);

      const from = user(5001);
      const id = fake.pushUpdate(textUpdate({ from, text: "What is the front office?" }));
      // The next poll goes out once the update is queued, before its reply is sent: wait for the reply itself.
      await fake.waitFor("getUpdates", (c) => Number(c.body.offset) > id, { since: 0, timeoutMs: 20_000 });
      await fake.waitFor("sendMessage", (c) => c.ok && Number(c.body.chat_id) === from.id, { since: 0, timeoutMs: 20_000 });
      const sent = fake.callsOf("sendMessage", { chatId: from.id }).map((c) => (parseTelegramHtml(String(c.body.text)) as { text: string }).text);
      expect(sent.join("\n")).toContain(corpus.byId.get("front-office")!.answer.en.split(".")[0]);

      // What `docker stop` does: SIGTERM to PID 1, SIGKILL 5 s later (our budget; docker itself waits 10 s).
      let killed = false;
      process.kill(pid1, "SIGTERM");
      const killer = setTimeout(() => ((killed = true), process.kill(pid1, "SIGKILL")), 5000);
      const code = await exit;
      clearTimeout(killer);
      expect({ code, killed }).toEqual({ code: 0, killed: false });
      expect(err).toMatch(/"signal":"SIGTERM"/);
    } finally {
      child.kill("SIGKILL");
    }
  });
});

// No systemd runs here either: the unit is checked by systemd's own verifier and against the image's start command.
const hasAnalyze = spawnSync("systemd-analyze", ["--version"]).status === 0;
if (!hasAnalyze) console.warn("SKIPPED: the systemd unit check needs systemd-analyze (apt-get install systemd)");

describe.skipIf(!hasAnalyze)("the systemd unit", () => {
  it("passes systemd-analyze verify and runs the same compiled start command, stopped by SIGTERM", () => {
    const unit = readFileSync("deploy/career-faq-bot.service", "utf8");
    const verify = spawnSync("systemd-analyze", ["verify", "deploy/career-faq-bot.service"], { encoding: "utf8" });
    expect(verify.stderr.split("\n").filter((l) => /career-faq-bot\.service/.test(l))).toEqual([]);
    expect(unit).toMatch(new RegExp(`^ExecStart=/usr/bin/${cmd.join(" ")}$`, "m"));
    expect(unit).toMatch(/^KillSignal=SIGTERM$/m);
    expect(unit).toMatch(/^RestartPreventExitStatus=2$/m);
    expect(unit).toMatch(/^User=faqbot$/m);
  });
});
