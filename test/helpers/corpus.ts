// Builds throw-away corpus folders for tests from plain objects.
import { copyFileSync, cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump as stringify } from "js-yaml";
import { loadCorpus } from "../../src/corpus.js";
import { answerText, corpusVars } from "../../src/describe.js";
import { Matcher } from "../../src/match.js";
import { message, type MessageId, type MessageVars } from "../../src/messages.js";
import type { AnswerLang } from "../../src/types.js";

export function entry(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    section: "Test section",
    questions: { en: [`what is ${id}`], hi: [`${id} क्या है`], "hi-Latn": [`${id} kya hai`] },
    answer: { en: `About ${id}.`, hi: `${id} के बारे में।` },
    ...extra,
  };
}

/** An entry's phrasings in the three languages, to spread into `entry`'s extra fields. */
export const phrasings = (en: string[], hi: string[], latn: string[]) => ({ questions: { en, hi, "hi-Latn": latn } });

/** A small sparse article about welders (what it is, pay, the course), plus any further entries, as a YAML object. */
export function welderArticle(...more: Record<string, unknown>[]): Record<string, unknown> {
  return {
    source: { title: "Welder", language: "hi" },
    entries: [
      entry("wd-what", phrasings(["What is a welder?", "What does a welder do?"], ["वेल्डर क्या होता है?", "वेल्डर क्या करता है?"], ["welder kya hota hai", "welder kya karta hai"])),
      entry("wd-salary", phrasings(["What is a welder's salary?", "Welder salary per month"], ["वेल्डर की सैलरी कितनी है?", "वेल्डर की महीने की सैलरी"], ["welder ki salary kitni hai", "welder ki monthly salary"])),
      entry("wd-course", phrasings(["Which course makes a welder?", "Welder course duration"], ["वेल्डर का कोर्स कौन सा है?", "वेल्डर कोर्स कितने समय का है?"], ["welder ka course kaun sa hai", "welder course kitne time ka hai"])),
      ...more,
    ],
  };
}

/** A fourth entry for welderArticle: with four entries an article's own career ("welder") can be told (see careerTerms). */
export function welderSafety(): Record<string, unknown> {
  return entry("wd-safety", {
    ...phrasings(["Is welding safe for a welder's eyes?", "Welder safety rules"], ["वेल्डर के लिए सुरक्षा नियम", "वेल्डर की आँखों की सुरक्षा"], ["welder ki safety kaise kare", "welder ki aankhon ki suraksha"]),
    answer: { en: "Wear goggles and gloves.", hi: "गॉगल्स और दस्ताने पहनें।" },
  });
}

/** A temporary folder holding the given YAML files (objects are serialised, strings written as they are). */
export function corpusDir(files: Record<string, unknown>, copyShipped = false): string {
  const dir = mkdtempSync(join(tmpdir(), "faq-"));
  if (copyShipped) cpSync("faq", dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === "string" ? content : stringify(content));
  }
  return dir;
}

/** A corpus folder of small talk and the named test articles (test/fixtures/articles), each as its helper wrote it. */
export function fixtureArticles(...names: string[]): string {
  const dir = corpusDir({});
  copyFileSync("faq/smalltalk.yaml", join(dir, "smalltalk.yaml"));
  for (const name of names) copyFileSync(`test/fixtures/articles/${name}.yaml`, join(dir, `${name}.yaml`));
  return dir;
}

let shipped: Matcher | undefined;

/** What users see of the shipped corpus: messages and small-talk answers with their placeholders filled. */
export function shippedTexts(): { vars: MessageVars; answer: (id: string, lang: AnswerLang) => string; message: (id: MessageId, lang: AnswerLang) => string } {
  // (The shipped corpus is loaded and indexed once per test file.)
  shipped ??= new Matcher(loadCorpus("faq"));
  const matcher = shipped;
  const vars = corpusVars(matcher);
  return {
    vars,
    answer: (id, lang) => answerText(matcher.corpus.byId.get(id)!, lang, vars),
    message: (id, lang) => message(id, lang, vars),
  };
}
