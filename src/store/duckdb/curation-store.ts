/**
 * The curator overlay on DuckDB (migration 3, rule in `src/core/curation.ts`): one row per record a curator
 * touched. Imports read the overlays once per write and apply them to the dataset's rows as they are staged, so
 * the stored record — which every filter, facet and search reads — is always the dataset's version with the
 * curators' additions on top.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CuratorOverlay } from '../../core/curation.ts';
import type { Status, Visibility } from '../../core/record.ts';

type Row = Record<string, unknown>;

const toOverlay = (r: Row): CuratorOverlay => ({
  tags: JSON.parse(String(r.tags)),
  links: JSON.parse(String(r.links)),
  status: (r.status as Status | null) ?? null,
  visibility: (r.visibility as Visibility | null) ?? null,
  note: (r.note as string | null) ?? null,
});

/**
 * The overlays that change what an import writes (tags, links, status or visibility set), by record id. Small:
 * one row per record a person curated, not per record imported.
 */
export async function loadOverlays(c: DuckDBConnection): Promise<Map<string, CuratorOverlay>> {
  const rows = (await c.runAndReadAll(
    `SELECT id, tags, links, status, visibility, note FROM curation WHERE tags <> '[]' OR links <> '[]' OR status IS NOT NULL OR visibility IS NOT NULL`,
  )).getRowObjectsJS() as Row[];
  return new Map(rows.map((r) => [String(r.id), toOverlay(r)]));
}

/** One record's overlay, or undefined. */
export async function readOverlay(c: DuckDBConnection, id: string): Promise<CuratorOverlay | undefined> {
  const rows = (await c.runAndReadAll('SELECT tags, links, status, visibility, note FROM curation WHERE id = ?', [id])).getRowObjectsJS() as Row[];
  return rows[0] ? toOverlay(rows[0]) : undefined;
}

/** Replaces one record's overlay (inside the caller's transaction). */
export async function writeOverlay(c: DuckDBConnection, id: string, overlay: CuratorOverlay, by: string, at: string): Promise<void> {
  await c.run('DELETE FROM curation WHERE id = ?', [id]);
  await c.run('INSERT INTO curation VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP))', [
    id, JSON.stringify(overlay.tags), JSON.stringify(overlay.links), overlay.status, overlay.visibility, overlay.note, by, at,
  ]);
}
