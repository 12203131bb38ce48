import { describe, expect, it } from 'vitest';
import { cutAtAntimeridian, maxLongitudeJump, pointInRing, ringArea2, type Polygon } from './antimeridian.ts';

/** Area of polygons in planar square degrees (outer minus holes). */
const area = (ps: Polygon[]) => ps.reduce((s, p) => s + p.reduce((a, r, i) => a + ((i === 0 ? 1 : -1) * Math.abs(ringArea2(r))) / 2, 0), 0);

describe('cutAtAntimeridian', () => {
  it('leaves ordinary polygons alone, wound counter-clockwise', () => {
    const square: Polygon = [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]];
    const out = cutAtAntimeridian([square]);
    expect(out).toHaveLength(1);
    expect(ringArea2(out[0]![0]!)).toBeGreaterThan(0);
    expect(area(out)).toBeCloseTo(1);
  });

  it('splits a ring that crosses 180° into one piece on each side', () => {
    const fiji: Polygon = [[[179, -16], [-179, -16], [-179, -17], [179, -17], [179, -16]]];
    const out = cutAtAntimeridian([fiji]);
    expect(out).toHaveLength(2);
    expect(maxLongitudeJump(out)).toBeLessThanOrEqual(180);
    expect(area(out)).toBeCloseTo(2);
    const xs = out.map((p) => p[0]!.map((q) => q[0]!));
    expect(xs.some((x) => Math.max(...x) === 180 && Math.min(...x) === 179)).toBe(true);
    expect(xs.some((x) => Math.min(...x) === -180 && Math.max(...x) === -179)).toBe(true);
  });

  it('keeps holes and handles a U shape that crosses twice', () => {
    const withHole: Polygon = [
      [[170, 0], [-170, 0], [-170, 10], [170, 10], [170, 0]],
      [[175, 2], [175, 8], [178, 8], [178, 2], [175, 2]],
    ];
    const out = cutAtAntimeridian([withHole]);
    expect(area(out)).toBeCloseTo(200 - 18);
    expect(out.find((p) => p.length === 2)).toBeDefined();
    // A U lying on its side, open to the east, whose arms cross 180°.
    const u: Polygon = [[[175, 0], [-175, 0], [-175, 2], [178, 2], [178, 8], [-175, 8], [-175, 10], [175, 10], [175, 0]]];
    const cut = cutAtAntimeridian([u]);
    expect(area(cut)).toBeCloseTo(3 * 10 + 2 * 7 * 2, 5); // the body west of 178°, two 7°×2° arms
    expect(cut).toHaveLength(3); // the western body and the two arm ends east of 180°
    expect(maxLongitudeJump(cut)).toBeLessThanOrEqual(180);
  });

  it('closes a ring round the South Pole along the pole', () => {
    const ring = [] as number[][];
    for (let lon = -180; lon < 180; lon += 30) ring.push([((lon + 15 + 540) % 360) - 180, -70]);
    ring.push(ring[0]!);
    const out = cutAtAntimeridian([[ring]]);
    expect(maxLongitudeJump(out)).toBeLessThanOrEqual(180);
    expect(area(out)).toBeCloseTo(360 * 20, 0);
    expect(out.some((p) => pointInRing(0, -80, p[0]!))).toBe(true);
    expect(out.some((p) => pointInRing(0, -60, p[0]!))).toBe(false);
  });
});
