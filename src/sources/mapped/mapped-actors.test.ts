import { describe, expect, it } from 'vitest';
import { parseActorList } from './mapped-actors.ts';

// A stand-in for the registry: the names the tests need, compared without case.
const known: Record<string, string> = {
  'islamic state': 'islamic-state',
  'islamic state of iraq and the levant': 'islamic-state',
  isil: 'islamic-state',
  'islamic state – khorasan province': 'iskp',
  'islamic state of iraq and the levant – khorasan province': 'iskp',
  taliban: 'afghan-taliban',
  'al-qaeda': 'al-qaeda',
  eln: 'eln',
  farc: 'farc',
  hezbollah: 'hezbollah',
  'boko haram': 'boko-haram',
  'tehrik-i-taliban pakistan': 'ttp',
  jundallah: 'jundallah',
};
const resolve = (name: string) => known[name.toLowerCase()];
const parse = (raw: string) => parseActorList(raw, resolve, 'attributed');
const brief = (raw: string) => parse(raw).actors.map((a) => `${a.name}|${a.actorId ?? '-'}|${a.attribution}`);

describe('actor-list parser (source-formats.md §5)', () => {
  it('resolves the whole string before any split', () => {
    expect(brief('Islamic State of Iraq and the Levant')).toEqual(['Islamic State of Iraq and the Levant|islamic-state|attributed']);
    expect(brief('Islamic State of Iraq and the Levant – Khorasan Province')).toEqual(['Islamic State of Iraq and the Levant – Khorasan Province|iskp|attributed']);
  });

  it('reads (suspected) and (claimed), also glued to the name', () => {
    expect(brief('Islamic State (suspected)')).toEqual(['Islamic State|islamic-state|suspected']);
    expect(brief('Islamic Statesuspected')).toEqual(['Islamic State|islamic-state|suspected']);
    expect(brief('Boko HaramSuspected')).toEqual(['Boko Haram|boko-haram|suspected']);
    expect(brief('Islamic State (claimed)')).toEqual(['Islamic State|islamic-state|claimed']);
    expect(brief('Boko Haram and Taliban are suspected')).toEqual(['Boko Haram|boko-haram|suspected', 'Taliban|afghan-taliban|suspected']);
    // A name that ends in "is" keeps it.
    expect(brief('ISIS suspected')).toEqual(['ISIS|-|suspected']);
    expect(brief('Ansar al-Sharia in Tunis (suspected)')).toEqual(['Ansar al-Sharia in Tunis|-|suspected']);
  });

  it('reads "Claimed but challenged" as claimed and disputed', () => {
    expect(parse('TalibanClaimed but challenged')).toEqual({ actors: [{ name: 'Taliban', actorId: 'afghan-taliban', attribution: 'claimed' }], tags: ['disputed'] });
  });

  it('makes every part of an " or " list suspected', () => {
    expect(brief('Islamic State – Khorasan Province or Taliban (suspected)')).toEqual([
      'Islamic State – Khorasan Province|iskp|suspected',
      'Taliban|afghan-taliban|suspected',
    ]);
    expect(brief('Taliban or Islamic State')).toEqual(['Taliban|afghan-taliban|suspected', 'Islamic State|islamic-state|suspected']);
  });

  it('makes every part of an and / & / , / slash list attributed, keeping a part\'s own qualifier', () => {
    expect(brief('ELN and FARC')).toEqual(['ELN|eln|attributed', 'FARC|farc|attributed']);
    expect(brief('CSPPA, Hezbollah')).toEqual(['CSPPA|-|attributed', 'Hezbollah|hezbollah|attributed']);
    expect(brief('Jundallah (claimed), ISIL (claimed), Tehrik-i-Taliban Pakistan (claimed)')).toEqual([
      'Jundallah|jundallah|claimed', 'ISIL|islamic-state|claimed', 'Tehrik-i-Taliban Pakistan|ttp|claimed',
    ]);
    expect(brief('Al-Qaeda and |ISIL (suspected)')).toEqual(['Al-Qaeda|al-qaeda|suspected', 'ISIL|islamic-state|suspected']);
    expect(brief('FAR, Montoneros, and ERP')).toEqual(['FAR|-|attributed', 'Montoneros|-|attributed', 'ERP|-|attributed']);
  });

  it('does not split a name that only looks like a list', () => {
    expect(brief('DHKP/C')).toEqual(['DHKP/C|-|attributed']);
    expect(brief("People's Liberation Army, Nepal (suspected)")).toEqual(["People's Liberation Army, Nepal|-|suspected"]);
    expect(brief('Al-Qaeda in Bosnia and Herzegovina')).toEqual(['Al-Qaeda in Bosnia and Herzegovina|-|attributed']);
    expect(brief('Islamic State of Iraq and the Levant, Taliban')).toEqual(['Islamic State of Iraq and the Levant|islamic-state|attributed', 'Taliban|afghan-taliban|attributed']);
  });

  it('strips wiki markup and leaves unknown perpetrators out', () => {
    expect(brief('Hezbollah[18]')).toEqual(['Hezbollah|hezbollah|attributed']);
    expect(brief('Lone wolf[5][attribution needed]')).toEqual(['Lone wolf|-|attributed']);
    expect(brief('[[:es:Individualistas Tendiendo a lo Salvaje|Sociedad Silvestre Salvaje]')).toEqual(['Sociedad Silvestre Salvaje|-|attributed']);
    expect(brief('Unknown')).toEqual([]);
    expect(brief('')).toEqual([]);
    expect(brief('The Breeders/Unknown')).toEqual(['The Breeders|-|attributed']);
  });
});
