// Tells which form a question is in: English, Hindi in Devanagari, or Hindi typed in Latin letters.
import { hasDevanagari, tokenize } from "./normalize.js";
import type { QuestionLang } from "./types.js";

// Words that mark Hinglish. Words that are both Hindi and English (to, me, do, main, hi) are in neither list.
const HINGLISH = new Set(
  `kya kia kyaa hai hain hota hoti hote tha thi kaise kese kyu kyun kyon kyo mujhe mujhko mera meri mere aap
  ka ki ke ko mein mai aur nahi nahin nhi kaun kon kaunsi konsi kaunsa konsa kitne kitna kitni chahiye chaiye
  karta karti karte karna karu karun kare karein kaam kam naukri naukari nokri jaruri zaruri jaroori zaroori
  matlab fark farq farak antar bich beech liye wala wali wale sakta sakti sakte hum tum ye yeh woh wo vo kab
  kahan kaha batao bataiye btao samjhao jimmedari zimmedari tarah tarha prakar kyaa hoga hogi acha accha achha
  namaste namaskar shukriya dhanyavad dhanyawad bahut bohot apna apni apne uska uski uske unka unki unke iska
  iski iske jab tab raha rahi rahe lagta lagti pasand sirf bhi par pe se tak talmel kyunki kyonki wajah`
    .split(/\s+/)
    .filter(Boolean),
);
const ENGLISH = new Set(
  `what whats is are was were the a an of in on for with and or why how who whom which does did should would
  could can will shall between difference there their they them this
  that these those you your i my we our its it be been being have has had about from into than then when where
  tell explain thanks thank please hello help mean means meaning duties responsibilities important`
    .split(/\s+/)
    .filter(Boolean),
);

/** `hi` for any Devanagari letter; else `hi-Latn` when Hinglish words are at least as many as English ones. */
export function detectLang(text: string): QuestionLang {
  if (hasDevanagari(text)) return "hi";
  let hinglish = 0;
  let english = 0;
  for (const w of tokenize(text)) {
    if (HINGLISH.has(w)) hinglish += 1;
    else if (ENGLISH.has(w)) english += 1;
  }
  return hinglish > 0 && hinglish >= english ? "hi-Latn" : "en";
}
