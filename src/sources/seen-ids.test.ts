import { describe, expect, it } from 'vitest';
import { SeenIds } from './seen-ids.ts';

describe('SeenIds', () => {
  it('keeps the first line of every id, packed or not, and tells near-identical ids apart', () => {
    const seen = new SeenIds();
    const ids = ['acled:AFG1', 'acled:AFG10', 'acled:AFH1', 'acled:ZZZ999999999', 'acled:AFG012', 'acled:afg1', 'acled:NIG-2020-1', 'acled:1ALG', 'acled:AFG1234567890'];
    ids.push('acled:1', 'acled:10', 'acled:99999999999999', 'acled:0', 'acled:01', 'ucdp:1', 'ucdp:AFG1', 'plain', 'plain:', ':1');
    ids.forEach((id, i) => seen.add(id, i + 2));
    seen.add('acled:AFG1', 99);
    seen.add('acled:AFG012', 99);
    seen.add('acled:1', 99);
    ids.forEach((id, i) => expect(seen.get(id), id).toBe(i + 2));
    expect(seen.get('acled:AFG2')).toBeUndefined();
    expect(seen.get('acled:AFG12')).toBeUndefined();
    expect(seen.get('acled:2')).toBeUndefined();
    expect(seen.get('ucdp:10')).toBeUndefined();
    expect(seen.get('gtd:1')).toBeUndefined();
    expect(seen.size).toBe(ids.length);
  });

  it('holds millions of ids through its growth', () => {
    const seen = new SeenIds();
    const n = 1_000_000;
    for (let i = 1; i <= n; i++) seen.add(`acled:PAK${i * 7}`, i);
    for (let i = 1; i <= n; i++) seen.add(`acled:${i * 7}`, n + i);
    expect(seen.size).toBe(2 * n);
    for (let i = 1; i <= n; i += 997) {
      expect(seen.get(`acled:PAK${i * 7}`)).toBe(i);
      expect(seen.get(`acled:${i * 7}`)).toBe(n + i);
    }
    expect(seen.get('acled:PAK8')).toBeUndefined();
    expect(seen.get(`acled:PAK${(n + 1) * 7}`)).toBeUndefined();
  });
});
