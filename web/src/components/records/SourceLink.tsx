/**
 * One source of a record. Only http(s) addresses become links, opened in a new tab without a referrer or
 * access to this page; any other scheme (javascript:, data:, file:…) is shown as plain text.
 */
import type { EventRecord } from '../../api/types.ts';
import { formatDay, isWebUrl } from '../../model/format.ts';

type Source = EventRecord['sources'][number];

const typeLabels: Record<Source['type'], string> = {
  group_claim: "group's own claim",
  government: 'government',
  court: 'court',
  media: 'media',
  ngo: 'NGO',
  dataset: 'dataset',
};

/** The source line: title (linked when safe), publisher, date, type and reliability grade. */
export function SourceLink({ source }: { source: Source }) {
  const title = source.title || source.url || 'Untitled source';
  const details = [source.publisher, source.date ? formatDay(source.date) : null, typeLabels[source.type], source.reliability ? `reliability ${source.reliability}` : null].filter(Boolean);
  return (
    <li className="source">
      {isWebUrl(source.url) ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer" dir="auto">
          {title}
        </a>
      ) : (
        <span dir="auto">{title}</span>
      )}
      {source.url && !isWebUrl(source.url) && (
        <span className="muted small" dir="ltr">
          {' '}
          ({source.url})
        </span>
      )}
      {details.length > 0 && (
        <span className="muted small" dir="auto">
          {' '}
          — {details.join(' · ')}
        </span>
      )}
    </li>
  );
}
