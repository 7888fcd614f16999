// Tells which form a question is in: English, Hindi in Devanagari, or Hindi typed in Latin letters.
import { Analyzer } from "./analyze.js";
import { BASE_LEXICON } from "./vocabulary.js";
import { hasDevanagari, tokenize } from "./normalize.js";
import type { QuestionLang } from "./types.js";

// Words that mark Hinglish. Words that are both Hindi and English (to, me, do, main, hi) are in neither list;
// "hii" and "hlo" are how Hinglish writers greet (eval writers label them Hinglish nine times in ten), "hindi" asks
// for a Hindi answer.
const HINGLISH = new Set(
  `kya kia kyaa hai hain hota hoti hote tha thi kaise kese kyu kyun kyon kyo mujhe mujhko mera meri mere aap
  ka ki ke ko mein mai aur nahi nahin nhi kaun kon kaunsi konsi kaunsa konsa kitne kitna kitni chahiye chaiye
  karta karti karte karna karu karun kare karein kaam kam naukri naukari nokri jaruri zaruri jaroori zaroori
  matlab fark farq farak antar bich beech liye wala wali wale sakta sakti sakte hum tum ye yeh woh wo vo kab
  kahan kaha batao bataiye btao samjhao jimmedari zimmedari tarah tarha prakar kyaa hoga hogi acha accha achha
  namaste namaskar shukriya dhanyavad dhanyawad bahut bohot apna apni apne uska uski uske unka unki unke iska
  iski iske jab tab raha rahi rahe lagta lagti pasand sirf bhi par pe se tak talmel kyunki kyonki wajah ji bhai
  yaar thanku madad dost kripya h kise kisko kisne bolte bolta bolti kehte kehta kahte kahate kr krna krte kru
  hy hn milta milte milti chahta chahti bhaiya bhaiyya didi hui hua hue gaya gayi namastey namaskaar dhanyawaad
  hindi hii hiii hlo hloo bta hu hoon hun ya yaa kaisa kaisi rahega rahegi milega milegi jayega jayegi jaega jaegi
  bhejo dijiye chahie kar karo kro karke krke kiya kiye kuch sab sabhi dono lekin toh kyuki kyuke
  mtlb samjha samjhado samjhaiye batado batana thoda pata padega padta padti padte skte skta
  skti wahan waha yahan yaha isme usme ismein usmein humko hume humein mujhse aapko apko tumhe unko usko isko kaafi
  kafi zyada jyada pehle phle baad saath sath baare jana jaana jao sahi galat acchi achi achhi`
    .split(/\s+/)
    .filter(Boolean),
);
// Forms of address only a Hindi speaker types ("thank you bhai", "thank you ji"): they outweigh an English word.
const ADDRESS = new Set(["ji", "bhai", "bhaiya", "bhaiyya", "yaar", "didi"]);
const ENGLISH = new Set(
  `what whats is are was were the a an of in on for with and or why how who whom which does did should would
  could can will shall between difference there their they them this
  that these those you your i my we our its it be been being have has had about from into than then when where
  tell explain thanks thank please hello help mean means meaning duties responsibilities important for any after
  also only`
    .split(/\s+/)
    .filter(Boolean),
);

/** Loose spellings (three letters or more) only Hinglish questions use, and only English ones use, in a corpus. */
export interface LangVocabulary {
  readonly hindi: ReadonlySet<string>;
  readonly english: ReadonlySet<string>;
}

const VOCAB_MIN = 3;
// Spelling and function words are the language's: the built-in lexicon is enough to tell them.
const analyzer = new Analyzer(BASE_LEXICON);

/** Learns which words mark Hindi and which mark English from the corpus's own questions. */
export function langVocabulary(questions: Iterable<{ lang: QuestionLang; text: string }>): LangVocabulary {
  const hi = new Set<string>();
  const en = new Set<string>();
  for (const q of questions) {
    for (const w of tokenize(q.text)) {
      const f = analyzer.analyzeWord(w);
      if (f.stop || f.spelling.length < VOCAB_MIN || /^\d+$/.test(f.key)) continue;
      // Latin words are compared with Latin words by spelling: keys and romanised Devanagari collide too
      // easily ("biryani" and "barabar", "frontoffice" and फ्रंटऑफिस).
      if (q.lang === "en") en.add(f.spelling);
      else if (q.lang === "hi-Latn") hi.add(f.spelling);
    }
  }
  // Two English words typed as one ("frontoffice") are no sign of Hindi.
  const joined = (w: string) => {
    for (let i = VOCAB_MIN; i <= w.length - VOCAB_MIN; i++) if (en.has(w.slice(0, i)) && en.has(w.slice(i))) return true;
    return false;
  };
  return {
    hindi: new Set([...hi].filter((k) => !en.has(k) && !joined(k))),
    english: new Set([...en].filter((k) => !hi.has(k))),
  };
}

/**
 * `hi` for any Devanagari letter; else `hi-Latn` when Hinglish words are at least as many as English ones.
 * Marker lists decide first; a corpus vocabulary, when given, classifies the remaining words.
 */
export function detectLang(text: string, vocab?: LangVocabulary): QuestionLang {
  if (hasDevanagari(text)) return "hi";
  let hinglish = 0;
  let english = 0;
  for (const w of tokenize(text)) {
    if (HINGLISH.has(w)) hinglish += ADDRESS.has(w) ? 2 : 1;
    else if (ENGLISH.has(w)) english += 1;
    else if (vocab) {
      const spelling = analyzer.analyzeWord(w).spelling;
      if (vocab.hindi.has(spelling)) hinglish += 1;
      else if (vocab.english.has(spelling)) english += 1;
    }
  }
  return hinglish > 0 && hinglish >= english ? "hi-Latn" : "en";
}
