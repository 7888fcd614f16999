// Every tuning constant of the matcher in one frozen object, so behaviour changes are made (and reviewed) here.
export const TUNING = Object.freeze({
  /** Input longer than this (in code points) is cut before matching: no real question is this long. */
  maxQuestionChars: 500,
  /** At most this many words of a question are analysed. */
  maxQueryTerms: 40,
  /**
   * Small talk answers when it scores at least this (an article's entry answers by the calibrated guard, see
   * `calibration` below; a role the article assigns answers with at least this as its confidence)...
   */
  answerThreshold: 0.5,
  /** ...and when its best question covers at least this share of the query's weight. */
  minCoverage: 0.5,
  /** A question with more content words than this is long: small talk's bars come down ("thanks a lot, that finally makes sense")... */
  longWords: 4,
  /** ...by this much per further word (score and coverage alike)... */
  longRelief: 0.02,
  /** ...by at most this much... */
  longReliefMax: 0.2,
  /** ...and only when the best entry leads the next by at least this. */
  longLead: 0.05,
  /** Offer an entry as "did you mean" when it scores at least this. */
  suggestThreshold: 0.22,
  /** How many "did you mean" entries to offer at most. */
  maxSuggestions: 3,
  /** When the two best entries cover the query equally and score this close, ask instead of answering. */
  ambiguityMargin: 0.01,
  /** ...and, with several articles, when two entries of different articles score this close and the question names neither's subject. */
  articleAmbiguityMargin: 0.15,
  /**
   * ...but not when no other article among the best few that scores that close, ranked alone, is even this share of
   * its calibrated bar sure of its best entry: a question only one article could answer is that article's. Each of 168 test articles beside the shipped
   * corpus: 12,420 right, 2,513 near misses declined, 409 wrong without it; 12,515, 2,514 and 408 at 0.6; 12,538, 2,514
   * and 411 at 1. All 168 together with it (where a sure-looking article is more often the wrong one of many): 10,032,
   * 2,071 and 1,272 without; 10,082, 2,058 and 1,302 at 0.6; 10,215, 2,023 and 1,421 at 1.
   */
  articleSureShare: 0.6,
  /** F-beta over query coverage (recall) and question coverage (precision): beta > 1 favours covering the query. */
  beta: 1.3,
  /** How much a query word found only in an entry's answer (not its questions) counts for that entry. */
  answerQuality: 0.5,
  /** A question naming the other side of a contrast the query names one side of: that side's weight counts this many times more against it. */
  otherSidePenalty: 3,
  /** A question that drops the query's negation: the negation's weight counts this many times more against it... */
  negationPenalty: 2,
  /** ...and this many times against a question that negates what the query does not. */
  negationExtra: 1,
  /** A question naming a place (bank, hospital) or a comparison the query does not: its weight counts this many times more against it. */
  narrowingPenalty: 1,
  /** How much a query word found in another question of the entry (not its best one) counts for that entry. */
  entryQuality: 0.1,
  /** How much a word the corpus lacks counts when it stands only in a sentence or clause that tells, beside one that asks. */
  asideWeight: 0.15,
  /** How much a typo-corrected word counts compared to an exact one. */
  fuzzyQuality: 0.8,
  /** How much each half of a split run-together word ("backoffice") counts. */
  splitQuality: 0.9,
  /** Fuse.js threshold for typo lookup over vocabulary keys: about one edit per four letters. */
  fuzzyThreshold: 0.3,
  /** Keys shorter than this must match exactly (short keys collide: ki/ke/ka/kya). */
  fuzzyMinKeyLength: 4,
  /** Vocabulary keys considered for one unknown word before Fuse.js ranks them. */
  fuzzyCandidates: 24,
  /** Weight of a word the corpus never uses, as an inverse document frequency with this document frequency. */
  unknownDf: 0.4,
  /** Questions per entry at which a word the corpus lacks weighs in full; sparser corpora weigh it less... */
  unknownDensity: 100,
  /** ...but never below this share. */
  unknownSparseMin: 0.4,
  /** An entry is about a procedure when at least one in this many of its questions asks how to do something. */
  procedureShare: 6,
  /**
   * An article's best entry answers when a model gives it a chance of being right of at least a bar (the calibrated
   * guard, see Matcher.calibration), from what the matcher knows of the question (CALIBRATION_INPUT in calibration.ts: its
   * score, coverage and lead, the words it lacks, its letters, naive Bayes, the kinds it asks, near misses' words, its
   * own career, how far the words alone put it ahead, its script, how much of it the entry's phrasings and answer
   * share). An article at least this sparse (see
   * Matcher.models) is judged by boosted trees fitted over the test articles (a few phrasings an entry:
   * src/calibration-data.ts, written by `bin/calibrate.ts --write`)...
   */
  calibratedSparseness: 0.5,
  /**
   * ...with this bar (a confident wrong answer is the worst outcome; bin/calibrate.ts prints the table). Held out
   * over 204 test articles with eighteen kinds and hasty Devanagari read (35,226 examples), 0.70 answers 26,556 right
   * and 1,657 wrong, 0.75 26,009 and 1,419; with thirteen kinds (35,241), 26,484 and 1,625, 0.75 25,941 and 1,411; over
   * 192 with the phrasings' and answer's inputs, 25,175 and 1,510 at 0.70. Before those inputs, over 192 test articles, each tenth of them left out of the fit (33,266 examples, 27,330 with the right entry on
   * top): 0.65 answers 25,456 right and 1,758 wrong, 0.70 25,013 and 1,546, 0.75 24,508 and 1,339. Over 186
   * (32,207 examples): 0.65 24,668 and 1,701, 0.70 24,279 and 1,492. The logistic model the trees replaced,
   * each article left out of its own fit: 24,233 right and 1,708 wrong at 0.70, 23,541 and 1,475 at 0.75. (Over 132
   * articles, without the inputs of how far the words lead and the script, trees were about 20 right answers ahead
   * of 10,466: the inputs the trees combine and the examples they learn from both count.)
   */
  calibratedBar: 0.7,
  /**
   * An article of fewer entries than this (the test articles have eight to ten) is judged by a logistic model
   * instead of the trees...
   */
  treesMinEntries: 6,
  /**
   * ...with these weights, fitted over 174 test articles before the trees (bias, score, coverage, evidence, lead,
   * lead up to calibrationLeadCap, unknown share, unknown words, words, letters, naive Bayes, uncovered subject,
   * kinds, near misses, own career, unknown share without it; the trees' further inputs unweighed)...
   */
  smallCalibration: Object.freeze([-5.173, 2.459, 2.777, 0.021, -1.291, 14.381, -1.664, 0.174, 0.073, 13.185, 1.826, -0.706, 1.184, -0.218, 0.261, -1.106, 0, 0, 0, 0, 0, 0, 0, 0]) as readonly number[],
  /** ...and this bar. */
  smallCalibratedBar: 0.71,
  /**
   * ...and a denser one by a logistic model, its weights fitted over the shipped article's real-chat-shaped eval sets
   * (its last thirteen inputs unused: in a dense article the uncovered-subject guard objects on its own, and kinds, near
   * misses and its own career, learnt from sparse articles, are not weighed; the inputs the trees added were not
   * worth their weights there, held out)...
   */
  denseCalibration: Object.freeze([-6.694, 10.029, -1.758, 0.32, -2.506, 10.145, -1.171, 0.029, 0.214, 13.281, 1.793, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) as readonly number[],
  /** ...with this bar. */
  denseCalibratedBar: 0.75,
  /** Naive Bayes (Matcher.chance): a word none of an entry's phrasings use is this likely in a question to it, as a share of its phrasings... */
  chanceSmoothing: 0.1,
  /** ...and this much more likely when its answer uses it. */
  chanceAnswerShare: 0.05,
  /**
   * The calibrated guard compares a question's letters with every other entry of an article of at most this many
   * entries, and with the best entry's rivals only in a larger one (held out, all entries separate right from wrong
   * better: about a hundred more right answers at the same wrong ones over the test articles; see Surface). The
   * models were fitted on articles of 8 to 16 entries: the rivals-only reading, for an article of thousands, bounds
   * the cost and has not been fitted.
   */
  lettersAllEntries: 32,
  /** The lead over the next entry counts twice up to this much: a small lead says more than a large one adds. */
  calibrationLeadCap: 0.1,
  /** A question naming a role and one side of a contrast is the role's to answer when it has at most this many other words (see Matcher.onlyClassifies). */
  roleLeftover: 1,
  /** A contrast's sides name a word together ("office") when it is in at least this share of either side's questions (see Matcher.contrastHead). */
  contrastHeadShare: 0.5,
  /**
   * How much the letters (see Surface: the cosine of the question's trigrams with an entry's questions') count when
   * ranking the best few entries of a sparse article (see calibratedSparseness): over the test articles alone the
   * right entry came first for 91.3% of in-scope questions without them, 92.8% at 1, 93.5% at 3, 93.2% at 5.
   */
  lettersWeight: 3,
  /**
   * How much the kind fit (a question's kinds against an entry's, see KindModel) counts there too: over the test
   * articles, each read with kind counts made without it, the right entry came first for 94.0% of in-scope
   * questions without it, 94.3% at 1, 95.1% at 0.6, 95.2% at 0.5, 95.0% at 0.3; 91.6% at 2.
   */
  kindWeight: 0.5,
  /** How much an entry's evidence beyond its best question counts when ranking entries of a calibrated article. */
  evidenceWeight: 0.2,
  /** ...among this many of its best entries. */
  evidenceRerank: 8,
  /** Query words rarer than this (entries containing them) gather candidates; commoner ones only score them. */
  candidateDf: 48,
  /** ...or rarer than this share of all entries, whichever is larger, so big corpora gather enough candidates. */
  candidateDfShare: 0.02,
  /** A word names an article's subject when at least this share of the article's entries ask with it... */
  subjectShare: 0.5,
  /** ...and every other article's share is at most a this-th of that. */
  subjectDominance: 3,
  /**
   * A question naming a career the test articles taught (see careers.ts) that no corpus question or answer uses is
   * about another field to its best entry's sparse article, unless it also names a term in at least this share of
   * that article's entries: its own career ("bartender"). Over the 132 test articles alone, each read with names
   * learnt without its tenth of them, at the 0.72 bar before the refit: 9,524 right, 1,921 near misses declined, 350
   * wrong at 0.9 against 9,553, 1,888 and 384 without the names; a share of 0.5 (more words count as the article's
   * own) blocks less (-5 right, +11 declined, -12 wrong), no such exception blocks more (-58, +41, -42). Over 138,
   * with the near-miss input (one refit of it, bar 0.71): 10,218 right, 2,015 declined, 407 wrong against 10,236,
   * 1,970 and 452 without the names.
   */
  ownSubjectShare: 0.9,
  /** The near-miss input of the calibrated guard (see Matcher.nearMissOdds) is capped at plus or minus this many log odds. */
  nearMissCap: 8,
  /**
   * A word a sparse article lacks weighs against its entries by how much more near misses use it than covered
   * questions do (see Matcher.scopedWeight): down to this share of its weight for a word covered questions use far more.
   */
  unknownScopeFloor: 0.5,
  /** At most this many questions are scored for a question made only of common words. */
  maxWalk: 300,
});

/** The tuning a Matcher runs with: any number per constant (freezing the object literal typed each as its default). */
export type Tuning = { -readonly [K in keyof typeof TUNING]: (typeof TUNING)[K] extends readonly number[] ? readonly number[] : number };
