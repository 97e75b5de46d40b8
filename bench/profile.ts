// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time per function and per file,
// and inclusive time of named functions (the pipeline's stages).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { PROJECT_ROOT } from '../server/config.ts';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

export interface HotSpot {
  readonly name: string;
  readonly where: string;
  readonly ms: number;
  readonly percent: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Self time, by function (name + file:line). */
  readonly functions: readonly HotSpot[];
  /** Self time, by file. */
  readonly files: readonly HotSpot[];
  /** Inclusive time of the functions asked for (stack contains them), by name. */
  readonly stages: readonly HotSpot[];
}

function shortUrl(url: string): string {
  if (!url) return '(native)';
  const path = url.replace(/^file:\/\//, '');
  return path.startsWith(PROJECT_ROOT)
    ? relative(PROJECT_ROOT, path)
    : path.replace(/^.*node_modules\//, 'node_modules/');
}

/** Maps a bundle's line numbers to the module each came from, by esbuild's `// path/to/file.ts` markers. */
function bundleModules(bundleFile: string): (line: number) => string | undefined {
  const starts: { line: number; path: string }[] = [];
  readFileSync(bundleFile, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const marker = /^\/\/ ((?:server|bench|node_modules)\/\S+\.[cm]?[jt]s)$/.exec(text);
      if (marker) starts.push({ line, path: marker[1] });
    });
  return (line) => {
    let found: string | undefined;
    for (const start of starts) {
      if (start.line > line) break;
      found = start.path;
    }
    return found;
  };
}

/**
 * `stageNames`: function names whose inclusive time to report (e.g. the pipeline stages). `bundleFile`: the
 * esbuild bundle that was profiled, to name each function's source module instead of the bundle.
 */
export function summariseProfile(
  file: string,
  stageNames: readonly string[] = [],
  top = 20,
  bundleFile?: string,
): ProfileSummary {
  const moduleOf = bundleFile ? bundleModules(bundleFile) : undefined;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfByNode = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attributing it to sample i is what DevTools does.
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    selfByNode.set(profile.samples[i], (selfByNode.get(profile.samples[i]) ?? 0) + dt);
    total += dt;
  }

  const functions = new Map<string, { name: string; where: string; ms: number }>();
  const files = new Map<string, number>();
  const stages = new Map<string, number>(stageNames.map((n) => [n, 0]));
  const wanted = new Set(stageNames);
  for (const [id, ms] of selfByNode) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    const source = (moduleOf && url.endsWith('.mjs') ? moduleOf(lineNumber) : undefined) ?? shortUrl(url);
    const where = moduleOf ? source : `${source}${url ? `:${lineNumber + 1}` : ''}`;
    const key = `${name}@${where}`;
    const entry = functions.get(key) ?? { name, where, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
    files.set(source, (files.get(source) ?? 0) + ms);
    if (wanted.size > 0) {
      // Inclusive: every distinct wanted name on the stack of this sample gets its time once.
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const fn = byId.get(at)!.callFrame.functionName;
        if (wanted.has(fn) && !seen.has(fn)) {
          seen.add(fn);
          stages.set(fn, (stages.get(fn) ?? 0) + ms);
        }
      }
    }
  }
  const pct = (ms: number) => Number(((100 * ms) / Math.max(total, 1e-9)).toFixed(1));
  const round = (ms: number) => Number(ms.toFixed(1));
  return {
    totalMs: round(total),
    functions: [...functions.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, ms: round(f.ms), percent: pct(f.ms) })),
    files: [...files.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, ms]) => ({ name: where, where, ms: round(ms), percent: pct(ms) })),
    stages: [...stages.entries()].map(([name, ms]) => ({ name, where: '', ms: round(ms), percent: pct(ms) })),
  };
}
