// The pool of extraction worker threads of the bulk path: hands out files in order, collects each job's reply.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PackedResolution } from '../extract.ts';
import type { WorkerInit, WorkerReply, WorkerRequest } from './protocol.ts';

/**
 * Starts an extraction worker. Workers run the TypeScript sources like the rest of the app, so the worker first
 * registers tsx's loader in its own thread (Node 20 does not apply a parent's `--import` hooks to a worker's
 * entry module), then imports worker.ts.
 */
function startExtractionWorker(init: WorkerInit): Worker {
  // The ESM entry of tsx/esm/api (require.resolve would give its CommonJS twin, which cannot register hooks here).
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsxApi = pathToFileURL(join(dirname(tsxPackage), 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: init, resourceLimits: workerLimits() });
}

/**
 * A worker's young generation as large as the process's own: bin/newsgraph.mjs starts the CLI with a larger
 * semi-space for extraction, and V8 flags do not reach worker threads (V8 sizes the young generation at three
 * semi-spaces).
 */
function workerLimits(): { maxYoungGenerationSizeMb?: number } {
  const flag = process.execArgv.find((a) => a.startsWith('--max-semi-space-size='));
  const semiSpaceMb = flag ? Number(flag.split('=')[1]) : Number.NaN;
  return Number.isFinite(semiSpaceMb) && semiSpaceMb > 0 ? { maxYoungGenerationSizeMb: 3 * semiSpaceMb } : {};
}

export interface PoolOptions {
  /** Worker threads (default: one per core, and no more than one per four files). */
  readonly workers?: number;
  /** performance.now() after which no new file is started; jobs not started then get no reply. */
  readonly deadline?: number;
}

/**
 * Job i is files[i]. A worker prepares a job (read, clean, tag, type) and keeps the article until the scheduler
 * sends its resolution (`relate`) or gives it up (`drop`). Jobs are started in order, up to the limit the
 * scheduler allows, so prepared articles waiting in memory stay bounded.
 */
export class ExtractionPool {
  readonly #files: readonly string[];
  readonly #workers: Worker[];
  readonly #replies: (WorkerReply | undefined)[];
  /** The worker holding each job's prepared article. */
  readonly #workerOf: Worker[];
  readonly #waiting = new Map<number, () => void>();
  readonly #idle = new Set<Worker>();
  readonly #deadline: number;
  #nextJob = 0;
  #allowed = 0;
  #stopped = false;
  #error: Error | undefined;

  constructor(files: readonly string[], init: WorkerInit, options: PoolOptions = {}) {
    this.#files = files;
    this.#replies = new Array(files.length);
    this.#workerOf = new Array(files.length);
    this.#deadline = options.deadline ?? Infinity;
    const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), Math.ceil(files.length / 4)));
    this.#workers = Array.from({ length: count }, () => startExtractionWorker(init));
    for (const worker of this.#workers) {
      worker.on('message', (reply: WorkerReply) => {
        this.#replies[reply.job] = reply;
        this.#waiting.get(reply.job)?.();
        this.#dispatch(worker);
      });
      worker.on('error', (error) => {
        this.#error = error;
        for (const resolveWait of this.#waiting.values()) resolveWait();
      });
      this.#idle.add(worker);
    }
  }

  /** The first error a worker thread died of, if any. */
  get error(): Error | undefined {
    return this.#error;
  }

  /** Lets the workers start jobs up to (not including) `jobs`. */
  allowUpTo(jobs: number): void {
    this.#allowed = Math.max(this.#allowed, jobs);
    for (const worker of [...this.#idle]) {
      this.#idle.delete(worker);
      this.#dispatch(worker);
    }
  }

  /** The job's reply once it arrives; undefined if it never will (the deadline passed first, or a worker died). */
  reply(job: number): Promise<WorkerReply | undefined> {
    const replies = this.#replies;
    if (replies[job] || this.#error || (this.#stopped && job >= this.#nextJob)) return Promise.resolve(replies[job]);
    return new Promise((resolveReply) =>
      this.#waiting.set(job, () => {
        this.#waiting.delete(job);
        resolveReply(replies[job]);
      }),
    );
  }

  /** Forgets a reply that has been used (a batch's articles must not stay in memory for the whole run). */
  forget(job: number): void {
    this.#replies[job] = undefined;
  }

  /** Sends a prepared job its resolution; its next reply is the article's graph. */
  relate(job: number, resolution: PackedResolution): void {
    this.#replies[job] = undefined;
    this.#workerOf[job].postMessage({ kind: 'relate', job, resolution } satisfies WorkerRequest);
  }

  /** Tells the worker holding a prepared job that it will not be loaded. */
  drop(job: number): void {
    this.#replies[job] = undefined;
    this.#workerOf[job].postMessage({ kind: 'drop', job } satisfies WorkerRequest);
  }

  /** Starts no more jobs. */
  stop(): void {
    this.#stopped = true;
  }

  async close(): Promise<void> {
    this.stop();
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #dispatch(worker: Worker): void {
    if (this.#stopped || this.#nextJob >= this.#files.length || this.#nextJob >= this.#allowed) {
      this.#idle.add(worker);
      return;
    }
    if (performance.now() > this.#deadline) {
      this.#stopped = true;
      this.#idle.add(worker);
      // Jobs never started will get no reply: let the scheduler report them.
      for (const [job, resolveWait] of this.#waiting) if (job >= this.#nextJob) resolveWait();
      return;
    }
    const job = this.#nextJob++;
    this.#workerOf[job] = worker;
    worker.postMessage({ kind: 'prepare', job, file: this.#files[job] } satisfies WorkerRequest);
  }
}
