// Language knowledge the matcher needs: function words to drop, question words, negation, shorthand and phrase folds
// of English, Hindi and Hinglish. No article's words: an article brings its own in its YAML file (vocabulary.ts).
// Lists hold surface spellings in any script; the matcher folds them with the same analysis as corpus words.

/** English function words. Question words are not here: they are intent concepts below. */
const EN_STOP = `a an the is are am was were be been being do does did doing done have has had having
of in on at to for from by with about into onto over under than then so as if or and but nor not no
i me my mine we us our you your yours he him his she her it its they them their this that these those
there here it's i'm im can could would should shall will may might must ought also just very really
please kindly tell explain describe want need get got take make say let like some any all
each every one ones such own same other more most much many lot lots thing things something anything
way ways kind sort actually basically exactly simply yes yeah ok okay hey dear sir madam bro
i'd i've i'll you're it's that's there's let's don't doesn't didn't isn't aren't wasn't can't won't
just only even still already again always never ever often sometimes usually generally honestly truly
quite rather pretty bit little enough too also else both either neither whether while during before after
because since until unless though although however therefore anyway anyhow maybe perhaps probably
said says saying tell told telling ask asked asking think thought knew known heard hear see saw seen
keep kept keeps come came comes going goes went gone put puts try tried trying find found
supposed mentioned mentioning mention term word words called call calls name named stuff clue idea sure
someone somebody anyone anybody everyone everybody person guy guys lady man woman
friend friends cousin uncle aunt brother sister mother father mom dad son daughter husband wife
boss colleague colleagues relative relatives neighbour neighbor
today tomorrow yesterday week weeks month months year years day days next last first second
across along among around behind below beside beyond through throughout toward towards upon within via per
anywhere somewhere everywhere nowhere something anything everything nothing whatever whoever however
myself ourselves yourself yourselves himself herself itself themselves theirs hers ours against further once
above up down out off few now seem seems seemed nobody noone
simple simply easy easily short brief briefly detail detailed details plain language words consider considered
considering counted regarded finally unsure
basic fundamental major primary twelfth tenth
etc approx approximately yrs yr regarding concerning
suggest suggestion suggestions advise advice guide guidance
true`;

/** Hinglish function words with their common spellings. */
const HI_LATN_STOP = `hai hain he hei ho hota hoti hote hua hui hue tha thi the thha ka ki ke ko kaa kii kay me mein main mai
mey mei se say par pe per aur or ya yaa bhi to toh tu tum aap ap apna apni apne mera meri mere mujhe mujh
hum hame humein hamara hamari hamare humare tumhara tumhari tumhare uska uski uske unka unki unke iska iski iske inka inki inke woh wo vo voh yeh
ye yah is us in un usi yahi wahi vahi jo jis jin jab tab ek koi kisi kuch kya-kya sab sabhi saara sara sare sari bhai ji na nahi
nahin nhi mat ne wala wali wale walo walon waalo waalon vala vali vale valo valon raha rahi rahe rha rhi rhe sakta sakti sakte skta skte kar
karo kare karen karu karun karna karni karne karta karti karte kiya kiye ki liye lie liya hona hone jata jati jate
jaata jaati jaate jana jaana lena leta leti lete batao bataiye bataye btao bataao
samjhao samjhaiye please plz pls yaar bhai kripya zara thoda thodi bas ab abhi phir fir
dost chacha chachi mama mami didi behen bhaiya papa mummy beta beti pati patni bhi waise vaise
bola boli bole bolta bolti bolte suna suni sune pata maine humne hamne tumne aapne usne unhone sa si
unko usko inko isko mujhko tumko humko hamko aapko unhe unhen unhein inhe inhein humein hamein tumhein ise inse unse
asan aasan saral bhasha bhasa shabdon shabdo vistar detail sankshep
kr kro kru kre krein krna krni krne krta krti krte krke skta skti hn hy bcoz bcz coz cuz kyunki kyuki kyonki
batata batati batate bata hu hoon hun paata paati paate lekin magar agar jaise cheez chiz cheeze cheezein cheezon chizon bahut bohot bahot bhut gaya gayi gaye karke samjha samjhaa aakhir akhir bilkul baaton baato kahenge salah sujhav margdarshan gine gina gini mane mana mani barahvi barvi dasvi
kehlata kehlati kehlate kahlata kahlati kahlate kehte kahte
padta padti padte padega padegi pdta pdti
hoga hogi honge hoge hogaa jayega jayegi jayenge jaega jaegi jaenge jaayega jaayegi sakega sakegi sakenge
aata aati aate ata ati aisa aisi aise esa esi ese waisa waisi
sach sachme sachmuch sachmach
dono donon pehle pahle sirf sirph kewal keval yahan yaha yahaan wahan waha wahaan wagera wagaira wagairah vagaira vagera
lagbhag itna itni itne isme ismein usme usmein alawa alava chahta chahti chahte chahata chahati chahate`;

/** Devanagari function words. */
const HI_STOP = `है हैं हो होता होती होते हुआ हुई हुए था थी थे का की के को में मैं मे से पर पे और या भी ही तो तू तुम आप
अपना अपनी अपने मेरा मेरी मेरे मुझे मुझको हम हमें हमारा हमारी हमारे तुम्हारा तुम्हारी तुम्हारे उसका उसकी उसके उनका उनकी उनके इसका इसकी इसके इनका
इनकी इनके इस उस इन उन इसी उसी यही वही वह वो यह ये जो जिस जिन जब तब एक कोई किसी कुछ सब सभी सारा सारे सारी जी ना नहीं न मत ने वाला वाली वाले वालों रहा
रही रहे सकता सकती सकते कर करो करे करें करूं करूँ करना करनी करने करता करती करते किया किए किये लिए लिये होना
होने जाता जाती जाते जाना लेना बताओ बताइए बताइये बताएं बताएँ बताये समझाइए समझाओ कृपया
ज़रा जरा थोड़ा थोड़ी बस अब अभी फिर क्या-क्या दोस्त भाई बहन चाचा मामा दीदी भैया पापा मम्मी
बोला बोली बोले बोलता बोलती बोलते सुना सुनी सुने पता वैसे मैंने हमने तुमने आपने उसने उन्होंने सा सी
उनको उसको इनको इसको तुमको हमको आपको उन्हें इन्हें इसे उसे इससे उससे इनसे उनसे
आसान सरल भाषा शब्दों शब्दो विस्तार संक्षेप
बता बताता बताती बताते कि हूँ हूं पा पाता पाती पाते पाया पाई ताकि लेकिन मगर अगर क्योंकि जैसे चीज़ चीज चीज़ें चीजें चीज़ों चीजों बहुत गया गई गए
पड़ता पड़ती पड़ते पड़ेगा पड़ेगी
होगा होगी होंगे जाएगा जाएगी जाएंगे जायेगा जायेगी जायेंगे सकेगा सकेगी सकेंगे आता आती आते ऐसा ऐसी ऐसे वैसा वैसी सच सचमुच
कहलाता कहलाती कहलाते कहते बातों बिल्कुल बिलकुल कहेंगे सलाह सुझाव मार्गदर्शन गिने गिना गिनी माने माना मानी आखिर समझा यार बारहवीं दसवीं करके तथा एवं व अथवा किंतु किन्तु परंतु परन्तु यदि हेतु द्वारा अतः वास्तव मूलभूत
दोनों पहले सिर्फ केवल यहां यहाँ वहां वहाँ वगैरह वगैरा लगभग इतना इतनी इतने इसमें उसमें इसमे उसमे अलावा चाहता चाहती चाहते`;

/**
 * The forms of a letter and of a polite request, in the three languages: salutations, "I humbly request", "kindly
 * clarify", "yours faithfully", and the polite imperatives "दीजिए", "karein". They frame what a formal message asks
 * and name nothing it asks about, however often a long letter repeats them. Read only as written (see analyze.ts):
 * one letter from कराएं is कमाएं, earn. (Words that are also a career's matter stay out, or are caught only in their
 * letter's phrase below: respect, service "सेवा", hardship "कष्ट", polite "विनम्र", humble, clear "स्पष्ट",
 * applicant "प्रार्थी", answer "उत्तर" as in Uttar Pradesh, a convenience store, an elaborate design.)
 */
const LETTER_STOP = `grateful gratitude humbly obliged faithfully sincerely regards revert anticipation enlighten clarify
clarification inform wish
mahoday mahodaya mahodai aadarniya adarniya aadarniy adarniy aadarneey shriman shrimaan shreeman maananiya mananiya
manniya savinay nivedan niwedan bhavdiya bhavdiy bhawdiya sadhanyavad sadhanyawad aagyakari agyakari kripa
vinti vinati anurodh avgat sahit karein karien kariye kijiye kijie dijiye dijie dijiyega karayein karaein karaye
महोदय महोदया सविनय निवेदन भवदीय भवदीया सधन्यवाद आज्ञाकारी कृपा विनती अनुरोध अवगत सहित
दीजिए दीजिये दीजिएगा कीजिए कीजिये कराएं कराएँ कराये करवाएं`;

/**
 * The forms of Hindi's light verbs go, take, can and have to ("जा रहा हूँ", "ho jaye", "lene me", "kar paunga") and of a
 * request to tell ("batayein", "बताने का कष्ट करें"): they carry the verb they follow, or frame what is asked. Read only
 * as written, as LETTER_STOP: one letter from बताने is बनाने, to make. (Not "rahega", what suits, nor "aayega", what a
 * job falls under: those are asked about.)
 */
const LIGHT_VERB_STOP = `jaye jaaye jae jaen jayen jaoge jaunga jaungi jaake jakar jake hoke hokar lene leni lega legi lenge
lekar leke paunga paungi payega payegi paoge paye sake saken sakun sakunga sakungi padenge pade ja jaa
batayein batayen bataen batain batane bataane btane samjhayen samjhaen samjhayein samjhane samjhaane
जा जाए जाये जाएं जाएँ जायें जाओगे जाऊंगा जाऊँगा जाकर जाके होके होकर लेने लेनी लेगा लेगी लेंगे लेकर लेके
पाऊंगा पाऊँगा पाएगा पाएगी पाओगे पाए पाये सके सकें सकूं सकूँ पड़ेंगे पड़े बताने बताना बतायें समझाने समझाना समझाएँ`;

/** The words of whitespace-separated lists, as one frozen list. */
const wordsOf = (...lists: string[]): readonly string[] => Object.freeze(lists.flatMap((list) => list.split(/\s+/).filter(Boolean)));

/** Hindi and Hinglish function words: Hinglish ones are read loosely too, as Hinglish spells them many ways (see analyze.ts). */
export const HINDI_STOPWORDS = wordsOf(HI_LATN_STOP, HI_STOP);

/** The English function words: folded only by a doubled consonant typed once, never loosely ("seem" is no "sim", a SIM card). */
export const ENGLISH_STOPWORDS = wordsOf(EN_STOP);

/** Function words only as written, never as a word typed short or in haste (see LETTER_STOP and LIGHT_VERB_STOP). */
export const LETTER_FORMS = wordsOf(LETTER_STOP, LIGHT_VERB_STOP);

/**
 * Concepts: words that mean the same but are spelled or sound differently. Each group becomes one term, so
 * "fark", "antar", "अंतर" and "difference" are the same word to the matcher. Question words are concepts
 * too (intents): they separate "what is the back office" from "why is the back office important".
 */
export const CONCEPTS: Readonly<Record<string, string>> = Object.freeze({
  WHAT: "what whats wat wht waht kya kia kyaa क्या",
  // Asking what a word means is asking for a definition, not what someone does.
  MEANING: "matlab matalab मतलब meaning mean means meant define definition defination arth अर्थ paribhasha परिभाषा abhipray abhipraay अभिप्राय tatparya taatparya तात्पर्य aashay ashay आशय signify signifies signified denote denotes denoted",
  WHY: "why kyu kyun kyon kyo kyoon kiyu क्यों क्यूं क्यूँ क्यो reason reasons wajah vajah वजह karan kaaran कारण",
  HOW: "how kaise kese kaisey kaisa kaisi kesa kesi कैसे कैसा कैसी",
  WHO: "who whom kaun kon koun कौन",
  WHICH: "which konsa konsi kaunsa kaunsi kaunse konse कौनसा कौनसी कौनसे",
  WHERE: "where kahan kaha kahaan कहाँ कहां",
  WHEN: "when kab कब",
  DIFF: "difference differences different differ distinguish distinction distinctions differentiate tulna tulana तुलना vs versus compare comparison contrast antar fark farq farak फर्क फ़र्क फरक अंतर अन्तर alag अलग bhinn भिन्न bhinnata भिन्नता",
  IMPORTANT: "imp important importance necessary essential crucial vital zaruri jaruri zaroori jaroori jruri zruri जरूरी ज़रूरी आवश्यक aavashyak avashyak mahatvapurn mahatvpurn mahatwapurn महत्वपूर्ण mahatva mahatv महत्व ahmiyat अहमियत value valuable significance significant",
  TYPE: "type types टाइप टाइप्स category categories tarah tarha prakar prakaar प्रकार तरह kism किस्म shreni श्रेणी श्रेणियों varg वर्ग",
  TOGETHER: "together saath sath साथ coordination coordinate cooperation cooperate teamwork talmel taalmel तालमेल samanjasya सामंजस्य sahyog सहयोग collaborate collaboration coordinating cooperating milkar मिलकर",
  CONFLICT: "conflict conflicts disagreement disagree clash fight jhagda jhagada matbhed मतभेद झगड़ा fight fights fighting fought odds friction tension tensions argue argues arguing argument arguments quarrel quarrels clashes ladai ladaai ladte ladna लड़ाई लड़ते लड़ना khatpat खटपट takraar takrar तकरार jhagde jhagadte jhagdte झगड़े झगड़ते anban अनबन",
  CHOOSE: "choose choosing choice select pick chunu chunna chune chunen chunoon चुनूं चुनूँ चुनना चुनें चुने decide decides deciding decision tay faisla फैसला तय dilemma duvidha दुविधा",
  MONEY: "money cash paisa paise paisaa पैसा पैसे nakad नकद",
  BUY: "bought purchase purchases purchased kharid kharida kharidna kharidne khareed खरीद खरीदा खरीदी खरीदे खरीदना",
  LIKE: "love loves enjoy enjoys prefer prefers pasand पसंद",
  NOT: "not never no nahi nahin nhi na नहीं नही ना न",
  PART: "part parts side sides section sections department departments division divisions hissa hisse हिस्सा हिस्से vibhag विभाग",
  DISLIKE: "dislike dislikes avoid avoids avoiding hate hates",
  SUIT: "suit suits suitable fit fits sahi sahee सही better behtar बेहतर shreshth shresth श्रेष्ठ uttam उत्तम",
  GIVE: "give gives giving gave given provide provides pradan प्रदान dena deta deti dete diya dete denge देना देता देती देते दिया देंगे",
  INFERIOR: "worse worst inferior lower lesser bad bura buri bure kharab kharaab खराब ख़राब बुरा बुरी बुरे chhota chhoti chota choti छोटा छोटी kamtar कमतर useless worthless bekar bekaar बेकार ghatiya घटिया gaun गौण nimn निम्न",
  CONTACT: "contact contacts interact interacts interacting interaction deal deals dealing dealt meet meets meeting talk talks talking speak speaking sampark संपर्क",
  DIRECT: "direct directly pratyaksh pratyaksha प्रत्यक्ष seedhe sidhe seedha sidha सीधे सीधा",
  // Knowing about something: "why should a job seeker know about them" (not "I know", "I want to know": stop words).
  KNOW: "know knowing knowledge aware awareness learn learning jaanna janna jaanne janne jaanana जानना जानने",
  EFFECT: "effect effects impact impacts affect affects affected hurt hurts harm harms damage damages asar असर prabhav प्रभाव nuksan nuksaan नुकसान",
  CONFUSED: "confuse confused confusing confusion कन्फ्यूज कन्फ्यूजन कंफ्यूज कंफ्यूजन कन्फ्यूज़ uljhan उलझन",
  RUN: "run runs running survive survives chal chale chalti chalta chalna chalegi चल चले चलती चलता चलना चलेगी",
  WITHOUT: "without bina binaa बिना bagair baghair बगैर",
  HOWTO: "howto",
  BOT: "bot bots chatbot बॉट",
  GREET: "hello hi hey hii helo namaste namaskar नमस्ते नमस्कार",
  THANK: "thanks thank thx thanku shukriya dhanyavad dhanyawad शुक्रिया धन्यवाद thnx thnks thanx tnx",
});

/** Postpositions typed onto the word before them ("bankme", "officeka"): stop words split off a word. */
export const POSTPOSITIONS: readonly string[] = Object.freeze(["me", "mein", "mai", "ka", "ki", "ke", "ko", "se", "par", "pe", "wala", "wali", "wale"]);

/**
 * Auxiliaries typed onto a question word or a long word ("kyahai", "kyahota", "officehai"); not onto a short
 * one, where they are more often the end of a word ("padhai").
 */
export const AUXILIARIES: readonly string[] = Object.freeze(["hai", "hain", "hota", "hoti", "hote"]);

/**
 * English word endings that look like words of their own: a word ending in one is one word, not two typed
 * together ("accountable" is not "account" + "able", nor "management" "manage" + "ment").
 */
export const SUFFIXES: readonly string[] = Object.freeze(["able", "ably", "ible", "ibly", "ment", "ments", "ness", "less", "ship", "ships", "wise", "ward", "wards"]);

/** Words that are particles in Hinglish but mean something in English ("back office hi" is not "hi!"). */
export const HINGLISH_PARTICLES: readonly string[] = Object.freeze(["hi"]);


/** The concept of thanks: said with any other words and no question, it is still small talk. */
export const THANKS = "#THANK";


/** The concept of asking how to do something: a form of question, answered only by a question of that form. */
export const HOWTO = "#HOWTO";

/** The concept of asking what a word means. */
export const MEANING = "#MEANING";

/** The concept that turns a question into its opposite ("meets customers" / "never meets customers"). */
export const NEGATION = "#NOT";

/** Concepts that say a thing does not happen: not, never, without ("work without meeting customers"), avoid. */
export const NEGATING: readonly string[] = Object.freeze([NEGATION, "#WITHOUT", "#DISLIKE"]);

/**
 * Words that ask for something without a question word ("please explain the difference", "कृपया बताएं"): a
 * sentence with one asks, so the sentences around it that only tell are context.
 */
export const REQUESTS: readonly string[] = Object.freeze(
  `explain tell describe clarify guide advise elaborate bataiye batao bataye btao bataen batayen batayein samjhaiye
  samjhao samjhayen samjhaen samjhayein
  kitna kitni kitne कितना कितनी कितने
  बताएं बताएँ बताइए बताइये बताओ बताने समझाइए समझाएं समझाओ समझाने स्पष्ट`.split(/\s+/).filter(Boolean),
);

/** Concepts that only say what kind of question it is: a question made of these alone asks nothing. */
export const INTENTS: readonly string[] = Object.freeze(["#WHAT", "#WHY", "#HOW", "#WHO", "#WHICH", "#WHERE", "#WHEN"]);



/** Phrases folded before tokenising, for multi-word synonyms. */
export const PHRASES: readonly (readonly [RegExp, string])[] = Object.freeze([
  // "Why should I care about it" asks why one should know about it; "that was useful" and "madad mili" are thanks.
  [/\b(?:why|y)\s+(?:should|would|do|does|must)\s+(?:[a-z]+\s+){1,4}?(?:even\s+)?(?:care|bother)\b/giu, "why know"],
  [/\b(?:should|do|must)\s+(?:i|we|one|you)\s+(?:even\s+|really\s+)?(?:care|bother)\b/giu, "why know"],
  [/\b(?:why|y)\s+(?:would|do|does|should)\s+(?:it|this|that)\s+(?:even\s+)?matter\b/giu, "why"],
  // "Does the back office even matter" asks whether it is important.
  [/\b(?:does|do|did|would|will|should)\s+((?:[a-z]+\s+){1,4}?)(?:even\s+|really\s+|actually\s+)?matter\b/giu, "$1 important"],
  // "I want to know", "do you know": asking, not knowing about something.
  [/\b(?:do|does|should|must)\s+(?:i|we|you|one)\s+(?:really\s+|actually\s+|even\s+)?need\s+to\s+know\b/giu, "why know"],
  [/\b(?:want|wanted|wanna|like|need|love)\s+to\s+know\b|\b(?:do|did)\s+(?:you|u)\s+know\b|\b(?:i|we)\s+(?:do\s+not\s+|don't\s+|dont\s+)?know\b/giu, " "],
  [/\b(?:jaanna|janna|jaanana|janana)\s+(?:chahta|chahti|chahte|chahata|chahati|chahate|chaahta|chaahti|chaahte)\b/giu, " "],
  [/(?<![\u0900-\u097f])जानना\s+(?:चाहता|चाहती|चाहते)(?![\u0900-\u097f])/gu, " "],
  [/\bpata\s+(?:hona|hone|hota|hoti)\b|\bsamajh?\s+(?:lo|lena|lijiye|lein|len)\b|\b(?:samajhna|samjhna|samajhana)\b/giu, "jaanna"],
  [/(?<![\u0900-\u097f])(?:समझ\s+(?:लो|लेना|लीजिए|लें)|समझना)(?![\u0900-\u097f])/gu, "जानना"],
  [/(?<![\u0900-\u097f])पता\s+(?:होना|होने|होता|होती)(?![\u0900-\u097f])/gu, "जानना"],
  [/\b(?:that|this|it|you)\s+(?:was|is|were|are|have\s+been)\s+(?:really\s+|very\s+|so\s+|super\s+)?(?:useful|helpful)\b/giu, "thanks"],
  [/\bmadad\s+mil(?:i|a|ee|gayi|gai)\b|\bsamajh?\s+(?:aa\s+)?gaya\b|\bgot\s+it\b|\b(?:that|this|it|you)\s+(?:really\s+|have\s+|has\s+)?helped(?:\s+(?:a\s+lot|me|a\s+ton))?\b/giu, "shukriya"],
  [/(?<![\u0900-\u097f])समझ\s+(?:आ\s+)?गया(?![\u0900-\u097f])/gu, "धन्यवाद"],
  [/(?<![\u0900-\u097f])मदद\s+मिली(?![\u0900-\u097f])/gu, "धन्यवाद"],
  // "Hi" after another word is the Hinglish particle ("milna hi nahi", "back office hi"), not a greeting.
  [/\bhi\b(?<=[a-z\u0900-\u097f]\s+hi)(?![,!])/giu, ""],
  // An age said as years ("I am 45 years old", "main 50 saal ki hu", "मैं 50 साल की हूँ।") asks about age, not about
  // years of work ("20 saal se kaam kar rahi hu", "mera experience 15 saal ka hai"): only a grown-up's number of
  // years, and in Hindi only as what the asker is.
  [/\b(?:1[4-9]|[2-7]\d)[\s-]*(?:years?|yrs?)[\s-]+old\b|\baged\s+(?:1[4-9]|[2-7]\d)\b/giu, "age"],
  [/\b(?:1[4-9]|[2-7]\d)\s*(?:saal|sal|varsh)\s+(?:ka|ki|ke|k)\s+(?=(?:hu|hun|hoon)\b)/giu, "umar "],
  [/(?<![\u0900-\u097f\d])(?:1[4-9]|[2-7]\d|१[४-९]|[२-७][०-९])\s*(?:साल|वर्ष)\s+(?:का|की|के)\s+(?=(?:हूँ|हूं|हु)(?![\u0900-\u0963\u0966-\u097f]))/gu, "उम्र "],
  // "Kis office", "किस कैटेगरी": "kis" asks which; not "kis se" (whom), "kis liye" (what for), "kis tarah" (how).
  [/\bkis(?!\s+(?:se|sey|ko|ke|ki|ka|liye|lie|liya|baare|bare|tarah|tarha|prakar|prakaar)\b)(?=\s+\S)/giu, "which"],
  [/(?<![\u0900-\u097f])किस(?=\s+(?!(?:से|को|के|की|का|लिए|लिये|बारे|तरह|प्रकार)(?![\u0900-\u097f]))[\u0900-\u097f])/gu, "कौनसा"],
  // "Baad" is "after", not "bad" (their loose spellings meet).
  [/\bbaad\b|(?<![\u0900-\u097f])(?:बाद|पश्चात|उपरांत)(?![\u0900-\u097f])/giu, "after"],
  // A tag "na" ("batao na", "hai na?") asks for agreement; it negates nothing. So does "not sure" / "no idea".
  [/\b(batao|bataiye|bata|btao|samjhao|samjha|karo|bolo|dekho|hai|h)\s+na\b/giu, "$1"],
  [/\bna(?=\s*(?:[?.!,]|$))/giu, ""],
  [/(?<![\u0900-\u097f])(बताओ|बताइए|बता|समझाओ|करो|बोलो|देखो|है)\s+ना(?![\u0900-\u097f])/gu, "$1"],
  [/(?<![\u0900-\u097f])नाँ?(?=\s*(?:[?.!,।]|$))|(?<![\u0900-\u097f])न(?=\s*(?:[?.!,।]|$))/gu, ""],
  // So does "ya nahi" / "कि नहीं" closing a question ("promotion hota h ki nahi?", "...ya nahi batao"): it asks
  // whether, it negates nothing. "ki nahi" only after a verb: "maine ITI ki nahi." is "I did not do ITI". Before a
  // comma the tag is another clause (see parts.ts) and still negates.
  [/(?:(?:^|\s)(?:ya|yaa)|(?<=\b(?:h|hai|he|hain|hota|hoti|hote|hoga|hogi|milta|milti|milte|milega|milegi|sakta|sakti|sakte|chahiye|padta|padti|padega|lagta|lagti|jata|jati))\s(?:ki|ke|k))\s+(?:nahi|nahin|nhi|nahee|nahii)(?=\s*(?:[?.!]|$)|\s+(?:batao|bataiye|btao|bata\s+do|sir|mam|bhai|ji|yaar|please|plz|pls)\b)/giu, ""],
  [/(?:^|\s)(?:या|कि)\s+(?:नहीं|नहीँ|नही)(?=\s*(?:[?.!।]|$)|\s+(?:बताओ|बताइए|बताइये|बताएं|बताएँ|सर|भाई|जी)(?![\u0900-\u097f]))/gu, ""],
  [/\bnot\s+sure\b|\bno\s+idea\b|\bnot\s+clear\b/giu, "unsure"],
  // Times: "5pm" is "5 pm".
  [/\b(\d{1,2})(am|pm)\b/giu, "$1 $2"],
  // Chat shorthand for words that matter ("frnt ofc", "diff btwn", "y").
  [/\b(?:ofc|offc|ofcs)\b/giu, "office"],
  // "Kya farak padta hai" asks what effect something has, not how two things differ.
  [/\b(?:farak|fark|farq|frk)\s+(?=(?:padta|padti|padega|padegi|pdta|pdega)\b)/giu, "asar "],
  [/(?<![\u0900-\u097f])(?:फर्क|फ़र्क|फरक)\s+(?=(?:पड़ता|पड़ती|पड़ेगा|पड़ेगी)(?![\u0900-\u097f]))/gu, "असर "],
  // "Baat karna" is talking to someone; "baat" alone is any matter ("kya baat hai").
  [/\b(?:baat|bat|baatein|baaten)\s+(?=(?:karna|karne|karni|karta|karti|karte|kare|karu|krna|krne|krni|krta|krti|krte|kr|hoti|hota)\b)/giu, "talk "],
  [/\b(?:baatcheet|batchit|baatchit)\b/giu, "talk"],
  [/(?<![\u0900-\u097f])(?:बात|बातें)\s+(?=(?:करना|करने|करनी|करता|करती|करते|करें|करे|करूं|करूँ|होती|होता)(?![\u0900-\u097f]))/gu, "संपर्क "],
  [/(?<![\u0900-\u097f])बातचीत(?![\u0900-\u097f])/gu, "संपर्क"],
  // Work one gets from someone ("kaam back office se milta hai") is given, not a meeting.
  [/\b(kaam|kam)\b((?:\s+\S+){0,4}?)\s+(?:milta|milti|milte|milega|milegi|milna)\b/giu, "$1$2 dena"],
  [/(?<![\u0900-\u097f])(काम)((?:\s+\S+){0,4}?)\s+(?:मिलता|मिलती|मिलते|मिलेगा|मिलेगी|मिलना)(?![\u0900-\u097f])/gu, "$1$2 देना"],
  // Applying somewhere is a procedure the article never describes.
  [/\bwhere\s+(?:to|can\s+i|do\s+i|should\s+i)\s+apply\b|\b(?:apply|aavedan|avedan)\s+(?:kaise|kahan|kaha|kare|karen|karu|kru|kre)\b/giu, "apply howto"],
  [/(?<![\u0900-\u097f])(?:आवेदन|अप्लाई)\s+(?:कैसे|कहाँ|कहां|करें|करे|करूं|करूँ)(?![\u0900-\u097f])/gu, "आवेदन howto"],
  // "Ke saath" is "with" ("customer ke saath"); "saath" on its own is together ("dono ka saath kaam").
  [/\b(?:ke|k)\s+(?:saath|sath)\b/giu, " "],
  [/(?<![\u0900-\u097f])के\s+साथ(?![\u0900-\u097f])/gu, " "],
  // "In a line or two", "samjha do": how to answer, not what about.
  [/\b(?:(?:ek|1|do|2)\s+)+(?:line|lines|lain)\s+(?:me|mein|main)\b|\bin\s+(?:one|a|1|two|2)\s+(?:or\s+two\s+)?lines?\b/giu, " "],
  [/(?<![\u0900-\u097f])(?:(?:एक|दो)\s+)+(?:लाइन|लाइनों|पंक्ति|पंक्तियों)\s+में(?![\u0900-\u097f])/gu, " "],
  [/\b(samjha|samjhaa|bata|btaa|bataa)\s+(?:do|dijiye|dena)\b/giu, "$1"],
  // The formal passive request: "samjhaya jaye" is "please explain".
  [/\b(?:samjhaya|samjhaaya|bataya|btaya)\s+(?:jaye|jaaye|jae|jay)\b/giu, "samjhaiye"],
  [/(?<![\u0900-\u097f])(?:समझाया|बताया)\s+(?:जाए|जाये)(?![\u0900-\u097f])/gu, "समझाइए"],
  [/(?<![\u0900-\u097f])(समझा|बता)\s+(?:दो|दीजिए|दीजिये|देना)(?![\u0900-\u097f])/gu, "$1"],
  // "Feels like" is "seems": not the customers' feelings.
  [/\b(?:it\s+)?(?:feels|feel|felt)\s+like\b/giu, " "],
  // "First time" and "all day" say when, not what: "pehli baar", "pura din", "पूरा दिन".
  [/\b(?:pehli|pahli|pehali)\s+(?:baar|bar)\b/giu, " "],
  [/(?<![\u0900-\u097f])पहली\s+बार(?![\u0900-\u097f])/gu, " "],
  [/\b(?:pura|poora|pure|poore)\s+din\b/giu, " "],
  [/(?<![\u0900-\u097f])(?:पूरा|पूरे)\s+दिन(?![\u0900-\u097f])/gu, " "],
  [/\b(?:takes?|taking|took)\s+care\s+of\b|\b(?:looks?|looking)\s+after\b|\bin\s+charge\s+of\b/giu, "handles"],
  // "What do you call them" asks for a name: what the thing is.
  [/\bwhat\s+(?:do|would|should)\s+(?:you|we|they|people|one)\s+call\b|\bwhat\s+(?:is|are)\s+(?:it|they|this|that|these|those)\s+called\b/giu, "what meaning"],
  // A letter's address line, "सेवा में," ("To,"): a clause of its own, or before whom it addresses; elsewhere it is
  // service ("ग्राहक सेवा में, दो साल से हूँ"). (A question is read clause by clause: see analyze.ts. This and the
  // request's phrases come before the letter's other forms below, which would take the words they look for.)
  [/^\s*सेवा\s+(?:में|मे)(?=\s*[,.]?\s*$|\s+(?:श्रीमान|महोदय|महोदया|आदरणीय|माननीय|प्रबंधक|मैनेजर)(?![\u0900-\u0963\u0966-\u097f]))|^\s*(?:sewa|seva)\s+(?:me|mein|mai|main)(?=\s*[,.]?\s*$|\s+(?:shriman|shrimaan|mahoday|mahodaya|aadarniya|adarniya|manager)\b)/giu, " "],
  // A formal request's phrases: "kindly throw some light on", "seek clarification", "प्रकाश डालें", "स्पष्ट करें" read as
  // "explain", "बताएं" (a request still asks); "इस विषय में" (in this regard) as nothing. Only as a request: "I am
  // writing about food" is a content writer's work, "स्पष्ट करने की कला" a skill, "light" a lamp seller's goods.
  [/\bi\s+am\s+writing\s+(?:this\s+)?(?:to\s+(?:you|ask|enquire|inquire|request|seek)|regarding|on\s+behalf|in\s+connection|with\s+reference)\b|\bi\s+write\s+to\s+you\b|\bat\s+your\s+earliest\s+convenience\b/giu, " "],
  [/\bthrow(?:ing)?\s+(?:some\s+|more\s+)?light\s+(?:on|upon)\b|\bseek(?:ing)?\s+(?:your\s+)?(?:clarification|guidance|advice|information)\b|\belaborate\s+(?:on|upon)\b/giu, "explain"],
  [/(?<![\u0900-\u097f])(?:प्रकाश\s+(?:डालें|डालिए|डालिये)|स्पष्ट\s+(?:करें|करे|कीजिए|कीजिये))(?![\u0900-\u0963\u0966-\u097f])/gu, "बताएं"],
  [/(?<![\u0900-\u097f])(?:(?:इस|उक्त)\s+(?:विषय|संबंध|सम्बन्ध)\s+(?:में|पर)|विनम्र(?=\s+(?:निवेदन|अनुरोध|विनती)))(?![\u0900-\u0963\u0966-\u097f])/gu, " "],
  [/\bprakash\s+(?:daalein|dalein|dalen|daalen|daliye|daaliye)\b|\bspasht\s+(?:karein|karen|kare|kijiye|kariye)\b/giu, "bataiye"],
  [/\b(?:is|ukt)\s+(?:vishay|vishey|sambandh)\s+(?:me|mein|main|par|pe)\b|\bvinamra\s+(?=nivedan|anurodh|vinti|vinati)|\b(?:ka|ki)\s+kasht\s+(?:karein|karen|kare|kariye|kijiye)\b/giu, " "],
  // The forms of a letter ("Respected Sir", "Thanking you", "आपका आभारी रहूँगा") frame the question; they ask nothing.
  [/\b(?:respected|dear|hello|hi|good\s+(?:morning|afternoon|evening))\s+(?:sir|madam|ma'?am|team|all|sir\/madam)(?:\s*\/\s*madam)?\b(?=.*\S.*\S)|\bgreetings\s+of\s+the\s+day\b|\bi\s+(?:hope|trust)\s+(?:this\s+(?:message|mail|email)\s+finds\s+you\s+well|you\s+are\s+(?:doing\s+)?well)\b/giu, " "],
  [/\b(?:thanking\s+you(?:\s+in\s+advance)?|(?:warm|best|kind)?\s*regards|yours\s+(?:faithfully|sincerely|truly)|sincerely|i\s+shall\s+be\s+(?:obliged|grateful|thankful)|an?\s+early\s+(?:response|reply)\s+would\s+be\s+(?:highly\s+|much\s+)?appreciated)\b[^?]*$/giu, " "],
  [/\bi\s+would\s+be\s+(?:very\s+)?(?:grateful|thankful|obliged)\s+if\s+you\s+could(?:\s+kindly|\s+please)?\b|\bto\s+whom\s+it\s+may\s+concern\b|\bi\s+would\s+(?:really\s+)?appreciate\b/giu, " "],
  [/(?<![\u0900-\u097f])(?:आदरणीय|माननीय|श्रीमान|प्रिय)(?:\s+(?:महोदय|महोदया|सर|जी))?(?![\u0900-\u0963\u0966-\u097f])|(?<![\u0900-\u097f])(?:सविनय\s+)?निवेदन\s+है\s+कि(?![\u0900-\u0963\u0966-\u097f])|(?<![\u0900-\u097f])का\s+कष्ट\s+करें(?![\u0900-\u0963\u0966-\u097f])|(?<![\u0900-\u097f])(?:आपका|आपकी)\s+(?:अति\s+)?(?:आभारी\s+(?:रहूँगा|रहूंगा|रहूँगी|रहूंगी|होऊँगा)|कृपा\s+होगी)(?![\u0900-\u0963\u0966-\u097f])/gu, " "],
  [/\b(?:aapka|apka)\s+(?:aabhari|abhari)\s+(?:rahunga|rahungi|rahoonga)\b|\bsir\s+ji\s+(?:pranam|namaste)\b/giu, " "],
  // "What is called…": "किसे कहते हैं", "kise kehte hai" ask what a thing is.
  [/(?<![\u0900-\u097f])(?:किसे|किसको)\s+(?:कहते|कहा\s+जाता|बोलते)(?![\u0900-\u0963\u0966-\u097f])/gu, "क्या"],
  // "What does X do", "kya karta hai": asks what someone's work is, not what X is ("do" is otherwise a function word).
  [/\b(what|wat|wht)\s+(?:does|do|did|will|would|should)\s+(?!(?:you|u|ya)\s+do\b)((?:[^\s?.,!]+\s+){1,5}?)do\b/giu, "$1 $2 work"],
  [/\b(kya|kia)\s+(?:karta|karti|karte|krta|krti|krte)\s+(?=(?:hai|h|hain|he|ho)\b)/giu, "$1 kaam "],
  [/(?<![\u0900-\u097f])क्या\s+(?:करता|करती|करते)(?=\s+(?:है|हैं|हो)(?![\u0900-\u0963\u0966-\u097f]))/gu, "क्या काम"],
  // "Tal mel" is "talmel" (coordination) typed apart; a career's growth is promotion, not a company's growth.
  [/\btal[\s-]+mel\b/giu, "talmel"],
  [/(?<![\u0900-\u097f])ताल\s+मेल(?![\u0900-\u097f])/gu, "तालमेल"],
  [/\bcareer\s+(?:growth|progression|grow)\b|\bcareer\s+(?:me|mein|main|ki|ka)\s+(?:growth|tarakki|tarakki)\b|\bgrowth\s+(?:chances?|opportunit(?:y|ies)|prospects?)\b/giu, "promotion"],
  [/\bppl\b/giu, "people"],
  // Chat greetings and thanks in shorthand and emoji: "gm sir ji", "ty", "🙏", "👍".
  [/\bgm\b/giu, "good morning"],
  [/\b(?:gn|gud\s+nite|good\s+nite)\b/giu, "good night"],
  [/\b(?:ty|tysm|tyvm)\b/giu, "thanks"],
  [/👋|🤝/gu, " hello "],
  [/🙏|👍|👌|🙂|😊|❤️|❤/gu, " thanks "],
  [/\b(?:shud|shld|shoud|shd)\b/giu, "should"],
  [/\bb4\b/giu, "before"],
  // Hinglish "aage" (ahead, further: "aage kya scope hai") is Hindi "आगे", not the English "age" its loose spelling meets.
  [/\b(?:aage|aagey|aagay)\b/giu, "आगे"],
  [/\btyps\b/giu, "types"],
  [/\bdiff\b/giu, "difference"],
  [/\b(?:btw|btwn|b\/w)\b/giu, "between"],
  [/\bw\/o\b/giu, "without"],
  [/\by\b(?=\s+(?:is|are|do|does|should|would|to)\b)/giu, "why"],
  [/\bget(?:s|ting)?\s+along\b/giu, "cooperate"],
  // "Compared to" says "than"; not understanding is confusion.
  [/\b(?:ke|k)\s+comparison\s+(?:me|mein|main)\b|\b(?:as\s+)?compared\s+(?:to|with)\b|\bin\s+comparison\s+(?:to|with)\b/giu, "than"],
  [/(?<![\u0900-\u097f])की\s+तुलना\s+में(?![\u0900-\u097f])/gu, "से"],
  [/\bsamajh?\s+(?:nahi|nahin|nhi|na)\s+(?:aa|aata|aati|aaya|aya|ata)(?:\s+(?:raha|rha|rahi|rhi))?\b/giu, "confused"],
  [/(?<![\u0900-\u097f])समझ\s+(?:नहीं|नही)\s+(?:आ|आता|आती|आया)(?:\s+(?:रहा|रही))?(?![\u0900-\u097f])/gu, "कन्फ्यूज"],
  // "Less than the other" is lower: "front office se kam hoti hai".
  [/\b(se|than)\s+(?:kam|kamtar|less|lower)\b/giu, "$1 inferior"],
  [/(?<![\u0900-\u097f])से\s+कम(?![\u0900-\u097f])/gu, "से कमतर"],
  // Formal "how": "किस प्रकार आवेदन करें".
  [/(?<![\u0900-\u097f])किस\s+(?:प्रकार|तरह)\s+(?:से\s+)?(?=\S+\s+(?:करें|करे|करूं|करूँ)(?![\u0900-\u097f])|(?:करें|करे|करूं|करूँ)(?![\u0900-\u097f]))/gu, "कैसे "],
  // "Front office lu ya back office": which to take is a choice.
  [/\b(?:lu|lun|loon|lu\s+main|le\s+lu|karu|karun)\s+(?=(?:ya|yaa|or)\b)/giu, "chunu "],
  [/(?<![\u0900-\u097f])(?:लूं|लूँ|लू|करूं|करूँ)\s+(?=या(?![\u0900-\u097f]))/gu, "चुनूं "],
  // "Saath milke", "ek saath": together (not "milke" as in meeting someone).
  [/\b(?:ek\s+)?(?:saath|sath)\s+(?:(?:me|mein|main)\s+)?mil\s*(?:ke|kar|kr)\b|\bek\s+(?:saath|sath)\b/giu, "milkar"],
  [/(?<![\u0900-\u097f])(?:(?:एक\s+)?साथ\s+(?:में\s+)?मिल\s*(?:के|कर)|एक\s+साथ)(?![\u0900-\u097f])/gu, "मिलकर"],
  // "Goods" would stem to "good"; things that "get made" are produced.
  [/\bgoods\b/giu, "products"],
  [/\b(?:get|gets|got|getting|are|is|being|be)\s+made\b/giu, "produced"],
  [/\b(?:make|makes|making|made)\s+(?:the\s+)?(?:actual\s+|real\s+)?(?:products?|goods)\b/giu, "production"],
  // Subjects of their own, kept whole so that their words don't match other words: a "full form" is not a form
  // to fill, working from home is not office work.
  [/\bfull[\s-]+forms?\b/giu, "fullform"],
  [/\badmit[\s-]*cards?\b|(?<![\u0900-\u097f])एडमिट\s*कार्ड(?![\u0900-\u097f])/giu, "admitcard"],
  [/\b(?:work(?:ing)?|done)[\s-]+from[\s-]+home\b|\bfrom\s+home\b|\bwfh\b|\bghar\s+(?:se|baithe|baith\s+ke)\b|(?<![\u0900-\u097f])घर\s+(?:से|बैठे)(?![\u0900-\u097f])/giu, "workfromhome"],
  // Preparing for an interview is a question of its own.
  [/\binterviews?\s+(?:questions?|tips?|preparation|prep|ki\s+taiyari|ki\s+tayari|me\s+kya\s+(?:puchte|poochte))\b|\b(?:prepare|preparing|crack)\s+(?:for\s+)?(?:an?\s+|the\s+)?(?:\S+\s+){0,3}?interviews?\b/giu, "interviewprep"],
  [/(?<![\u0900-\u097f])इंटरव्यू\s+(?:में\s+)?(?:के\s+)?(?:सवाल|प्रश्न|टिप्स|तैयारी)(?![\u0900-\u097f])/gu, "interviewprep"],
  [/\bof\s+course\b/giu, "sure"],
  // How much money a job brings is its pay.
  [/\b(?:paisa|paise|pay|money)\s+(?:kitna|kitne|kitni)\s+(?:milta|milte|milti|milega|milegi|milenge|hota|hoti|hai|h)\b|\bkitna\s+(?:paisa|kamate|kamata|kamati|kama\s+sakte)\b/giu, "salary"],
  // An amount of money ("12k per month", "15 hazar", "₹18,000") is pay; "5 k baad" is "after 5".
  [/(?<![\w.])(?:rs\.?\s?|₹\s?)?\d+(?:[.,]\d+)*(?:k|\s?(?:hazar|hazaar|hajar|thousand|lakh|lac|lpa|rupees?|rupaye|rupay|rs))\b|(?:\brs\.?\s?|₹\s?)\d+/giu, " salary "],
  [/(?<![\u0900-\u097f])[\d\u0966-\u096f]+(?:[.,][\d\u0966-\u096f]+)*\s?(?:हज़ार|हजार|लाख|रुपये|रुपए|रुपया)(?![\u0900-\u097f])/gu, " वेतन "],
  // "Night duty", "duty timing": in Indian English a duty is also a shift; a shift's timing is the shift, not
  // opening hours.
  [/\b(night|raat|rat|morning|evening|subah|shaam|sham|ghante|ghanta|hours?|hrs)\s+(?:ki\s+|ke\s+|of\s+)?(?:duty|dyuti)\b/giu, "$1 shift"],
  [/\b(?:duty|dyuti|shift|shifts)\s+(?:timing|timings|time|hours|hrs|roster|ka\s+time|ke\s+ghante|kitne\s+ghante)\b/giu, "shift"],
  [/(?<![\u0900-\u097f])(नाइट|रात|सुबह|शाम|घंटे|घंटा)\s+(?:की\s+)?ड्यूटी(?![\u0900-\u097f])/gu, "$1 शिफ्ट"],
  [/(?<![\u0900-\u097f])(?:ड्यूटी|शिफ्ट)\s+(?:का\s+|के\s+)?(?:समय|टाइम|टाइमिंग|घंटे)(?![\u0900-\u097f])/gu, "शिफ्ट"],
  // A day's work ("what do they do all day", "what do they do every day", "day to day", "roz ka kaam") is the duties;
  // not what one earns every day.
  [/\b(?:day[\s-]+to[\s-]+day|(?:daily|every\s+day)\s+(?:work|tasks?|routine|kaam|kam|duty|duties|activities)|(?:all|whole|entire)\s+(?:the\s+)?day|(?:do|does|doing|work|works|working)\s+every\s+day|din\s*bhar|(?:roz|roj|rozana|rojana|daily)\s+(?:ka|ke|ki)\s+(?:kaam|kam|routine))\b/giu, " duties "],
  [/(?<![\u0900-\u097f])(?:दिन\s*भर|(?:रोज़|रोज|रोज़ाना|रोजाना)\s+(?:का|के)\s+काम|दैनिक\s+(?:काम|कार्य))(?![\u0900-\u097f])/gu, " जिम्मेदारी "],
  // "How much does a nurse earn": the pay of whoever is named, so the name stays.
  [/\bhow\s+much\s+(?:do|does|will|can|would)\s+((?:\S+\s+){1,3}?)(?:earn|make|get\s+paid)\b/giu, "$1 salary"],
  [/(?<![\u0900-\u097f])(?:पैसा|पैसे)\s+कितना\s+(?:मिलता|मिलते|मिलेगा|होता)(?![\u0900-\u097f])|(?<![\u0900-\u097f])कितना\s+(?:पैसा|पैसे)(?![\u0900-\u097f])|(?<![\u0900-\u097f])कितना\s+(?:कमाते|कमाता|कमाती)(?![\u0900-\u097f])/gu, "वेतन"],
  // Whether English is needed is a qualification.
  [/\benglish\s+(?:aani|aana|aati|aata|bolna|bolni|speaking|skills?|fluency|required|zaruri|jaruri|necessary|needed|chahiye)\b|\b(?:need|needs|require|requires|required)\s+(?:good\s+|fluent\s+)?english\b/giu, "qualification"],
  [/(?<![\u0900-\u097f])इंग्लिश\s+(?:आनी|आना|जरूरी|ज़रूरी|चाहिए)(?![\u0900-\u097f])/gu, "योग्यता"],
  // "Bank ka time kya hai" asks its hours.
  [/\b(ka|ki|ke)\s+(?:time|samay)\s+(?=(?:kya|kitna|kab)\b)/giu, "$1 timing "],
  [/(?<![\u0900-\u097f])(का|की|के)\s+समय\s+(?=(?:क्या|कितना|कब)(?![\u0900-\u097f]))/gu, "$1 टाइमिंग "],
  [/\bkitne\s+baje\b|(?<![\u0900-\u097f])कितने\s+बजे(?![\u0900-\u097f])|\bopening\s+hours\b/giu, "openinghours"],
  // "How do I / kaise karein" asks for a procedure, which is another question than "what" or "why".
  [/\bhow\s+(?:do|can|could|should|would|shall|will)\s+(?:i|we)\b|\bhow\s+to\b/giu, "howto"],
  // Becoming something is a career path, a procedure too: "to become a cashier", "receptionist banne ke liye".
  [/\bto\s+become\b|\b(?:banne|bnne)\s+ke\s+(?:liye|liya|lie)\b/giu, "howto"],
  [/(?<![\u0900-\u097f])बनने\s+के\s+(?:लिए|लिये)(?![\u0900-\u097f])/gu, "howto"],
  [/\b(?:kaise|kese|kaisey|kya|kia)\s+(?:kare|karen|karein|kre|kren|karu|karun|karoon|kru)\b/giu, "howto"],
  [/\b((?:kaise|kese|kaisey)\s+(?:\S+\s+){0,2}?)(?:kare|karen|karein|kre|kren|karu|karun|karoon|kru)\b/giu, "$1howto"],
  [/\b(?:kaise|kese|kaisey)\s+(?:le(?!\s+ja)|len|lein|paye|payen|milegi|milega|bane|banein|banu|banun|banen|karwaye|karwayen|karwate|karwati|karwana|karwau|karwaun|karaye|karayen)\b/giu, "howto"],
  // (A verb of its own says what is to be done, and stays: "kaise badhaye" is how to grow, "kaise banaye" how to make.)
  [/\b(?:kaise|kese|kaisey)\s+(badhaye|badhayen|badhaen|badhau|sudhare|sudharen|banaye|banwaye)\b/giu, "howto $1"],
  [/(?<![\u0900-\u097f])(?:कैसे|क्या)\s+(?:करें|करे|करूँ|करूं)(?![\u0900-\u097f])/gu, "howto"],
  [/(?<![\u0900-\u097f])(कैसे\s+(?:\S+\s+){0,2}?)(?:करें|करे|करूँ|करूं|कराएं|कराएँ|करवाएं|करवाएँ|कराऊं|कराऊँ)(?![\u0900-\u097f])/gu, "$1howto"],
  [/(?<![\u0900-\u097f])कैसे\s+(?:लें|पाएं|पाएँ|मिलेगी|मिलेगा|मिलें|बनें|बनूं|बनूँ|बनवाएं|बनवाएँ|रहें|दें|जाएं|जाएँ)(?![\u0900-\u097f])/gu, "howto"],
  // ...and so is "how" with a verb in the subjunctive: सुधारें, बढ़ाएं, sudharein, badhayen. The verb stays: "कैसे
  // खोलें" (how to open one) and "कैसे बढ़ाएं" (how to grow it) ask different things.
  [/(?<![\u0900-\u097f])कैसे\s+(?!(?:हमें|तुम्हें|उन्हें|इन्हें|आपको|मुझे|हमको|उनको)(?![\u0900-\u097f]))([\u0900-\u097f]{2,}(?:ें|ाएं|ाएँ|ाऊं|ाऊँ|ूं|ूँ))(?![\u0900-\u097f])/gu, "howto $1"],
  // (Typed without its nasal, as often: "कैसे बने", "कैसे ले"; only verbs whose bare form asks how to, not पैसे.)
  [/(?<![\u0900-\u097f])कैसे\s+(?:बने|बनू|ले|पाए|पाऊ|मिले|करू)(?![\u0900-\u097f])/gu, "howto"],
  [/(?<![\u0900-\u097f])कैसे\s+(सीखे|सीखू|सुधारू|सुधारे|बढ़ाए|बढ़ाऊ|बनाए|बनाऊ|जुड़े|जुडे|खोले|ढूंढे|ढूँढे|ढूंढू|भरे|चुने|चुनू|बचे|रखे|बेचू|बेचे)(?![\u0900-\u097f])/gu, "howto $1"],
  // (Light verbs and pronouns say nothing of their own: "kaise milein", "kaise unhein".)
  [/\b(?:kaise|kese)\s+(?:milein|milen|rahein|rahen|dein|den|jaayen|jayen|jaaye|paayen|paaun|karwayein|karaayen)\b/gu, "howto"],
  [/\b(?:kaise|kese)\s+(?!(?:unhein|inhein|humein|hamein|tumhein|aapko|mujhe)\b)([a-z]+(?:ein|ayen|aein|aayen|aun|aaun))\b/gu, "howto $1"],
  // Formal Hindi for the office, and its other spelling: कार्यालय, दफ़्तर, आफिस.
  [/(?<![\u0900-\u097f])(?:कार्यालय|दफ्तर|दफ़्तर|आफिस|आफीस|आफ़िस)(?:ों)?(?![\u0900-\u097f])/gu, "ऑफिस"],
  // Markup is not words: <b>, </script>, <br/> (a user pasting HTML asks about the text, not the tags).
  [/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/giu, " "],
  [/n['’]t\b/giu, " not"],
  [/\b(do|does|did|is|are|was|were|could|would|should|have|has|ca|wo)nt\b/giu, "$1 not"],
  [/\bface[\s-]+to[\s-]+face\b/giu, "directly"],
  [/['’](s|re|ve|ll|d|m)\b/giu, " "],
  // Dislike is not liking: "I don't like meeting people" must not read as "I like meeting people".
  [/\b(?:do|does|did)\s?not\s+(?:(?:really|much|actually|even|quite|particularly)\s+)?(?:like|enjoy|want|prefer|love)\b|\bnot\s+(?:interested|comfortable)\b/giu, "dislike"],
  [/\bpasand\s+(?:nahi|nahin|nhi|na)\b|\b(?:nahi|nahin|nhi)\s+pasand\b/giu, "dislike"],
  [/(?<![\u0900-\u097f])(?:पसंद\s+नहीं|नहीं\s+पसंद)(?![\u0900-\u097f])/gu, "dislike"],
] as const);
