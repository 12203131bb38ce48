import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable } from './output.ts';

describe('tables on a terminal', () => {
  it('aligns columns by what a terminal draws: accents take no column, CJK two', () => {
    const table = formatTable([
      { place: 'Quetta', n: 1 },
      { place: 'Mūsā Khēl'.normalize('NFD'), n: 2 },
      { place: '北京市', n: 3 },
    ]);
    const lines = table.trimEnd().split('\n');
    // Every count ends in the same terminal column.
    expect(new Set(lines.slice(2).map(displayWidth))).toEqual(new Set([displayWidth(lines[2]!)]));
    expect(displayWidth('北京市')).toBe(6);
  });

  it('right-aligns numbers with thousands separators and fits the lines to the terminal', () => {
    const table = formatTable([{ kind: 'attack', count: 12345, description: 'x'.repeat(100) }], undefined, 60, 40);
    const lines = table.trimEnd().split('\n');
    expect(lines[2]).toMatch(/^attack {2}12,345 {2}x+…$/);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
  });
});
