/** A chart with its download buttons (PNG and SVG). */
import { useRef, useState, type ReactElement, type Ref } from 'react';
import { downloadPng, downloadSvg } from './download.ts';

export interface ChartCardProps {
  /** File name without extension. */
  name: string;
  children: (ref: Ref<SVGSVGElement>) => ReactElement;
  loading?: boolean;
  error?: Error | null;
}

/** The card. */
export function ChartCard({ name, children, loading, error }: ChartCardProps) {
  const svg = useRef<SVGSVGElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <figure className="chart-card" aria-busy={loading || undefined} data-chart={name}>
      {error ? <p className="error" role="alert">Could not load this chart: {error.message}</p> : children(svg)}
      <figcaption className="chart-actions">
        <button type="button" className="button small" onClick={() => svg.current && downloadPng(svg.current, name).catch((e: Error) => setProblem(e.message))}>
          Download PNG
        </button>
        <button type="button" className="button small" onClick={() => svg.current && downloadSvg(svg.current, name)}>
          Download SVG
        </button>
        {problem && <span className="error small">{problem}</span>}
      </figcaption>
    </figure>
  );
}
