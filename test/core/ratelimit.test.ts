import { describe, expect, it } from "vitest";
import { Conversation } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import { Matcher } from "../../src/match.js";
import { message } from "../../src/messages.js";
import { RateLimiter } from "../../src/ratelimit.js";

const matcher = new Matcher(loadCorpus("faq"));

function setup(limit = 3, windowMs = 30_000) {
  let now = 0;
  const answered: string[] = [];
  const conversation = new Conversation({
    matcher: () => matcher,
    rateLimiter: new RateLimiter({ limit, windowMs, now: () => now }),
    events: { answered: (m, r) => answered.push(r.kind === "none" && r.reason === "rate-limited" ? `limited: ${m.text}` : m.text) },
  });
  const ask = (userId: string, text = "back office kya hai") => conversation.reply({ text, userId, channel: "telegram" });
  return { ask, answered, advance: (ms: number) => (now += ms) };
}

describe("the rate limit", () => {
  it("answers up to the limit, then gives one notice in the user's language, then stays silent until the window passes", () => {
    const s = setup(3);
    for (let i = 0; i < 3; i++) expect(s.ask("u1").kind).toBe("answer");
    const notice = s.ask("u1");
    expect(notice).toMatchObject({ kind: "none", reason: "rate-limited", silent: false, text: message("rateLimited", "hi") });
    // An English question gets the English notice alone (it used to be Hindi then English for everyone).
    for (let i = 0; i < 3; i++) s.ask("u2", "what is the back office?");
    expect(s.ask("u2", "what is the back office?")).toMatchObject({ kind: "none", reason: "rate-limited", text: message("rateLimited", "en") });
    expect(s.ask("u1")).toMatchObject({ kind: "none", reason: "rate-limited", silent: true, text: "" });
    s.advance(30_000);
    expect(s.ask("u1").kind).toBe("answer");
  });

  it("counts each user separately and records every question, the rate-limited ones marked", () => {
    const s = setup(2);
    s.ask("u1");
    s.ask("u1");
    s.ask("u1");
    s.ask("u1");
    expect(s.ask("u2").kind).toBe("answer");
    expect(s.answered).toEqual(["back office kya hai", "back office kya hai", "limited: back office kya hai", "limited: back office kya hai", "back office kya hai"]);
  });

  it("slides: old questions leave the window one by one", () => {
    const s = setup(2, 10_000);
    s.ask("u");
    s.advance(6000);
    s.ask("u");
    expect(s.ask("u").kind).toBe("none");
    s.advance(4000);
    expect(s.ask("u").kind).toBe("answer");
  });

  it("is off at limit 0", () => {
    const s = setup(0);
    for (let i = 0; i < 50; i++) expect(s.ask("u").kind).toBe("answer");
  });
});
