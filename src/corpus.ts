// Loads the FAQ corpus (YAML files in one folder) and validates it, reporting each problem as `file: entry: problem`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { load as parseYaml, YAMLException } from "js-yaml";
import { z } from "zod";
import type { Article, Corpus, Entry } from "./types.js";
import { articleLexiconSchema, conceptName, lexiconProblems, mergeLexicons, type ArticleLexicon } from "./vocabulary.js";

export interface Problem {
  readonly file: string;
  /** The entry id, or `-` for problems of the file as a whole. */
  readonly entry: string;
  readonly problem: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.entry}: ${p.problem}`;
}

/** Thrown when a corpus cannot be used; carries every problem found, not just the first. */
export class CorpusError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "CorpusError";
  }
}

const text = z.string().trim().min(1, "must not be empty");
const questionList = z.array(text, "must be a list of questions").min(1, "needs at least one question");
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const entrySchema = z.object({
  id: z.string().regex(ID, "id must be kebab-case (a-z, 0-9, -)"),
  /** The heading of the source passage the answer renders, or a list when it draws on several. */
  section: z.union([text, z.array(text, "must be a heading or a list of headings").min(1, "needs at least one heading")]).optional(),
  title: z.object({ en: text, hi: text }).optional(),
  questions: z.object({ en: questionList, hi: questionList, "hi-Latn": questionList }, "needs questions in en, hi and hi-Latn"),
  answer: z.object({ en: text, hi: text }, "needs an answer in en and hi"),
  related: z.array(z.string()).optional(),
});

const fileSchema = z.object({
  source: z.object({
    title: text,
    language: text,
    about: z.object({ en: text, hi: text }).optional(),
    headings: z.array(text, "must be a list of the article's headings").min(1).optional(),
  }).nullish(),
  entries: z.array(z.unknown(), "needs a list of entries").min(1, "has no entries"),
  lexicon: z.unknown().optional(),
});

export interface CorpusFile {
  /** Name used in messages, e.g. `faq/smalltalk.yaml`. */
  readonly file: string;
  readonly text: string;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.filter((p) => typeof p !== "symbol").join(".");
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Validates parsed corpus files; returns the corpus when there is no problem. */
export function buildCorpus(files: readonly CorpusFile[]): { corpus?: Corpus; problems: Problem[] } {
  const problems: Problem[] = [];
  const entries: Entry[] = [];
  const seen = new Map<string, string>();
  const articles: Article[] = [];
  const lexicons: ArticleLexicon[] = [];
  if (files.length === 0) problems.push({ file: "-", entry: "-", problem: "no corpus files (*.yaml) found" });

  for (const { file, text: yaml } of files) {
    let doc: unknown;
    try {
      doc = parseYaml(yaml, { filename: file });
    } catch (err) {
      const msg = err instanceof YAMLException ? err.message.split("\n")[0] : String(err);
      problems.push({ file, entry: "-", problem: `invalid YAML: ${msg}` });
      continue;
    }
    const parsedFile = fileSchema.safeParse(doc);
    if (!parsedFile.success) {
      for (const issue of parsedFile.error.issues) problems.push({ file, entry: "-", problem: describeIssue(issue) });
      continue;
    }
    const { source } = parsedFile.data;
    const smalltalk = !source;
    const named: string[] = [];
    const notCovered: string[] = [];
    if (parsedFile.data.lexicon !== undefined) {
      const lexicon = articleLexiconSchema.safeParse(parsedFile.data.lexicon);
      if (!lexicon.success) {
        for (const issue of lexicon.error.issues) problems.push({ file, entry: "-", problem: `lexicon.${describeIssue(issue)}` });
      } else {
        const bad = lexiconProblems(lexicon.data);
        for (const problem of bad) problems.push({ file, entry: "-", problem });
        if (bad.length === 0) {
          lexicons.push(lexicon.data);
          named.push(...(lexicon.data.contrasts ?? []).flat());
          notCovered.push(...Object.keys(lexicon.data.not_covered ?? {}).map((k) => `#${conceptName(k)}`));
        }
      }
    }
    if (source) {
      const about = Object.freeze(source.about ?? { en: source.title, hi: source.title });
      articles.push(Object.freeze({ file, title: source.title, about, named: Object.freeze(named), notCovered: Object.freeze(notCovered) }));
    }
    // Sections are checked against the article's own headings (copied into the file), so a misnamed source cannot be shown.
    const headings = source?.headings ? new Set(source.headings) : undefined;
    parsedFile.data.entries.forEach((raw, i) => {
      const rawId = (raw as { id?: unknown } | null)?.id;
      const name = typeof rawId === "string" && rawId ? rawId : `entry #${i + 1}`;
      const parsed = entrySchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ file, entry: name, problem: describeIssue(issue) });
        return;
      }
      const e = parsed.data;
      const earlier = seen.get(e.id);
      if (earlier !== undefined) {
        problems.push({ file, entry: e.id, problem: `duplicate id (also in ${earlier})` });
        return;
      }
      seen.set(e.id, file);
      const sections = e.section === undefined ? [] : typeof e.section === "string" ? [e.section] : e.section;
      for (const s of sections) {
        if (headings && !headings.has(s)) problems.push({ file, entry: e.id, problem: `section "${s}" is not one of the article's headings (source.headings)` });
      }
      if (new Set(sections).size !== sections.length) problems.push({ file, entry: e.id, problem: `section names a heading twice` });
      entries.push(
        Object.freeze({
          id: e.id,
          file,
          sections: Object.freeze(sections),
          title: Object.freeze(e.title ?? { en: e.questions.en[0]!, hi: e.questions.hi[0]! }),
          questions: Object.freeze({
            en: Object.freeze(e.questions.en),
            hi: Object.freeze(e.questions.hi),
            "hi-Latn": Object.freeze(e.questions["hi-Latn"]),
          }),
          answer: Object.freeze({ en: e.answer.en, hi: e.answer.hi }),
          related: Object.freeze(e.related ?? []),
          smalltalk,
        }),
      );
    });
  }

  for (const e of entries) {
    for (const r of e.related) {
      if (r === e.id) problems.push({ file: e.file, entry: e.id, problem: `related lists the entry itself` });
      else if (!seen.has(r)) problems.push({ file: e.file, entry: e.id, problem: `related id "${r}" does not exist` });
    }
  }
  if (problems.length > 0) return { problems };
  const byId = new Map(entries.map((e) => [e.id, e]));
  return { corpus: Object.freeze({ entries: Object.freeze(entries), byId, articles: Object.freeze(articles), lexicon: mergeLexicons(lexicons) }), problems };
}

/** Reads every `*.yaml` / `*.yml` file of a folder, in name order. */
export function readCorpusFiles(dir: string): CorpusFile[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new CorpusError([{ file: dir, entry: "-", problem: "not a folder" }]);
    names = readdirSync(dir);
  } catch (err) {
    if (err instanceof CorpusError) throw err;
    throw new CorpusError([{ file: dir, entry: "-", problem: "cannot read the corpus folder (set FAQ_DIR or --faq to a folder of YAML files)" }]);
  }
  const files: CorpusFile[] = [];
  const problems: Problem[] = [];
  for (const name of names.filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith(".")).sort()) {
    const file = join(dir, name);
    try {
      files.push({ file, text: readFileSync(file, "utf8") });
    } catch (err) {
      problems.push({ file, entry: "-", problem: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
    }
  }
  if (problems.length > 0) throw new CorpusError(problems);
  return files;
}

/** Loads and validates a corpus folder; throws CorpusError listing every problem. */
export function loadCorpus(dir: string): Corpus {
  const { corpus, problems } = buildCorpus(readCorpusFiles(dir));
  if (!corpus) throw new CorpusError(problems);
  return corpus;
}
