// The terminal channel: an interactive chat on a TTY, or one answer per line when standard input is a pipe.
import { createInterface, type Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Topic } from "../src/conversation.js";
import { formatExplain } from "../src/explain.js";
import { message } from "../src/messages.js";
import type { LangChoice } from "../src/types.js";
import type { Adapter, AdapterDeps } from "./adapter.js";
import { formatTerminalReply, formatTopics } from "./terminal-format.js";

export interface TerminalOptions {
  readonly input: Readable;
  readonly output: Writable;
  /** Interactive: show a prompt and a welcome. Defaults to whether input is a TTY. */
  readonly interactive?: boolean;
}

export interface TerminalAdapter extends Adapter {
  /** Resolves when the user quits or input ends. */
  readonly done: Promise<void>;
}

const USER = "local";
const CHANNEL = "terminal";

export function createTerminalAdapter(options: TerminalOptions, deps: AdapterDeps): TerminalAdapter {
  const { conversation, logger } = deps;
  const interactive = options.interactive ?? Boolean((options.input as { isTTY?: boolean }).isTTY);
  const user = { channel: CHANNEL, userId: USER };
  let rl: Interface | undefined;
  let choices: readonly Topic[] = [];
  let explain = false;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));

  const print = (text: string) => options.output.write(`${text}\n`);
  const lang = () => conversation.answerLangFor(user);

  const handle = (line: string): boolean => {
    const text = line.trim();
    if (text === "") return true;
    const [command, ...rest] = text.split(/\s+/);
    const arg = rest.join(" ");
    switch (command?.toLowerCase()) {
      case "/quit":
      case "/exit":
        return false;
      case "/help":
        print(`${conversation.help(lang())}\n${message("helpCommands", lang())} /explain, /quit`);
        return true;
      case "/topics":
        choices = conversation.topics(lang());
        print(formatTopics(message("topics", lang()), choices));
        return true;
      case "/lang": {
        const choice = arg.toLowerCase();
        if (choice === "en" || choice === "hi" || choice === "auto") print(conversation.setLanguage(user, choice as LangChoice));
        else print(message("langUsage", lang()));
        return true;
      }
      case "/explain":
        if (arg) {
          print(formatExplain(conversation.explain(arg, user)));
        } else {
          explain = !explain;
          print(`explain ${explain ? "on" : "off"}`);
        }
        return true;
    }
    const picked = /^\d{1,2}$/.test(text) ? choices[Number(text) - 1] : undefined;
    // (Explained before the reply: what the question followed up is what the reply is about to change.)
    const explained = explain && !picked ? conversation.explain(text, user) : undefined;
    const reply = picked
      ? conversation.answerById(picked.id, user, "suggestion")
      : conversation.reply({ text, userId: USER, channel: CHANNEL });
    if (reply.kind === "none" && reply.silent) return true;
    const formatted = formatTerminalReply(reply);
    choices = formatted.choices;
    print(formatted.text);
    if (explained) print(formatExplain(explained));
    return true;
  };

  return {
    name: CHANNEL,
    done,
    async start() {
      rl = createInterface({ input: options.input, output: interactive ? options.output : undefined, terminal: interactive });
      if (interactive) {
        print(`${conversation.welcome()}\n${message("helpCommands", "en")}`);
        rl.setPrompt("> ");
        rl.prompt();
      }
      rl.on("line", (line) => {
        let more = true;
        try {
          more = handle(line);
        } catch (err) {
          logger.error({ err }, "terminal: handling a line failed");
          print(message("error", lang()));
        }
        if (!more) rl?.close();
        else if (interactive) rl?.prompt();
      });
      rl.on("close", () => resolveDone());
    },
    async stop() {
      if (rl) rl.close();
      else resolveDone(); // never started: nothing to wait for
      await done;
    },
  };
}
