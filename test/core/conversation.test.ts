// The conversation layer's replies to questions the article cannot answer: honest, in the asker's language.
import { describe, expect, it } from "vitest";
import { Conversation, FOLLOW_UP_MS, type Reply } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import { Matcher } from "../../src/match.js";
import { message, sourceLine } from "../../src/messages.js";
import { fixtureArticles } from "../helpers/corpus.js";

const matcher = new Matcher(loadCorpus("faq"));
const conversation = new Conversation({ matcher: () => matcher });
const ask = (text: string) => conversation.reply({ text, userId: "u1", channel: "test" });

describe("questions the article does not cover", () => {
  it.each([
    ["How do I apply for a front office job?", "how to apply"],
    ["back office ki salary kitni hoti hai", "सैलरी"],
    ["बैंक में पासबुक अपडेट के लिए कौन से डॉक्यूमेंट चाहिए", "दस्तावेज़"],
  ] as const)("says the articles do not cover %j, naming what, instead of that it did not understand", (q, subject) => {
    const r = ask(q);
    expect(r.kind).not.toBe("answer");
    expect(r.text).toMatch(/don't cover|जानकारी नहीं है/);
    expect(r.text).toContain(subject);
  });

  it("still says it did not understand a question that is merely unclear", () => {
    expect(ask("office")).toMatchObject({ kind: "suggest", text: message("didYouMean", "en") });
  });
});

describe("the source of an answer", () => {
  it("is named in one line: one section, several, or none", () => {
    expect(sourceLine(["Back Office क्या होता है?"], "en")).toBe("Source: Back Office क्या होता है?");
    expect(sourceLine(["A", "B"], "en")).toBe("Sources: A · B");
    expect(sourceLine(["A", "B"], "hi")).toBe("स्रोत: A · B");
    expect(sourceLine([], "en")).toBeUndefined();
  });

  it("comes with each answer as the entry's sections", () => {
    const conversation = new Conversation({ matcher: () => new Matcher(loadCorpus("faq")) });
    const reply = conversation.preview("difference", "en");
    expect(reply?.kind === "answer" && reply.sections).toEqual(loadCorpus("faq").byId.get("difference")!.sections);
    const thanks = conversation.preview("thanks", "en");
    expect(thanks?.kind === "answer" && thanks.sections).toEqual([]);
  });
});

describe("a follow-up question, with several articles loaded", () => {
  const both = new Matcher(loadCorpus(fixtureArticles("tailor", "cobbler")));
  let clock = 0;
  const chat = new Conversation({ matcher: () => both, now: () => clock });
  const say = (userId: string, text: string) => chat.reply({ text, userId, channel: "test" });
  const idOf = (r: Reply) => (r.kind === "answer" ? r.id : null);

  it("goes on about the career the user was last answered about, for each user apart", () => {
    expect(idOf(say("tailor-fan", "how much does a tailor earn?"))).toBe("tailor-earnings");
    expect(idOf(say("cobbler-fan", "how much does a cobbler earn?"))).toBe("cob-earnings");
    expect(idOf(say("tailor-fan", "how long does the training take?"))).toBe("tailor-course");
    expect(idOf(say("cobbler-fan", "how long does the training take?"))).toBe("cob-learn");
    expect(idOf(say("newcomer", "how long does the training take?"))).toBeNull();
  });

  it("keeps the career through small talk, and takes a pressed topic's", () => {
    say("chooser", "how much does a tailor earn?");
    expect(idOf(say("chooser", "thanks"))).toBe("thanks");
    expect(idOf(say("chooser", "how long does the training take?"))).toBe("tailor-course");
    chat.answerById("cob-what-is", { userId: "chooser", channel: "test" }, "topic");
    expect(idOf(say("chooser", "how much do they earn?"))).toBe("cob-earnings");
  });

  it("explains a question as the follow-up it would be now", () => {
    say("explainer", "how much does a cobbler earn?");
    expect(chat.explain("how much do they earn?", { userId: "explainer", channel: "test" })).toMatchObject({ id: "cob-earnings", decision: expect.stringContaining("follow-up") });
    expect(chat.explain("how much do they earn?").id).toBeNull();
  });

  it("leaves it once the user asks about another career, though the bot cannot answer that", () => {
    say("switcher", "how much does a tailor earn?");
    expect(idOf(say("switcher", "how do I become a plumber?"))).toBeNull();
    expect(idOf(say("switcher", "how long does the training take?"))).toBeNull();
    say("switcher", "how much does a tailor earn?");
    expect(idOf(say("switcher", "do cobblers get respect in society?"))).toBeNull();
    expect(idOf(say("switcher", "how much do they earn?"))).not.toBe("tailor-earnings");
  });

  it("forgets it after a pause of half an hour", () => {
    say("pauser", "how much does a cobbler earn?");
    clock += FOLLOW_UP_MS - 1;
    expect(idOf(say("pauser", "how much do they earn?"))).toBe("cob-earnings");
    clock += FOLLOW_UP_MS;
    expect(idOf(say("pauser", "how much do they earn?"))).toBeNull();
  });
});
