// Test doubles for the adapters' delivery: waits the test controls instead of sleeping.

/** A pause the test ends: records each requested delay, and resolves when released (or when the adapter stops). */
export function heldPause() {
  const requested: number[] = [];
  const releases: (() => void)[] = [];
  let notify: (() => void) | undefined;
  return {
    requested,
    pause(ms: number, signal: AbortSignal): Promise<void> {
      requested.push(ms);
      notify?.();
      return new Promise<void>((resolve) => {
        releases.push(resolve);
        signal.addEventListener("abort", () => resolve(), { once: true });
      });
    },
    /** Resolves once the adapter has asked for a wait (at once if it already has). */
    asked(): Promise<void> {
      return requested.length > 0 ? Promise.resolve() : new Promise<void>((resolve) => (notify = resolve));
    },
    release(): void {
      for (const resolve of releases.splice(0)) resolve();
    },
  };
}

/**
 * A clock the outbox's waits advance instead of sleeping (each wait is recorded in `pauses`), and what each
 * message's delivery came to: `options` go to the adapter, `settled(id)` resolves once that message is settled.
 */
export function virtualDelivery() {
  const pauses: number[] = [];
  let skipped = 0;
  const settled = new Map<string, boolean>();
  const waiters = new Map<string, () => void>();
  return {
    pauses,
    options: {
      pause: async (ms: number) => {
        pauses.push(ms);
        skipped += ms;
      },
      now: () => Date.now() + skipped,
      onSettled: (id: string, delivered: boolean) => {
        settled.set(id, delivered);
        waiters.get(id)?.();
      },
    },
    settled: (id: string): Promise<boolean> =>
      settled.has(id) ? Promise.resolve(settled.get(id)!) : new Promise<boolean>((resolve) => waiters.set(id, () => resolve(settled.get(id)!))),
  };
}
