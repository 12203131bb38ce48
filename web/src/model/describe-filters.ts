/**
 * A filter in a few words, for chart captions and the page title: "Pakistan · Islamic State · 2019".
 */
import { formatPeriod } from './format.ts';
import { isKind, kindLabels } from './kinds.ts';
import { valueLabel } from './labels.ts';
import { provinceName } from './provinces.ts';
import { includeParams, notParam, type Filters, type IncludeParam, type StateParam } from './view-state.ts';

/** One value of a list filter in words: a kind's label, an actor's or a country's name, a category's label. */
export function filterValueName(param: IncludeParam | StateParam, value: string, countryName: (iso3: string) => string, actorName: (id: string) => string): string {
  if (param === 'kind') return isKind(value) ? kindLabels[value] : value;
  if (param === 'actor') return actorName(value);
  if (param === 'country') return countryName(value);
  if (param === 'admin1') return provinceName(value, countryName);
  return valueLabel(param, value);
}


/** The description; "all records" for an empty filter. */
export function describeFilters(f: Filters, countryName: (iso3: string) => string, actorName: (id: string) => string): string {
  const names = (param: IncludeParam, values: string[] = []) => values.map((v) => filterValueName(param, v, countryName, actorName)).join(', ');
  const parts: string[] = [];
  if (f.kind?.length) parts.push(names('kind', f.kind));
  if (f.actor?.length) parts.push(names('actor', f.actor));
  if (f.country?.length) parts.push(names('country', f.country));
  if (f.admin1?.length) parts.push(names('admin1', f.admin1));
  if (f.target?.length) parts.push(`targets: ${names('target', f.target)}`);
  if (f.tactic?.length) parts.push(`tactics: ${names('tactic', f.tactic)}`);
  if (f.attribution?.length) parts.push(names('attribution', f.attribution));
  if (f.dataset?.length) parts.push(`dataset ${names('dataset', f.dataset)}`);
  if (f.status?.length) parts.push(f.status.join(', '));
  if (f.visibility?.length) parts.push(f.visibility.join(', '));
  if (f.id?.length) parts.push(`records ${f.id.join(', ')}`);
  if (f.q) parts.push(`“${f.q}”`);
  if (f.from || f.to) parts.push(formatPeriod(f.from, f.to));
  if (f.min_killed) parts.push(`≥ ${f.min_killed} killed`);
  const left = includeParams.map((p) => names(p, f[notParam(p)])).filter(Boolean);
  if (left.length) parts.push(`not ${left.join(', ')}`);
  return parts.length ? parts.join(' · ') : 'all records';
}
