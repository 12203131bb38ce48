/**
 * For tests: a record with script in every free-text field and hostile source links (javascript:, data:, a
 * mixed-case javascript: with a leading space), as an editor's form would send it.
 */
/** Markup that would run if a page put it in the DOM as HTML; `n` tells the fields apart. */
export const hostile = (n: number) => `<script>alert(${n})</script><img src=x onerror=alert(${n})>"'&`;

/** Every free-text field of the record model, each with its own payload. */
export const hostileRecord = () => ({
  kind: 'attack', subtype: hostile(1), date: '2024-03-02', datePrecision: 'day',
  place: { country: 'AFG', admin1: hostile(2), admin2: hostile(3), locality: hostile(4), lat: 34.5, lon: 69.2, precision: 'locality' },
  actors: [{ name: hostile(5), role: 'perpetrator', attribution: 'claimed' }],
  description: hostile(6),
  sources: [
    { title: hostile(7), publisher: hostile(8), url: 'javascript:alert(document.cookie)', type: 'media' },
    { title: 'data link', url: 'data:text/html,<script>alert(9)</script>', type: 'media' },
    { title: 'vb link', url: ' JaVaScRiPt:alert(10)', type: 'media' },
  ],
  tags: [hostile(11)],
  media: { outlet: hostile(12), format: hostile(13), languages: ['ps'], title: hostile(14) },
  legal: { jurisdiction: hostile(15), stage: 'trial', outcome: hostile(16) },
  designation: { authority: hostile(17), listedName: hostile(18), action: 'listed' },
});

