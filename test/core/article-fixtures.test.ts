// Other career articles as data (test/fixtures/articles/: each YAML written blind by one helper, its eval set by
// another), alone beside small talk and all together with the shipped corpus. Floors guard against regressions;
// they are what this version reached, less a margin, not the targets (see the README's accuracy section).
import { copyFileSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ask } from "../../src/answer.js";
import { loadCorpus } from "../../src/corpus.js";
import { evaluate, parseEvalSet } from "../../src/evaluate.js";
import { Matcher } from "../../src/match.js";
import { corpusDir } from "../helpers/corpus.js";
import { expectFloors } from "../helpers/floors.js";

const DIR = "test/fixtures/articles";
const articles = readdirSync(DIR)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => f.replace(/\.yaml$/, ""))
  .sort();
const casesOf = (name: string) => parseEvalSet(readFileSync(join(DIR, `${name}.jsonl`), "utf8"));
const folder = (files: string[], shipped: boolean) => {
  const dir = corpusDir({}, shipped);
  if (!shipped) copyFileSync("faq/smalltalk.yaml", join(dir, "smalltalk.yaml"));
  for (const f of files) copyFileSync(join(DIR, `${f}.yaml`), join(dir, `${f}.yaml`));
  return dir;
};

it("has the test articles and their eval sets", () => {
  expect(articles.length).toBeGreaterThanOrEqual(3);
  for (const name of articles) expect(casesOf(name).length).toBeGreaterThan(50);
});

// Floors below the others', near their first runs: the anchor article, as its writer left it, asks two of its
// entries the same question (`faq lint` says so), and the fitter's near misses (an electrician's or a welder's pay)
// are other test articles' questions when all are loaded together. The veterinary assistant's first run, alone, was
// 57-64% per language, and the CSC operator's in Hinglish 50%: most of their misses were declined with the right entry
// first among the suggestions, as were the bank mitra's in Hinglish (57%) and the pest control technician's in English
// (61%, 58% after the rivals change, 55% after "pay" became a salary word: "do i have to pay for a course" is the verb;
// 52% with the letters in the ranking, one more declined with the right entry first). The hospital receptionist's near misses (a patient booking an OPD slot, a nurse's pay) use
// other test articles' words when all are loaded, as the fitter's do. The mushroom farming article's first run, alone,
// was 56.7% in Hinglish (60% after "milegi" met "milti", 56.7% again once the letters joined the calibrated guard).
// The hotel receptionist's English went from 71.4% to 57.1% when the letters joined it (four more declined with the
// right entry first), as its near misses declined went from 13 to 15 of 16 and its wrong answers from 4 to 2. With
// entries' titles as questions the advocate's English went from 65.5% to 58.6% (its Hindi and Hinglish up 7 and 4
// points) and the CNC operator's Hindi from 60.7% to 57.1% (its Hinglish up 3.5).
const ALONE_IN_SCOPE: Readonly<Record<string, number>> = {
  "hotel-receptionist": 55,
  anchor: 50,
  "veterinary-assistant": 50,
  "csc-operator": 46,
  "bank-mitra": 50,
  "pest-control": 50,
  "mushroom-farming": 55,
  advocate: 55,
  "cnc-operator": 55,
  "chai-stall": 50,
};
// (With batches 59 to 64 among the test articles and the trees refit over 238, the tea stall's Hinglish went from 17
// to 15 of 28 alone: two more declined.)
// (The bank mitra's near misses, a bank PO exam or opening an account, are the bank PO's and bank clerk's test articles'
// questions, and those articles answer some of its own too: 19 of its 102 count as wrong answers there.)
// (So are the travel agent's, below: 19 of its 100 are wrong there.)
const TOGETHER_WRONG: Readonly<Record<string, number>> = { "bank-mitra": 0.2, "travel-agent": 0.2 };
// (The travel agent's near misses, a tour guide's licence, a hotel receptionist's or an airport ground staff job, are
// other test articles' questions: its first run together declined 5 of 16 and had 19 wrong answers, 11 of them near
// misses, among them a pilot's and a TTE's career answered by the railway and fitter articles' entries.)
// (The CCTV technician's near misses are a security guard's shifts and pay, a solar installer's, a mobile repair
// course: other test articles answer 7 of its 16 when all are loaded, and two go to its own entries.)
// (The bank PO's near misses are a clerk's exam and pay, an LIC agent's, opening an account, RBI exams: the clerk,
// bank mitra and insurance articles answer them, and with 102 articles the loco pilot's exam preparation takes one.)
// (The street food vendor's near misses, a chef's or a cook's job, a delivery partner's, a waiter's pay, a bakery
// course, are the cook, delivery, baker and waiter articles' questions: they answer 9 of its 16 when all are loaded.)
// (So are the plant nursery's, a seed shop's licence, mushroom or dairy farming, beekeeping subsidies, a florist's
// course: 8 of its 16; and the school bus driver's, a cab, truck, ambulance or delivery driver's pay, a conductor's
// exam, a driving school: 10 of its 16.)
// (And the airport ground staff's, cabin crew pay, a pilot's or a railway TC's eligibility, a flight ticket: with 117
// articles the cabin crew, airline pilot, railway and travel agent articles answer 9 of its 16; the loco pilot's, a
// TTE's or a station master's pay and duties, an airline pilot's career, a goods guard's qualification: 8 of its 16
// go to the TTE, station master, airline pilot and other railway articles.)
const TOGETHER_OUT_OF_SCOPE: Readonly<Record<string, number>> = {
  "street-food-vendor": 25,
  "nursery-business": 25,
  "school-bus-driver": 20,
  "iti-fitter": 40,
  "hospital-reception": 40,
  "bank-mitra": 25,
  "travel-agent": 25,
  cctv: 40,
  "bank-po": 40,
  "ground-staff": 40,
  "loco-pilot": 40,
  "interior-designer": 40,
  "web-developer": 35,
  sericulture: 40,
  dietitian: 40,
  steno: 40,
};
// (The steno's near misses, a typist's or a court clerk's vacancy and pay, a data entry operator's job, medical
// transcription from home, are the court typist's, the bank clerk's, the data entry and transcription articles'
// questions: with 174 articles 8 of its 17 declined together.)
// (With the kind model, which knows how any career words a question about pay or a course, the interior designer's
// near misses declined together went from 50% or more to 47.1% (an architect's or a civil engineer's pay, a graphic
// designer's course) and the web developer's to 43.8% (37.5% with 132 articles: an app developer's pay, a data analyst's or a software tester's
// career: other test articles' questions, batch 42's software tester among them).)
// (The sericulture set's near misses ask about beekeeping's and mushroom farming's training and subsidies, which
// those test articles answer together: 7 of 16 declined.)
// The delivery executive's and the courier's articles answer the same questions ("delivery boy ki salary"): together,
// either entry may win, and the other set counts it wrong (the two-wheeler mechanic's bike words take a few more; with
// the calibrated guard's trees the courier's Hindi stands at 26.7% together).
// (The tour guide's Hindi stood at 28.6% with 78 articles, 30% or more with 72: the new articles share its words.)
// (The veterinary assistant's Hinglish, "is kaam ke liye kya skills chahiye", names no article's subject: with 117
// articles, the pet groomer's among them, such questions are questions back, 28.6%.)
// The hospital receptionist's near misses alone (a nurse's pay, a patient's OPD booking) ask what its own entries'
// kinds are about: with the kind model 7 of 16 are declined (9 before), as its in-scope questions went from 74 to 78
// of 85.
const ALONE_OUT_OF_SCOPE: Readonly<Record<string, number>> = { "hospital-reception": 40 };
// (With 150 articles, 17 of the packers and movers' 29 Hindi questions tie with another article's entry, naming none
// of its own words: the bot asks which one is meant, and 8 are answered right; 7 at the 0.70 and 0.71 bars.)
// (The dietitian's near misses are other test articles' questions: a physiotherapist's, a pharmacist's, a gym
// trainer's or a lab technician's course or pay, which those articles answer together: 7 of 16 declined at the 0.70 and 0.71 bars.)
// (The railway coolie's Hindi names it as कुली, whose short key ("kl") words of many articles share: with 174 articles
// together its entries are not among those the question's rarer words gather, and other careers' age or pay questions
// tie ("कुली बनने के लिए उम्र कितनी होनी चाहिए?" asks back between the courier's and the crane operator's): 28.6%
// together, 85.7% alone.)
// (And the street food vendor's Hinglish, beside the tea stall article of batch 51 among 180: 28.6% together; the
// hearing aid technician's Hindi among 192, batch 54 among them: 28.6%; the pashu sakhi's and the tea stall's
// Hinglish among 204, with eighteen kinds and the trees refit: 8 of 28 each, where each was 9. Both stand at 33 or 34
// of their 84 in-scope questions together, against 60% or more alone.)
// (With the Hindi "how to" typed without its nasal, a process read as how to, and the kinds and trees refit, the
// delivery executive's Hinglish went from 6 to 5 of 29 together and the medical transcriptionist's Hindi from 9 to 8
// of 28: one question each, among 204 articles.)
// (With 238 articles together, batches 59 to 64 among them, the delivery executive's Hinglish stands at 4 of 29, the
// domestic worker's at 8 of 28, the retail sales associate's and, with "how to" keeping its verb, the sanitation
// worker's at 8 of 29.)
const TOGETHER_IN_SCOPE: Readonly<Record<string, number>> = {
  "delivery-executive": 10,
  "domestic-worker": 25,
  "retail-sales-associate": 25,
  "sanitation-worker": 25,
  "medical-transcriptionist": 25,
  courier: 25,
  "tour-guide": 25,
  "veterinary-assistant": 25,
  "packers-movers": 20,
  "railway-coolie": 25,
  "street-food-vendor": 25,
  "hearing-aid-technician": 25,
  "pashu-sakhi": 25,
  "chai-stall": 25,
};

describe.each(articles)("the %s article alone, beside small talk", (name) => {
  const matcher = new Matcher(loadCorpus(folder([name], false)));
  // (The calibrated guard declines a little more than it guesses wrong: see TUNING.calibratedBar.)
  it("answers its eval set above the floor", () => expectFloors(evaluate(casesOf(name), (q) => ask(matcher, q).result), ALONE_IN_SCOPE[name] ?? 60, ALONE_OUT_OF_SCOPE[name] ?? 50, 0.12));
});

describe("every test article together with the shipped corpus", () => {
  const matcher = new Matcher(loadCorpus(folder(articles, true)));
  // (Dozens of careers at once share most of their words: "salary kitni hai?" is then a question back, which is why
  // these floors are lower than one article's beside the shipped one.)
  it.each(articles)("answers the %s eval set above the floor", (name) =>
    expectFloors(evaluate(casesOf(name), (q) => ask(matcher, q).result), TOGETHER_IN_SCOPE[name] ?? 30, TOGETHER_OUT_OF_SCOPE[name] ?? 50, TOGETHER_WRONG[name] ?? 0.18),
  );

  // An article is judged among its own entries as when it is alone (see Matcher.articleWeights): ninety other
  // articles' words must not reorder them. (Weighed by all articles' rarity alone, 12 of the shipped article's 1,323
  // phrasings ranked another of its entries first.)
  it("answers an article's own phrasing as written only when it names that article", () => {
    // "पहला क्लाइंट कैसे मिलेगा?" (how do I get my first client) is a photographer's phrasing, and any freelancer's question.
    expect(matcher.match("पहला क्लाइंट कैसे मिलेगा?").stage).not.toBe("as written");
    expect(matcher.match("barber kaise bane").id).toMatch(/^barber-/);
  });

  it("ranks each of the shipped article's own phrasings to the entry it ranks first alone", () => {
    const alone = new Matcher(loadCorpus("faq"));
    const moved: string[] = [];
    for (const entry of alone.corpus.entries.filter((e) => !e.smalltalk)) {
      for (const question of Object.values(entry.questions).flat()) {
        const first = (m: Matcher) => m.match(question).candidates[0]?.id;
        if (first(matcher) !== first(alone)) moved.push(question);
      }
    }
    expect(moved).toEqual([]);
  });

  // (The target is 95%. With 90 test articles the shipped sets stood at 93.4 / 94.4 / 94.1%: every word's
  // weight is its rarity across all articles, so a word rare in the shipped article and common across ninety weighed
  // little against its entries, and they tied. Judging an article's entries in its own frame (Matcher.articleWeights)
  // took them to 94.4 / 95.1 / 96.8% with 93; this floor catches a change that loses that.)
  const shippedFloor: Readonly<Record<string, number>> = { en: 94, hi: 94.5, "hi-Latn": 96 };
  it("keeps the shipped article's questions: the project's eval sets stay at 94-96% in each language", () => {
    const cases = readdirSync("test/fixtures")
      .filter((f) => /^eval.*\.jsonl$/.test(f) && !f.startsWith("eval-realchat"))
      .flatMap((f) => parseEvalSet(readFileSync(join("test/fixtures", f), "utf8")));
    const report = evaluate(cases, (q) => ask(matcher, q).result);
    for (const [lang, floor] of Object.entries(shippedFloor)) expect(report.groups[`in-scope ${lang}`]!.pct, lang).toBeGreaterThanOrEqual(floor);
  });
});

// Every real-chat-shaped set: at least 88% of its out-of-scope questions declined, at most 7% wrong answers. (Sets H
// and J, written after the others, found more near misses about the article's own words: their floors are near
// their first runs'.)
// (AN's near miss "कंपनी की सेल्स कैसे बढ़ाएं, कोई टिप्स?", how to raise a company's sales, keeps its verb (grow) since
// "how to" no longer swallows it, and gets the entry on who raises a company's sales: 12 wrong of 170.)
const REALCHAT_FLOORS: Readonly<Record<string, readonly [outOfScope: number, wrong: number]>> = { "eval-realchat-h": [85, 0.09], "eval-realchat-j": [85, 0.07], "eval-realchat-an": [88, 0.075] };
const realchat = readdirSync("test/fixtures")
  .filter((f) => /^eval-realchat-.*\.jsonl$/.test(f))
  .map((f) => f.replace(/\.jsonl$/, ""))
  .sort()
  .map((name) => [name, ...(REALCHAT_FLOORS[name] ?? [88, 0.07])] as const);
describe.each(realchat)("the real-chat-shaped set %s", (name, outOfScope, wrong) => {
  const matcher = new Matcher(loadCorpus("faq"));
  it("stays above its floor", () => expectFloors(evaluate(parseEvalSet(readFileSync(`test/fixtures/${name}.jsonl`, "utf8")), (q) => ask(matcher, q).result), 65, outOfScope, wrong));
});
