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
    // Cytoscape with fcose is one ~560 kB (170 kB gzipped) chunk that cannot be split further.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
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
