// The contract every channel adapter follows: built by a factory from its settings, started and stopped.
import type { Conversation } from "../src/conversation.js";
import type { Logger } from "../src/log.js";

export interface Adapter {
  /** `terminal`, `telegram`, `discord`: also the channel name recorded with each question. */
  readonly name: string;
  /** Connects and starts answering; resolves once the channel is ready. */
  start(): Promise<void>;
  /** Stops taking new messages, finishes what is in flight, disconnects. Safe to call twice. */
  stop(): Promise<void>;
}

/** What every adapter factory receives besides its own settings. */
export interface AdapterDeps {
  readonly conversation: Conversation;
  readonly logger: Logger;
}
