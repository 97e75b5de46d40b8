// The explorer build used by the browser tests: the same staleness check and `vite build` that `serve` uses.
import { PROJECT_ROOT } from '../../../server/config.ts';

export { clientBuildIsStale, DIST_CLIENT, ensureClientBuilt } from '../../../server/client-build.ts';
export const REPO_ROOT = PROJECT_ROOT.endsWith('/') ? PROJECT_ROOT : `${PROJECT_ROOT}/`;
