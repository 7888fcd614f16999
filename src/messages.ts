// The one catalogue of texts users see, in English and Hindi. Channels format these; they never write their own.
import type { AnswerLang } from "./types.js";

// Texts both chat platforms show for the same command or choice: written once.
const HELP_DESCRIPTION = { en: "What I can answer and how to ask", hi: "मैं किन सवालों के जवाब देता हूँ और कैसे पूछें" };
const TOPICS_DESCRIPTION = { en: "List the topics I can answer", hi: "उन विषयों की सूची जिन पर मैं जवाब दे सकता हूँ" };
const LANG_AUTO = { en: "Automatic: the language of the question", hi: "अपने आप: सवाल की भाषा में" };

const CATALOGUE = {
  welcome: {
    en: "Hello! I answer questions about {topics}. Ask in English, Hindi or Hinglish.",
    hi: "नमस्ते! मैं इन विषयों पर सवालों के जवाब देता हूँ: {topics}। अंग्रेज़ी, हिंदी या Hinglish में पूछें।",
  },
  fallback: {
    en: "Sorry, I don't know the answer to that. I can only answer questions about {topics}. See the topics for what you can ask.",
    hi: "माफ़ कीजिए, मुझे इसका जवाब नहीं पता। मैं सिर्फ इन विषयों पर सवालों के जवाब दे सकता हूँ: {topics}। क्या पूछ सकते हैं, यह विषयों की सूची में देखें।",
  },
  notCovered: {
    en: "Sorry, the articles I answer from don't cover {subject}. I answer questions about {topics}. See the topics for what you can ask.",
    hi: "माफ़ कीजिए, जिन लेखों से मैं जवाब देता हूँ उनमें {subject} के बारे में जानकारी नहीं है। मैं इन विषयों पर जवाब देता हूँ: {topics}। क्या पूछ सकते हैं, यह विषयों की सूची में देखें।",
  },
  notCoveredSuggest: {
    en: "Sorry, the articles I answer from don't cover {subject}. Maybe one of these helps:",
    hi: "माफ़ कीजिए, जिन लेखों से मैं जवाब देता हूँ उनमें {subject} के बारे में जानकारी नहीं है। शायद इनमें से कुछ काम आए:",
  },
  // A message that asks several things: each part named before its answer, or said to be uncovered.
  partAnswer: { en: "“{part}”:", hi: "“{part}”:" },
  partNotCovered: {
    en: "“{part}”: sorry, the articles I answer from don't cover {subject}.",
    hi: "“{part}”: माफ़ कीजिए, जिन लेखों से मैं जवाब देता हूँ उनमें {subject} की जानकारी नहीं है।",
  },
  didYouMean: {
    en: "I'm not sure what you mean. Did you mean one of these?",
    hi: "मैं ठीक से समझ नहीं पाया। क्या आप इनमें से कुछ पूछना चाहते हैं?",
  },
  empty: {
    en: "Please type a question, for example: {example}",
    hi: "कृपया एक सवाल लिखें, जैसे: {example}",
  },
  topics: { en: "Topics I can answer:", hi: "इन विषयों पर मैं जवाब दे सकता हूँ:" },
  related: { en: "Related", hi: "इससे जुड़े सवाल" },
  source: { en: "Source", hi: "स्रोत" },
  sources: { en: "Sources", hi: "स्रोत" },
  langEn: { en: "I will answer in English.", hi: "I will answer in English." },
  langHi: { en: "अब मैं हिंदी में जवाब दूँगा।", hi: "अब मैं हिंदी में जवाब दूँगा।" },
  langAuto: {
    en: "I will answer in the language of your question.",
    hi: "मैं आपके सवाल की भाषा में जवाब दूँगा।",
  },
  langUsage: { en: "Choose a language: en, hi or auto.", hi: "भाषा चुनें: en, hi या auto." },
  feedbackThanks: { en: "Thanks for the feedback!", hi: "आपकी राय के लिए धन्यवाद!" },
  unknownTopic: { en: "That topic no longer exists. See the topics list.", hi: "यह विषय अब मौजूद नहीं है। विषयों की सूची देखें।" },
  error: {
    en: "Sorry, something went wrong on my side. Please try again.",
    hi: "माफ़ कीजिए, मेरी तरफ से कुछ गड़बड़ हो गई। कृपया फिर से कोशिश करें।",
  },
  deliveryFailed: {
    en: "Sorry, I could not send my answer just now. Please ask again in a minute.",
    hi: "माफ़ कीजिए, मैं अभी अपना जवाब नहीं भेज पाया। कृपया एक मिनट बाद फिर से पूछें।",
  },
  rateLimited: {
    en: "You are asking very fast. Please wait a few seconds and ask again.",
    hi: "आप बहुत जल्दी-जल्दी पूछ रहे हैं। कृपया कुछ सेकंड रुककर फिर पूछें।",
  },
  helpCommands: {
    en: "Commands: /topics lists the topics, /lang en|hi|auto sets the answer language, /help shows this help.",
    hi: "कमांड: /topics विषयों की सूची, /lang en|hi|auto जवाब की भाषा, /help यह मदद।",
  },
  // Discord slash commands: names and descriptions shown in the command picker (Discord's `hi` locale gets the Hindi).
  discordAskName: { en: "ask", hi: "पूछें" },
  discordAskDescription: {
    en: "Ask a question about the jobs and careers I know",
    hi: "उन जॉब और करियर के बारे में सवाल पूछें जिनकी मुझे जानकारी है",
  },
  discordQuestionName: { en: "question", hi: "सवाल" },
  discordQuestionDescription: { en: "Your question, in English, Hindi or Hinglish", hi: "आपका सवाल, अंग्रेज़ी, हिंदी या Hinglish में" },
  discordTopicsName: { en: "topics", hi: "विषय" },
  discordTopicsDescription: TOPICS_DESCRIPTION,
  discordLangName: { en: "lang", hi: "भाषा" },
  discordLangDescription: { en: "Choose the language of my answers", hi: "मेरे जवाबों की भाषा चुनें" },
  discordLanguageName: { en: "language", hi: "भाषा" },
  discordLanguageDescription: { en: "English, Hindi, or the language of each question", hi: "अंग्रेज़ी, हिंदी, या हर सवाल की भाषा" },
  discordLangChoiceEn: { en: "English", hi: "अंग्रेज़ी" },
  discordLangChoiceHi: { en: "Hindi", hi: "हिंदी" },
  discordLangChoiceAuto: LANG_AUTO,
  discordHelpName: { en: "help", hi: "मदद" },
  discordHelpDescription: HELP_DESCRIPTION,
  discordHowToAsk: {
    en: "In a server, mention me with your question or use /ask; in a direct message, just type the question.",
    hi: "सर्वर में अपने सवाल के साथ मुझे mention करें या /ask इस्तेमाल करें; direct message में बस सवाल लिखें।",
  },
  // Telegram: command descriptions for the command menu (setMyCommands; the `hi` list goes to Hindi users), the /lang
  // button for "auto", and how to ask in a group.
  telegramStartDescription: { en: "Welcome and the list of topics", hi: "स्वागत और विषयों की सूची" },
  telegramHelpDescription: HELP_DESCRIPTION,
  telegramTopicsDescription: TOPICS_DESCRIPTION,
  telegramLangDescription: { en: "Answer language: en, hi or auto", hi: "जवाब की भाषा: en, hi या auto" },
  telegramAskDescription: { en: "Ask a question (in groups)", hi: "सवाल पूछें (ग्रुप में)" },
  telegramLangAuto: LANG_AUTO,
  telegramHowToAsk: {
    en: "In a group, mention me with your question, reply to my message, or use /ask; in a private chat, just type the question.",
    hi: "ग्रुप में अपने सवाल के साथ मुझे mention करें, मेरे मैसेज का जवाब दें या /ask इस्तेमाल करें; प्राइवेट चैट में बस सवाल लिखें।",
  },
} as const satisfies Record<string, Record<AnswerLang, string>>;

export type MessageId = keyof typeof CATALOGUE;

/** Values for a text's `{placeholders}`, per language. */
export type MessageVars = (lang: AnswerLang) => Readonly<Record<string, string>>;

/** Fills `{name}` placeholders; an unknown name stays as written. */
export function fill(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(/\{([a-z]+)\}/g, (all, name: string) => vars[name] ?? all);
}

/** A user-facing text in the given language. */
export function message(id: MessageId, lang: AnswerLang, vars?: MessageVars): string {
  const text = CATALOGUE[id][lang];
  return vars ? fill(text, vars(lang)) : text;
}

/** Both languages, Hindi first, for places where the user's language is not known yet (a first greeting). */
export function bilingual(id: MessageId, vars?: MessageVars): string {
  const hi = message(id, "hi", vars);
  const en = message(id, "en", vars);
  return hi === en ? en : `${hi}\n\n${en}`;
}

/** The line naming the article sections an answer draws on ("Source: …", "Sources: … · …"); undefined when none. */
export function sourceLine(sections: readonly string[], lang: AnswerLang): string | undefined {
  if (sections.length === 0) return undefined;
  return `${message(sections.length > 1 ? "sources" : "source", lang)}: ${sections.join(" · ")}`;
}
