/**
 * Roles and what each may see and do (docs/curation.md). The one place the rules live: the server asks
 * `scopeForRole` what a caller may read and `may` what it may do; the web app imports the types only.
 *
 * | role       | reads                                             | does                                              |
 * |------------|---------------------------------------------------|---------------------------------------------------|
 * | anonymous  | published + public                                | nothing                                           |
 * | viewer     | published + archived, public + internal           | nothing (internal read)                           |
 * | editor     | everything (drafts, review, archived, internal)   | create, edit, submit for review, withdraw, revert |
 * | reviewer   | everything                                        | all an editor does, and publish, archive, unpublish, import files |
 * | admin      | everything                                        | all a reviewer does, and manage users and the audit log |
 */
import type { AccessScope } from './filter.ts';
import { fullScope, publicScope } from './filter.ts';
import type { Status } from './record.ts';

export const roles = ['admin', 'editor', 'reviewer', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** What a signed-in viewer reads: finished work (published and archived), public and internal; no drafts. */
export const viewerScope: AccessScope = Object.freeze({ statuses: ['published', 'archived'] as Status[], visibilities: ['public', 'internal'] as AccessScope['visibilities'] });

/** The records `role` may read; `undefined` (anonymous) reads published, public records only. */
export function scopeForRole(role: Role | undefined): AccessScope {
  if (!role) return publicScope;
  return role === 'viewer' ? viewerScope : fullScope;
}

/**
 * Things a caller may ask to do. `publish` is deciding who reads a record once it is out: publishing, and changing
 * the visibility of a published or archived record (an internal record made public is published to the world).
 */
export type Action = 'edit' | 'publish' | 'import' | 'manage_users' | 'read_audit';

const rights: Record<Role, readonly Action[]> = {
  // An import writes the dataset's records as the dataset has them (published): only those who may publish.
  admin: ['edit', 'publish', 'import', 'manage_users', 'read_audit'],
  reviewer: ['edit', 'publish', 'import'],
  editor: ['edit'],
  viewer: [],
};

/** True when `role` may do `action`. */
export function may(role: Role | undefined, action: Action): boolean {
  return role !== undefined && rights[role].includes(action);
}

/** Moves of the review workflow, and the roles that may make each. */
const transitions: Record<Status, Partial<Record<Status, readonly Role[]>>> = {
  draft: { review: ['editor', 'reviewer', 'admin'] },
  review: { draft: ['editor', 'reviewer', 'admin'], published: ['reviewer', 'admin'] },
  published: { archived: ['reviewer', 'admin'], draft: ['reviewer', 'admin'] },
  archived: { draft: ['reviewer', 'admin'], published: ['reviewer', 'admin'] },
};

/** The statuses a record in `from` may move to, for anyone. */
export function nextStatuses(from: Status): Status[] {
  return Object.keys(transitions[from]) as Status[];
}

/**
 * Whether `role` may move a record from `from` to `to`: `'ok'`, `'no_such_move'` (the workflow has no such arrow)
 * or `'forbidden'` (the arrow exists, but not for this role).
 */
export function checkTransition(role: Role | undefined, from: Status, to: Status): 'ok' | 'no_such_move' | 'forbidden' {
  const allowed = transitions[from][to];
  if (!allowed) return 'no_such_move';
  return role && allowed.includes(role) ? 'ok' : 'forbidden';
}

/** A user name: lower-case letters, digits and `._@-`, 1–64 characters (names are compared lower-cased). */
export const userNamePattern = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

/** Token scopes: `read` tokens read what their user reads; `write` tokens may also do what their user may do. */
export const tokenScopes = ['read', 'write'] as const;
export type TokenScope = (typeof tokenScopes)[number];
