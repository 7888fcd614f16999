// Turns conversation events into learning-loop records, and keeps the bot answering when the store fails.
import { createHash, randomUUID } from "node:crypto";
import type { ConversationEvents } from "./conversation.js";
import type { Journal } from "./journal.js";
import type { Logger } from "./log.js";
import { cleanText, tokenize } from "./normalize.js";
import { UPDATE_WINDOW_MS, type Store } from "./store/store.js";

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

/** The learning loop's recorder, and the delivery journal (kept in the same store). */
export interface Recorder extends ConversationEvents, Journal {
  /**
   * Writes what is pending, if the store is reachable. With a synchronous store (SQLite) it is done on return;
   * with an asynchronous one (PostgreSQL) the promise settles once the writes are done or the store failed.
   */
  flush(): void | Promise<void>;
  /** How many records wait in memory for the store. */
  backlog(): number;
  /** Applies the retention period; resolves with how many records went (0 if the store is unavailable). */
  prune(days: number): Promise<number>;
  /** Writes what is pending (as far as the store allows) and closes the store. */
  close(): Promise<void>;
}

type Write = (store: Store) => void | Promise<void>;

const isPromise = <T>(x: T | Promise<T>): x is Promise<T> => typeof (x as { then?: unknown })?.then === "function";

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
  const owner = randomUUID();
  /** Claims made while the store was down: duplicates are still caught within this process. */
  const claimedInMemory = new Map<string, number>();

  const fail = (err: unknown) => {
    // Logged once per outage, not once per question.
    if (failedAt === undefined) logger.error({ err: { message: (err as Error)?.message, code: (err as { code?: string })?.code } }, "recording paused: the store failed; answering goes on");
    failedAt = now();
    try {
      const closing = store?.close();
      if (isPromise(closing)) closing.catch(() => undefined);
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

  /** The write in flight to an asynchronous store; the next starts when it settles, so records keep their order. */
  let inFlight: Promise<void> | undefined;

  const flush = (): void | Promise<void> => {
    if (inFlight) return inFlight;
    while (pending.length > 0) {
      const s = reachable();
      if (!s) return;
      const head = pending[0]!;
      let result: void | Promise<void>;
      try {
        result = head(s);
      } catch (err) {
        fail(err);
        return;
      }
      if (isPromise(result)) {
        inFlight = result.then(
          () => {
            if (pending[0] === head) pending.shift();
            inFlight = undefined;
            return flush();
          },
          (err: unknown) => {
            inFlight = undefined;
            fail(err);
          },
        );
        return inFlight;
      }
      pending.shift();
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
    void flush();
  };

  return {
    answered(msg, reply) {
      const rateLimited = reply.kind === "none" && reply.reason === "rate-limited";
      // A rate-limited question was never matched: its text says nothing about the corpus.
      const keepText = recordText && !rateLimited && (reply.kind !== "answer" || reply.confidence < lowConfidence);
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
        ref: msg.ref !== undefined ? `${msg.channel}:${msg.ref}` : null,
        rateLimited,
        delivery: msg.ref !== undefined ? ("pending" as const) : null,
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
    async claim(channel, ref, payload) {
      const key = `${channel}:${ref}`;
      if (claimedInMemory.has(key)) return false;
      void flush();
      // A store that is open takes the claim at once, even with records still on their way to it (an asynchronous
      // store writes one at a time); a closed one is tried again only when nothing waits for it.
      const s = store ?? (pending.length === 0 ? reachable() : undefined);
      if (s) {
        try {
          // Awaited: a store over the network may answer later.
          return await s.claimUpdate({ channel, ref, owner, time: now(), payload: JSON.stringify(payload) });
        } catch (err) {
          fail(err);
        }
      }
      // No store: remember in memory for the window, bounded (oldest forgotten first).
      const t = now();
      for (const [k, at] of claimedInMemory) {
        if (t - at < UPDATE_WINDOW_MS && claimedInMemory.size < maxPending * 100) break;
        claimedInMemory.delete(k);
      }
      claimedInMemory.set(key, t);
      return true;
    },
    settle(channel, ref, outcome) {
      const t = now();
      write((s) => s.settleUpdate(channel, ref, outcome, t));
    },
    async takeOver(channel, staleMs) {
      const s = reachable();
      if (!s) return [];
      try {
        return (await s.takeOverUpdates(channel, owner, now() - staleMs, now())).flatMap((r) => {
          try {
            return [{ ref: r.ref, payload: JSON.parse(r.payload) as unknown }];
          } catch {
            return [];
          }
        });
      } catch (err) {
        fail(err);
        return [];
      }
    },
    flush,
    backlog: () => pending.length,
    async prune(days) {
      const s = reachable();
      if (!s) return 0;
      try {
        return await s.prune(days, now());
      } catch (err) {
        fail(err);
        return 0;
      }
    },
    async close() {
      await flush();
      if (pending.length > 0) logger.error({ unsaved: pending.length }, "closing with records the store could not take");
      try {
        await store?.close();
      } catch (err) {
        logger.warn({ err: { message: (err as Error).message } }, "closing the store failed");
      }
      store = undefined;
    },
  };
}
