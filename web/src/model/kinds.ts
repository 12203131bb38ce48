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

/** WCAG's relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channel = (at: number) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG's contrast ratio of two `#rrggbb` colours, from 1 to 21 (small text needs 4.5). */
function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** The text colour that reads best on the kind's colour: white or near-black, whichever contrasts more. */
export function kindTextColour(kind: Kind): string {
  const [white, nearBlack] = ['#ffffff', '#111111'] as const;
  return contrastRatio(kindColours[kind], white) >= contrastRatio(kindColours[kind], nearBlack) ? white : nearBlack;
}
