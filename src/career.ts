// Career vocabulary any career article shares: jobs, pay, qualifications, duties, skills, shifts and the like.
// Each group is one concept to the matcher; an article adds its own words in its YAML file (see README).

/** Concepts of working life, in English, Hindi and Hinglish spellings. */
export const CAREER_CONCEPTS: Readonly<Record<string, string>> = Object.freeze({
  DUTY: "duty duties ड्यूटी responsibility responsibilities responsible jimmedari zimmedari jimmedaari zimmedaari jimmadari jimedari zimedari जिम्मेदारी ज़िम्मेदारी जिम्मेदारियां जिम्मेदारियाँ kartavya कर्तव्य task tasks uttardayitva uttardayitv उत्तरदायित्व dayitva dayitv दायित्व jawabdehi जवाबदेही",
  JOB: "job jobs naukri naukari nokri नौकरी नौकरियां नौकरियाँ जॉब जॉब्स career कैरियर करियर role roles रोल bhumika भूमिका",
  WORK: "work works kaam kam काम karya kary कार्य",
  CUSTOMER: "customer customers client clients grahak ग्राहक कस्टमर",
  COMPANY: "company companies firm firms organisation organization organisations organizations sansthan संस्थान कंपनी कंपनियों कम्पनी sanstha संस्था pratishthan प्रतिष्ठान",
  GROWTH: "growth grow grows progress increase increases badhana badhane badhaye badhata बढ़ाना बढ़ाने बढ़ाए बढ़ाता बढ़ती tarakki tarraki taraqqi तरक्की unnati उन्नति vikas विकास ग्रोथ future scope bhavishya bhavishy भविष्य फ्यूचर स्कोप",
  SELL: "sell sells selling sale sales showroom showrooms शोरूम bechna bechne bikri बेचना बेचने बिक्री सेल्स sold marketing मार्केटिंग vikray विक्रय",
  PRODUCT: "product products item items maal माल प्रोडक्ट प्रोडक्ट्स utpad utpaad उत्पाद merchandise vastu vastuen वस्तु वस्तुएं वस्तुओं saman samaan सामान",
  PRODUCTION: "production produce produces produced manufacture manufacturing factory factories utpadan उत्पादन प्रोडक्शन manufactures manufactured manufacturer nirmit निर्मित nirman निर्माण",
  ADMIN: "admin administration administrative prashasan प्रशासन प्रशासनिक एडमिन एडमिनिस्ट्रेशन",
  RECORD: "record records recording recorded hisab hisaab हिसाब रिकॉर्ड रिकार्ड ledger ledgers register registers bookkeeping data डेटा डाटा",
  STOCK: "stock stocks inventory godown गोदाम स्टॉक",
  // What customers complain of and say back (an article adds its own words for it, as feelings).
  COMPLAINT: "complaint complaints shikayat shikayatein शिकायत शिकायतें feedback",
  BUSINESS: "business businesses बिज़नेस बिजनेस vyavsay vyavasay व्यवसाय dhandha dhanda धंधा vyapar vyapaar व्यापार",
  REGISTRATION: "registration registrations रजिस्ट्रेशन panjikaran पंजीकरण",
  STAFF: "staff staffs employee employees karmachari karmchari कर्मचारी कर्मचारियों स्टाफ",
  // Subjects of their own, folded from phrases (see lexicon.ts); never typo-corrected into other words.
  FULLFORM: "fullform",
  SALARY: "salary salaries pay wage wages stipend ctc tankhwah tankhwa tankha तनख्वाह तनखा वेतन vetan सैलरी remuneration package packages income earning earnings kamai kamaai kamayi कमाई pagar pagaar पगार पैकेज सेलरी सेलेरी सैलेरी",
  DOCUMENTS: "document documents docs dastavej dastavez डॉक्यूमेंट डॉक्यूमेंट्स दस्तावेज दस्तावेज़ों दस्तावेजों",
  VACANCY: "vacancy vacancies recruitment bharti वैकेंसी भर्ती",
  RESUME: "resume resumes cv biodata रिज्यूमे रिज्यूम बायोडाटा",
  QUALIFICATION: "qualification qualifications eligibility eligible yogyata योग्यता padhai padai पढ़ाई पढाई course courses कोर्स degree degrees diploma education educational shiksha शिक्षा डिग्री डिप्लोमा shaikshanik शैक्षणिक pathyakram पाठ्यक्रम",
  FEES: "fees fee फीस shulk शुल्क",
  EXAM: "exam exams examination pariksha pariksa परीक्षा परीक्षाओं एग्जाम एग्ज़ाम syllabus सिलेबस",
  WFH: "workfromhome",
  INTERVIEW: "interviewprep",
  RECOMMEND: "recommendplace",
  TIMING: "timing timings टाइमिंग openinghours open opens khula khuli khulta khulti khulte khulega खुला खुली खुलता खुलती खुलते खुलेगा",
  SKILL: "skill skills skillset स्किल स्किल्स hunar हुनर abilities ability kabiliyat काबिलियत",
  EXPERIENCE: "experience experienced anubhav अनुभव एक्सपीरियंस tajurba तजुर्बा exp",
  SHIFT: "shift shifts शिफ्ट शिफ्टों paali पाली rotational hours hrs ghante ghanta घंटे घंटा",
  TRAINING: "training trainings prashikshan प्रशिक्षण ट्रेनिंग",
  PROMOTION: "promotion promotions promoted pramotion प्रमोशन padonnati पदोन्नति",
  APPLY: "apply applying application applications avedan aavedan आवेदन अप्लाई",
  AGE: "age umar umr उम्र आयु aayu",
  STRESS: "stress stressful tension pressure tanav tanaav तनाव dabav dabaav दबाव प्रेशर टेंशन स्ट्रेस",
  NIGHT: "night nights raat रात",
  FRESHER: "fresher freshers फ्रेशर फ्रेशर्स",
  RESULT: "result results रिजल्ट rizalt admitcard",
  DATE: "date dates tarikh tareekh तारीख डेट",
});

/**
 * Subjects a question may ask about that only an entry about them answers, with how to name them to the user.
 * Pay, papers, openings, a CV, working from home...: a question about one gets "not covered" and suggestions,
 * however many of its other words the corpus knows, until an entry whose questions ask about it is loaded.
 */
export const CAREER_SUBJECTS: Readonly<Record<string, { readonly en: string; readonly hi: string }>> = Object.freeze({
  "#HOWTO": { en: "procedures (how to apply, how to get something done)", hi: "आवेदन जैसी प्रक्रियाएँ (कोई काम कैसे करें)" },
  "#SALARY": { en: "pay", hi: "सैलरी" },
  "#DOCUMENTS": { en: "documents", hi: "दस्तावेज़" },
  "#VACANCY": { en: "vacancies", hi: "वैकेंसी" },
  "#RESUME": { en: "a CV", hi: "बायोडाटा" },
  "#QUALIFICATION": { en: "qualifications", hi: "योग्यता" },
  "#FEES": { en: "fees", hi: "फीस" },
  "#EXAM": { en: "exams", hi: "परीक्षा" },
  "#WFH": { en: "working from home", hi: "घर से काम" },
  "#INTERVIEW": { en: "interview preparation", hi: "इंटरव्यू की तैयारी" },
  "#RECOMMEND": { en: "which place is best", hi: "कौन सी जगह सबसे अच्छी है" },
  "#FULLFORM": { en: "a full form", hi: "फुल फॉर्म" },
  "#TIMING": { en: "opening hours", hi: "खुलने का समय" },
  "#SKILL": { en: "skills", hi: "कौशल" },
  "#PROMOTION": { en: "promotion", hi: "प्रमोशन" },
  "#RESULT": { en: "results and admit cards", hi: "रिजल्ट और एडमिट कार्ड" },
  "#DATE": { en: "dates", hi: "तारीखें" },
});

/**
 * Words every workplace article uses that are no concept of their own (their spellings are matched by key): they
 * never name one article's subject, so "far from the office" does not send a question to an article about offices.
 */
export const CAREER_WORDS: readonly string[] = Object.freeze(["office", "offices", "ऑफिस", "work", "company"]);

/**
 * Other lines of work and other walks of life, named by one word. A question naming one of them that no loaded
 * article's questions use ("नर्स की सैलरी" to an article about data entry, "aaj ka cricket score") is about that,
 * not about what the corpus covers, however well its everyday words (pay, how, good) fit. An article that asks
 * about one makes it an ordinary word of the corpus again.
 */
export const FIELDS: readonly string[] = Object.freeze(
  `doctor doctors daktar dactor डॉक्टर डाक्टर nurse nurses नर्स teacher teachers टीचर शिक्षक adhyapak अध्यापक
  professor lecturer प्रोफेसर engineer engineers इंजीनियर lawyer lawyers advocate vakil wakil वकील
  chef chefs cook cooks shef शेफ रसोइया pilot pilots पायलट police policeman पुलिस
  constable कांस्टेबल army fauj फौज फ़ौज सेना soldier sainik सैनिक navy airforce pharmacist फार्मासिस्ट pharmacy फार्मेसी
  chemist केमिस्ट accountant accountants अकाउंटेंट chartered electrician बिजलीवाला इलेक्ट्रीशियन plumber प्लंबर
  carpenter बढ़ई mistri मिस्त्री mechanic मैकेनिक tailor darzi दर्जी barber नाई beautician ब्यूटीशियन parlour parlor पार्लर
  farmer kisan किसान kheti खेती shopkeeper dukandar दुकानदार developer developers programmer programming coder coding
  डेवलपर प्रोग्रामर सॉफ्टवेयर designer डिज़ाइनर डिजाइनर architect आर्किटेक्ट journalist patrakar पत्रकार
  actor actress abhineta अभिनेता एक्टर singer gayak गायक सिंगर dancer डांसर photographer फोटोग्राफर youtuber यूट्यूबर
  ias ips upsc आईएएस आईपीएस यूपीएससी ssc एसएससी neet नीट mbbs एमबीबीएस ibps आईबीपीएस
  dentist डेंटिस्ट physiotherapist फिजियोथेरेपिस्ट scientist scientists साइंटिस्ट वैज्ञानिक
  waiter waiters वेटर sweeper peon चपरासी plumbing welder वेल्डर
  lineman लाइनमैन watchman chowkidar चौकीदार gunman pandit पंडित priest pujari पुजारी
  movie movies film films फिल्म फ़िल्म मूवी webseries song songs gaana gana गाना गाने cricket क्रिकेट
  मैच ipl football फुटबॉल weather mausam मौसम barish बारिश recipe recipes रेसिपी biryani बिरयानी
  poem poetry kavita कविता shayari शायरी joke jokes chutkula चुटकुला python java javascript
  medicine medicines dawa dawai दवा दवाई dengue डेंगू fever bukhar बुखार
  loan loans लोन emi ईएमआई byaj byaaj ब्याज refund रिफंड parcel पार्सल
  franchise फ्रेंचाइजी फ्रेंचाइज़ी sensex सेंसेक्स
  court courts कोर्ट adalat अदालत एफआईआर
  visa वीजा वीज़ा passport पासपोर्ट girlfriend boyfriend shaadi शादी pyaar प्यार horoscope rashifal राशिफल`.split(/\s+/).filter(Boolean),
);
