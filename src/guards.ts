// The guards: named rules over what the "judge" stage found about the best candidates, each of which may keep it from
// answering (see Matcher.decide). The first that objects decides, and names the stage in `--explain`.
import type { Calibration } from "./calibration.js";
import type { Candidate } from "./match.js";
import type { SubjectLabel } from "./vocabulary.js";

/** What the guards rule on: the best candidates and the facts the "judge" stage found about them. */
export interface GuardFacts {
  readonly best: Candidate;
  readonly second: Candidate | undefined;
  /** A required subject (a concept name) the best entry answers no question about. */
  readonly lacking: string | undefined;
  /** ...that its article says it does not cover (its `not_covered`), or another says so and its own never speaks of. */
  readonly declared: boolean;
  /** ...named for people. */
  readonly lackingLabel: SubjectLabel | undefined;
  /** Other lines of work or walks of life it asks about that no corpus question speaks of. */
  readonly fields: readonly string[];
  /** The best entry is small talk and the question is about a topic. */
  readonly offTopic: boolean;
  /** The best two are too close to choose between. */
  readonly ambiguous: boolean;
  readonly scoreBar: number;
  readonly coverageBar: number;
  /** For an article's entry, the calibrated chance that it is right, and the chance it must reach (see Matcher.calibration). */
  readonly calibration: Calibration | undefined;
  /** The question is one of the best entry's own phrasings, letter for letter (see Matcher.asWritten). */
  readonly asWritten: boolean;
}

/** A rule that may keep the best candidate from answering; `why` is the decision's words for `--explain`. */
export interface Guard {
  readonly name: string;
  readonly objects: (f: GuardFacts) => boolean;
  readonly why: (f: GuardFacts) => string;
}

/** The guards, in order: the first that objects decides (no answer, or small talk for thanks). */
export const GUARDS: readonly Guard[] = [
  // Pay, papers, a procedure: only an entry whose questions ask about that subject answers it.
  // (In a sparse article the calibrated model weighs it with the rest, see Matcher.calibration: an article of few
  // phrasings an entry often asks a subject in its title or answer, or in words its questions lack. Not a subject an
  // article says it does not cover, in its `not_covered`: its maintainer knows; nor one another article says so of,
  // that the best entry's article never speaks of.)
  {
    name: "uncovered-subject",
    objects: (f) => f.lacking !== undefined && !(modelWeighs(f) && f.calibration!.confidence >= f.calibration!.bar),
    why: (f) => `it asks about ${f.lackingLabel!.en}, and ${f.best.id} answers no such question` + (modelWeighs(f) ? `, and the model is not sure (${barsText(f)})` : ""),
  },
  // "नर्स की सैलरी" to an article about data entry: a question naming another line of work, or another walk of
  // life, that no corpus question speaks of is about that, even beside the article's own words ("salary of a
  // chef in a hotel" to an article about hotel receptionists). Said in a sentence that only tells ("I'm a
  // nurse.") it is context (see understandQuery).
  { name: "other-field", objects: (f) => f.fields.length > 0, why: (f) => `it asks about ${f.fields[0]}, which no article covers` },
  // Small talk answers only small talk.
  { name: "small-talk-off-topic", objects: (f) => f.offTopic, why: (f) => `${f.best.id} is small talk and the question is about a topic` },
  // Two entries too close to choose: ask which.
  { name: "ambiguous", objects: (f) => f.ambiguous, why: (f) => `${f.best.id} and ${f.second!.id} fit equally well` },
  // The best entry's calibrated chance of being right is below its article's bar; small talk's score or coverage is
  // below the bars. (Not for one of the entry's own phrasings, asked as written: its author meant it for that entry.)
  {
    name: "not-sure-enough",
    objects: (f) => !f.asWritten && unsure(f),
    why: (f) => `not sure enough (${barsText(f)})`,
  },
];

/** Whether the best entry is below its bars: its calibrated chance below its article's bar, or small talk's score or coverage below theirs. */
export function unsure(f: GuardFacts): boolean {
  return f.calibration ? f.calibration.confidence < f.calibration.bar : f.best.score < f.scoreBar || f.best.coverage < f.coverageBar;
}

/** The first guard that objects to the best candidate, if any (a loop: nothing allocated per question). */
export function firstObjecting(facts: GuardFacts, guards: readonly Guard[] = GUARDS): Guard | undefined {
  for (const g of guards) if (g.objects(facts)) return g;
  return undefined;
}

/**
 * Whether the calibrated model weighs the subject a question lacks: the sparse one does, unless it is declared not
 * covered (see GuardFacts.declared); with the dense one the guard decides alone.
 */
function modelWeighs(f: GuardFacts): boolean {
  return f.calibration?.model === "sparse" && !f.declared;
}

/** Whether the calibrated model took part in a guard's objection: not sure enough, or a subject it weighs. */
export function judgedByModel(guard: Guard, facts: GuardFacts): boolean {
  return guard.name === "not-sure-enough" || (guard.name === "uncovered-subject" && modelWeighs(facts));
}

/** The best candidate against the answer bars, in words. */
export function barsText(f: GuardFacts): string {
  if (f.calibration) return `calibrated confidence ${f.calibration.confidence.toFixed(3)} against ${f.calibration.bar.toFixed(2)}, score ${f.best.score.toFixed(3)}`;
  return `score ${f.best.score.toFixed(3)} against ${f.scoreBar.toFixed(2)}, coverage ${f.best.coverage.toFixed(3)} against ${f.coverageBar.toFixed(2)}`;
}
