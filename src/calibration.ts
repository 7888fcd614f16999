// The calibrated guard's inputs, in the order of a question's features, and the models that turn them into the chance
// that the best entry is right (see Matcher.calibration; bin/calibrate.ts fits them).

/** The calibrated guard's inputs and its verdict: the chance that the best entry is the right one. */
export interface Calibration {
  readonly features: readonly number[];
  readonly confidence: number;
  readonly bar: number;
  /** Which model judged: the sparse articles' or the dense ones' (see TUNING.calibratedSparseness). */
  readonly model: CalibrationModel["name"];
}

/** One of the calibrated guard's models: the chance it gives a question's features, and its bar. */
export interface CalibrationModel {
  readonly name: "sparse" | "dense";
  readonly chance: (features: readonly number[]) => number;
  readonly bar: number;
}

/** Where each input of the calibrated guard's model stands among its features (see Matcher.calibration). */
export const CALIBRATION_INPUT = Object.freeze({
  bias: 0,
  score: 1,
  coverage: 2,
  evidence: 3,
  lead: 4,
  leadCapped: 5,
  unknownShare: 6,
  unknown: 7,
  words: 8,
  letters: 9,
  chance: 10,
  uncoveredSubject: 11,
  kind: 12,
  nearMiss: 13,
  ownCareer: 14,
  unknownElsewhere: 15,
  gap: 16,
  coverageGap: 17,
  candidates: 18,
  hindi: 19,
  hinglish: 20,
  support: 21,
  supportLead: 22,
  answerShare: 23,
});

/**
 * How the sparse model's chance may move with each input (1 only up, -1 only down; the rest either way: a large lead
 * over no rival says little, see calibration()), so that where its data is thin it still reads a better score, a
 * subject no entry asks about or a near miss's words the way they point.
 */
export const CALIBRATION_DIRECTION: Readonly<Partial<Record<keyof typeof CALIBRATION_INPUT, 1 | -1>>> = Object.freeze({
  score: 1,
  coverage: 1,
  leadCapped: 1,
  unknownShare: -1,
  letters: 1,
  chance: 1,
  uncoveredSubject: -1,
  kind: 1,
  nearMiss: -1,
  ownCareer: 1,
  gap: 1,
  coverageGap: 1,
  support: 1,
  supportLead: 1,
});

/** The inputs' names in the order of their features. */
export const CALIBRATION_INPUT_NAMES = (Object.keys(CALIBRATION_INPUT) as (keyof typeof CALIBRATION_INPUT)[]).sort((a, b) => CALIBRATION_INPUT[a] - CALIBRATION_INPUT[b]);

/** CALIBRATION_DIRECTION in the order of the features (0 where an input has none), as the trees are fitted with it. */
export const CALIBRATION_MONOTONE: readonly number[] = Object.freeze(CALIBRATION_INPUT_NAMES.map((name) => CALIBRATION_DIRECTION[name] ?? 0));

/** How many inputs the calibrated guard's model has, the bias among them. */
export const CALIBRATION_FEATURES = Object.keys(CALIBRATION_INPUT).length;

/** A logistic model's chance for features. */
export function logistic(weights: readonly number[], features: readonly number[]): number {
  let z = 0;
  features.forEach((x, i) => (z += x * weights[i]!));
  return 1 / (1 + Math.exp(-z));
}
