import { describe, expect, it } from "vitest";
import { Analyzer, looksLikeStop, wordsToKeep } from "../../src/analyze.js";
import { BASE_LEXICON } from "../../src/vocabulary.js";
import { loadCorpus } from "../../src/corpus.js";
import { Matcher } from "../../src/match.js";
import { verbStem } from "../../src/translit.js";

describe("which words of a long message are read", () => {
  it("reads every word of a message within the limit", () => {
    expect(wordsToKeep([true, false, true], 3)).toEqual([0, 1, 2]);
  });

  it("reads the asking sentence first, then the telling words before it, nearest first, and a sign-off last", () => {
    // told ×4, asked ×2, told ×2 (a sign-off)
    const aside = [true, true, true, true, false, false, true, true];
    expect(wordsToKeep(aside, 4)).toEqual([2, 3, 4, 5]);
    expect(wordsToKeep(aside, 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("reads telling words between two questions by their distance to the nearer one, the earlier on a tie", () => {
    expect(wordsToKeep([true, false, true, true, false, true], 3)).toEqual([0, 1, 4]);
    expect(wordsToKeep([true, false, true, true, false, true], 4)).toEqual([0, 1, 2, 4]);
  });

  it("keeps the first words when no sentence stands out as the one asking", () => {
    expect(wordsToKeep([false, false, false, false], 2)).toEqual([0, 1]);
  });

  it("reads the question at the end of a letter longer than the word limit, and offers its entry first", () => {
    const matcher = new Matcher(loadCorpus("faq"));
    const background =
      "I hope this message finds you and your team in good health. I am writing to you after a lot of thought, and I apologise in advance for the length of this letter. I have read many things online over the past few weeks, I have talked to my cousins and my neighbours, and I am still confused.";
    const letter = `Respected Sir, ${background} Could you please tell me what the back office is? Thanking you, Sunita`;
    expect(letter.split(" ").length).toBeGreaterThan(60);
    const result = matcher.match(letter);
    expect(result.words.map((w) => w.word)).toEqual(expect.arrayContaining(["back", "office"]));
    // (Answered, or declined with its entry offered first: the letter's background words weigh against a short question.)
    expect(result.id ?? result.suggestions[0]).toMatch(/^back-office/);
  });
});

describe("language knowledge any article shares", () => {
  const matcher = new Matcher(loadCorpus("faq"));
  const read = (question: string) => new Map(matcher.match(question).words.map((w) => [w.word, w]));
  /** Each word, in its question, is read as a function word. */
  const expectStops = (cases: readonly (readonly [string, string])[]) => {
    for (const [question, word] of cases) expect(read(question).get(word)?.as, `${word} in "${question}"`).toBe("stop");
  };
  // A text's terms under the language's lexicon alone, function words left out: concepts, else phonetic keys.
  const terms = (text: string) => new Analyzer(BASE_LEXICON).analyzeText(text).forms.filter((f) => !f.stop).map((f) => f.concept ?? f.key);

  it("reads an English word that ends in a suffix as one word, not a word and the suffix typed together", () => {
    // "accountable" is not "account" + "able": "able" weighed as a topic word of its own and pulled a letter
    // about a role's responsibilities to the entry whose phrasing says "would the company be able to".
    const words = matcher.match("What will I be accountable for in a back office role?").words.map((w) => w.word);
    expect(words).toContain("accountable");
    expect(words).not.toContain("able");
  });

  it("weighs Hindi and Hinglish future and 'come' auxiliaries as function words, not as what is asked", () => {
    // "kharcha kitna aata hai", "kya hoga", "ऐसा क्यों": the asking is in the other words.
    expectStops([
      ["back office job me kya hoga", "hoga"],
      ["is kaam me kharcha kitna aata hai", "aata"],
      ["front office me kaun aate hai", "aate"],
      ["बैक ऑफिस के बिना कंपनी का क्या होगा", "होगा"],
      ["कैशियर किस ऑफिस में आता है", "आता"],
      ["बैक ऑफिस में ऐसा क्या है", "ऐसा"],
      ["promotion ho jayega kya", "jayega"],
    ]);
  });

  it("weighs the forms of the light verbs go, take, can and have to, and of a request to tell, as function words", () => {
    // "जा रहा हूँ" weighed more than any word of a letter's question, and "palat jaye" met a corpus's "ho jaye".
    expectStops([
      ["मैं एक कंपनी में इंटरव्यू देने जा रहा हूँ, बैक ऑफिस क्या है", "जा"],
      ["dhalan pe machine palat jaye to kya kare", "jaye"],
      ["अगर मशीन खराब हो जाए तो क्या करें", "जाए"],
      ["khud ki machine lene me kitna kharcha", "lene"],
      ["kya main ye kaam kar paunga", "paunga"],
      ["kripya mujhe batayein ki back office kya hai", "batayein"],
      ["कृपया बताने का कष्ट करें कि बैक ऑफिस क्या है", "बताने"],
    ]);
    // ...as written only: one letter from बताने is बनाने (to make), बचाने (to save) and समझने (to understand).
    for (const word of ["बनाने", "बचाने", "समझने"]) expect(looksLikeStop(word), word).toBe(false);
    // ...but not a verb that says what is asked: "sahi rahega" asks what suits, "kis category me aayegi" where it falls.
    for (const [question, word] of [
      ["mere liye kaun si job sahi rahegi", "rahegi"],
      ["receptionist ki job kis category me aayegi", "aayegi"],
    ] as const) {
      expect(read(question).get(word)?.as ?? "missing", `${word} in "${question}"`).not.toMatch(/^(?:stop|missing)$/);
    }
  });

  it("reads 'I want to know' as asking in Hindi and Hinglish as in English: neither the knowing nor the wanting is what is asked", () => {
    for (const question of ["I want to know what the back office does", "main janna chahta hu back office kya karta hai", "मैं जानना चाहती हूँ कि बैक ऑफिस क्या करता है"]) {
      const words = matcher.match(question).words;
      expect(words.map((w) => w.as), question).not.toContain("#KNOW");
      expect(words.filter((w) => /^(?:want|chahta|चाहती)$/.test(w.word) && w.as !== "stop"), question).toEqual([]);
    }
    expect(read("wo kya chahte hai").get("chahte")?.as).toBe("stop");
  });

  it("reads the forms of a letter and of a polite request as function words in the three languages, not as what is asked", () => {
    // Each of these weighed as much as an unknown topic word, so a formal letter covered a fraction of itself, or was
    // read as another word: "clarify" as a typo of "classify", "कराएं" (have it done) as the "कारण" (reason) its key meets.
    expectStops([
      ["Dear Sir, kindly clarify what the back office is. Yours faithfully, Rohan", "clarify"],
      ["I am humbly grateful if you could list the duties of back office staff", "grateful"],
      ["Sewa mein, shriman ji, nivedan hai ki back office kise kehte hain. Bhavdiya, Pooja", "nivedan"],
      ["Mahoday, kripya front office ke baare me bataiye, aapki kripa hogi", "mahoday"],
      ["महोदया, सविनय निवेदन है कि फ्रंट ऑफिस के बारे में जानकारी दीजिए। भवदीय", "दीजिए"],
      ["कृपया बैक ऑफिस के काम से अवगत कराएं", "कराएं"],
    ]);
    // The phrases of a formal request, in any script, ask nothing themselves.
    for (const [question, gone] of [
      ["Kindly throw some light on the duties of the back office", ["throw", "light"]],
      ["I am writing to seek clarification regarding the duties of the back office", ["writing", "seek", "clarification"]],
      ["Kindly elaborate upon the duties of back office staff at your earliest convenience", ["elaborate", "earliest", "convenience"]],
      ["कृपया इस विषय पर प्रकाश डालें कि बैक ऑफिस के कर्तव्य क्या हैं", ["इस", "विषय", "प्रकाश", "डालें"]],
      ["is vishay par prakash daalein, back office ki duties kya hai", ["vishay", "prakash", "daalein"]],
      ["Mahoday, kripya bataane ka kasht karein ki front office kise kehte hain", ["kasht", "karein"]],
      ["सेवा में, श्रीमान जी, बैक ऑफिस क्या है", ["सेवा"]],
      ["सेवा में श्रीमान जी बैक ऑफिस क्या है", ["सेवा"]],
      ["विनम्र निवेदन है कि बैक ऑफिस क्या है", ["विनम्र"]],
    ] as const) {
      const weighed = matcher.match(question).words.filter((w) => w.weight > 0).map((w) => w.word);
      for (const word of gone) expect(weighed, `${word} in "${question}"`).not.toContain(word);
    }
  });

  it("keeps a formal request a request: the sentence that says 'throw some light on' or 'स्पष्ट करें' is the one that asks", () => {
    for (const [message, asked, told] of [
      ["I run a small shop in Pune. Kindly throw some light on the duties of the back office.", "duties", "pune"],
      ["मैं पुणे में एक दुकान चलाता हूँ। कृपया बैक ऑफिस के कार्य स्पष्ट करें।", "कार्य", "पुणे"],
      ["main pune me dukan chalata hu. back office ke kaam par prakash daalein.", "kaam", "pune"],
    ] as const) {
      const { forms, aside } = matcher.analyzer.analyzeQuestion(message);
      const at = (word: string) => aside[forms.findIndex((f) => f.surface === word)];
      expect(at(asked), message).toBe(false);
      expect(at(told), message).toBe(true);
    }
  });

  it("keeps the words a letter's forms share with a career's matter: service, hardship, politeness, writing, earning", () => {
    const kept = (question: string, word: string) => {
      const as = read(question).get(word)?.as;
      expect(as, `${word} in "${question}"`).toBeDefined();
      expect(as, `${word} in "${question}"`).not.toMatch(/^(?:stop|ignored)$/);
    };
    // Customer service, in a clause of its own or not, is no letter's address line.
    kept("ग्राहक सेवा में नौकरी फ्रंट ऑफिस है क्या", "सेवा");
    kept("मैं ग्राहक सेवा में, दो साल से हूँ, फ्रंट ऑफिस क्या है", "सेवा");
    // Hardship is a problem; polite and humble are a skill; a content writer writes about things.
    expect(read("front office me kya kasht hota hai").get("kasht")?.as).toBe("#PROBLEM");
    kept("क्या कैशियर को ग्राहकों से विनम्र होना पड़ता है", "विनम्र");
    kept("Does a front office receptionist need to be humble and polite?", "humble");
    kept("I am writing about food on Instagram, can I become a content writer?", "writing");
    // A letter's forms are function words only as written: one letter from कराएं is कमाएं, earn.
    kept("बैक ऑफिस की नौकरी से कितना कमाएं", "कमाएं");
    // "kren" is crane typed short, not "kre" (do).
    kept("kren operator kaise bane", "kren");
  });

  it("reads Hindi and Hinglish pronouns, and a question word typed short, as the words they are", () => {
    // "इस" and "उस" (this, that) are function words as "is" and "us" are in Hinglish; so are "our" and "your".
    expect(read("इस नौकरी में उस काम का क्या होता है").get("इस")?.as).toBe("stop");
    expect(read("हमारे शहर में बैक ऑफिस की नौकरी").get("हमारे")?.as).toBe("stop");
    expect(read("hamare sheher me back office job").get("hamare")?.as).toBe("stop");
    // "Kesi" is "kaisi" typed short (how), not the "kise" (whom) its key meets.
    expect(read("back office job kesi hoti hai").get("kesi")?.as).toBe("#HOW");
  });

  it("reads a function word as one when a concept word is spelt like it only loosely or by its stem, not as that concept", () => {
    // "jana" (to go) is no "jaanna" (to know), "during" no "dur" (far); "walo" is "wale"'s plural. Listed as typed, it
    // is the concept: "nahi" is negation, "hey" a greeting.
    const read = (word: string) => new Analyzer(BASE_LEXICON).analyzeText(word).forms[0]!;
    for (const word of ["jana", "jaana", "during", "walo", "वालों"]) expect(read(word).stop, word).toBe(true);
    expect(read("nahi").concept).toBe("#NOT");
    expect(read("hey").concept).toBe("#GREET");
    expect(read("jaanna").concept).toBe("#KNOW");
  });

  it("reads an English function word typed with a doubled letter once as one, but not a word that only a shortened long vowel makes one", () => {
    // "realy" is "really" typed in haste; "sim" (a SIM card) is not "seem", nor "bin" "been". "sees" is a plural of
    // "see", and Hinglish "si" ("choti si dukan") a particle.
    const read = (word: string) => new Analyzer(BASE_LEXICON).analyzeText(word).forms[0]!;
    // "needs" is "need"'s plural; "sem" (a semester) is no "seem".
    for (const word of ["realy", "wil", "sees", "needs", "si", "seem"]) expect(read(word).stop, word).toBe(true);
    for (const word of ["sim", "sims", "bin", "sem"]) expect(read(word).stop, word).toBe(false);
  });

  it("reads a Hindi plural as its listed word's concept, not as a word its key meets ('परेशानियाँ' is परेशानी, not 'purushon')", () => {
    const concept = (word: string) => new Analyzer(BASE_LEXICON).analyzeText(word).forms[0]?.concept;
    expect(concept("परेशानी")).toBe("#PROBLEM");
    for (const plural of ["परेशानियाँ", "परेशानियां", "परेशानियों"]) expect(concept(plural), plural).toBe("#PROBLEM");
  });

  it("reads a Devanagari question or function word typed in haste (no virama, े for ै, ो for ौ) as the word, but no other word, nor one the corpus writes so", () => {
    const analyzer = new Analyzer(BASE_LEXICON);
    const form = (word: string, a = analyzer) => a.analyzeText(word).forms[0]!;
    for (const [hasty, word] of [["कया", "क्या"], ["कोन", "कौन"], ["केसे", "कैसे"], ["कयों", "क्यों"]] as const) {
      expect(form(word).concept, word).toBeDefined();
      expect(form(hasty).concept, hasty).toBe(form(word).concept);
    }
    for (const hasty of ["हे", "हौता", "ओर"]) expect(form(hasty).stop, hasty).toBe(true);
    // (Those signs tell other words apart: spreading is no failing, abroad no state; ी and ि, ऐ and ए always do.)
    expect(form("फैल").concept).not.toBe(form("फेल").concept);
    expect(form("परदेश").concept).not.toBe(form("प्रदेश").concept);
    for (const word of ["जाति", "एसी"]) expect(form(word).stop, word).toBe(false);
    // An article about mehndi writes "कोन" for its cone.
    const mehndi = new Analyzer(BASE_LEXICON, new Set(["कोन"]));
    expect(form("कोन", mehndi).concept).toBeUndefined();
  });

  it("reads 'how to' in Hindi typed without its nasal as with it ('कैसे बने', 'कैसे ले'), but not a noun that ends alike", () => {
    expect(terms("अंपायर कैसे बने")).toEqual(terms("अंपायर कैसे बनें"));
    expect(terms("अंपायर कैसे बने")).toContain("#HOWTO");
    expect(terms("नौकरी कैसे ले")).toContain("#HOWTO");
    expect(terms("स्किल कैसे बढ़ाए")).toContain("#HOWTO");
    // "कैसे पैसे कमाएं" asks how to earn money: the money stays.
    expect(terms("कैसे पैसे कमाएं")).toContain("#MONEY");
    // "कैसे शुरू करें" keeps its starting, and a noun that ends like a verb stays: चालू (running), किराए (rent).
    expect(terms("दुकान कैसे शुरू करें")).toContain("#START");
    expect(terms("दुकान कैसे चालू करें").length).toBe(terms("दुकान कैसे शुरू करें").length);
    expect(terms("कैसे किराए पर दुकान लें").join(" ")).toMatch(/kr/);
  });

  it("keeps the verb of 'how to' that says what is to be done: how to open one is not how to grow it", () => {
    for (const text of ["इंस्टीट्यूट कैसे बढ़ाएं", "इंस्टीट्यूट कैसे बढ़ाए", "institute kaise badhaye"]) {
      expect(terms(text), text).toEqual(expect.arrayContaining(["#HOWTO", "#GROWTH"]));
    }
    expect(terms("institute kaise badhayen")).not.toEqual(terms("institute howto"));
    expect(terms("इंस्टीट्यूट कैसे खोलें")).toContain("#HOWTO");
    expect(terms("इंस्टीट्यूट कैसे खोलें")).not.toEqual(terms("इंस्टीट्यूट कैसे बढ़ाएं"));
    expect(terms("kaam kaise sikhein")).not.toEqual(terms("kaam kaise bechein"));
    // A light verb says nothing of its own: "कैसे बनें", "कैसे मिलें", "kaise karein", "kaise milein" are "how to"
    // alone; nor does a pronoun after "how" ("kaise unhein samjhayen": how to explain to them).
    for (const [text, alone] of [["अंपायर कैसे बनें", "अंपायर howto"], ["नौकरी कैसे मिलें", "नौकरी howto"], ["shop kaise karein", "shop howto"], ["naukri kaise milein", "naukri howto"]]) {
      expect(terms(text!), text).toEqual(terms(alone!));
    }
    expect(terms("kaise unhein samjhayen")).not.toContain("#HOWTO");
    expect(terms("kaise unhein samjhayen")).not.toContain(new Analyzer(BASE_LEXICON).analyzeWord("unhein").key);
  });

  it("reads 'kis' before a noun as which, but not 'kis se' (whom), 'kis liye' (what for) or 'kis tarah' (how)", () => {
    for (const text of ["accountant kis office me aata hai", "अकाउंटेंट किस ऑफिस में गिना जाता है"]) expect(terms(text), text).toContain("#WHICH");
    for (const text of ["office me accountant kis se milta hai", "ye kis liye hota hai", "किस बारे में पूछूं", "kis tarah kaam hota hai"]) expect(terms(text), text).not.toContain("#WHICH");
    // "किसी" (any, some) is a function word, as "koi" is.
    expect(new Analyzer(BASE_LEXICON).analyzeText("किसी कंपनी में").forms[0]!.stop).toBe(true);
    // ...and a job's challenges, in any script, are its difficulties.
    for (const text of ["what are the challenges of this job", "इस काम की चुनौतियां", "job me kya chunautiyan hai"]) expect(terms(text), text).toContain("#DIFFICULT");
  });

  it("joins a Hindi verb in the first person ('बेचूं', 'banun') to its stem, as its other forms are", () => {
    expect(verbStem("बेचूं")).toBe(verbStem("बेचना"));
    expect(verbStem("सीखूँ")).toBe(verbStem("सीखें"));
    expect(verbStem("banun")).toBe(verbStem("banna"));
    expect(verbStem("karoon")).toBe(verbStem("karna"));
  });

  it("reads phone shorthand without vowels as its concept, a kept y too ('slry' is salary), and not a word of other vowels", () => {
    const concept = (word: string) => new Analyzer(BASE_LEXICON).analyzeText(word).forms[0]?.concept;
    for (const shorthand of ["slr", "slry"]) expect(concept(shorthand), shorthand).toBe("#SALARY");
    for (const other of ["solar", "dry", "myth"]) expect(concept(other), other).toBeUndefined();
  });

  it("reads a grown-up's years as an age, in any script, and years of work as years", () => {
    const concepts = (question: string) => new Analyzer(BASE_LEXICON).analyzeQuestion(question).forms.map((f) => f.concept);
    for (const q of [
      "I am 45 years old, can I join the back office?",
      "I'm a 45-year-old, can I join?",
      "main 50 saal ki hu, back office job mil sakti hai?",
      "मैं 50 साल की हूं, बैक ऑफिस में नौकरी मिलेगी?",
      "मैं 50 साल की हूँ। बैक ऑफिस में नौकरी मिलेगी?",
    ]) {
      expect(concepts(q), q).toContain("#AGE");
      expect(concepts(q), q).not.toContain("#YEAR");
    }
    for (const q of ["20 saal se back office me kaam kar rahi hu", "back office me 20 saal ka experience hai", "mera experience 15 saal ka hai", "मेरा अनुभव 15 साल का है"]) {
      expect(concepts(q), q).not.toContain("#AGE");
    }
  });

  it("weighs 'is it true that' as the frame of a question, not as what is asked", () => {
    // "kya ye sach hai", "is that true", "क्या यह सच है" ask whether the rest holds; the rest is what is asked.
    expectStops([
      ["is it true that back office staff never meet customers", "true"],
      ["back office ka kaam bekar hai, kya ye sach hai", "sach"],
      ["बैक ऑफिस की नौकरी बुरी होती है, क्या यह सच है", "सच"],
    ]);
  });
});
