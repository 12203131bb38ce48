/**
 * The two kinds of error (architecture.md, convention 4). A `UserError` is one the user can fix: it says what was
 * wrong, where, and what to do, in one line. Anything else is a bug and is reported with a request id.
 */
export class UserError extends Error {
  constructor(
    message: string,
    /** The parameter, flag or field at fault, when there is one. */
    readonly param?: string,
    /** What to do about it. */
    readonly hint?: string,
  ) {
    super(hint ? `${message}; ${hint}` : message);
    this.name = 'UserError';
  }
}
