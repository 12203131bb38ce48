import { join } from 'node:path';

/**
 * Where the derived geography lives by default: the project's `data/geo` (built by `scripts/geo/build.ts`).
 * Loaders take a directory argument so that tests and deployments can point elsewhere.
 */
export const defaultGeoDir = join(import.meta.dirname, '../../data/geo');
