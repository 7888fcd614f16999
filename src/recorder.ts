// Turns conversation events into learning-loop records, and keeps the bot answering when the store fails.
import { createHash } from "node:crypto";
import type { ConversationEvents } from "./conversation.js";
import type { Logger } from "./log.js";
import { cleanText, tokenize } from "./normalize.js";
import type { Store } from "./store/store.js";

export interface RecorderOptions {
  /** Opens the store; called again to reopen it after a failure. */
  readonly open: () => Store;
  /** Secret mixed into user hashes so ids cannot be recovered by hashing guesses. */
  readonly salt: string;
  /** Keep the text of unanswered and low-confidence questions (RECORD_TEXT). */
  readonly recordText: boolean;
  readonly logger: Logger;
  /** Answers below this confidence keep their text too. */
  readonly lowConfidence?: number;
  /** Records kept in memory while the store is unavailable. */
  readonly maxPending?: number;
  /** Wait this long after a failure before trying the store again, in ms. */
  readonly retryMs?: number;
  readonly now?: () => number;
}

export interface Recorder extends ConversationEvents {
  /** Writes what is pending, if the store is reachable. */
  flush(): void;
  /** How many records wait in memory for the store. */
  backlog(): number;
  /** Applies the retention period; returns how many records went (0 if the store is unavailable). */
  prune(days: number): number;
  close(): void;
}

type Write = (store: Store) => void;

/** A salted SHA-256 of the user's channel and id: stable per user, useless without the salt. */
export function hashUser(salt: string, channel: string, userId: string): string {
  return createHash("sha256").update(`${salt}\u0000${channel}\u0000${userId}`).digest("hex").slice(0, 32);
}

/** The form unanswered questions are grouped by: lower-cased words of the cleaned text. */
export function groupingForm(text: string): string {
  return tokenize(cleanText(text)).join(" ");
}

export function createRecorder(options: RecorderOptions): Recorder {
  const { logger, salt, recordText } = options;
  const now = options.now ?? Date.now;
  const lowConfidence = options.lowConfidence ?? 0.65;
  const maxPending = options.maxPending ?? 1000;
  const retryMs = options.retryMs ?? 5000;
  let store: Store | undefined;
  let failedAt: number | undefined;
  let dropped = 0;
  const pending: Write[] = [];

  const fail = (err: unknown) => {
    // Logged once per outage, not once per question.
    if (failedAt === undefined) logger.error({ err: { message: (err as Error)?.message, code: (err as { code?: string })?.code } }, "recording paused: the store failed; answering goes on");
    failedAt = now();
    try {
      store?.close();
    } catch {
      // The store is already broken; closing it is best effort.
    }
    store = undefined;
  };

  const reachable = (): Store | undefined => {
    if (store) return store;
    if (failedAt !== undefined && now() - failedAt < retryMs) return undefined;
    try {
      store = options.open();
      return store;
    } catch (err) {
      fail(err);
      return undefined;
    }
  };

  const flush = () => {
    while (pending.length > 0) {
      const s = reachable();
      if (!s) return;
      try {
        pending[0]!(s);
        pending.shift();
      } catch (err) {
        fail(err);
        return;
      }
    }
    if (failedAt !== undefined) {
      logger.warn({ dropped }, "recording resumed");
      failedAt = undefined;
      dropped = 0;
    }
  };

  const write = (w: Write) => {
    pending.push(w);
    if (pending.length > maxPending) {
      pending.shift();
      dropped += 1;
    }
    flush();
  };

  return {
    answered(msg, reply) {
      const keepText = recordText && (reply.kind !== "answer" || reply.confidence < lowConfidence);
      const record = {
        time: now(),
        channel: msg.channel,
        user: hashUser(salt, msg.channel, msg.userId),
        lang: reply.lang,
        entryId: reply.kind === "answer" ? reply.id : null,
        confidence: reply.confidence,
        suggestions: reply.kind === "answer" ? [] : reply.suggestions.map((s) => s.id),
        text: keepText ? cleanText(msg.text) : null,
        normalized: keepText ? groupingForm(msg.text) : null,
        nearest: reply.kind === "answer" ? reply.id : (reply.nearest ?? null),
      };
      write((s) => s.recordQuestion(record));
    },
    feedback(f) {
      const record = { time: now(), channel: f.channel, user: hashUser(salt, f.channel, f.userId), entryId: f.entryId, vote: f.vote };
      write((s) => s.recordFeedback(record));
    },
    chose(c) {
      const record = { time: now(), channel: c.channel, user: hashUser(salt, c.channel, c.userId), entryId: c.entryId, how: c.how };
      write((s) => s.recordChoice(record));
    },
    flush,
    backlog: () => pending.length,
    prune(days) {
      const s = reachable();
      if (!s) return 0;
      try {
        return s.prune(days, now());
      } catch (err) {
        fail(err);
        return 0;
      }
    },
    close() {
      flush();
      try {
        store?.close();
      } catch (err) {
        logger.warn({ err: { message: (err as Error).message } }, "closing the store failed");
      }
      store = undefined;
    },
  };
}
