// The address bar reads the filter language as the API does (src/core/filter.ts), so a link written for the API,
// the CLI or by hand opens the same view.
import { describe, expect, it } from 'vitest';
import { filterEntries, parseView } from '../src/model/view-state.ts';

describe('the view in the address bar', () => {
  it('splits every list on commas as the API does, except actor names that hold a comma and a space', () => {
    const { filters } = parseView('?dataset=ucdp,curated&admin1=Sindh,Punjab&actor=iskp,ttp&actor=Government%20of%20Pakistan,%20IS&kind=plot,arrest');
    expect(filters).toEqual({ dataset: ['ucdp', 'curated'], admin1: ['Sindh', 'Punjab'], actor: ['iskp', 'ttp', 'Government of Pakistan, IS'], kind: ['plot', 'arrest'] });
  });

  it('keeps the status, visibility and record ids an editor’s link carries, and writes them back', () => {
    const { filters } = parseView('?status=draft,review&visibility=internal&id=ucdp:445808&kind=plot');
    expect(filters).toEqual({ kind: ['plot'], status: ['draft', 'review'], visibility: ['internal'], id: ['ucdp:445808'] });
    expect(new URLSearchParams(filterEntries(filters)).toString()).toBe('kind=plot&status=draft%2Creview&visibility=internal&id=ucdp%3A445808');
  });
});
