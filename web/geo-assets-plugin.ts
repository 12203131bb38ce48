/**
 * Serves the basemap files of `data/geo` at `/geo/…` in development and emits them into the build, so the web
 * app ships an offline basemap without a second copy in git. JSON is re-serialised without whitespace on the way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** The files the map loads, by their name under `data/geo` (the same name under `/geo/`). */
export const geoFiles = ['countries.geojson', 'admin1.geojson', 'country-labels.json', 'admin1-names.json'] as const;

const geoDir = join(import.meta.dirname, '..', 'data', 'geo');

function compact(name: string): string {
  return JSON.stringify(JSON.parse(readFileSync(join(geoDir, name), 'utf8')));
}

/** The vite plugin. */
export function geoAssets(): Plugin {
  return {
    name: 'sitrep-geo-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.startsWith('/geo/') ? req.url.slice(5).split('?')[0] : undefined;
        if (!name || !(geoFiles as readonly string[]).includes(name)) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(compact(name));
      });
    },
    generateBundle() {
      for (const name of geoFiles) this.emitFile({ type: 'asset', fileName: `geo/${name}`, source: compact(name) });
    },
  };
}
