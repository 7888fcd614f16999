// Shared per-user state keyed by a salted hash: the shared store never sees a raw platform user id.
import { createHash } from "node:crypto";
import type { SharedState } from "./store.js";

export function withHashedUsers(state: SharedState, salt: string): SharedState {
  const key = (user: string) => createHash("sha256").update(`${salt}\u0000shared\u0000${user}`).digest("hex").slice(0, 32);
  return {
    hit: (user, limit, windowMs) => state.hit(key(user), limit, windowMs),
    language: (user) => state.language(key(user)),
    setLanguage: (user, choice) => state.setLanguage(key(user), choice),
    followUp: (user, withinMs) => state.followUp(key(user), withinMs),
    setFollowUp: (user, entry) => state.setFollowUp(key(user), entry),
  };
}
