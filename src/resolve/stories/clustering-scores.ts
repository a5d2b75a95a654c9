/** Precision, recall and F1 of one clustering metric. */
export interface PRF {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** B³ and pairwise scores of a predicted clustering against gold labels. */
export interface ClusteringScores {
  readonly bcubed: PRF;
  readonly pairwise: PRF;
  readonly items: number;
  readonly predictedClusters: number;
  readonly goldClusters: number;
}

const prf = (precision: number, recall: number): PRF => ({
  precision,
  recall,
  f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
});

/**
 * Scores a clustering (lists of ids) against gold cluster labels (id → label), over the ids that
 * have a gold label. B³ (Bagga & Baldwin 1998): per item, precision = share of its predicted
 * cluster in its gold cluster, recall = share of its gold cluster in its predicted cluster,
 * averaged over items. Pairwise: over all unordered pairs of items, "same cluster" decisions;
 * with no predicted (or gold) pairs, precision (or recall) is 1.
 */
export function scoreClustering(predicted: readonly (readonly string[])[], gold: ReadonlyMap<string, string>): ClusteringScores {
  const predOf = new Map<string, number>();
  predicted.forEach((cluster, c) => {
    for (const id of cluster) if (gold.has(id)) predOf.set(id, c);
  });
  const ids = [...predOf.keys()];
  const predSize = new Map<number, number>();
  const goldSize = new Map<string, number>();
  const joint = new Map<string, number>();
  for (const id of ids) {
    const p = predOf.get(id) as number;
    const g = gold.get(id) as string;
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    joint.set(`${p}\u0000${g}`, (joint.get(`${p}\u0000${g}`) ?? 0) + 1);
  }
  let bp = 0;
  let br = 0;
  for (const id of ids) {
    const p = predOf.get(id) as number;
    const g = gold.get(id) as string;
    const both = joint.get(`${p}\u0000${g}`) as number;
    bp += both / (predSize.get(p) as number);
    br += both / (goldSize.get(g) as number);
  }
  const pairs = (m: Map<unknown, number>): number => [...m.values()].reduce((s, k) => s + (k * (k - 1)) / 2, 0);
  const tp = pairs(joint);
  const predPairs = pairs(predSize);
  const goldPairs = pairs(goldSize);
  const n = ids.length;
  return {
    bcubed: n === 0 ? prf(0, 0) : prf(bp / n, br / n),
    pairwise: prf(predPairs === 0 ? 1 : tp / predPairs, goldPairs === 0 ? 1 : tp / goldPairs),
    items: n,
    predictedClusters: predSize.size,
    goldClusters: goldSize.size,
  };
}
