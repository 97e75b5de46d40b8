// `newsgraph eval ner [FILE]`: scores the NER tagger on a DaN+ file (exact-span P/R/F1 per type) and measures tagging speed.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../config.ts';
import { ErrorCode, NewsgraphError } from '../../errors.ts';
import {
  formatScores,
  parseConll,
  type SpanScores,
  scoreSpans,
  spansFromTags,
  type TaggedSentence,
} from '../../nlp/conll.ts';
import { DEFAULT_MODEL_PATH, loadTagger, type Tagger } from '../../nlp/tagger.ts';
import { readConllInput } from './tag.ts';

export const DEFAULT_NER_EVAL_FILE = join(PROJECT_ROOT, '..', 'shared', 'data', 'danplus', 'da_news_dev.tsv');
/** How long the speed measurement tags, after one warm-up pass. */
const MIN_MEASURE_MS = 2000;

const USAGE =
  'Usage: newsgraph eval ner [FILE] [--model PATH] [--no-speed]   (FILE: DaN+ TSV, default ../shared/data/danplus/da_news_dev.tsv)';

export interface NerEvaluation {
  readonly scores: SpanScores;
  readonly sentences: number;
  readonly tokens: number;
  /** Tagging speed; undefined when not measured. */
  readonly speed?: Speed;
  readonly loadMs: number;
  /** The model file and what its header says about its training. */
  readonly modelPath: string;
  readonly modelBytes: number;
  readonly modelInfo: Readonly<Record<string, unknown>>;
}

/** Scores a tagger on tagged sentences. */
export function evaluateTagger(tagger: Tagger, sentences: readonly TaggedSentence[]): SpanScores {
  const gold = sentences.map((s) => spansFromTags(s.tags));
  const predicted = sentences.map((s) => tagger.tagSpans(s.tokens));
  return scoreSpans(gold, predicted);
}

export interface Speed {
  /** Tokens per second of CPU time used by this process: the speed on one core of its own. */
  readonly tokensPerCpuSecond: number;
  /** Tokens per second of wall-clock time; lower than the CPU figure when other processes share the cores. */
  readonly tokensPerSecond: number;
}

/**
 * Tags the sentences over and over for at least `minMs` of CPU time after a warm-up pass. Tagging is
 * single-threaded, so CPU time is the time it would take on one core that nothing else uses.
 */
export function measureSpeed(tagger: Tagger, sentences: readonly TaggedSentence[], minMs = MIN_MEASURE_MS): Speed {
  for (const s of sentences) tagger.tag(s.tokens);
  let tokens = 0;
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  let cpuMs = 0;
  do {
    for (const s of sentences) {
      tagger.tag(s.tokens);
      tokens += s.tokens.length;
    }
    const used = process.cpuUsage(cpuStart);
    cpuMs = (used.user + used.system) / 1000;
  } while (cpuMs < minMs);
  const wallMs = performance.now() - wallStart;
  return { tokensPerCpuSecond: (tokens * 1000) / cpuMs, tokensPerSecond: (tokens * 1000) / wallMs };
}

export function evaluateNerFile(file: string, options: { model?: string; speed?: boolean } = {}): NerEvaluation {
  const sentences = parseConll(readConllInput(file));
  const loadStarted = performance.now();
  const tagger = loadTagger(options.model);
  const loadMs = performance.now() - loadStarted;
  const scores = evaluateTagger(tagger, sentences);
  const speed = options.speed === false ? undefined : measureSpeed(tagger, sentences);
  const modelPath = options.model ?? DEFAULT_MODEL_PATH;
  return {
    scores,
    sentences: sentences.length,
    tokens: sentences.reduce((n, s) => n + s.tokens.length, 0),
    speed,
    loadMs,
    modelPath,
    modelBytes: statSync(modelPath).size,
    modelInfo: tagger.info,
  };
}

export async function runNerEval(args: string[]): Promise<number> {
  let file: string | undefined;
  let model: string | undefined;
  let speed = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (a === '--model') model = args[++i];
    else if (a === '--no-speed') speed = false;
    else if (a.startsWith('-') && a !== '-')
      throw new NewsgraphError(ErrorCode.BAD_INPUT, `Unknown option "${a}". ${USAGE}`);
    else if (file === undefined) file = a;
    else throw new NewsgraphError(ErrorCode.BAD_INPUT, `Give one file only. ${USAGE}`);
  }
  if (file === undefined) {
    if (!existsSync(DEFAULT_NER_EVAL_FILE)) {
      throw new NewsgraphError(
        ErrorCode.NOT_FOUND,
        `${DEFAULT_NER_EVAL_FILE} does not exist: give a DaN+ TSV file to score against. ${USAGE}`,
      );
    }
    file = DEFAULT_NER_EVAL_FILE;
  }
  const result = evaluateNerFile(file, { model, speed });
  const lines = [
    `NER on ${file}: ${result.sentences} sentences, ${result.tokens} tokens (exact-span match, conlleval-style)`,
    formatScores(result.scores),
    `model ${result.modelPath} (${(result.modelBytes / 1e6).toFixed(1)} MB), loaded in ${result.loadMs.toFixed(0)} ms; ${JSON.stringify(result.modelInfo)}`,
  ];
  if (result.speed !== undefined) {
    const f = (x: number) => Math.round(x).toLocaleString('en-US');
    lines.push(
      `speed ${f(result.speed.tokensPerCpuSecond)} tokens/s on one core (CPU time, after a warm-up pass; ${f(result.speed.tokensPerSecond)} tokens/s wall-clock on this machine now)`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

// Runnable on its own: `tsx server/cli/commands/eval-ner.ts [FILE]`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runNerEval(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(
        `newsgraph: ${error instanceof NewsgraphError ? `${error.code}: ` : ''}${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
