import { describe, expect, it } from 'vitest';
import { SeenIds } from './seen-ids.ts';

describe('SeenIds', () => {
  it('keeps the first line of every id, packed or not, and tells near-identical ids apart', () => {
    const seen = new SeenIds();
    const ids = ['AFG1', 'AFG10', 'AFH1', 'ZZZ999999999', 'AFG012', 'afg1', 'NIG-2020-1', '1ALG', 'AFG1234567890'];
    ids.forEach((id, i) => seen.add(id, i + 2));
    seen.add('AFG1', 99);
    seen.add('AFG012', 99);
    ids.forEach((id, i) => expect(seen.get(id), id).toBe(i + 2));
    expect(seen.get('AFG2')).toBeUndefined();
    expect(seen.get('AFG12')).toBeUndefined();
    expect(seen.size).toBe(ids.length);
  });

  it('holds millions of ids through its growth', () => {
    const seen = new SeenIds();
    const n = 1_000_000;
    for (let i = 1; i <= n; i++) seen.add(`PAK${i * 7}`, i);
    expect(seen.size).toBe(n);
    for (let i = 1; i <= n; i += 997) expect(seen.get(`PAK${i * 7}`)).toBe(i);
    expect(seen.get('PAK8')).toBeUndefined();
    expect(seen.get(`PAK${(n + 1) * 7}`)).toBeUndefined();
  });
});
