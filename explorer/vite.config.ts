import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// `npm run explorer:dev` serves the explorer with live reload and sends /graphql to the API
// (API_URL, default http://127.0.0.1:4000); `npm run explorer:build` writes the bundle the server serves.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: {
    proxy: { '/graphql': process.env.API_URL ?? 'http://127.0.0.1:4000' },
  },
});
