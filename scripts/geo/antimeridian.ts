/**
 * Cutting lon/lat polygons at the antimeridian so that flat-map renderers (MapLibre) draw them correctly.
 *
 * world-atlas ships spherical geometry: Russia's and Fiji's rings step from 179.9° to -179.9°, and
 * Antarctica's ring goes round the South Pole. Drawn on a flat map, each such step is a streak across the
 * whole world. Here every ring is first "unwrapped" (longitudes made continuous, so Chukotka sits at 190°),
 * a ring that circles a pole is closed along that pole, and the result is clipped to the bands
 * [-540,-180], [-180,180], [180,540] and shifted back into [-180,180].
 *
 * Clipping by one vertical line: the parts of the rings on the kept side become chains that start and end
 * on the line; sorted along the line, consecutive chain ends pair up into the stretches of the line that
 * lie inside the polygon, which tells which chain each chain continues into.
 */

export type Position = number[];
export type Ring = Position[];
/** A polygon: outer ring first, then holes. */
export type Polygon = Ring[];

/** Twice the signed area of a ring in planar lon/lat (positive = counter-clockwise). */
export function ringArea2(ring: Ring): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return s;
}

function closed(ring: Ring): Ring {
  const a = ring[0]!;
  const b = ring[ring.length - 1]!;
  return a[0] === b[0] && a[1] === b[1] ? ring : [...ring, [a[0]!, a[1]!]];
}

function open(ring: Ring): Ring {
  const a = ring[0]!;
  const b = ring[ring.length - 1]!;
  return ring.length > 1 && a[0] === b[0] && a[1] === b[1] ? ring.slice(0, -1) : ring;
}

/** RFC 7946 winding: outer rings counter-clockwise, holes clockwise. */
export function rewindPolygon(polygon: Polygon): Polygon {
  return polygon.map((ring, i) => {
    const ccw = ringArea2(ring) > 0;
    return (i === 0) === ccw ? ring : [...ring].reverse();
  });
}

/** Even-odd point-in-ring test. */
export function pointInRing(x: number, y: number, ring: Ring): boolean {
  let odd = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!, yi = ring[i]![1]!, xj = ring[j]![0]!, yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < xi + ((y - yi) * (xj - xi)) / (yj - yi)) odd = !odd;
  }
  return odd;
}

/** Makes longitudes continuous along the ring; returns the ring and its net longitude shift (0 or ±360). */
function unwrap(ring: Ring): { ring: Ring; shift: number } {
  const out: Ring = [];
  let offset = 0;
  let prev = ring[0]![0]!;
  for (const p of ring) {
    const x = p[0]!;
    const d = x - prev;
    if (d > 180) offset -= 360;
    else if (d < -180) offset += 360;
    prev = x;
    out.push([x + offset, p[1]!]);
  }
  const first = out[0]!;
  const last = out[out.length - 1]!;
  return { ring: out, shift: last[0]! - first[0]! };
}

interface Chain {
  points: Position[];
  used: boolean;
}

/**
 * Clips a polygon (outer CCW + holes CW) to one side of the vertical line x = c.
 * Returns zero or more polygons, each outer CCW with its holes.
 */
function clipHalf(polygon: Polygon, c: number, keepRight: boolean): Polygon[] {
  const inside = (p: Position) => (keepRight ? p[0]! >= c : p[0]! <= c);
  const whole: Ring[] = [];
  const chains: Chain[] = [];
  for (const ringIn of polygon) {
    const ring = open(ringIn);
    const flags = ring.map(inside);
    if (flags.every(Boolean)) {
      whole.push(ring);
      continue;
    }
    if (!flags.some(Boolean)) continue;
    // Start walking at an outside vertex so that every chain is complete.
    const start = flags.indexOf(false);
    const n = ring.length;
    let current: Position[] | null = null;
    for (let s = 0; s < n; s++) {
      const i = (start + s) % n;
      const j = (i + 1) % n;
      const a = ring[i]!;
      const b = ring[j]!;
      const ia = flags[i]!;
      const ib = flags[j]!;
      if (ia !== ib) {
        const t = (c - a[0]!) / (b[0]! - a[0]!);
        const y = a[1]! + t * (b[1]! - a[1]!);
        const cross: Position = [c, y];
        if (!ia && ib) {
          current = [cross];
          if (b[0] !== c || b[1] !== y) current.push(b);
        } else if (current) {
          const last = current[current.length - 1]!;
          if (last[0] !== c || last[1] !== y) current.push(cross);
          chains.push({ points: current, used: false });
          current = null;
        }
      } else if (ia && ib && current) {
        current.push(b);
      }
    }
  }

  const rings: Ring[] = [...whole];
  if (chains.length > 0) {
    // Chain ends sorted along the line; pairs (0,1), (2,3)… are the inside stretches of the line.
    const ends = chains.flatMap((chain, ci) => [
      { y: chain.points[0]![1]!, ci, isStart: true },
      { y: chain.points[chain.points.length - 1]![1]!, ci, isStart: false },
    ]);
    ends.sort((a, b) => a.y - b.y || (a.isStart === b.isStart ? 0 : a.isStart ? 1 : -1));
    const nextChain = new Map<number, number>(); // chain index -> chain that follows its end
    for (let k = 0; k + 1 < ends.length; k += 2) {
      const a = ends[k]!;
      const b = ends[k + 1]!;
      if (!a.isStart && b.isStart) nextChain.set(a.ci, b.ci);
      else if (a.isStart && !b.isStart) nextChain.set(b.ci, a.ci);
    }
    for (let ci = 0; ci < chains.length; ci++) {
      if (chains[ci]!.used) continue;
      const ring: Ring = [];
      let k: number | undefined = ci;
      while (k !== undefined && !chains[k]!.used) {
        chains[k]!.used = true;
        ring.push(...chains[k]!.points);
        k = nextChain.get(k);
      }
      if (ring.length >= 3) rings.push(ring);
    }
  }

  const outers = rings.filter((r) => ringArea2(r) > 0).map((r) => [closed(r)] as Polygon);
  for (const hole of rings.filter((r) => ringArea2(r) < 0)) {
    const p = hole[0]!;
    const owner = outers.find((o) => pointInRing(p[0]!, p[1]!, o[0]!));
    owner?.push(closed(hole));
  }
  return outers;
}

/**
 * Cuts polygons at ±180° so that no edge jumps across the map. Input rings may be spherical (crossing the
 * antimeridian, or circling a pole); output rings stay within [-180, 180], outer rings counter-clockwise.
 *
 * @example
 *   cutAtAntimeridian([[[[179, -16], [-179, -16], [-179, -17], [179, -17], [179, -16]]]])
 *   // → two polygons, one ending at 180 and one starting at -180
 */
export function cutAtAntimeridian(polygons: Polygon[]): Polygon[] {
  const out: Polygon[] = [];
  for (const input of polygons) {
    // world-atlas writes Antarctica as a tiny ring round the pole (at -89.999°) with the coast as its "hole";
    // on a flat map that cap is a zero-height strip, so drop it and let the coast be the outer ring.
    const polygon = input.filter((ring) => !ring.every((p) => Math.abs(p[1]!) > 89.9));
    if (polygon.length === 0 || polygon[0]!.length < 4) continue;
    const outer = unwrap(polygon[0]!);
    let outerRing = outer.ring;
    if (Math.abs(outer.shift) > 180) {
      // The ring circles a pole: close it along the pole it circles (the one on the side of most of its points).
      const meanLat = outerRing.reduce((s, p) => s + p[1]!, 0) / outerRing.length;
      const pole = meanLat < 0 ? -90 : 90;
      const first = outerRing[0]!;
      const last = outerRing[outerRing.length - 1]!;
      // Walk along the pole in 10° steps: one 360° edge would itself look like an antimeridian jump.
      const along: Ring = [];
      const steps = Math.ceil(Math.abs(last[0]! - first[0]!) / 10);
      for (let i = 0; i <= steps; i++) along.push([last[0]! + ((first[0]! - last[0]!) * i) / steps, pole]);
      outerRing = [...outerRing, ...along, [first[0]!, first[1]!]];
    }
    const xs = outerRing.map((p) => p[0]!);
    const minX = Math.min(...xs);
    const maxX = Math.max(...xs);
    const mid = (minX + maxX) / 2;
    const holes = polygon.slice(1).map((h) => {
      const u = unwrap(h).ring;
      // Put the hole in the same 360° window as its outer ring.
      const k = Math.round((mid - u[0]![0]!) / 360);
      return u.map((p) => [p[0]! + k * 360, p[1]!]);
    });
    const planar = rewindPolygon([outerRing, ...holes]);
    if (minX >= -180 && maxX <= 180) {
      out.push(planar.map(closed));
      continue;
    }
    for (let k = Math.floor((minX + 180) / 360); k <= Math.floor((maxX + 180) / 360); k++) {
      const lo = -180 + 360 * k;
      const hi = 180 + 360 * k;
      for (const left of clipHalf(planar, lo, true)) {
        for (const piece of clipHalf(left, hi, false)) {
          out.push(piece.map((ring) => ring.map((p) => [p[0]! - 360 * k, p[1]!])));
        }
      }
    }
  }
  return out;
}

/** Largest longitude step between consecutive vertices of any ring (a test helper: must stay ≤ 180). */
export function maxLongitudeJump(polygons: Polygon[]): number {
  let max = 0;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) max = Math.max(max, Math.abs(ring[i]![0]! - ring[i - 1]![0]!));
    }
  }
  return max;
}
