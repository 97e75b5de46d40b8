// Keeps the explorer's Vite build (dist/client) current: `serve` and the browser tests build it when missing or stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './config.ts';

export const DIST_CLIENT = join(PROJECT_ROOT, 'dist/client');

function newestMtimeMs(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
}

/** True when dist/client is missing or older than a client source file or the Vite config. */
export function clientBuildIsStale(): boolean {
  const index = join(DIST_CLIENT, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(
    newestMtimeMs(join(PROJECT_ROOT, 'client')),
    statSync(join(PROJECT_ROOT, 'vite.config.ts')).mtimeMs,
  );
  return sources > built;
}

/** Runs `vite build` in-process with the repo's vite.config.ts; resolves false when the build was already current. */
export async function ensureClientBuilt(): Promise<boolean> {
  if (!clientBuildIsStale()) return false;
  const { build } = await import('vite');
  await build({ configFile: join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
