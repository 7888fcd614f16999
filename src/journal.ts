// The delivery journal's contract, and a memory-only journal for a process without a store (and for tests).
import type { Delivery } from "./store/store.js";

/**
 * What makes each update answered once: taken once (a redelivery or another replica's copy is refused), settled
 * once its reply is delivered or given up, and answered by the next run when a crash or a stop left it unsettled.
 * The recorder implements it over the store; memoryJournal() within one process only.
 */
export interface Journal {
  /**
   * Takes an update for answering; false when it was taken before (a redelivery, or another replica's). A promise,
   * so that a store over the network (a shared database) can stand behind it.
   */
  claim(channel: string, ref: string, payload: unknown): Promise<boolean>;
  /** The reply to an update was delivered, given up, or there was none ("none"); or "released" unsent at a stop. */
  settle(channel: string, ref: string, outcome: Exclude<Delivery, "pending"> | "released"): void;
  /** Updates a previous run left unanswered (released, or held longer than `staleMs` by a process that died). */
  takeOver(channel: string, staleMs: number): Promise<{ ref: string; payload: unknown }[]>;
}

/** A journal in memory: catches duplicates within this process (the most recent `max` updates), survives nothing. */
export function memoryJournal(max = 100_000): Journal {
  const seen = new Set<string>();
  return {
    async claim(channel, ref) {
      const key = `${channel}:${ref}`;
      if (seen.has(key)) return false;
      seen.add(key);
      if (seen.size > max) seen.delete(seen.values().next().value!);
      return true;
    },
    settle() {},
    takeOver: async () => [],
  };
}
