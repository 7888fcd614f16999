// Names of careers, learned across career articles (bin/careers.ts writes them to careers-data.ts): a question that names another career than the loaded articles' is about that career.
import type { Analyzer } from "./analyze.js";
import { QUESTION_LANGS, type Entry } from "./types.js";

/** An article's entries, each as the set of words its questions use (lower case, as typed, stop words left out). */
export type ArticleWords = readonly ReadonlySet<string>[];

/** An article of fewer entries says too little about which words name its subject. */
export const MIN_SUBJECT_ENTRIES = 4;

/** The words of each of an article's entries' questions, as `ArticleWords` holds them. */
export function articleWords(analyzer: Analyzer, entries: readonly Entry[]): ArticleWords {
  return entries.map((entry) => {
    const words = new Set<string>();
    for (const lang of QUESTION_LANGS) for (const q of entry.questions[lang]) for (const w of analyzer.words(q)) if (!analyzer.analyzeWord(w).stop) words.add(w);
    return words;
  });
}

/**
 * The words that name an article's subject: those in at least `share` of its entries' questions ("bartender", in
 * nearly every question of an article about bartenders, whatever each asks). None for an article of few entries.
 */
export function subjectWords(entries: ArticleWords, share: number): string[] {
  if (entries.length < MIN_SUBJECT_ENTRIES) return [];
  const counts = new Map<string, number>();
  for (const words of entries) for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= share * entries.length).map(([w]) => w);
}

/**
 * Career names from many career articles: each article's subject words (in at least `share` of its entries) that
 * at most `maxArticles` articles use at all, so words any career shares ("salary", "job") are left out, as are
 * numbers, single letters and whatever `isGeneral` says is general vocabulary (concepts). Sorted.
 */
export function learnCareerNames(articles: readonly ArticleWords[], isGeneral: (word: string) => boolean, share = 0.5, maxArticles = 3): string[] {
  const usedBy = new Map<string, number>();
  for (const entries of articles) for (const w of new Set(entries.flatMap((words) => [...words]))) usedBy.set(w, (usedBy.get(w) ?? 0) + 1);
  const names = new Set<string>();
  for (const entries of articles) {
    for (const w of subjectWords(entries, share)) if (usedBy.get(w)! <= maxArticles && [...w].length >= 2 && !/\d/.test(w) && !isGeneral(w)) names.add(w);
  }
  return [...names].sort();
}
