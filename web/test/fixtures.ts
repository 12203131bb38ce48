/**
 * Records the demo data lacks, added for the browser tests: names in Arabic and Cyrillic script, a casualty range,
 * a source whose address is a script (which must never become a link), text that looks like HTML (which must stay
 * text), and a record with no coordinates (which must still be listed).
 */
import { recordSchema, type EventRecord } from '../../src/core/record.ts';

const provenance = { dataset: 'webtest', datasetVersion: '1', licence: 'CC0', attribution: 'Sitrep browser tests' };

export const scriptRecordId = 'webtest:mosul';
export const unlocatedRecordId = 'webtest:unlocated';

/** The fixture records. */
export function webFixtures(): EventRecord[] {
  return [
    recordSchema.parse({
      id: scriptRecordId,
      kind: 'attack',
      subtype: 'Bombing/Explosion',
      date: '2017-06-21',
      datePrecision: 'day',
      place: { country: 'IRQ', admin1: 'نينوى', locality: 'الموصل', lat: 36.34, lon: 43.13, precision: 'locality' },
      actors: [{ actorId: 'islamic-state', name: 'الدولة الإسلامية', role: 'perpetrator', attribution: 'claimed' }],
      targets: ['worship'],
      killed: { low: 1, best: 2, high: 4 },
      description: 'Взрыв у мечети ан-Нури в Мосуле. <script>window.__injected = true</script><img src=x onerror="window.__injected=true">',
      sources: [
        { title: 'بيان الدولة الإسلامية', url: 'javascript:window.__injected=true', type: 'group_claim' },
        { title: 'Reuters report', publisher: 'Reuters', url: 'https://example.org/reuters/mosul', type: 'media' },
      ],
      provenance,
    }),
    recordSchema.parse({
      id: unlocatedRecordId,
      kind: 'plot',
      date: '2023-03-01',
      datePrecision: 'month',
      place: { country: 'RUS', precision: 'country' },
      actors: [{ actorId: 'iskp', name: 'Вилаят Хорасан', role: 'perpetrator', attribution: 'suspected' }],
      description: 'Задержаны участники ячейки, планировавшей нападение.',
      sources: [{ title: 'FSB statement', url: null, type: 'government' }],
      provenance,
    }),
  ];
}
