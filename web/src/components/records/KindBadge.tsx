/** A record's kind as a coloured badge with its label (colour is never the only cue). */
import type { Kind } from '../../api/types.ts';
import { kindColours, kindLabels, kindTextColour } from '../../model/kinds.ts';

/** The badge; `subtype` (the source's own finer type) follows it when given. */
export function KindBadge({ kind, subtype }: { kind: Kind; subtype?: string | null }) {
  return (
    <span className="kind-badge-wrap">
      <span className="kind-badge" style={{ background: kindColours[kind], color: kindTextColour(kind) }}>
        {kindLabels[kind]}
      </span>
      {subtype && (
        <span className="subtype" dir="auto">
          {subtype}
        </span>
      )}
    </span>
  );
}
