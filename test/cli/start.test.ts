import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";
import { afterEach, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus.js";
import { entry } from "../helpers/corpus.js";
import { run } from "../helpers/run.js";
import { killServices, startService, stopLikeServiceManager } from "../helpers/service.js";

const corpus = loadCorpus("faq");
afterEach(killServices);

/** `npm start` with a terminal-less, never-ending standard input, and ways to wait on its output. */
function start(env: Record<string, string>) {
  const service = startService(env);
  return {
    ...service,
    ready: () => service.until(() => service.err().includes("channel started")),
    log: (pattern: RegExp) => service.until(() => pattern.test(service.err())),
    ask: async (line: string) => {
      const before = service.out().length;
      service.child.stdin.write(`${line}\n`);
      await service.until(() => service.out().length > before && service.out().endsWith("\n"));
      return service.out().slice(before);
    },
  };
}

const dataDir = () => mkdtempSync(join(tmpdir(), "data-"));

describe("npm start as a service", () => {
  it("exits cleanly on SIGTERM sent to npm, before a service manager would kill it", async () => {
    const bot = start({ DATA_DIR: dataDir() });
    await bot.ready();
    expect(await stopLikeServiceManager(bot, "process")).toEqual({ code: 0, killed: false });
    expect(bot.err()).toMatch(/"signal":"SIGTERM"/);
  });

  it("exits cleanly on SIGTERM sent to its process group, before a service manager would kill it", async () => {
    const bot = start({ DATA_DIR: dataDir() });
    await bot.ready();
    expect(await stopLikeServiceManager(bot, "group")).toEqual({ code: 0, killed: false });
  });

  it("picks up a new corpus entry while running, and keeps the old corpus when a broken file is dropped in", async () => {
    const faq = mkdtempSync(join(tmpdir(), "faq-"));
    cpSync("faq", faq, { recursive: true });
    const bot = start({ DATA_DIR: dataDir(), FAQ_DIR: faq });
    await bot.ready();
    const night = entry("night-shift", {
      questions: { en: ["what is a night shift job"], hi: ["नाइट शिफ्ट जॉब क्या है"], "hi-Latn": ["night shift job kya hai"] },
      answer: { en: "Night shift answer.", hi: "नाइट शिफ्ट का जवाब।" },
    });
    writeFileSync(join(faq, "night.yaml"), dump({ source: { title: "t", language: "hi" }, entries: [night] }));
    await bot.log(/corpus reloaded/);
    expect(await bot.ask("what is a night shift job?")).toContain("Night shift answer.");
    writeFileSync(join(faq, "broken.yaml"), "entries: [\n  - id: oops\n    questions: {");
    await bot.log(/corpus change rejected/);
    expect(bot.err()).toMatch(/broken\.yaml: -: invalid YAML/);
    expect(await bot.ask("what is a night shift job?")).toContain("Night shift answer.");
    expect(await bot.ask("What is back office?")).toContain(corpus.byId.get("back-office")!.answer.en);
    bot.child.stdin.end();
    expect((await bot.exit).code).toBe(0);
  });
});

describe("npm start with a bad setup", () => {
  it("stops with one line and exit code 2 when DATA_DIR cannot be used", async () => {
    const bot = start({ DATA_DIR: "/dev/null/data" });
    const { code } = await bot.exit;
    expect(code).toBe(2);
    expect(bot.err().trim().split("\n")).toEqual([expect.stringMatching(/^DATA_DIR "\/dev\/null\/data" cannot be used .*writable folder$/)]);
  });

  it("stops with one line and exit code 2 on an invalid setting", async () => {
    const bot = start({ DATA_DIR: dataDir(), RATE_LIMIT: "lots" });
    expect((await bot.exit).code).toBe(2);
    expect(bot.err().trim()).toBe('RATE_LIMIT must be a whole number from 0 to 10000, not "lots"');
  });
});

describe("the learning loop from the terminal", () => {
  it("records both questions and reports the unanswered one with its nearest entry, storing no raw user id", async () => {
    const dir = dataDir();
    const bot = start({ DATA_DIR: dir });
    bot.child.stdin.end("back office kya hai\nwhat is the salary of a back office job\n");
    expect((await bot.exit).code).toBe(0);
    const r = await run("report", ["--json"], { env: { DATA_DIR: dir } });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { questions: number; answered: number; byChannel: Record<string, number>; unanswered: { question: string; nearest: string | null }[] };
    expect(report).toMatchObject({ questions: 2, answered: 1, byChannel: { terminal: 2 } });
    expect(report.unanswered[0]!.question).toBe("what is the salary of a back office job");
    expect(corpus.byId.has(report.unanswered[0]!.nearest!)).toBe(true);
    const text = await run("report", [], { env: { DATA_DIR: dir } });
    expect(text.stdout).toMatch(/2 questions, 1 answered/);
  });

  it("reports zero questions before anything was recorded", async () => {
    const r = await run("report", ["--json"], { env: { DATA_DIR: dataDir() } });
    expect(JSON.parse(r.stdout)).toMatchObject({ questions: 0, answered: 0, unanswered: [], feedback: [] });
  });
});
