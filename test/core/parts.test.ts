// Messages that ask several things: split into their questions, each answered, an uncovered one said so.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ask } from "../../src/answer.js";
import { Conversation } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import { Matcher } from "../../src/match.js";
import { splitQuestions } from "../../src/parts.js";
import { corpusDir, fixtureArticles, welderArticle, welderSafety } from "../helpers/corpus.js";

const matcher = new Matcher(loadCorpus("faq"));

describe("splitting a message into its questions", () => {
  it.each([
    ["what is the back office, and what is the salary?", ["what is the back office", "what is the salary?"]],
    ["What is front office? Why is back office important?", ["What is front office?", "Why is back office important?"]],
    ["front office kya hota hai aur back office kyu zaruri hai", ["front office kya hota hai", "back office kyu zaruri hai"]],
    ["फ्रंट ऑफिस क्या है + बैक ऑफिस क्यों ज़रूरी है", ["फ्रंट ऑफिस क्या है", "बैक ऑफिस क्यों ज़रूरी है"]],
  ])("%s", (text, parts) => expect(splitQuestions(matcher, text)).toEqual(parts));

  it.each([
    "What's the difference between front office and back office?",
    "Why must front office and back office work together?",
    "क्या मुझे फ्रंट ऑफिस और बैक ऑफिस के बारे में जानना जरूरी है?",
    "can you compare the people who meet customers and the people who work behind the scenes?",
    "back office job after 10+2, what is it?",
  ])("keeps one question whole: %s", (text) => expect(splitQuestions(matcher, text)).toHaveLength(1));

  it("reads a sentence that only names a meaning, beside one that asks, as telling", () => {
    const { forms, aside } = matcher.analyzer.analyzeQuestion("Please explain what front office is. I saw it in vacancy notices but am unsure of its meaning.");
    expect(aside[forms.findIndex((f) => f.surface === "vacancy")]).toBe(true);
    expect(aside[forms.findIndex((f) => f.surface === "front")]).toBe(false);
    expect(matcher.analyzer.analyzeQuestion("front office meaning").aside.every((a) => !a)).toBe(true);
  });

  it("keeps a sentence that only tells as context of the question after it", () => {
    expect(splitQuestions(matcher, "I am a fresher. What is back office?")).toEqual(["I am a fresher. What is back office?"]);
  });
});

describe("the ask record of a message with several questions", () => {
  it("answers both, the first as the main answer", () => {
    const { result } = ask(matcher, "what is front office and why is back office important?");
    expect(result.id).toBe("front-office");
    expect(result.parts?.map((p) => p.id)).toEqual(["front-office", "back-office-importance"]);
    const byId = (id: string) => matcher.corpus.byId.get(id)!.answer.en;
    expect(result.answer).toBe(`${byId("front-office")}\n\n${byId("back-office-importance")}`);
  });

  it("answers the covered part when the other asks what no article covers, instead of declining both", () => {
    const { result } = ask(matcher, "back office kya hota hai aur isme salary kitni milti hai?");
    expect(result).toMatchObject({ id: "back-office", answerLang: "hi" });
    expect(result.parts).toEqual([expect.objectContaining({ id: "back-office" }), expect.objectContaining({ id: null })]);
  });

  it("has no parts for one question", () => {
    expect(ask(matcher, "what is the back office?").result.parts).toBeUndefined();
  });
});

describe("a question after one about another line of work", () => {
  const corpus = loadCorpus(corpusDir({ "welder.yaml": welderArticle(welderSafety()), "smalltalk.yaml": readFileSync("faq/smalltalk.yaml", "utf8") }));
  const welder = new Matcher(corpus, {}, { careers: ["plumber", "electrician"] });

  it("is about that line of work too when it names none of its own: a welder's pay is no plumber's", () => {
    // (Whichever guard declined the question before: papers are a subject the welder article does not answer either.)
    for (const text of ["plumber kaise bane aur salary kitni milti hai", "what does an electrician do and what is the salary?", "plumber banne ke liye kaunse documents chahiye aur salary kitni hai"]) {
      const { result } = ask(welder, text);
      expect(result.id, text).toBeNull();
      expect(result.answer, text).toBeNull();
    }
  });

  it("is answered when the message is about the article's own line of work", () => {
    expect(ask(welder, "welder kaise bane aur salary kitni milti hai").result.parts?.map((p) => p.id)).toContain("wd-salary");
  });
});

describe("a conversation reply to several questions", () => {
  const conversation = new Conversation({ matcher: () => matcher });
  it("shows each answer under its question and says which part is not covered", () => {
    const reply = conversation.reply({ text: "what is the back office? and how much does it pay?", userId: "u", channel: "test" });
    expect(reply.kind).toBe("answer");
    expect(reply.text).toContain("“what is the back office?”:");
    expect(reply.text).toContain(matcher.corpus.byId.get("back-office")!.answer.en);
    expect(reply.text).toMatch(/“and how much does it pay\?”: sorry|“how much does it pay\?”: sorry/);
  });
});

describe("a message's later question that names no career, with several articles loaded", () => {
  const both = new Matcher(loadCorpus(fixtureArticles("tailor", "cobbler")));

  it.each([
    ["How do I become a tailor? How much do they earn?", ["tailor-growth", "tailor-earnings"]],
    ["what is a cobbler's work, and how long does the training take?", ["cob-what-is", "cob-learn"]],
  ])("goes on about the article the question before it was answered from: %s", (text, ids) => {
    expect(ask(both, text).result.parts?.map((p) => p.id)).toEqual(ids);
  });
});
