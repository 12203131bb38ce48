/**
 * ACLED's categories mapped into the record model (source-formats §1.2–1.3): event type → kind and actor roles,
 * inter codes and victim groups → target categories, sub-event types → tactics, actor names → attribution.
 * Pure tables and functions; `acled-row.ts` applies them to a row.
 */
import type { ActorRole, Attribution, Kind, Tactic, TargetCategory } from '../../core/record.ts';

/** How one event type is read: its kind, the roles of actor1 and actor2, and whether it has a victim side. */
export interface AcledEventRule {
  kind: Kind;
  /** Role of `actor1`. */
  actor1: ActorRole;
  /** Role of `actor2`; null when actor2 is not kept as an actor (violence against civilians: it becomes targets). */
  actor2: ActorRole | null;
  /** Attribution forced on actor2 (a disrupted plot's perpetrator is only suspected). */
  actor2Attribution?: Attribution;
  /**
   * Whether `inter2`, `civilian_targeting` and `assoc_actor_2` say who was hit. Only for violent event types:
   * the police facing a peaceful protest (inter2 = 1) are not its target.
   */
  violent: boolean;
}

const compact = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The rule for an event. `eventType`/`subEventType` are compared case-insensitively because ACLED writes both
 * `Strategic developments` and `Strategic Developments`. Covers the current taxonomy and v6's older one
 * (`Battle-No change of territory`, `Remote violence`, `Riots/Protests`, `Strategic development`). Undefined for an
 * unknown type.
 */
export function acledEventRule(eventType: string, subEventType: string, inter1: number | null): AcledEventRule | undefined {
  const type = compact(eventType);
  const sub = compact(subEventType);
  if (type === 'battles' || type.startsWith('battle-') || type === 'battle') {
    return { kind: 'clash', actor1: 'side_a', actor2: 'side_b', violent: true };
  }
  if (type === 'explosions/remote violence' || type === 'remote violence') {
    // Strikes are what states do from a distance (inter 1 state forces, 8 external forces); anyone else attacks.
    const kind: Kind = inter1 === 1 || inter1 === 8 ? 'strike' : 'attack';
    return { kind, actor1: 'perpetrator', actor2: 'target', violent: true };
  }
  if (type === 'violence against civilians') return { kind: 'attack', actor1: 'perpetrator', actor2: null, violent: true };
  if (type === 'strategic developments' || type === 'strategic development') {
    if (sub === 'arrests') return { kind: 'arrest', actor1: 'authority', actor2: 'target', violent: false };
    if (sub === 'disrupted weapons use') {
      return { kind: 'plot', actor1: 'authority', actor2: 'perpetrator', actor2Attribution: 'suspected', violent: false };
    }
    return { kind: 'other', actor1: 'associated', actor2: 'associated', violent: false };
  }
  // v6 had these as event types of their own; today they are sub-event types of strategic developments.
  if (type === 'headquarters or base established' || type === 'non-violent transfer of territory') {
    return { kind: 'other', actor1: 'associated', actor2: 'associated', violent: false };
  }
  // Riots include mob violence against people, so their victim side is kept; protests are not violent.
  if (type === 'riots') return { kind: 'protest', actor1: 'associated', actor2: 'associated', violent: true };
  if (type === 'protests' || type === 'riots/protests') return { kind: 'protest', actor1: 'associated', actor2: 'associated', violent: false };
  return undefined;
}

/** Event types accepted, for the rejection message. */
export const knownEventTypes =
  'Battles, Explosions/Remote violence, Violence against civilians, Strategic developments, Protests, Riots (v6: Battle-…, Remote violence, Riots/Protests, Strategic development, Headquarters or base established, Non-violent transfer of territory)';

/** Inter labels of current exports (and the codebook's plural spellings), folded to their numeric codes. */
const interLabels: Record<string, number> = {
  'state force': 1, 'rebel group': 2, 'rebel force': 2, 'political militia': 3, 'militia group': 3,
  'identity militia': 4, 'communal militia': 4, 'communal / identity group': 4, rioter: 5, protester: 6, protestor: 6,
  civilian: 7, 'external/other force': 8, 'foreign / other': 8,
};

/**
 * An inter code from a numeric (`1`…`8`, `0` = none) or text (`State forces`) cell: null when empty or 0,
 * undefined when unreadable.
 */
export function parseInter(value: string): number | null | undefined {
  const v = compact(value);
  if (!v || v === '0') return null;
  if (/^[1-8]$/.test(v)) return Number(v);
  return interLabels[v.replace(/s$/, '')] ?? interLabels[v];
}

/** Victim groups named in `assoc_actor_2` (`Journalists (Pakistan)`), matched by keyword. A heuristic for curators to refine. */
const victimKeywords: [RegExp, TargetCategory][] = [
  [/journalist|reporter|media worker/i, 'journalists'],
  [/teacher|student|school|universit|education/i, 'education'],
  [/health|doctor|nurse|medical|hospital|polio/i, 'health'],
  [/aid worker|\bngo\b|humanitarian|red cross|red crescent|\bunited nations\b|^un:/i, 'ngo_aid'],
  [/\b(shia|shiite|hazara|sufi|sikh|hindu|christian|ahmadi|yazidi|ismaili)\b/i, 'religious_minority'],
  [/^government of\b/i, 'government'],
  [/politician|mayor|governor|judge|official|councillor|lawmaker|tribal elder|\belders?\b/i, 'officials'],
  [/refugee|\bidps?\b|displaced|prisoner/i, 'civilians'],
  [/trader|business|merchant|shopkeeper|farmer/i, 'business'],
  [/driver|transport/i, 'transport'],
  [/police|military forces|soldier/i, 'security_forces'],
];

/** Target categories and tags from the victim side of a violent event (source-formats §1.2). */
export function acledTargets(civilianTargeting: string, inter2: number | null, assocActor2: readonly string[]): { targets: TargetCategory[]; tags: string[] } {
  const targets = new Set<TargetCategory>();
  const tags: string[] = [];
  if (compact(civilianTargeting) === 'civilian targeting') targets.add('civilians');
  if (inter2 === 1) targets.add('security_forces');
  if (inter2 === 2 || inter2 === 3 || inter2 === 4) targets.add('rival_militants');
  if (inter2 === 7) targets.add('civilians');
  if (inter2 === 8) {
    targets.add('security_forces');
    tags.push('foreign');
  }
  for (const name of assocActor2) for (const [re, category] of victimKeywords) if (re.test(name)) targets.add(category);
  return { targets: [...targets], tags };
}

const subEventTactics: Record<string, Tactic[]> = {
  'suicide bomb': ['suicide', 'ied'],
  'remote explosive/landmine/ied': ['ied'],
  grenade: ['grenade'],
  'air/drone strike': ['airstrike'],
  'shelling/artillery/missile attack': ['rockets'],
  'abduction/forced disappearance': ['kidnapping'],
  'chemical weapon': ['other'],
  'sexual violence': ['other'],
};

/** Tactics a sub-event type implies; none for the rest (an armed clash says nothing about the weapons). */
export function acledTactics(subEventType: string): Tactic[] {
  return subEventTactics[compact(subEventType)] ?? [];
}

/** One actor as named in a cell, before resolution. */
export interface NamedActor {
  name: string;
  attribution: Attribution;
}

/**
 * The actors a cell names. `A and/or B` is ACLED's way of saying "one of them, unsure which": both, suspected.
 * `Unidentified Armed Group (Pakistan)` (and other `Unidentified …` actors) → attribution unknown.
 */
export function namedActors(cell: string): NamedActor[] {
  const out: NamedActor[] = [];
  const parts = cell.split(/\s+and\/or\s+/i).map((p) => p.trim()).filter(Boolean);
  for (const name of parts) {
    const attribution: Attribution = /^unidentified\b/i.test(name) ? 'unknown' : parts.length > 1 ? 'suspected' : 'attributed';
    out.push({ name, attribution });
  }
  return out;
}

/** `assoc_actor_*` cells list several actors separated by `; `. */
export function splitList(cell: string): string[] {
  return cell.split(';').map((p) => p.trim()).filter(Boolean);
}
