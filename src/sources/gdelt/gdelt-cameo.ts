/**
 * The part of CAMEO (the event coding GDELT uses) that Sitrep imports: which codes become which kind, tactic,
 * actor roles and target categories. Codes are strings and compared as prefixes (`1832` is in `183` is in `18`).
 */
import type { ActorRole, Kind, Tactic, TargetCategory } from '../../core/record.ts';

/** Imported by default (`design/source-formats.md` §4): assault, fight, mass violence, protest, and arrests. */
export const defaultGdeltCodes: readonly string[] = ['18', '19', '20', '14', '173'];

/** Short labels for descriptions, from GDELT's `cameoEvent.txt`; the longest matching prefix wins. */
const labels: Record<string, string> = {
  '14': 'protest', '141': 'demonstration or rally', '142': 'hunger strike', '143': 'strike or boycott', '144': 'blockade or obstruction',
  '145': 'violent protest or riot', '173': 'arrest, detention or charge',
  '18': 'assault', '180': 'unconventional violence', '181': 'abduction, hijacking or hostage-taking', '182': 'physical assault',
  '1821': 'sexual assault', '1822': 'torture', '1823': 'killing by physical assault', '183': 'bombing', '1831': 'suicide bombing',
  '1832': 'car bombing', '1833': 'roadside bombing', '184': 'use of human shields', '185': 'assassination attempt', '186': 'assassination',
  '19': 'fighting', '190': 'use of conventional military force', '191': 'blockade or restriction of movement', '192': 'occupation of territory',
  '193': 'fighting with small arms and light weapons', '194': 'fighting with artillery and tanks', '195': 'use of aerial weapons',
  '196': 'ceasefire violation', '20': 'unconventional mass violence', '201': 'mass expulsion', '202': 'mass killing',
  '203': 'ethnic cleansing', '204': 'use of weapons of mass destruction',
};

const tacticsByCode: [prefix: string, tactics: Tactic[]][] = [
  ['181', ['kidnapping']], ['1831', ['suicide', 'ied']], ['1832', ['vbied', 'ied']], ['1833', ['ied']], ['183', ['ied']],
  ['185', ['assassination']], ['186', ['assassination']], ['193', ['firearms']], ['194', ['rockets']],
  // 1952 is "remotely piloted aerial munitions" in CAMEO 1.1b3; GDELT's own table stops at 195.
  ['1952', ['airstrike', 'drone']], ['195', ['airstrike']],
];

/** What a CAMEO event code means for a record. */
export interface CameoMeaning {
  kind: Kind;
  tactics: Tactic[];
  roles: [actor1: ActorRole, actor2: ActorRole];
  label: string;
}

const longestPrefix = <T>(code: string, table: Record<string, T> | [string, T][]): T | undefined => {
  const entries = Array.isArray(table) ? table : Object.entries(table);
  let best: [string, T] | undefined;
  for (const entry of entries) if (code.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1];
};

/** Kind, tactics, roles and label for an event code (with its root code for codes outside the defaults). */
export function cameoMeaning(code: string, root: string): CameoMeaning {
  const tactics = longestPrefix(code, tacticsByCode) ?? [];
  const label = longestPrefix(code, labels) ?? `CAMEO event ${code}`;
  if (code.startsWith('173')) return { kind: 'arrest', tactics, roles: ['authority', 'target'], label };
  switch (root) {
    case '18':
    case '20':
      return { kind: 'attack', tactics, roles: ['perpetrator', 'target'], label };
    case '19':
      // Shelling and air power are state-style strikes in the record model, not clashes.
      return { kind: code.startsWith('194') || code.startsWith('195') ? 'strike' : 'clash', tactics, roles: ['side_a', 'side_b'], label };
    case '14':
      // Protesters are not perpetrators; what they protest against is the target.
      return { kind: 'protest', tactics, roles: ['associated', 'target'], label };
    default:
      return { kind: 'other', tactics, roles: ['associated', 'associated'], label };
  }
}

/** CAMEO actor type codes (`cameoType.txt`) → the target category an attacked actor of that type falls in. */
const targetByType: Record<string, TargetCategory> = {
  COP: 'security_forces', MIL: 'security_forces', SPY: 'security_forces', PKO: 'security_forces',
  GOV: 'government', LEG: 'government', JUD: 'officials', ELI: 'officials',
  CVL: 'civilians', REF: 'civilians', LAB: 'civilians', AGR: 'civilians',
  EDU: 'education', HLH: 'health', MED: 'journalists', BUS: 'business', MNC: 'business',
  NGO: 'ngo_aid', IRC: 'ngo_aid', AMN: 'ngo_aid', HRI: 'ngo_aid', DEV: 'ngo_aid', UNO: 'ngo_aid',
  INS: 'rival_militants', REB: 'rival_militants', SEP: 'rival_militants', UAF: 'rival_militants', IMG: 'rival_militants', RAD: 'rival_militants',
};

/** Target categories from the second actor's type codes (types are upper case; ethnic codes are not types). */
export function targetsFromTypes(types: readonly string[]): TargetCategory[] {
  const out = new Set<TargetCategory>();
  for (const t of types) {
    const category = targetByType[t];
    if (category) out.add(category);
  }
  return [...out];
}
