// Renders core replies as plain terminal text: the answer, its source, and numbered choices to type.
import type { Reply, Topic } from "../src/conversation.js";
import { message, sourceLine } from "../src/messages.js";

/** The text to print for a reply, and the topics the user may pick by number next. */
export function formatTerminalReply(reply: Reply): { text: string; choices: readonly Topic[] } {
  const lines: string[] = [];
  let choices: readonly Topic[] = [];
  if (reply.kind === "answer") {
    lines.push(`${reply.title}`, reply.text);
    const source = sourceLine(reply.sections, reply.answerLang);
    if (source) lines.push(`(${source})`);
    choices = reply.related;
    if (choices.length) lines.push(`${message("related", reply.answerLang)}: ${numbered(choices)}`);
  } else {
    lines.push(reply.text);
    choices = reply.suggestions;
    if (choices.length) lines.push(numbered(choices));
    if (reply.kind === "none" && reply.reason === "unknown") lines.push("/topics");
  }
  return { text: lines.join("\n"), choices };
}

function numbered(topics: readonly Topic[]): string {
  return topics.map((t, i) => `${i + 1}) ${t.title}`).join("  ");
}

export function formatTopics(title: string, topics: readonly Topic[]): string {
  return [title, ...topics.map((t, i) => `${String(i + 1).padStart(2)}) ${t.title}`)].join("\n");
}
