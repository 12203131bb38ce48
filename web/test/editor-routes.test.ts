// Signing in sends the editor back where they were going, and only to a page of this site.
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../src/editor/routes.ts';

describe("the sign-in page's next address", () => {
  it('keeps a page of this site, with its query', () => {
    expect(parseRoute('/editor/login', '?next=%2Feditor%2Frecords%2Fucdp%3A1')).toEqual({ page: 'login', next: '/editor/records/ucdp:1' });
    expect(parseRoute('/editor/login', '?next=%2F%3Factor%3DISIS-K')).toEqual({ page: 'login', next: '/?actor=ISIS-K' });
  });

  it('never sends a fresh sign-in to another site, however the address is written', () => {
    for (const next of ['//evil.example/', '/%5Cevil.example/login', '/%09/evil.example/', 'https://evil.example/', 'javascript:alert(1)', '']) {
      expect(parseRoute('/editor/login', `?next=${next}`), next).toEqual({ page: 'login', next: '/editor' });
    }
  });
});
