/** A chart with its download buttons (PNG and SVG), named by its title for assistive technology. */
import { useRef, useState, type ReactElement, type Ref } from 'react';
import { downloadPng, downloadSvg } from './download.ts';

export interface ChartCardProps {
  /** File name without extension. */
  name: string;
  /** The chart's title ("Records by country"): the figure's name, and what each download button saves. */
  title: string;
  children: (ref: Ref<SVGSVGElement>) => ReactElement;
  loading?: boolean;
  error?: Error | null;
}

/** The card. */
export function ChartCard({ name, title, children, loading, error }: ChartCardProps) {
  const svg = useRef<SVGSVGElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The buttons read "Download PNG" and say which chart to a screen reader, whose list of buttons otherwise holds
  // five of each with the same name. The title is drawn in the image, so it names the figure without a caption.
  const which = <span className="visually-hidden"> of “{title}”</span>;
  return (
    <figure className="chart-card" aria-label={title} aria-busy={loading || undefined} data-chart={name}>
      {error ? <p className="error" role="alert">Could not load this chart: {error.message}</p> : children(svg)}
      <div className="chart-actions">
        <button type="button" className="button small" onClick={() => svg.current && downloadPng(svg.current, name).catch((e: Error) => setProblem(e.message))}>
          Download PNG{which}
        </button>
        <button type="button" className="button small" onClick={() => svg.current && downloadSvg(svg.current, name)}>
          Download SVG{which}
        </button>
        {problem && <span className="error small">{problem}</span>}
      </div>
    </figure>
  );
}
