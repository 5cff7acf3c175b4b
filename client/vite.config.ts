// Builds the explorer from client/ into client/dist; `--mode test` builds the test variant (with the
// window.__atlas hook) into client/dist-test. In development, proxies the API to the local server.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://127.0.0.1:4000';

export default defineConfig(({ mode }) => ({
  root,
  plugins: [react()],
  define: { __ATLAS_TEST_HOOKS__: JSON.stringify(mode === 'test') },
  build: {
    outDir: fileURLToPath(new URL(mode === 'test' ? './dist-test' : './dist', import.meta.url)),
    emptyOutDir: true,
    // Cytoscape with fcose is one ~560 kB (170 kB gzipped) chunk; the query editor's Monaco is larger
    // still, but only the editor page loads it.
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      // "use client" directives in GraphiQL's dependencies mean nothing outside React Server Components.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      // Two pages: the explorer, and the query editor served at /graphql to browsers.
      input: {
        explorer: fileURLToPath(new URL('./index.html', import.meta.url)),
        editor: fileURLToPath(new URL('./editor.html', import.meta.url)),
      },
      output: {
        // Libraries in chunks of their own: they change rarely, so browsers keep them cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'cytoscape',
              test: /node_modules[\\/](cytoscape|cytoscape-fcose|cose-base|layout-base)[\\/]/,
            },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': api,
      '/healthz': api,
    },
  },
}));
