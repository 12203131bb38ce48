/**
 * Builds the web app into `web/dist`, which `sitrep serve` serves at `/`.
 *
 * `npx vite build --config web/vite.config.ts` builds; `npx vite --config web/vite.config.ts` runs the dev
 * server, which proxies `/api` to a running `sitrep serve` (SITREP_API, default http://127.0.0.1:8080).
 * The basemap comes from `data/geo` through `geoAssets`, so it is never copied into git twice.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { geoAssets } from './geo-assets-plugin.ts';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // Nothing is copied verbatim: the geography is emitted by the plugin below.
  publicDir: false,
  plugins: [react(), geoAssets()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // MapLibre alone is about 1 MB; it is one cacheable file, so the warning says nothing useful here.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    proxy: { '/api': process.env.SITREP_API ?? 'http://127.0.0.1:8080' },
  },
});
