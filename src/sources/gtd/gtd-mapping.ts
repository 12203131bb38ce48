/**
 * GTD codes mapped into the record model (source-formats §3). Everything goes by **code**, never by the `_txt`
 * label: START renames the labels between releases (`Explosives/Bombs/Dynamite` became `Explosives`).
 */
import type { Tactic, TargetCategory } from '../../core/record.ts';

/** Codes that exist: a code outside these is a broken cell, not a new category. */
export const codeRanges = { attacktype: [1, 9], targtype: [1, 22], weaptype: [1, 13] } as const;

const targtypeCategory: Record<number, TargetCategory> = {
  1: 'business', 2: 'government', 3: 'security_forces', 4: 'security_forces', 5: 'other', 6: 'transport',
  7: 'diplomatic', 8: 'education', 9: 'other', 10: 'journalists', 11: 'transport', 12: 'ngo_aid', 13: 'other',
  14: 'civilians', 15: 'worship', 16: 'other', 17: 'rival_militants', 18: 'foreign_nationals', 19: 'transport',
  20: 'unknown', 21: 'energy_infrastructure', 22: 'other',
};

/** The target categories of one target: its type, refined by the subtype where the type is too broad. */
export function targetCategories(targtype: number, targsubtype: number | null): TargetCategory[] {
  // 1 Business / 6 Medical & Pharmaceutical: a hospital is health, not commerce.
  if (targtype === 1 && targsubtype === 6) return ['health'];
  // 2 Government (General) / 14–17 judges, politicians, royalty, heads of state: people, not buildings.
  if (targtype === 2 && targsubtype !== null && targsubtype >= 14 && targsubtype <= 17) return ['officials'];
  // 14 Private Citizens / 69 Religion Identified: civilians singled out for their faith (to be checked by curators).
  if (targtype === 14 && targsubtype === 69) return ['civilians', 'religious_minority'];
  const category = targtypeCategory[targtype];
  return category ? [category] : [];
}

/** One incident's attack and weapon codes, each list in the file's order (blank codes left out). */
export interface GtdMethods {
  attacktypes: number[];
  weaptypes: number[];
  weapsubtypes: number[];
  suicide: boolean;
}

const weaptypeTactic: Record<number, Tactic> = {
  // Biological, chemical, radiological and nuclear weapons have no tactic of their own.
  1: 'other', 2: 'other', 3: 'other', 4: 'other',
  5: 'firearms', 6: 'ied', 8: 'arson', 10: 'vehicle', 11: 'sabotage', 12: 'other',
};
const weapsubtypeTactic: Record<number, Tactic> = { 7: 'grenade', 8: 'ied', 11: 'rockets', 12: 'ied', 13: 'suicide', 15: 'vbied', 23: 'knife' };

/** The tactics of an incident, in record order, without repeats. */
export function gtdTactics(m: GtdMethods): Tactic[] {
  const out = new Set<Tactic>();
  if (m.suicide) out.add('suicide');
  for (const a of m.attacktypes) {
    if (a === 1) out.add('assassination');
    else if (a === 5 || a === 6) out.add('kidnapping');
    // 7 Facility/Infrastructure Attack: set on fire it is arson, otherwise sabotage.
    else if (a === 7) out.add(m.weaptypes.includes(8) ? 'arson' : 'sabotage');
    else if (a === 4 || a === 8) out.add('other');
  }
  const specific = m.weapsubtypes.map((w) => weapsubtypeTactic[w]).filter((t): t is Tactic => Boolean(t));
  for (const w of m.weaptypes) {
    const t = weaptypeTactic[w];
    // Explosives (6) are an IED unless the subtype says they were a grenade or a rocket, which are tactics of their
    // own (as ACLED's Grenade and Shelling are); a vehicle bomb is an IED as well.
    if (t === 'ied' && specific.some((s) => s === 'grenade' || s === 'rockets') && !specific.includes('ied') && !specific.includes('vbied')) continue;
    if (t) out.add(t);
  }
  for (const t of specific) out.add(t);
  return [...out];
}
