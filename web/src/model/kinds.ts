/**
 * The record kinds as the web app shows them: order, labels and colours. The list mirrors `kinds` in
 * `src/core/record.ts` (the web app may import only types from core, so the type keeps the two in step).
 *
 * Colours: Okabe–Ito's eight colour-blind-safe hues for the common kinds, then Paul Tol's muted hues; twelve
 * categories cannot all be told apart by colour alone, so every view also labels kinds in text.
 */
import type { Kind } from '../../../src/core/record.ts';

/** Every kind, in the order legends and stacks use: violence first, then responses, then words. */
export const kindOrder = [
  'attack', 'clash', 'strike', 'plot', 'arrest', 'legal', 'designation', 'claim', 'media', 'leadership', 'protest', 'other',
] as const satisfies readonly Kind[];

// A compile-time check that kindOrder names every kind exactly once.
type Missing = Exclude<Kind, (typeof kindOrder)[number]>;
const _allKinds: Missing extends never ? true : Missing = true;
void _allKinds;

export const kindColours: Record<Kind, string> = {
  attack: '#D55E00', // vermillion
  clash: '#E69F00', // orange
  strike: '#CC79A7', // reddish purple
  plot: '#0072B2', // blue
  arrest: '#56B4E9', // sky blue
  legal: '#009E73', // bluish green
  designation: '#332288', // Tol indigo
  claim: '#999933', // Tol olive
  media: '#F0E442', // yellow
  leadership: '#882255', // Tol wine
  protest: '#44AA99', // Tol teal
  other: '#8C8C8C', // grey
};

export const kindLabels: Record<Kind, string> = {
  attack: 'Attack',
  clash: 'Clash',
  strike: 'Air/drone strike, shelling',
  plot: 'Plot disrupted',
  arrest: 'Arrest',
  legal: 'Legal case',
  designation: 'Designation',
  claim: 'Claim',
  media: 'Media release',
  leadership: 'Leadership change',
  protest: 'Protest, riot',
  other: 'Other',
};

/** One-line explanations, shown as tooltips beside the kind toggles. */
export const kindHelp: Record<Kind, string> = {
  attack: 'One-sided violence by a group: bombing, armed assault, assassination, kidnapping',
  clash: 'Fighting between organised armed parties',
  strike: 'Air or drone strike or shelling, usually by a state',
  plot: 'A planned attack that was disrupted, failed or abandoned',
  arrest: 'Arrest or detention of members or supporters',
  legal: 'Charge, trial, verdict, sentence or appeal',
  designation: 'Listing or delisting by a sanctions or terrorism-designation authority',
  claim: 'A claim of responsibility',
  media: 'An official release: statement, video, audio, magazine',
  leadership: 'A leader killed, captured, appointed or defecting',
  protest: 'Demonstrations and riots',
  other: 'Anything else',
};

/** True when `value` names a kind. */
export function isKind(value: string): value is Kind {
  return (kindOrder as readonly string[]).includes(value);
}

/** Text that reads well on the kind's colour (dark on the light hues, white on the dark ones). */
export function kindTextColour(kind: Kind): string {
  return ['media', 'arrest', 'clash', 'claim', 'protest'].includes(kind) ? '#1a1a1a' : '#ffffff';
}
