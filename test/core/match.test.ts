import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus.js";
import { evaluate, parseEvalSet } from "../../src/evaluate.js";
import { ask } from "../../src/answer.js";
import { Matcher, typicalTerms } from "../../src/match.js";
import { formatExplain } from "../../src/explain.js";
import { splitQuestions } from "../../src/parts.js";
import { phoneticKey, romanize, spelledLetters, stem } from "../../src/translit.js";
import { corpusDir, entry, fixtureArticles, phrasings } from "../helpers/corpus.js";

const matcher = new Matcher(loadCorpus("faq"));
const idOf = (q: string) => matcher.match(q).id;
const key = (w: string) => phoneticKey(stem(/[\u0900-\u097f]/.test(w) ? romanize(w) : w));

describe("spellings of one word meet in one key", () => {
  it.each([
    ["front", "फ्रंट"], ["office", "ऑफिस"], ["back", "बैक"], ["bank", "बैंक"], ["customer", "कस्टमर"],
    ["cashier", "कैशियर"], ["jimmedari", "जिम्मेदारी"], ["zimmedari", "जिम्मेदारी"], ["staff", "स्टाफ"],
    ["production", "प्रोडक्शन"], ["frnt", "front"], ["offise", "office"], ["bak", "back"], ["duties", "duty"],
    ["worked", "work"], ["trained", "train"], ["applied", "apply"],
  ])("%s ~ %s", (a, b) => expect(key(a)).toBe(key(b)));

  it("keeps bank and back apart", () => expect(key("bank")).not.toBe(key("back")));

  it("keeps a word that only ends like a past tense whole", () => expect(key("speed")).not.toBe(key("sp")));
});

describe("matching the project's eval set", () => {
  const cases = parseEvalSet(readFileSync("test/fixtures/eval.jsonl", "utf8"));
  const report = evaluate(cases, (q) => ask(matcher, q).result);

  it("finds the right topic for at least 90% of the questions in each language", () => {
    for (const lang of ["en", "hi", "hi-Latn"]) expect(report.groups[`in-scope ${lang}`]!.pct, lang).toBeGreaterThanOrEqual(90);
  });

  it("declines at least 90% of the out-of-scope questions", () => {
    expect(report.groups["out-of-scope"]!.pct).toBeGreaterThanOrEqual(90);
  });

  it("answers every matched question in the question's language", () => {
    expect(report.wrongAnswerLang).toBeLessThanOrEqual(report.groups.all!.n * 0.03);
  });

  it("covers every topic in all three forms", () => {
    const topics = new Set(matcher.corpus.entries.map((e) => e.id));
    for (const id of topics) {
      for (const lang of ["en", "hi", "hi-Latn"]) {
        expect(cases.some((c) => c.lang === lang && c.expect?.includes(id)), `${id} ${lang}`).toBe(true);
      }
    }
  });
});

// Sets written later, each by someone who never saw the corpus: chatty life stories, phone typing, near misses,
// formal Hindi, workers describing their own jobs, and mixes like the held-out set the matcher is judged on.
// Each must keep at least 88% in every language; workers describing their own day in English are the hardest.
describe.each([
  ...["eval-holdout", "eval-blind", "eval-chatty", "eval-typos", "eval-nearmiss", "eval-tester", "eval-qa", "eval-situations"],
  ...["eval-users", "eval-heldout2", "eval-counsellor", "eval-ship", "eval-support", "eval-evaluator", "eval-bilingual"],
  ...["eval-phone", "eval-formal", "eval-tricky", "eval-mix1", "eval-mix2", "eval-paraphrase", "eval-mix3", "eval-judge"],
  ...["eval-hindi-variety", "eval-hindi1", "eval-hindi2", "eval-english", "eval-mix4", "eval-examiner", "eval-mix5", "eval-chat"],
  ...["eval-mix6", "eval-hidden-like", "eval-mix7", "eval-situational", "eval-mix8", "eval-qa2", "eval-mix9", "eval-mix10"],
  ...["eval-mix11", "eval-mix12", "eval-indirect", "eval-mix13"],
  ...["eval-set-aq", "eval-set-ar", "eval-set-as", "eval-set-at", "eval-set-au", "eval-set-av"],
  ...["eval-set-aw", "eval-set-ax", "eval-set-ay", "eval-set-az", "eval-set-ba", "eval-set-bb"],
  ...["eval-set-bc", "eval-set-bd", "eval-set-be", "eval-set-bf", "eval-set-bg", "eval-set-bh"],
  ...["eval-set-bi", "eval-set-bj", "eval-set-bk", "eval-set-bl", "eval-set-bm", "eval-set-bn"],
  ...["eval-set-bo", "eval-set-bp", "eval-set-bq", "eval-set-br", "eval-set-bs", "eval-set-bt"],
].map((name): [string, number] => [name, 88]).concat([["eval-workers", 85]]))("matching %s", (name, floor) => {
  const report = evaluate(parseEvalSet(readFileSync(`test/fixtures/${name}.jsonl`, "utf8")), (q) => ask(matcher, q).result);

  it(`finds the right topic for at least ${floor}% of the questions in each language`, () => {
    // Some sets hold one or two languages only.
    const langs = ["en", "hi", "hi-Latn"].filter((lang) => report.groups[`in-scope ${lang}`] !== undefined);
    expect(langs.length).toBeGreaterThan(0);
    for (const lang of langs) expect(report.groups[`in-scope ${lang}`]!.pct, lang).toBeGreaterThanOrEqual(floor);
  });

  it("declines at least 90% of the out-of-scope questions, and answers at most 3% wrongly", () => {
    expect(report.groups["out-of-scope"]!.pct).toBeGreaterThanOrEqual(90);
    expect(report.wrongAnswers).toBeLessThanOrEqual(report.groups.all!.n * 0.03);
  });
});

describe("subjects the article never covers", () => {
  // Their words must not collide with everyday ones ("kar" is "do", not "कर", tax): no question any eval set
  // expects an answer to may use one. (`faq lint` catches a corpus question that does.)
  it("are named by no question that has an answer", () => {
    const subjects = Object.keys(matcher.corpus.lexicon.subjects).filter((c) => c !== "#HOWTO");
    // (Not the real-chat-shaped sets, written blind: they may name a subject as context, as "the accounts clerk who
    // maintains fee records" does; their floors hold them.)
    const questions = readdirSync("test/fixtures")
      .filter((f) => f.endsWith(".jsonl") && !f.startsWith("eval-realchat"))
      .flatMap((f) => parseEvalSet(readFileSync(`test/fixtures/${f}`, "utf8")))
      .filter((c) => c.expect !== null)
      .map((c) => c.question);
    // (A message of several questions may ask one the article covers and one it does not: those are split.)
    const offending = questions
      .filter((q) => splitQuestions(matcher, q).length === 1)
      .filter((q) => {
        const { forms, aside } = matcher.analyzer.analyzeQuestion(q);
        return forms.some((f, i) => !aside[i] && f.concept !== undefined && subjects.includes(f.concept));
      });
    expect(offending).toEqual([]);
  });
});

describe("front office and back office are never confused", () => {
  const front = ["What is front office?", "फ्रंट ऑफिस क्या होता है?", "front office kya hai", "frnt ofice ki jimmedari", "फ्रन्ट आफिस का काम"];
  const back = ["What is back office?", "बैक ऑफिस क्या है?", "back office kya hota hai", "bak offise ki zimmedari", "बेक ऑफिस क्यों जरूरी"];
  const sideOf = (id: string | null) => (id?.startsWith("front-office") ? "front" : id?.startsWith("back-office") ? "back" : "other");
  it.each(front)("%s never gets a back office answer", (q) => expect(sideOf(idOf(q))).not.toBe("back"));
  it.each(back)("%s never gets a front office answer", (q) => expect(sideOf(idOf(q))).not.toBe("front"));
  it("names the right side for definitions in every script", () => {
    for (const q of front.slice(0, 3)) expect(idOf(q)).toBe("front-office");
    for (const q of back.slice(0, 3)) expect(idOf(q)).toBe("back-office");
  });
});

describe("hard cases", () => {
  it.each([
    ["wat is frnt ofice", "front-office"],
    ["what is bak offise", "back-office"],
    ["back ofis ki jimedari", "back-office-duties"],
    ["Front Office और Back Office में अंतर", "difference"],
    ["bank का back office कब काम करता है", "back-office-bank"],
    ["frontoffice backoffice fark", "difference"],
    ["अस्पताल में रिसेप्शन", "front-office-hospital"],
    ["I don't like talking to customers, which job should I take?", "which-job"],
    ["hello, what is back office?", "back-office"],
  ])("%s -> %s", (q, id) => expect(idOf(q)).toBe(id));

  it.each([
    "What is the salary of a back office job?",
    "how to open a bank account",
    "front office course fees",
    "hospital me appointment kaise book kare",
    "दुबई का वीजा कैसे बनवाएं?",
    "What is IMDB rating?",
    "",
    "???",
  ])("declines %j", (q) => expect(idOf(q)).toBeNull());

  it.each([
    ["what are staff called who never talk to customers directly?", "back-office"],
    ["staff who never deal with clients face to face, what is that job?", "back-office"],
  ])("keeps the negation: %s -> %s", (q, id) => expect(idOf(q)).toBe(id));

  it.each([
    // Describing a side without naming it still rules out the other side's entries.
    ["जो कर्मचारी ग्राहक से सीधे नहीं मिलते उन्हें क्या कहते हैं", "front-office"],
    ["the staff who deal with customers face to face, what are they called?", "back-office"],
    // ...but a tag "na" or "not sure" negates nothing, and avoiding is not meeting.
    ["batao na, customer se kaun milta hai company me", "back-office"],
    ["I'm not sure which staff talk to customers in a company", "back-office"],
    ["people who avoid talking to customers work in which office?", "front-office"],
  ])("never answers %j with %s", (q, wrong) => expect(idOf(q)).not.toBe(wrong));

  it.each([
    ["what do I do in a back office job?", ["back-office", "back-office-duties"]],
    // (Not small talk's "help" for "मदद": declining is no mistake.)
    ["बैक ऑफिस कैसे हमें मदद करता है?", ["back-office-duties", "back-office-importance", null]],
    ["backofis kya hai", ["back-office"]],
    ["thanks bot", ["thanks"]],
    ["12th ke baad front office job kaise milegi", [null]],
    ["how do I get a front office job?", [null]],
  ])("does not mistake the words around a question: %j", (q, ids) => expect(ids).toContain(idOf(q)));

  it.each([
    // "Back to the customer" names no side of the office, so it vetoes nothing.
    ["who carries the company's rules to customers and their complaints back to the company?", "front-office-duties"],
    // A meaning is a definition, not a list of duties.
    ["front office staff ka matlab", "front-office"],
    // Small talk spelt near its own spellings stays small talk, though articles use its short keys ("gd", "bd").
    ["gd morning", "greeting"],
    ["bahut badiya", "thanks"],
  ])("reads %j as %s", (q, id) => expect(idOf(q)).toBe(id));

  it.each([
    // The article explains what and why; a procedure sharing its words is another question.
    "how do I get my ATM card replaced at the bank?",
    "passbook kaise update karu",
    "मुझे बैंक में कैशियर की नौकरी कैसे मिलेगी?",
    "बैंक से लोन कैसे लें",
  ])("declines the procedure %j", (q) => expect(idOf(q)).toBeNull());

  it.each([
    // Subjects the article never covers, however many of its words come with them.
    ["which documents does the bank want for an ATM card?", "documents"],
    ["bank cashier ki tankhwah kitni hoti hai", "pay"],
    ["फ्रंट ऑफिस की वैकेंसी कहाँ निकली है", "vacancies"],
    ["back office job ke liye resume me kya likhe", "a CV"],
  ])("declines %j, which asks about %s", (q, subject) => {
    const r = matcher.match(q);
    expect(r.id).toBeNull();
    expect(r.decision).toContain(`asks about ${subject}`);
  });

  it.each([
    ["My sister just finished college and she is really shy, she hates talking to strangers and would rather sit quietly with files all day. Which kind of job should she look for?", "which-job"],
    ["diff btwn frnt ofc n bak ofc", "difference"],
    ["I dont like meeting new people, which role is for me?", "which-job"],
    ["thanks so much, that cleared it up nicely", "thanks"],
    ["that was really helpful", "thanks"],
    ["shukriya yaar, badi kaam ki baat batayi", "thanks"],
    ["main shy hu, kaun si job kar sakti hu", "which-job"],
    ["why should anyone even bother about front office and back office when job hunting?", "job-types"],
  ])("understands how people chat: %s -> %s", (q, id) => expect(idOf(q)).toBe(id));

  it.each([
    // Words the article's questions never spell this way, read right by their concepts, but the letters of the
    // question look more like another entry's questions: the calibrated guard hesitates (see Surface) and offers
    // the entry it read, first, rather than answering.
    ["चिकित्सालय के स्वागत कक्ष में कार्यरत कर्मचारी किस कार्यालय में आते हैं?", "front-office-hospital"],
    ["do back office people deal with customers face to face?", "back-office"],
  ])("puts first the entry it reads %j as: %s", (q, id) => {
    // (Offered today rather than answered; answering would be better, so only the reading is held.)
    expect(matcher.match(q).candidates[0]!.id).toBe(id);
  });

  it.each([
    // Formal Hindi, as in a textbook or an office letter.
    ["फ्रंट ऑफिस से क्या अभिप्राय है?", "front-office"],
    ["बैक ऑफिस स्टाफ के प्रमुख उत्तरदायित्व क्या-क्या हैं?", "back-office-duties"],
    // Words typed together, three at a time.
    ["frontofficestaff meaning", "front-office"],
    ["frontvsback office difrnce", "difference"],
    // Knowing about both is why a job seeker should care.
    ["job dhundh raha hu, front office back office ka pata hona kyu zaruri hai", "job-types"],
    // "Kya farak padta hai" asks for an effect, not a difference; "saath milke" is together.
    ["sales team aur back office ki ladai se customer pe kya farak padta hai", "coordination"],
    ["front aur back office ko saath me milke kaam karna padta h kya", "coordination"],
    // Context the corpus knows nothing of, told in a sentence of its own, does not drown the question.
    ["I'm preparing a session for final-year students. How would you explain how front office jobs differ from back office jobs?", "difference"],
    // Timings are opening hours, unless the question is about the work after closing time.
    ["Sir I have got offer from a bank where timing is evening after branch closes and there is no customer dealing. Which type of job is this?", "back-office-bank"],
    // Disliking, even "not really" liking, is not liking.
    ["I don't really like talking to customers, which job should I go for?", "which-job"],
    // "Hi" inside a Hinglish sentence is a particle, not a greeting.
    ["back office wale customer se milte hi nahi kya", "back-office"],
  ])("reads %j as %s", (q, id) => expect(idOf(q)).toBe(id));

  it.each([
    "bank ki timing kya hoti hai",
    "difference between front end and back end development",
    "बैंक में पासबुक कैसे अपडेट कराएं",
    "bank ka time kya hai",
    "bank me clerk kaise bane",
    "front office executive interview questions",
    "ilaj ke liye sabse accha hospital kaunsa hai",
    // ...but the same unknown subject inside the question itself still counts in full.
    "front office interview questions and answers",
    // Becoming something is a career path the article never describes.
    "अस्पताल में रिसेप्शनिस्ट बनने के लिए क्या पढ़ाई करनी पड़ती है",
    "what qualification do I need to become a hospital receptionist",
    // A city is not two words run together ("luck" + "know").
    "lucknow me ilaj ke liye best hospital konsa h",
  ])("declines %j", (q) => expect(idOf(q)).toBeNull());

  it.each([
    ["backoffice meaning", "en"],
    ["how to cook biryani", "en"],
    ["front office staff kise bolte h", "hi-Latn"],
    ["bak ofis kya h", "hi-Latn"],
    // How Hinglish writers greet and thank, and asking for Hindi.
    ["hii", "hi-Latn"],
    ["thank you bhai", "hi-Latn"],
    ["front ofice back ofice difference hindi", "hi-Latn"],
    // Hinglish said with its everyday words only, beside English nouns.
    ["dono office difference samjha do", "hi-Latn"],
    ["koi help kar do", "hi-Latn"],
    ["thoda detail me bata do", "hi-Latn"],
    ["hello", "en"],
    // Words English writers use too (a brand, an agar plate) mark nothing.
    ["Bata store salary", "en"],
    ["agar plate preparation lab technician", "en"],
  ])("reads %j as %s", (q, lang) => expect(matcher.match(q).lang).toBe(lang));

  it.each(["kya hai", "what is it?", "why?"])("answers no article topic for question words alone: %j", (q) => {
    const id = idOf(q);
    if (id !== null) expect(matcher.corpus.byId.get(id)!.smalltalk).toBe(true);
  });

  it("reads the text of pasted markup, not its tags", () => {
    expect(idOf("<span class=x>back office</span> kya hai?")).toBe("back-office");
  });

  it("does not correct a word into a different word with a similar key", () => {
    // "alert" and "apart" share a skeleton letter for letter but one; their spellings are far apart.
    expect(matcher.match("alert").words[0]).toMatchObject({ as: "unknown" });
  });

  it.each([
    ["france", "a country is not a typo of front"],
    ["परीक्षा", "an exam (pariksha) is not a definition (paribhasha)"],
    ["logistics", "a long word is not split into look-alike keys (log + stock)"],
  ])("leaves %s unknown: %s", (word) => {
    expect(matcher.match(word).words).toEqual([expect.objectContaining({ word, as: "unknown" })]);
  });

  it("corrects a word whose ending its stem lost by the whole word ('editng' for 'editing')", () => {
    const dir = corpusDir({
      "editor.yaml": {
        source: { title: "Video editor", language: "hi" },
        entries: [entry("ve-course", phrasings(["Video editing course fees", "Which editing course is best?"], ["वीडियो एडिटिंग कोर्स की फीस"], ["video editing course ki fees"]))],
      },
    });
    const words = new Map(new Matcher(loadCorpus(dir)).match("vidoe editng cours fees").words.map((w) => [w.word, w]));
    expect(words.get("editng")).toMatchObject({ how: "typo of editing" });
  });

  it("does not correct a whole word into another that only its loose spelling or a changed letter makes near", () => {
    // "letter" is not "lesser", nor a sister ("behan") "began", nor "sahit" (with) "sahi".
    const word = (q: string, w: string) => matcher.match(q).words.find((x) => x.word === w);
    expect(word("could you please explain in a letter", "letter")).toMatchObject({ as: "unknown" });
    expect(word("meri behan back office kar sakti hai?", "behan")?.how).not.toMatch(/^typo/);
    expect(word("dhanyavaad sahit, front office kya hai", "sahit")?.how).not.toMatch(/^typo/);
  });

  it.each([
    ["grwoth", "#GROWTH"],
    ["receptoin", "#RECEPTION"],
    ["backofice", "bk"],
  ])("still reads the slip %s as %s", (word, term) => {
    expect(matcher.match(word).words[0]).toMatchObject({ word, as: term });
  });

  it("offers suggestions when unsure", () => {
    const r = matcher.match("office");
    expect(r.id).toBeNull();
    expect(r.suggestions.length).toBeGreaterThan(0);
  });

  it("says why it declined: a procedure, a tie, or not sure enough", () => {
    expect(matcher.match("passbook kaise update karu").decision).toMatch(/^no answer: it asks about procedures/);
    expect(matcher.match("front office uniform").decision).toMatch(/^no answer: not sure enough \(calibrated confidence 0\.\d+ against 0\.75/);
    expect(matcher.match("front office course").decision).toMatch(/^no answer: it asks about qualifications/);
    expect(matcher.match("office").decision).toMatch(/^no answer: .* fit equally well$/);
    expect(matcher.match("what is back office").decision).toMatch(/^answered: calibrated confidence/);
  });

  it("names the stage that decided", () => {
    expect(matcher.match("passbook kaise update karu").stage).toBe("guard uncovered-subject");
    expect(matcher.match("front office uniform").stage).toBe("guard not-sure-enough");
    expect(matcher.match("office").stage).toBe("guard ambiguous");
    expect(matcher.match("what does a chef do in an office").stage).toBe("guard other-field");
    // ...but a question naming a side the article contrasts is about it, whatever line of work it names.
    expect(matcher.match("is a chef front office or back office?").stage).not.toBe("guard other-field");
    expect(matcher.match("what is back office").stage).toBe("every guard passed");
    expect(matcher.match("xyzzy plugh").stage).toBe("retrieve");
    expect(formatExplain(matcher.match("what is back office"))).toContain("decision (every guard passed): answered");
  });

  it("explains its choice: words, keys and scored candidates", () => {
    const r = matcher.match("bak offise kya hai");
    expect(r.words.find((w) => w.word === "bak")).toMatchObject({ as: "bk" });
    expect(r.candidates[0]).toMatchObject({ id: "back-office" });
    expect(r.candidates[0]!.score).toBeGreaterThan(r.candidates[1]!.score);
  });

  it("answers from any corpus folder, including a new article's file", () => {
    const dir = corpusDir({ "extra.yaml": { source: { title: "t", language: "hi" }, entries: [entry("night-shift", { questions: { en: ["what is a night shift job"], hi: ["नाइट शिफ्ट जॉब क्या है"], "hi-Latn": ["night shift job kya hai"] } })] } }, true);
    const m = new Matcher(loadCorpus(dir));
    expect(m.match("nite shift job kya hoti hai").id).toBe("night-shift");
    expect(m.match("What is back office?").id).toBe("back-office");
  });
});

describe("abbreviations spelt in Devanagari letter names", () => {
  it.each([
    ["बीपीओ", "bpo"],
    ["एचआर", "hr"],
    ["आईटी", "it"],
  ])("%s is %s", (word, latin) => expect(spelledLetters(word)).toBe(latin));

  it("leaves words that are not letter names alone", () => {
    for (const word of ["बैंक", "ऑफिस", "के", "जी"]) expect(spelledLetters(word)).toBeUndefined();
  });
});

describe("how typical a word is of an entry", () => {
  it("is the largest share of its questions in one language that use it", () => {
    const typical = typicalTerms([
      { lang: "hi", terms: [1, 2] },
      { lang: "hi", terms: [1] },
      { lang: "en", terms: [3, 2] },
      { lang: "en", terms: [3] },
      { lang: "en", terms: [4] },
      { lang: "en", terms: [] },
    ]);
    // 1 is in every Hindi phrasing, though no English one; 2 in half the Hindi ones, a third of the English ones.
    expect(typical.get(1)).toBe(1);
    expect(typical.get(2)).toBe(0.5);
    expect(typical.get(3)).toBeCloseTo(2 / 3);
    expect(typical.has(5)).toBe(false);
  });
});

describe("a role named with one side", () => {
  // The article's data assigns roles to entries (an accountant to the back office): a question naming a role and
  // one side asks which side the role is on, when it asks nothing else.
  it.each([
    ["accountant ka kaam back office hota h kya?", "back-office"],
    ["data entry operator - back office job?", "back-office"],
  ])("%j is the role's entry's: %s", (q, id) => expect(matcher.match(q)).toMatchObject({ id, stage: "roles" }));

  it.each([
    // Where to find such a job, or how to prepare for it, is another question.
    "data entry back office job kaha milegi",
    "tips for a front office receptionist interview",
  ])("%j asks something else, and the role does not decide it", (q) => expect(matcher.match(q).stage).not.toBe("roles"));
});

describe("small talk beside an article", () => {
  it("keeps asking what the bot answers small talk's, though an article's answer speaks of questions and answers", () => {
    // The astrologer's test article (written blind, batch 63) answers "what an astrologer does" with one who "answers questions about career,
    // marriage...": the words of "what questions does this bot answer?" are small talk's, not what an article's entry
    // must cover, and its answer must not count them (it had covered the question four times over).
    const matcher = new Matcher(loadCorpus(fixtureArticles("astrologer")));
    const help = matcher.match("what questions does this bot answer?");
    expect(help.id).toBe("help");
    for (const c of help.candidates) expect(c.coverage, c.id).toBeLessThanOrEqual(1);
    expect(matcher.match("What does an astrologer do?").id).toBe("astro-what");
  });
});

describe("a role asked about as 'which office'", () => {
  const matcher = new Matcher(loadCorpus("faq"));

  it("is the role's entry's to answer, as when a side is named: the word both sides name ('office') stands for them", () => {
    for (const [question, id] of [
      ["अकाउंटेंट किस ऑफिस में गिना जाता है", "back-office"],
      ["accountant kis office me aata hai", "back-office"],
      ["सेल्समैन किस ऑफिस का हिस्सा होता है?", "front-office"],
    ] as const) {
      const result = matcher.match(question);
      expect([result.id, result.stage], question).toEqual([id, "roles"]);
    }
  });

  it("is not when the question asks whom, or asks the other way round", () => {
    for (const question of ["office me accountant kis se milta hai", "which office doesn't need an accountant?", "accountant kis office me nahi baithta"]) {
      expect(matcher.match(question).stage, question).not.toBe("roles");
    }
  });
});

describe("the shipped article beside another", () => {
  // A welder's article that writes "kal" and "1" and asks where jobs are found: beside the shipped one, its words must
  // not weigh against the shipped article's entries more than they would if it were loaded alone.
  const welders = {
    source: { title: "Welder", language: "hi" },
    entries: [
      entry("wd-what", phrasings(["What is a welder?", "What does a welder do?"], ["वेल्डर क्या होता है?", "वेल्डर क्या करता है?"], ["welder kya hota hai", "kal se welder banna hai, 1 din me kaam kya hota hai"])),
      entry("wd-jobs", phrasings(["Where do welders find jobs?", "Where can I get a welder job?"], ["वेल्डर की नौकरी कहां मिलेगी?", "वेल्डर का काम कहाँ से मिलेगा?"], ["welder ki job kahan milegi", "welder ka kaam kahan se milega"])),
      entry("wd-course", phrasings(["Which course makes a welder?", "Welder course duration"], ["वेल्डर का कोर्स कौन सा है?", "वेल्डर कोर्स कितने समय का है?"], ["welder ka course kaun sa hai", "welder course kitne time ka hai"])),
    ],
  };
  const beside = new Matcher(loadCorpus(corpusDir({ "welder.yaml": welders }, true)));

  it("weighs a word only the other article uses as a word it lacks: little in a sentence that tells, nothing as noise", () => {
    // ("kal", tomorrow, in a clause that only tells; "1" and "bo", noise an article alone ignores.)
    for (const [question, id] of [
      ["kal meri interview hai front office ke liye, basic me samjha do ye hota kya hai", "front-office"],
      ["fo or bo which 1 shud i pick", "which-job"],
    ] as const) {
      expect(matcher.match(question).id, `${question} alone`).toBe(id);
      expect(beside.match(question).id, `${question} beside`).toBe(id);
    }
  });

  it("weighs a question word the other article never asks with as nothing, as that article alone does", () => {
    // The welder's article never asks "when" or what a word means; the shipped one does.
    const dir = corpusDir({ "welder.yaml": welders });
    writeFileSync(`${dir}/smalltalk.yaml`, readFileSync("faq/smalltalk.yaml", "utf8"));
    const alone = new Matcher(loadCorpus(dir));
    for (const question of ["welder ka kaam kab milega", "welder ka matlab kya hai"]) {
      const [a, b] = [alone.match(question), beside.match(question)];
      expect(b.id, question).toBe(a.id);
      expect(b.confidence, question).toBeCloseTo(a.confidence, 6);
    }
  });

  it("keeps a subject one article says it does not cover uncovered by an article that lacks it too", () => {
    // The shipped article's not_covered names blood; the welder's "where do I get a job" must not answer for it.
    const result = beside.match("इमरजेंसी में खून कहाँ से मिलेगा");
    expect([result.id, result.stage, result.uncovered]).toEqual([null, "guard uncovered-subject", true]);
    expect(beside.match("welder ki job kahan milegi").id).toBe("wd-jobs");
  });
});

describe("a follow-up, with several articles loaded", () => {
  // Two test articles that ask the same things of two careers: tailoring and shoe repair.
  const both = new Matcher(loadCorpus(fixtureArticles("tailor", "cobbler")));

  it("goes on about the article the conversation is about, where the question alone could be either's", () => {
    expect(both.match("how much do they earn?")).toMatchObject({ id: null, stage: "guard ambiguous" });
    expect(both.match("how much do they earn?", { follows: "tailor-what-is" }).id).toBe("tailor-earnings");
    expect(both.match("how much do they earn?", { follows: "cob-what-is" }).id).toBe("cob-earnings");
    expect(both.match("how long does the training take?", { follows: "tailor-earnings" }).id).toBe("tailor-course");
    expect(both.match("how long does the training take?", { follows: "cob-earnings" }).id).toBe("cob-learn");
  });

  it("says so in --explain", () => {
    expect(both.match("how much do they earn?", { follows: "cob-what-is" }).decision).toMatch(/^answered as a follow-up about ".+", the article the conversation is about: /);
  });

  it("leaves it for a question that names the other career, and says when one it cannot answer names another", () => {
    expect(both.match("how much does a cobbler earn?", { follows: "tailor-earnings" }).id).toBe("cob-earnings");
    expect(both.match("how much does a tailor earn?", { follows: "cob-earnings" }).id).toBe("tailor-earnings");
    expect(both.match("how do I become a plumber?", { follows: "tailor-earnings" })).toMatchObject({ id: null, leavesFollowUp: true });
    expect(both.match("how long does the training take?", { follows: "tailor-earnings" }).leavesFollowUp).toBeUndefined();
  });

  it("leaves it for small talk, and changes nothing with one article or an entry the corpus lacks", () => {
    expect(both.match("thanks", { follows: "cob-earnings" }).id).toBe("thanks");
    expect(both.match("how much do they earn?", { follows: "no-such-entry" })).toEqual(both.match("how much do they earn?"));
    const tailors = new Matcher(loadCorpus(fixtureArticles("tailor")));
    expect(tailors.match("how long does the training take?", { follows: "tailor-earnings" })).toEqual(tailors.match("how long does the training take?"));
  });
});
