/**
 * Human labels for the enumerations of the record model (targets, tactics, attributions, roles, precisions),
 * so no screen shows a raw code such as `security_forces`.
 */
import type { ActorRole, Attribution, DatePrecision, PlacePrecision, Tactic, TargetCategory } from '../../../src/core/record.ts';

export const targetLabels: Record<TargetCategory, string> = {
  civilians: 'Civilians',
  religious_minority: 'Religious minorities',
  worship: 'Places of worship',
  security_forces: 'Security forces',
  government: 'Government',
  officials: 'Officials',
  foreign_nationals: 'Foreign nationals',
  diplomatic: 'Diplomatic',
  ngo_aid: 'NGOs and aid workers',
  journalists: 'Journalists',
  education: 'Education',
  health: 'Health',
  energy_infrastructure: 'Energy infrastructure',
  transport: 'Transport',
  business: 'Business',
  rival_militants: 'Rival militants',
  other: 'Other',
  unknown: 'Unknown',
};

export const tacticLabels: Record<Tactic, string> = {
  suicide: 'Suicide attack', ied: 'IED', vbied: 'Vehicle bomb', firearms: 'Firearms', rockets: 'Rockets', mortar: 'Mortar',
  grenade: 'Grenade', knife: 'Knife', vehicle: 'Vehicle ramming', arson: 'Arson', kidnapping: 'Kidnapping',
  assassination: 'Assassination', airstrike: 'Airstrike', drone: 'Drone', sabotage: 'Sabotage', other: 'Other',
};

export const attributionLabels: Record<Attribution, string> = {
  claimed: 'Claimed',
  attributed: 'Attributed',
  suspected: 'Suspected',
  unknown: 'Unknown',
};

export const roleLabels: Record<ActorRole, string> = {
  perpetrator: 'perpetrator',
  target: 'target',
  side_a: 'side A',
  side_b: 'side B',
  associated: 'associated',
  claimant: 'claimed it',
  authority: 'authority',
};

export const datePrecisionLabels: Record<DatePrecision, string> = { day: 'day', week: 'week', month: 'month', year: 'year' };

/** How precisely a place is known, in plain words. */
export const placePrecisionLabels: Record<PlacePrecision, string> = {
  exact: 'exact location',
  locality: 'town or village',
  admin2: 'district only',
  admin1: 'province only',
  country: 'country only',
  unknown: 'location unknown',
};

/**
 * The datasets Sitrep's importers name, as their publishers do. A mapped file's dataset (`dataset` in its mapping)
 * is shown as the mapping names it.
 */
export const datasetLabels: Record<string, string> = {
  ucdp: 'UCDP GED', acled: 'ACLED', gtd: 'GTD', gdelt: 'GDELT 2.0', gdelt1: 'GDELT 1.0', curated: 'Curated', 'iskp-list': 'Sitrep ISKP list',
};

/** A label for a facet value: enumerations and known datasets get their label, anything else is shown as it is. */
export function valueLabel(param: string, value: string): string {
  const tables: Record<string, Record<string, string>> = { target: targetLabels, tactic: tacticLabels, attribution: attributionLabels, dataset: datasetLabels };
  return tables[param]?.[value] ?? value;
}
