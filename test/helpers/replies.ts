// Real answer replies for formatter tests, built by the core itself from the shipped corpus.
import { Conversation, type Reply } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import { Matcher } from "../../src/match.js";

const conversation = new Conversation({ matcher: () => new Matcher(loadCorpus("faq")) });

export type AnswerReply = Extract<Reply, { kind: "answer" }>;

/** The reply the bot gives for an entry, in one language, with any field overridden. */
export function answerReply(id: string, lang: "en" | "hi" = "en", overrides: Partial<AnswerReply> = {}): AnswerReply {
  const reply = conversation.preview(id, lang);
  if (reply?.kind !== "answer") throw new Error(`no entry ${id}`);
  return { ...reply, ...overrides };
}
