import { describe, expect, it } from "vitest";
import { Conversation } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import { Matcher } from "../../src/match.js";
import { RateLimiter } from "../../src/ratelimit.js";

const matcher = new Matcher(loadCorpus("faq"));

function setup(limit = 3, windowMs = 30_000) {
  let now = 0;
  const answered: string[] = [];
  const conversation = new Conversation({
    matcher: () => matcher,
    rateLimiter: new RateLimiter({ limit, windowMs, now: () => now }),
    events: { answered: (m) => answered.push(m.text) },
  });
  const ask = (userId: string, text = "back office kya hai") => conversation.reply({ text, userId, channel: "telegram" });
  return { ask, answered, advance: (ms: number) => (now += ms) };
}

describe("the rate limit", () => {
  it("answers up to the limit, then gives one bilingual notice, then stays silent until the window passes", () => {
    const s = setup(3);
    for (let i = 0; i < 3; i++) expect(s.ask("u1").kind).toBe("answer");
    const notice = s.ask("u1");
    expect(notice).toMatchObject({ kind: "none", reason: "rate-limited", silent: false });
    expect(notice.kind === "none" && notice.text).toMatch(/[\u0900-\u097f].*\n\n.*wait/su);
    expect(s.ask("u1")).toMatchObject({ kind: "none", reason: "rate-limited", silent: true, text: "" });
    s.advance(30_000);
    expect(s.ask("u1").kind).toBe("answer");
  });

  it("counts each user separately and records only answered questions", () => {
    const s = setup(2);
    s.ask("u1");
    s.ask("u1");
    s.ask("u1");
    expect(s.ask("u2").kind).toBe("answer");
    expect(s.answered).toHaveLength(3);
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
