/**
 * Choices the record form offers, as labels keyed by the record model's own values (types from `src/core`, so
 * a value added to the model and missing here fails to compile). Kinds, targets, tactics, roles and precisions
 * reuse the explorer's labels.
 */
import type { EventRecord, Status } from '../../../src/core/record.ts';
import type { Role } from '../../../src/core/roles.ts';

type Source = EventRecord['sources'][number];
type Link = EventRecord['links'][number];

export const sourceTypeLabels: Record<Source['type'], string> = {
  media: 'Media', government: 'Government', court: 'Court', ngo: 'NGO', group_claim: "Group's own claim", dataset: 'Dataset',
};
export const reliabilityLabels: Record<NonNullable<Source['reliability']>, string> = {
  A: 'A — completely reliable', B: 'B — usually reliable', C: 'C — fairly reliable', D: 'D — not usually reliable', E: 'E — unreliable', F: 'F — cannot be judged',
};
export const relationLabels: Record<Link['relation'], string> = { related: 'related', led_to: 'led to', claim_of: 'claim of', same_event: 'same event' };
export const casualtySourceLabels: Record<NonNullable<EventRecord['casualtySource']>, string> = {
  independent: 'independent count', official: 'officials', group_claim: "the group's own claim",
};
export const statusLabels: Record<Status, string> = { draft: 'Draft', review: 'In review', published: 'Published', archived: 'Archived' };

/** Account roles, with what each may do (docs/curation.md). */
export const accountRoleLabels: Record<Role, string> = {
  viewer: 'viewer — reads internal records', editor: 'editor — writes drafts', reviewer: 'reviewer — publishes, imports', admin: 'admin — and manages users',
};
export const accountRoles = Object.keys(accountRoleLabels) as Role[];

/** The button that makes a move, by where it goes from where it is. */
export function moveLabel(from: Status, to: Status): string {
  if (to === 'review') return 'Submit for review';
  if (to === 'published') return from === 'archived' ? 'Publish again' : 'Publish';
  if (to === 'archived') return 'Archive';
  return from === 'review' ? 'Send back to draft' : 'Back to draft';
}
