// The calibrated guard's lead is counted over the best entry's next rival in its own article, wherever other
// articles' entries rank: loading another article must not change how sure an entry looks by crowding its rivals out.
import { expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus.js";
import { CALIBRATION_INPUT } from "../../src/calibration.js";
import { Matcher } from "../../src/match.js";
import { corpusDir, entry } from "../helpers/corpus.js";

const article = (title: string, entries: Record<string, string>) => ({
  source: { title, language: "en" },
  entries: Object.entries(entries).map(([id, q]) => entry(id, { questions: { en: [q], hi: [`${id} क्या है`], "hi-Latn": [`${id} kya hai`] } })),
});

it("counts the lead over the next entry of the best entry's own article, even below other articles' entries", () => {
  const orchard = article("Working in an orchard", {
    "orchard-selling": "how do mango growers sell their mangoes",
    "orchard-pruning": "how do growers prune their trees",
  });
  const market = article("Working in a fruit market", Object.fromEntries(
    ["wholesale", "auction", "retail", "export", "stall", "cart", "mandi"].map((w) => [`market-${w}`, `how do ${w} traders sell mangoes and growers mangoes`]),
  ));
  const alone = new Matcher(loadCorpus(corpusDir({ "orchard.yaml": orchard }))).match("how do mango growers sell their mangoes");
  const crowded = new Matcher(loadCorpus(corpusDir({ "orchard.yaml": orchard, "market.yaml": market }))).match("how do mango growers sell their mangoes");
  expect(crowded.id).toBe("orchard-selling");
  // The market article's entries fill every place after the best one, above the orchard's pruning entry...
  expect(crowded.candidates.slice(1).every((c) => c.id.startsWith("market-"))).toBe(true);
  // ...yet the lead is over that pruning entry, as when the orchard article is loaded alone: not its whole rank,
  // as over nothing (the lead of an entry with no rival in its article).
  const lead = (r: typeof alone) => r.calibration!.features[CALIBRATION_INPUT.lead]!;
  const selling = { ...orchard, entries: orchard.entries.filter((e) => e.id === "orchard-selling") };
  const unrivalled = new Matcher(loadCorpus(corpusDir({ "orchard.yaml": selling, "market.yaml": market }))).match("how do mango growers sell their mangoes");
  expect(lead(crowded)).toBeLessThan(lead(unrivalled) - 0.05);
  expect(lead(crowded)).toBeCloseTo(lead(alone), 1);
});
