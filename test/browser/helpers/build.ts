// Builds the explorer (vite build) when dist/client is missing or older than any client source file.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DIST_CLIENT = join(REPO_ROOT, 'dist/client');

function newestMtimeMs(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
}

export function clientBuildIsStale(): boolean {
  const index = join(DIST_CLIENT, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(newestMtimeMs(join(REPO_ROOT, 'client')), statSync(join(REPO_ROOT, 'vite.config.ts')).mtimeMs);
  return sources > built;
}

/** Runs `vite build` in-process with the repo's vite.config.ts; a no-op when the build is current. */
export async function ensureClientBuilt(): Promise<void> {
  if (!clientBuildIsStale()) return;
  const { build } = await import('vite');
  await build({ configFile: join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
