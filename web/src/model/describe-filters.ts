/**
 * A filter in a few words, for chart captions and the page title: "Pakistan · Islamic State · 2019".
 */
import { formatDay } from './format.ts';
import { isKind, kindLabels } from './kinds.ts';
import { valueLabel } from './labels.ts';
import type { Filters } from './view-state.ts';

/** The description; "all records" for an empty filter. */
export function describeFilters(f: Filters, countryName: (iso3: string) => string, actorName: (id: string) => string): string {
  const parts: string[] = [];
  if (f.kind?.length) parts.push(f.kind.map((k) => (isKind(k) ? kindLabels[k] : k)).join(', '));
  if (f.actor?.length) parts.push(f.actor.map(actorName).join(', '));
  if (f.country?.length) parts.push(f.country.map(countryName).join(', '));
  if (f.admin1?.length) parts.push(f.admin1.join(', '));
  if (f.target?.length) parts.push(`targets: ${f.target.map((t) => valueLabel('target', t)).join(', ')}`);
  if (f.tactic?.length) parts.push(`tactics: ${f.tactic.map((t) => valueLabel('tactic', t)).join(', ')}`);
  if (f.attribution?.length) parts.push(f.attribution.map((a) => valueLabel('attribution', a)).join(', '));
  if (f.dataset?.length) parts.push(`dataset ${f.dataset.join(', ')}`);
  if (f.q) parts.push(`“${f.q}”`);
  if (f.from || f.to) parts.push(`${f.from ? formatDay(f.from) : 'start'} – ${f.to ? formatDay(f.to) : 'end'}`);
  if (f.min_killed) parts.push(`≥ ${f.min_killed} killed`);
  const left = [
    ...(f.not_kind ?? []).map((k) => (isKind(k) ? kindLabels[k] : k)),
    ...(f.not_actor ?? []).map(actorName),
    ...(f.not_country ?? []).map(countryName),
    ...(f.not_admin1 ?? []),
    ...(f.not_target ?? []).map((t) => valueLabel('target', t)),
    ...(f.not_tactic ?? []).map((t) => valueLabel('tactic', t)),
    ...(f.not_attribution ?? []).map((a) => valueLabel('attribution', a)),
    ...(f.not_dataset ?? []).map((d) => `dataset ${d}`),
  ];
  if (left.length) parts.push(`not ${left.join(', ')}`);
  return parts.length ? parts.join(' · ') : 'all records';
}
