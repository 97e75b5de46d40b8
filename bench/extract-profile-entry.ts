// Entry of the profiled extraction run: bench/extract.ts bundles it with esbuild (names kept) and runs it in a child.
// The profiler starts after corpus generation and warm-up, so the profile holds extraction only.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { extractArticle } from '../server/ingest/extract.ts';
import { type CorpusDensity, syntheticCorpus } from './corpus.ts';

const [countArg, seedArg, warmUpArg, out, densityArg] = process.argv.slice(2);
const density = densityArg as CorpusDensity;
const texts = [...syntheticCorpus(Number(countArg), { seed: Number(seedArg), density })].map((a) => a.text);
// Warm-up articles from another seed (as bench/extract.ts), so per-word caches start cold for the profiled texts.
for (const a of syntheticCorpus(Number(warmUpArg), { seed: Number(seedArg) + 7919, density }))
  extractArticle({ text: a.text });

const session = new Session();
session.connect();
await session.post('Profiler.enable');
// 250 µs sampling: finer than the 1 ms default, still cheap.
await session.post('Profiler.setSamplingInterval', { interval: 250 });
await session.post('Profiler.start');
for (const text of texts) extractArticle({ text });
const { profile } = await session.post('Profiler.stop');
writeFileSync(out!, JSON.stringify(profile));
session.disconnect();
