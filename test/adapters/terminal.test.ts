import { PassThrough } from "node:stream";
import { shippedTexts } from "../helpers/corpus.js";
import { describe, expect, it } from "vitest";
import { createTerminalAdapter } from "../../adapters/terminal.js";
import { Conversation } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import { createLogger } from "../../src/log.js";
import { Matcher } from "../../src/match.js";
import { startService } from "../helpers/service.js";
import { adapterContract } from "./contract.js";
import { formatTerminalReply } from "../../adapters/terminal-format.js";
import { answerReply } from "../helpers/replies.js";

const corpus = loadCorpus("faq");
const matcher = new Matcher(corpus);

/** A terminal chat on in-memory streams; `say` writes a line and resolves with the output it caused. */
function chat(interactive = false) {
  const input = new PassThrough();
  const output = new PassThrough();
  let buffer = "";
  output.setEncoding("utf8").on("data", (d: string) => (buffer += d));
  const conversation = new Conversation({ matcher: () => matcher });
  const adapter = createTerminalAdapter({ input, output, interactive }, { conversation, logger: createLogger("silent") });
  return {
    adapter,
    output: () => buffer,
    async say(line: string): Promise<string> {
      const before = buffer.length;
      // Each line is answered synchronously when readline emits it; the answer is written before 'line' returns.
      await new Promise<void>((resolve) => {
        const onData = () => {
          output.off("data", onData);
          resolve();
        };
        output.on("data", onData);
        input.write(`${line}\n`);
      });
      return buffer.slice(before);
    },
    send: (line: string) => input.write(`${line}\n`),
    end: () => input.end(),
  };
}

adapterContract("terminal", async () => {
  const c = chat();
  await c.adapter.start();
  return {
    harness: { maxLength: Number.POSITIVE_INFINITY, ask: async (text) => [await c.say(text)] },
    teardown: async () => {
      c.end();
      await c.adapter.stop();
    },
  };
});

describe("terminal chat", () => {
  it("lists topics, answers a topic picked by number, and switches language", async () => {
    const c = chat();
    await c.adapter.start();
    const topics = await c.say("/topics");
    const lines = topics.trim().split("\n");
    expect(lines.length).toBe(corpus.entries.filter((e) => !e.smalltalk).length + 1);
    const third = corpus.entries.filter((e) => !e.smalltalk)[2]!;
    expect(await c.say("3")).toContain(third.answer.en.slice(0, 40));
    expect(await c.say("/lang hi")).toMatch(/हिंदी/);
    expect(await c.say("What is back office?")).toContain(corpus.byId.get("back-office")!.answer.hi.slice(0, 40));
    expect(await c.say("/lang auto")).toMatch(/language of your question/);
    expect(await c.say("What is back office?")).toContain(corpus.byId.get("back-office")!.answer.en.slice(0, 40));
    c.end();
    await c.adapter.done;
  });

  it("offers numbered 'did you mean' choices when unsure, and answers the one picked", async () => {
    const c = chat();
    await c.adapter.start();
    const unsure = await c.say("office");
    expect(unsure).toMatch(/Did you mean/);
    expect(unsure).toMatch(/1\) /);
    const picked = await c.say("1");
    expect(corpus.entries.some((e) => picked.includes(e.answer.en.slice(0, 40)))).toBe(true);
    c.end();
  });

  it("shows help and explanations, and ends on /quit", async () => {
    const c = chat(true);
    await c.adapter.start();
    expect(await c.say("/help")).toContain(shippedTexts().answer("help", "en").slice(0, 60));
    expect(await c.say("/explain bak offise")).toMatch(/bak\s+key=bk/);
    c.send("/quit");
    await c.adapter.done;
    expect(c.output()).toMatch(/नमस्ते/);
  });
});

describe("formatTerminalReply", () => {
  it("names the source section of an answer, and every section of one that draws on several", () => {
    expect(formatTerminalReply(answerReply("back-office-bank")).text).toContain("(Source: Back Office क्या होता है?)");
    const hi = formatTerminalReply(answerReply("back-office-importance", "hi")).text;
    expect(hi).toContain("(स्रोत: Back Office क्या होता है? · बैक ऑफिस की जिम्मेदारी)");
    expect(formatTerminalReply(answerReply("thanks")).text).not.toContain("Source");
  });
});

describe("npm start with piped input", () => {
  it("answers each line in the question's language and exits 0 at end of input", async () => {
    const bot = startService({ LOG_LEVEL: "warn" });
    bot.child.stdin.end("back office kya hai\nWhat is front office?\n");
    expect((await bot.exit).code).toBe(0);
    expect(bot.out()).toContain(corpus.byId.get("back-office")!.answer.hi);
    expect(bot.out()).toContain(corpus.byId.get("front-office")!.answer.en);
  });
});
