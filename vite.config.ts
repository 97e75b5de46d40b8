// Vite build for the explorer: root client/, output dist/client (served by server/main.ts), Monaco workers bundled.

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./client/', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/client/', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs so the build also works when the server mounts it under a sub-path.
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // Monaco (inside GraphiQL) is large by nature; it is loaded lazily with the Query tab.
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      onwarn(warning, warn) {
        // GraphiQL's React-compiler directives ("use no memo") are harmless when bundled.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: {
        main: fileURLToPath(new URL('./client/index.html', import.meta.url)),
        bench: fileURLToPath(new URL('./client/bench.html', import.meta.url)),
      },
    },
  },
  // Monaco's workers import each other as ES modules.
  worker: { format: 'es' },
  server: {
    host: '127.0.0.1',
    // During `vite dev`, GraphQL goes to the real server on :4000 (same-origin in production).
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
});
