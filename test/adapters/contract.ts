// The behaviour every channel must show, run by each adapter's suite against its own loopback harness.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus.js";

export interface ChannelHarness {
  /** The channel's limit on one message's visible text. */
  readonly maxLength: number;
  /**
   * Sends `text` as a private/direct message from `user` and resolves with the visible texts of every message
   * the bot sent in reply (text, embed descriptions, button labels), one string per message sent.
   */
  ask(text: string, user?: string): Promise<string[]>;
}

const corpus = loadCorpus("faq");
const answer = (id: string, lang: "en" | "hi") => corpus.byId.get(id)!.answer[lang];
// The first sentence is enough to recognise an answer, whatever the channel wraps around it.
const opening = (s: string) => s.split(/[.।]/)[0]!.trim();

export function adapterContract(name: string, setup: () => Promise<{ harness: ChannelHarness; teardown: () => Promise<void> }>): void {
  describe(`${name}: the shared channel behaviour`, () => {
    let harness: ChannelHarness;
    let teardown: () => Promise<void>;
    beforeAll(async () => {
      ({ harness, teardown } = await setup());
    });
    afterAll(async () => {
      await teardown?.();
    });

    const joined = async (text: string, user?: string) => (await harness.ask(text, user)).join("\n");

    it("answers an English question in English", async () => {
      expect(await joined("What does the back office do in a bank?")).toContain(opening(answer("back-office-bank", "en")));
    });

    it("answers a Devanagari question in Hindi", async () => {
      expect(await joined("बैंक में फ्रंट ऑफिस में कौन काम करता है?")).toContain(opening(answer("front-office-bank", "hi")));
    });

    it("answers misspelt Hinglish in Hindi", async () => {
      expect(await joined("frnt ofice aur bak offise me kya fark hai")).toContain(opening(answer("difference", "hi")));
    });

    it("says it does not know instead of guessing", async () => {
      const text = await joined("xqzv plorf wibble");
      for (const e of corpus.entries) expect(text).not.toContain(opening(e.answer.en));
      expect(text.length).toBeGreaterThan(0);
    });

    it("copes with a 7,000-character message and keeps every message within the limit", async () => {
      const sent = await harness.ask(`${"back office kya hai ".repeat(350)}`);
      expect(sent.length).toBeGreaterThan(0);
      for (const m of sent) expect(m.length).toBeLessThanOrEqual(harness.maxLength);
    });

    it("keeps users' language choices apart and answers each user", async () => {
      const [a, b] = await Promise.all([joined("what is front office?", "u-a"), joined("फ्रंट ऑफिस क्या होता है?", "u-b")]);
      expect(a).toContain(opening(answer("front-office", "en")));
      expect(b).toContain(opening(answer("front-office", "hi")));
    });
  });
}
