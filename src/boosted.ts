// Gradient-boosted decision trees: the calibrated guard's model for sparse articles, fitted by bin/calibrate.ts.
// A logistic model over the same inputs misses how they combine (a large lead over no rival says little; a second
// entry scoring close says more when the best covers less): held out by article, trees answer more right at as few wrong.

/** A node: a split `[input, threshold, left, right]` (left when the input is at most the threshold) or a leaf `[log odds]`. */
export type TreeNode = readonly [number, number, number, number] | readonly [number];

export interface BoostedTrees {
  /** How many inputs a question's features hold. */
  readonly inputs: number;
  /** Log odds before any tree. */
  readonly bias: number;
  /** Each tree's nodes, its root first; leaves hold their share of the log odds (the learning rate applied). */
  readonly trees: readonly (readonly TreeNode[])[];
}

/** The chance the model gives a question, from its features. */
export function boostedChance(model: BoostedTrees, features: readonly number[]): number {
  let z = model.bias;
  for (const tree of model.trees) z += treeValue(tree, features);
  return 1 / (1 + Math.exp(-z));
}

/** One tree's share of the log odds for these features. */
function treeValue(tree: readonly TreeNode[], features: readonly number[]): number {
  let node = tree[0]!;
  while (node.length === 4) node = tree[features[node[0]]! <= node[1] ? node[2] : node[3]]!;
  return node[0];
}

export interface BoostOptions {
  readonly trees: number;
  readonly depth: number;
  readonly learningRate: number;
  /** Thresholds tried per input: its quantiles. */
  readonly bins: number;
  /** L2 on leaf values. */
  readonly lambda: number;
  /** A leaf needs at least this much weight (sum of p(1-p)): no leaf fits a handful of examples. */
  readonly minWeight: number;
  /**
   * Per input: 1 where the chance may only rise with it, -1 where it may only fall, 0 where it may do either. Where
   * the data is thin (an article of three entries, a subject no entry asks about), the chance still moves the way
   * the evidence says it must, as XGBoost's monotone constraints make it.
   */
  readonly monotone?: readonly number[];
}

export const BOOST_DEFAULTS: BoostOptions = Object.freeze({ trees: 150, depth: 3, learningRate: 0.1, bins: 32, lambda: 1, minWeight: 5 });

/** Fits trees to rows of features and 0/1 labels by Newton boosting of the log loss (as XGBoost does, on quantile bins). */
export function fitBoosted(rows: readonly (readonly number[])[], labels: readonly number[], options: BoostOptions = BOOST_DEFAULTS): BoostedTrees {
  const n = rows.length;
  const inputs = rows[0]?.length ?? 0;
  const thresholds = Array.from({ length: inputs }, (_, j) => quantiles(rows.map((r) => r[j]!), options.bins));
  // Each row's bin per input: the first threshold at or above its value.
  const binned = rows.map((r) => r.map((x, j) => firstAtLeast(thresholds[j]!, x)));
  const mean = labels.reduce((s, y) => s + y, 0) / Math.max(1, n);
  const bias = Math.log(Math.max(1e-6, mean) / Math.max(1e-6, 1 - mean));
  const z = new Float64Array(n).fill(bias);
  const trees: TreeNode[][] = [];
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  for (let t = 0; t < options.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-z[i]!));
      g[i] = p - labels[i]!;
      h[i] = p * (1 - p);
    }
    const nodes: TreeNode[] = [];
    // (`low` and `high` bound a subtree's leaves, so that a split on a monotone input above it keeps its order.)
    const grow = (rowsHere: readonly number[], depth: number, low: number, high: number): number => {
      const at = nodes.length;
      nodes.push([0]);
      let G = 0;
      let H = 0;
      for (const i of rowsHere) (G += g[i]!), (H += h[i]!);
      const value = (g: number, h: number) => Math.min(high, Math.max(low, -g / (h + options.lambda)));
      const leaf = () => ((nodes[at] = [value(G, H) * options.learningRate]), at);
      if (depth === 0 || H < 2 * options.minWeight) return leaf();
      const parent = (G * G) / (H + options.lambda);
      let best = { gain: 0, input: -1, bin: -1, GL: 0, HL: 0 };
      for (let j = 0; j < inputs; j++) {
        const bins = thresholds[j]!.length + 1;
        const gb = new Float64Array(bins);
        const hb = new Float64Array(bins);
        for (const i of rowsHere) (gb[binned[i]![j]!]! += g[i]!), (hb[binned[i]![j]!]! += h[i]!);
        let GL = 0;
        let HL = 0;
        for (let k = 0; k < bins - 1; k++) {
          GL += gb[k]!;
          HL += hb[k]!;
          const HR = H - HL;
          if (HL < options.minWeight || HR < options.minWeight) continue;
          const GR = G - GL;
          const direction = options.monotone?.[j] ?? 0;
          if (direction !== 0 && direction * (value(GR, HR) - value(GL, HL)) < 0) continue;
          const gain = (GL * GL) / (HL + options.lambda) + (GR * GR) / (HR + options.lambda) - parent;
          if (gain > best.gain) best = { gain, input: j, bin: k, GL, HL };
        }
      }
      if (best.input < 0) return leaf();
      const left = rowsHere.filter((i) => binned[i]![best.input]! <= best.bin);
      const right = rowsHere.filter((i) => binned[i]![best.input]! > best.bin);
      const direction = options.monotone?.[best.input] ?? 0;
      let [lowL, highL, lowR, highR] = [low, high, low, high];
      if (direction !== 0) {
        const middle = (value(best.GL, best.HL) + value(G - best.GL, H - best.HL)) / 2;
        if (direction > 0) [highL, lowR] = [middle, middle];
        else [lowL, highR] = [middle, middle];
      }
      const l = grow(left, depth - 1, lowL, highL);
      const r = grow(right, depth - 1, lowR, highR);
      nodes[at] = [best.input, thresholds[best.input]![best.bin]!, l, r];
      return at;
    };
    grow(Array.from({ length: n }, (_, i) => i), options.depth, -Infinity, Infinity);
    trees.push(nodes);
    for (let i = 0; i < n; i++) z[i]! += treeValue(nodes, rows[i]!);
  }
  return { inputs, bias, trees };
}

/** The distinct inner quantiles of values: the thresholds a split may use. */
function quantiles(values: readonly number[], bins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (let k = 1; k < bins; k++) {
    const q = sorted[Math.min(sorted.length - 1, Math.floor((k * (sorted.length - 1)) / bins))];
    if (q !== undefined && out[out.length - 1] !== q) out.push(q);
  }
  return out;
}

function firstAtLeast(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
