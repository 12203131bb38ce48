/**
 * A place as text with each part isolated (`<bdi>`), so names in right-to-left scripts keep their order among
 * left-to-right ones: "الموصل, نينوى, Iraq" reads part by part instead of being reordered as one Arabic run.
 */
import { Fragment } from 'react';
import type { EventRecord } from '../../api/types.ts';
import { placeParts } from '../../model/format.ts';

/** The place's known parts, comma-separated. */
export function PlaceText({ place, countryName }: { place: EventRecord['place']; countryName: (iso3: string) => string }) {
  const parts = placeParts(place, countryName);
  if (!parts.length) return <>Place unknown</>;
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && ', '}
          <bdi>{p}</bdi>
        </Fragment>
      ))}
    </>
  );
}
