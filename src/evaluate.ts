// Scores answers against an eval set (the contract's JSONL format): accuracy by language and out of scope.
import type { AskResult } from "./answer.js";
import type { QuestionLang } from "./types.js";

export interface EvalCase {
  readonly question: string;
  readonly lang: QuestionLang;
  readonly expect: readonly string[] | null;
}

export interface EvalReport {
  readonly groups: Record<string, { n: number; ok: number; pct: number }>;
  readonly wrongAnswerLang: number;
  /** Confident answers that were wrong: the worst outcome. */
  readonly wrongAnswers: number;
  readonly misses: { question: string; expect: readonly string[] | null; got: string | null; confidence: number }[];
}

export function parseEvalSet(text: string): EvalCase[] {
  return text
    .split("\n")
    .map((l, i) => [l, i + 1] as const)
    .filter(([l]) => l.trim() !== "")
    .map(([l, n]) => {
      let c: EvalCase;
      try {
        c = JSON.parse(l) as EvalCase;
      } catch {
        throw new Error(`line ${n}: not JSON`);
      }
      if (typeof c.question !== "string" || !["en", "hi", "hi-Latn"].includes(c.lang) || !(c.expect === null || Array.isArray(c.expect))) {
        throw new Error(`line ${n}: needs {"question", "lang": "en"|"hi"|"hi-Latn", "expect": [ids] | null}`);
      }
      return c;
    });
}

export function evaluate(cases: readonly EvalCase[], answer: (q: string) => AskResult): EvalReport {
  const groups: Record<string, { n: number; ok: number; pct: number }> = {};
  const bump = (name: string, ok: boolean) => {
    const g = (groups[name] ??= { n: 0, ok: 0, pct: 0 });
    g.n += 1;
    if (ok) g.ok += 1;
    g.pct = Math.round((1000 * g.ok) / g.n) / 10;
  };
  let wrongAnswerLang = 0;
  let wrongAnswers = 0;
  const misses: EvalReport["misses"] = [];
  for (const c of cases) {
    const r = answer(c.question);
    const ok = c.expect === null ? r.id === null : c.expect.includes(r.id ?? "");
    bump(c.expect === null ? "out-of-scope" : `in-scope ${c.lang}`, ok);
    if (c.expect !== null) bump("in-scope (all)", ok);
    bump("all", ok);
    if (!ok) {
      misses.push({ question: c.question, expect: c.expect, got: r.id, confidence: r.confidence });
      if (r.id !== null) wrongAnswers += 1;
    }
    if (ok && r.id !== null && r.answerLang !== (c.lang === "en" ? "en" : "hi")) wrongAnswerLang += 1;
  }
  return { groups, wrongAnswerLang, wrongAnswers, misses };
}

export function formatReport(r: EvalReport, withMisses: boolean): string {
  const lines: string[] = [];
  if (withMisses) {
    for (const m of r.misses) {
      lines.push(`miss: ${JSON.stringify(m.question)} expected ${JSON.stringify(m.expect)} got ${JSON.stringify(m.got)} (${m.confidence})`);
    }
  }
  for (const [k, g] of Object.entries(r.groups).sort()) lines.push(`${k.padEnd(20)} ${String(g.ok).padStart(4)}/${g.n}  ${g.pct.toFixed(1)}%`);
  lines.push(`confident wrong answers: ${r.wrongAnswers}`);
  lines.push(`answered in the wrong language: ${r.wrongAnswerLang}`);
  return lines.join("\n");
}
