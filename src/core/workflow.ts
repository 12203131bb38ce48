/**
 * Facts about a record's review workflow read from its revision history: who wrote the content now awaiting
 * publication (for the four-eyes rule) and who last submitted it for review.
 */
import type { Revision } from './event-store.ts';

/** Fields whose change is a workflow step, not an edit of the content. */
const workflowFields = new Set(['status', 'visibility', 'note']);

const setsStatus = (rev: Revision, status: string) => rev.changes?.some((c) => c.field === 'status' && c.new === status) ?? false;

/**
 * Who wrote the record's content since it was last published (all of it, if it never was): the creator and every
 * editor since. Under `requireDistinctReviewer` none of them may publish it.
 */
export function authorsSinceLastPublished(history: readonly Revision[]): Set<string> {
  const authors = new Set<string>();
  for (const rev of [...history].sort((a, b) => b.revision - a.revision)) {
    if (setsStatus(rev, 'published')) break;
    if (!rev.changes || rev.changes.some((c) => !workflowFields.has(c.field))) authors.add(rev.by);
  }
  return authors;
}

/** The latest revision that moved the record into review: who and when; undefined if none did. */
export function lastSubmission(history: readonly Revision[]): { by: string; at: string; comment: string | null } | undefined {
  const rev = [...history].sort((a, b) => b.revision - a.revision).find((r) => setsStatus(r, 'review'));
  return rev ? { by: rev.by, at: rev.at, comment: rev.comment } : undefined;
}
