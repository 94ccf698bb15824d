/**
 * Vite builds the web app (issue #6) from src/web into dist/web, which the server serves at `/`
 * with an SPA fallback. In development `vite` proxies /api to a running `ersattning serve`.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': process.env.ERSATTNING_API ?? 'http://127.0.0.1:3000' },
  },
});
