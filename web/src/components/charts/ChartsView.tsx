/**
 * Charts of the selection: over time by kind, and by country, province, target and actor — each one a plain SVG
 * that downloads as PNG or SVG with a caption naming the filter it shows.
 */
import { useEffect } from 'react';
import { apiUrl } from '../../api/client.ts';
import type { StatsResponse, TimelineResponse } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { valueLabel } from '../../model/labels.ts';
import { onlyKinds, splitKinds } from '../../model/timeline-kinds.ts';
import { markRendered } from '../../state/ready.ts';
import { BarChart } from './BarChart.tsx';
import { ChartCard } from './ChartCard.tsx';
import { TimeChart } from './TimeChart.tsx';
import { useWidth } from '../use-width.ts';

export interface ChartsViewProps {
  entries: [string, string][];
  filterKey: string;
  /** A short description of the filter for captions ("Pakistan, 2019, Islamic State"). */
  caption: string;
  countryName: (iso3: string) => string;
  actorName: (id: string) => string;
}

const top = 15;

/** Each chart's title: drawn in its image and naming its figure and download buttons. */
const titles = {
  time: 'Records over time, by kind',
  country: 'Records by country',
  province: 'Records by province',
  target: 'Records by target',
  actor: 'Records by actor',
};

type StatRow = StatsResponse['rows'][number];

function rowsOf(stats: StatsResponse | undefined, dim: string, label: (v: string, row: StatRow) => string) {
  return (stats?.rows ?? [])
    .filter((r) => r[dim] !== null && r[dim] !== undefined)
    .map((r) => ({ label: label(String(r[dim]), r), value: Number(r.count ?? 0) }))
    .sort((a, b) => b.value - a.value)
    .slice(0, top);
}

/**
 * A province as the chart names it: with its country when the rows span several countries (statistics by province
 * are by country and province, and two countries may have a Punjab).
 */
function provinceLabel(stats: StatsResponse | undefined, countryName: (iso3: string) => string) {
  const countries = new Set((stats?.rows ?? []).map((r) => r.country));
  return (name: string, row: StatRow) => (countries.size > 1 && row.country ? `${name} (${countryName(String(row.country))})` : name);
}

/** The charts tab. */
export function ChartsView({ entries, filterKey, caption, countryName, actorName }: ChartsViewProps) {
  const [box, width] = useWidth<HTMLDivElement>(800);

  // As in the timeline panel, the kind filter is applied here to the answer without it (see onlyKinds): toggling
  // kinds with the charts open asks the server for no new timeline.
  const { kinds, rest: asked } = splitKinds(entries);
  const narrowed = (t: TimelineResponse | undefined) => (t && kinds.length ? onlyKinds(t, kinds) : t);
  const yearly = useApi<TimelineResponse>(apiUrl('timeline', [...asked, ['bucket', 'year']]));
  const yearlyData = narrowed(yearly.data);
  const years = yearlyData?.buckets.length ?? 0;
  // Fewer than four years read better month by month.
  const monthlyUrl = yearly.data && years < 4 ? apiUrl('timeline', [...asked, ['bucket', 'month']]) : null;
  const monthly = useApi<TimelineResponse>(monthlyUrl);
  const timeline = monthlyUrl ? monthly : yearly;
  const timelineData = monthlyUrl ? narrowed(monthly.data) : yearlyData;
  const stats = (by: string) => apiUrl('stats', [...entries, ['by', by], ['measure', 'count']]);
  const byCountry = useApi<StatsResponse>(stats('country'));
  const byProvince = useApi<StatsResponse>(stats('admin1'));
  const byTarget = useApi<StatsResponse>(stats('target'));
  const byActor = useApi<StatsResponse>(stats('actor'));

  const all = [yearly, byCountry, byProvince, byTarget, byActor];
  const current = all.every((s) => s.dataUrl !== null && s.data !== undefined && !s.loading) && (!monthlyUrl || monthly.dataUrl === monthlyUrl);
  const failed = all.some((s) => s.error) || monthly.error;
  useEffect(() => {
    if (current || failed) markRendered('charts', filterKey);
  }, [current, failed, filterKey]);

  const full = Math.max(280, width - 4);
  const half = width >= 900 ? Math.floor((width - 24) / 2) : full;
  const cap = `Sitrep · ${caption}`;

  return (
    <div ref={box} className="charts">
      <ChartCard name="records-over-time" title={titles.time} loading={timeline.loading} error={timeline.error}>
        {(ref) => (timelineData ? <TimeChart ref={ref} title={titles.time} timeline={timelineData} width={full} caption={cap} /> : <p className="muted">Loading…</p>)}
      </ChartCard>
      <div className="chart-grid">
        <ChartCard name="records-by-country" title={titles.country} loading={byCountry.loading} error={byCountry.error}>
          {(ref) => <BarChart ref={ref} title={titles.country} rows={rowsOf(byCountry.data, 'country', countryName)} width={half} caption={cap} unit="records" />}
        </ChartCard>
        <ChartCard name="records-by-province" title={titles.province} loading={byProvince.loading} error={byProvince.error}>
          {(ref) => <BarChart ref={ref} title={titles.province} rows={rowsOf(byProvince.data, 'admin1', provinceLabel(byProvince.data, countryName))} width={half} caption={cap} unit="records with a known province" />}
        </ChartCard>
        <ChartCard name="records-by-target" title={titles.target} loading={byTarget.loading} error={byTarget.error}>
          {(ref) => <BarChart ref={ref} title={titles.target} rows={rowsOf(byTarget.data, 'target', (v) => valueLabel('target', v))} width={half} caption={cap} unit="a record may have several targets" />}
        </ChartCard>
        <ChartCard name="records-by-actor" title={titles.actor} loading={byActor.loading} error={byActor.error}>
          {(ref) => <BarChart ref={ref} title={titles.actor} rows={rowsOf(byActor.data, 'actor', actorName)} width={half} caption={cap} unit="a record may name several actors" />}
        </ChartCard>
      </div>
    </div>
  );
}
