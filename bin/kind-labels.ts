// What the test articles teach about careers at large: their questions labelled by the kind of their entry (pay, training, growth...), read from its id, for the kind model (bin/kinds.ts), and their career names (bin/careers.ts); bin/calibrate.ts reads both.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Analyzer, corpusAnalyzer } from "../src/analyze.js";
import { buildCorpus, CorpusError } from "../src/corpus.js";
import type { Corpus } from "../src/types.js";
import { articleWords, learnCareerNames, type ArticleWords } from "../src/careers.js";
import { kindWords, SCOPE_NEAR_MISS } from "../src/kinds.js";
import { BASE_LEXICON } from "../src/vocabulary.js";
import { QUESTION_LANGS } from "../src/types.js";

export const ARTICLES = "test/fixtures/articles";

/** The test articles' names (each `NAME.yaml` with its eval set `NAME.jsonl`), in name order. */
export function testArticles(): string[] {
  return readdirSync(ARTICLES)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.replace(/\.yaml$/, ""))
    .sort();
}

/**
 * Kinds of entry many career articles have (the last five those of trades and small businesses), by the last words
 * of their ids (`da-salary`, `staff-what-is`, `bt-own-business`). An entry whose id names none (`da-portfolio`) is
 * particular to its article: its questions teach nothing general and are left out.
 */
const KINDS: readonly (readonly [string, RegExp])[] = [
  ["what it is", /(?:^|-)(?:what-is|what|types|about|meaning)$/],
  ["growth", /(?:^|-)(?:growth|promotion|future|grow)$/],
  ["pay", /(?:^|-)(?:salary|earnings|earning|income|pay)$/],
  ["skills", /(?:^|-)skills$/],
  ["duties", /(?:^|-)(?:duties|work|daily-work|day|duty)$/],
  ["eligibility", /(?:^|-)(?:eligibility|qualification|requirements|without-degree)$/],
  ["finding a job", /(?:^|-)(?:jobs|job|apply|how-to-apply|how-to-get|find-work|find-job|first-job|recruitment|selection|hiring|join|how-to-join)$/],
  ["training", /(?:^|-)(?:training|course|courses|learning|learn|certificate|certification|iti-course|apprenticeship)$/],
  ["safety", /(?:^|-)(?:safety|risks)$/],
  ["hardships", /(?:^|-)(?:challenges|problems|pressure)$/],
  ["exams", /(?:^|-)(?:exam|preparation|syllabus|entrance)$/],
  ["hours", /(?:^|-)(?:shifts|hours|timings|timing)$/],
  ["own business", /(?:^|-)(?:own-[a-z]+|start-own|self-employed|business|freelance)$/],
  // (Not "fees": a tutor's fees are earnings, a course's are training; nor "setup", as often how to start as its cost.)
  ["cost", /(?:^|-)(?:investment|cost|costs|capital|budget)$/],
  ["papers", /(?:^|-)(?:licence|license|licences|licenses|registration|register|permit|permits|permission|permissions|documents)$/],
  ["equipment", /(?:^|-)(?:equipment|tools|machines|machine|kit)$/],
  ["customers", /(?:^|-)(?:customers|clients|selling|marketing)$/],
  ["schemes", /(?:^|-)(?:schemes|scheme|loan|loans|subsidy)$/],
];
export const KIND_NAMES: readonly string[] = KINDS.map(([name]) => name);

/** The kind an entry id names, as an index of KIND_NAMES. */
export function kindOfId(id: string): number | undefined {
  const rest = id.replace(/^[a-z0-9]+-/, "");
  const i = KINDS.findIndex(([, re]) => re.test(rest));
  return i < 0 ? undefined : i;
}

/** A test article read once: its corpus (read in place, one file one article), its analyzer, its eval set. */
interface TestArticle {
  readonly corpus: Corpus;
  readonly analyzer: Analyzer;
  readonly cases: readonly { readonly question: string; readonly expect: readonly string[] | null }[];
}
const read = new Map<string, TestArticle>();

function testArticle(article: string): TestArticle {
  let known = read.get(article);
  if (known === undefined) {
    const file = join(ARTICLES, `${article}.yaml`);
    const { corpus, problems } = buildCorpus([{ file, text: readFileSync(file, "utf8") }]);
    if (!corpus) throw new CorpusError(problems);
    const cases = readFileSync(join(ARTICLES, `${article}.jsonl`), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as { question: string; expect: string[] | null });
    read.set(article, (known = { corpus, analyzer: corpusAnalyzer(corpus), cases }));
  }
  return known;
}

/** The career names the given test articles teach (see learnCareerNames); concepts of the built-in lexicon are general words. */
export function testCareerNames(articles: readonly string[]): string[] {
  const base = new Analyzer(BASE_LEXICON);
  return learnCareerNames(articles.map(testArticleWords), (w) => base.analyzeWord(w).concept !== undefined);
}

const wordsByArticle = new Map<string, ArticleWords>();

/** A test article's entries' words (see articleWords), found once: bin/calibrate.ts learns ten folds from them. */
function testArticleWords(article: string): ArticleWords {
  let words = wordsByArticle.get(article);
  if (words === undefined) {
    const { corpus, analyzer } = testArticle(article);
    wordsByArticle.set(article, (words = articleWords(analyzer, corpus.entries)));
  }
  return words;
}

export interface LabelledQuestion {
  readonly article: string;
  readonly kind: number;
  readonly words: readonly string[];
}

/**
 * Every labelled question of the test articles: their entries' questions in the three languages and the eval sets'
 * in-scope questions with one expected entry, read under each article's own lexicon as the matcher reads them.
 */
export function labelledQuestions(): LabelledQuestion[] {
  const out: LabelledQuestion[] = [];
  for (const article of testArticles()) {
    const { corpus, analyzer, cases } = testArticle(article);
    const add = (id: string, text: string) => {
      const kind = kindOfId(id);
      if (kind !== undefined) out.push({ article, kind, words: kindWords(analyzer.analyzeQuestion(text, Infinity).forms) });
    };
    for (const entry of corpus.entries) for (const lang of QUESTION_LANGS) for (const q of entry.questions[lang]) add(entry.id, q);
    for (const { question, expect } of cases) if (expect?.length === 1) add(expect[0]!, question);
  }
  return out;
}

/**
 * Every question of the test articles' eval sets, labelled by whether its article covers it (0) or it is a near
 * miss (SCOPE_NEAR_MISS: another career's question, a customer's, chat), for the scope model (see SCOPE_KINDS).
 */
export function scopeQuestions(): LabelledQuestion[] {
  const out: LabelledQuestion[] = [];
  for (const article of testArticles()) {
    const { analyzer, cases } = testArticle(article);
    for (const { question, expect } of cases) out.push({ article, kind: expect === null ? SCOPE_NEAR_MISS : 0, words: kindWords(analyzer.analyzeQuestion(question, Infinity).forms) });
  }
  return out;
}
