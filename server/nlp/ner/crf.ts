// Trains the linear-chain model as a CRF: log-likelihood with L2 regularisation, optimised by AdaGrad
// on one sentence at a time (forward-backward over the BIO-constrained tag lattice).
//
// A CRF spends its updates in proportion to how unsure the model is, where a perceptron only moves on
// outright mistakes; with 80k training tokens the regularised objective generalises a little better.

import type { SentenceFeatures } from './features.ts';
import { ALLOWED, emissionScores, LABEL_COUNT } from './model.ts';

export interface CrfExample {
  readonly features: SentenceFeatures;
  readonly gold: Int32Array;
}

export interface CrfOptions {
  readonly epochs: number;
  /** AdaGrad base step size. */
  readonly learningRate: number;
  /** L2 strength per sentence visit (applied lazily to the weights a sentence touches). */
  readonly l2: number;
  readonly random: () => number;
  /** Return the mean of the weights at the end of epochs averageFrom..epochs (Polyak averaging), not the last. */
  readonly averageFrom?: number;
  readonly onEpoch?: (
    epoch: number,
    weights: () => { emissions: Float32Array; transitions: Float32Array },
    logLoss: number,
  ) => void;
}

function logSumExp(values: Float64Array, count: number): number {
  let max = -Infinity;
  for (let k = 0; k < count; k++) if (values[k] > max) max = values[k];
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let k = 0; k < count; k++) sum += Math.exp(values[k] - max);
  return max + Math.log(sum);
}

export function trainCrf(
  examples: readonly CrfExample[],
  rows: number,
  options: CrfOptions,
): { emissions: Float32Array; transitions: Float32Array } {
  const L = LABEL_COUNT;
  const w = new Float64Array(rows * L);
  const g2 = new Float64Array(rows * L);
  const tw = new Float64Array((L + 1) * L);
  const tg2 = new Float64Array((L + 1) * L);
  const order = examples.map((_, i) => i);
  const eps = 1e-8;
  let scores = new Float32Array(256 * L);
  let alpha = new Float64Array(256 * L);
  let beta = new Float64Array(256 * L);
  let marg = new Float64Array(256 * L);
  const tmp = new Float64Array(L + 1);
  const transGrad = new Float64Array((L + 1) * L);
  const emitGrad = new Float64Array(L);

  const snapshot = () => ({ emissions: Float32Array.from(w), transitions: Float32Array.from(tw) });
  // Running sums of the epoch-end weights for averaging: SGD iterates wander around the optimum,
  // their mean sits closer to it.
  const averageFrom = options.averageFrom ?? options.epochs;
  const sumW = averageFrom < options.epochs ? new Float64Array(rows * L) : undefined;
  const sumT = new Float64Array((L + 1) * L);
  let summed = 0;
  const averaged = () => {
    if (!sumW || summed === 0) return snapshot();
    const emissions = new Float32Array(rows * L);
    for (let k = 0; k < emissions.length; k++) emissions[k] = sumW[k] / summed;
    return { emissions, transitions: Float32Array.from(sumT, (x) => x / summed) };
  };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(options.random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let loss = 0;
    for (const s of order) {
      const { features, gold } = examples[s];
      const n = gold.length;
      if (scores.length < n * L) {
        scores = new Float32Array(n * 2 * L);
        alpha = new Float64Array(n * 2 * L);
        beta = new Float64Array(n * 2 * L);
        marg = new Float64Array(n * 2 * L);
      }
      emissionScores(features, w, scores);
      // Forward pass in log space; disallowed transitions have probability 0.
      for (let l = 0; l < L; l++) alpha[l] = ALLOWED[L * L + l] ? tw[L * L + l] + scores[l] : -Infinity;
      for (let i = 1; i < n; i++) {
        for (let cur = 0; cur < L; cur++) {
          for (let prev = 0; prev < L; prev++) {
            tmp[prev] = ALLOWED[prev * L + cur] ? alpha[(i - 1) * L + prev] + tw[prev * L + cur] : -Infinity;
          }
          alpha[i * L + cur] = logSumExp(tmp, L) + scores[i * L + cur];
        }
      }
      for (let l = 0; l < L; l++) tmp[l] = alpha[(n - 1) * L + l];
      const logZ = logSumExp(tmp, L);
      // Backward pass.
      for (let l = 0; l < L; l++) beta[(n - 1) * L + l] = 0;
      for (let i = n - 2; i >= 0; i--) {
        for (let prev = 0; prev < L; prev++) {
          for (let cur = 0; cur < L; cur++) {
            tmp[cur] = ALLOWED[prev * L + cur]
              ? tw[prev * L + cur] + scores[(i + 1) * L + cur] + beta[(i + 1) * L + cur]
              : -Infinity;
          }
          beta[i * L + prev] = logSumExp(tmp, L);
        }
      }
      // Gold path score, for the loss.
      let goldScore = tw[L * L + gold[0]] + scores[gold[0]];
      for (let i = 1; i < n; i++) goldScore += tw[gold[i - 1] * L + gold[i]] + scores[i * L + gold[i]];
      loss += logZ - goldScore;

      // Transition gradient: expected minus observed counts.
      transGrad.fill(0);
      for (let l = 0; l < L; l++) {
        if (ALLOWED[L * L + l]) transGrad[L * L + l] += Math.exp(alpha[l] + beta[l] - logZ);
      }
      transGrad[L * L + gold[0]] -= 1;
      for (let i = 1; i < n; i++) {
        for (let prev = 0; prev < L; prev++) {
          const a = alpha[(i - 1) * L + prev];
          if (a === -Infinity) continue;
          for (let cur = 0; cur < L; cur++) {
            if (!ALLOWED[prev * L + cur]) continue;
            transGrad[prev * L + cur] += Math.exp(
              a + tw[prev * L + cur] + scores[i * L + cur] + beta[i * L + cur] - logZ,
            );
          }
        }
        transGrad[gold[i - 1] * L + gold[i]] -= 1;
      }
      for (let k = 0; k < transGrad.length; k++) {
        const grad = transGrad[k] + options.l2 * tw[k];
        if (grad === 0) continue;
        tg2[k] += grad * grad;
        tw[k] -= (options.learningRate * grad) / (Math.sqrt(tg2[k]) + eps);
      }

      // Emission gradient: marginal minus observed, for every feature of the token.
      for (let i = 0; i < n; i++) {
        for (let l = 0; l < L; l++) marg[i * L + l] = Math.exp(alpha[i * L + l] + beta[i * L + l] - logZ);
      }
      for (let i = 0; i < n; i++) {
        for (let l = 0; l < L; l++) emitGrad[l] = marg[i * L + l];
        emitGrad[gold[i]] -= 1;
        for (let f = features.offsets[i]; f < features.offsets[i + 1]; f++) {
          const row = features.indexes[f] * L;
          for (let l = 0; l < L; l++) {
            const k = row + l;
            const grad = emitGrad[l] + options.l2 * w[k];
            if (grad === 0) continue;
            g2[k] += grad * grad;
            w[k] -= (options.learningRate * grad) / (Math.sqrt(g2[k]) + eps);
          }
        }
      }
    }
    if (sumW && epoch >= averageFrom) {
      for (let k = 0; k < w.length; k++) sumW[k] += w[k];
      for (let k = 0; k < tw.length; k++) sumT[k] += tw[k];
      summed++;
    }
    options.onEpoch?.(epoch, sumW && summed > 0 ? averaged : snapshot, loss);
  }
  return averaged();
}
