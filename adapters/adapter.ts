// The contract every channel adapter follows: built by a factory from its settings, started and stopped.
import type { Conversation } from "../src/conversation.js";
import type { Journal } from "../src/journal.js";
import type { Logger } from "../src/log.js";
import type { Metrics } from "../src/metrics.js";

export interface Adapter {
  /** `terminal`, `telegram`, `discord`: also the channel name recorded with each question. */
  readonly name: string;
  /** Connects and starts answering; resolves once the channel is ready. */
  start(): Promise<void>;
  /** Stops taking new messages, finishes what is in flight, disconnects. Safe to call twice. */
  stop(): Promise<void>;
  /** Whether the channel is connected right now, and why not (for /healthz). Absent: connected once started. */
  health?(): { ok: boolean; reason?: string };
}

/** What every adapter factory receives besides its own settings. */
export interface AdapterDeps {
  readonly conversation: Conversation;
  readonly logger: Logger;
  /** Where updates are claimed and settled (default: memory only, which survives no restart). */
  readonly journal?: Journal;
  /**
   * Called when the channel cannot go on (its token was refused while running): the process should stop and exit
   * non-zero. The channel has already logged why.
   */
  readonly fatal?: (err: TokenRefused) => void;
  /** Counts platform API errors, deliveries (and Discord's per-shard work) when metrics are on. */
  readonly metrics?: Pick<Metrics, "apiError" | "shardEvent" | "delivery">;
}

/** The platform refused the token: at start or while running. The message is one line saying what to fix. */
export class TokenRefused extends Error {
  override name = "TokenRefused";
}
