/**
 * The line on which each record id of a file was first seen, for millions of ids. A `Map<string, number>` costs ~75
 * bytes an entry on V8's heap (150 MB for a 2M-row ACLED file, and the heap V8 then keeps around it grows by more).
 * Record ids are `<dataset>:<the dataset's id>`; when the dataset's part is shaped like ACLED's (`AFG12345`: three
 * capital letters, then digits without a leading zero) or is a plain number (UCDP, GTD, GDELT), and the dataset is
 * the file's first, the id is packed exactly into a number and kept in an open-addressing table of typed arrays,
 * 12 bytes a slot off the heap; any other id goes to an ordinary map.
 */
const acledShaped = /^([A-Z])([A-Z])([A-Z])([1-9]\d{0,8})$/;
const numbered = /^[1-9]\d{0,13}$/;
const emptySlot = -1;

export class SeenIds {
  private keys = new Float64Array(1 << 16).fill(emptySlot);
  private lines = new Int32Array(1 << 16);
  private packed = 0;
  private readonly others = new Map<string, number>();
  /** The dataset part (`acled:`) of the first id: only ids with it are packed. */
  private prefix: string | undefined;

  get size(): number {
    return this.packed + this.others.size;
  }

  /** The line `id` was first seen on, if it was. */
  get(id: string): number | undefined {
    const key = this.pack(id);
    if (key === undefined) return this.others.get(id);
    const slot = this.find(this.keys, key);
    return this.keys[slot] === key ? this.lines[slot] : undefined;
  }

  /** Remembers `id` on `line`, unless it was seen before. */
  add(id: string, line: number): void {
    const key = this.pack(id);
    if (key === undefined) {
      if (!this.others.has(id)) this.others.set(id, line);
      return;
    }
    const slot = this.find(this.keys, key);
    if (this.keys[slot] === key) return;
    this.keys[slot] = key;
    this.lines[slot] = line;
    // Half full at most, so a probe finds an empty slot after a step or two.
    if (++this.packed * 2 > this.keys.length) this.grow();
  }

  private grow(): void {
    const { keys, lines } = this;
    this.keys = new Float64Array(keys.length * 2).fill(emptySlot);
    this.lines = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === emptySlot) continue;
      const slot = this.find(this.keys, keys[i]!);
      this.keys[slot] = keys[i]!;
      this.lines[slot] = lines[i]!;
    }
  }

  /** The slot holding `key`, or the empty slot where it belongs (linear probing). */
  private find(keys: Float64Array, key: number): number {
    const mask = keys.length - 1;
    let slot = Math.imul((key % 0x100000000) ^ Math.floor(key / 0x100000000), 0x9e3779b1) & mask;
    while (keys[slot] !== emptySlot && keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  /**
   * `acled:AFG12345` → letters × 10^9 + digits (below 2^44); `ucdp:123` → 2^47 + the number (below 2^48, so the two
   * never meet); undefined for another shape or another dataset than the first id's.
   */
  private pack(id: string): number | undefined {
    const colon = id.indexOf(':') + 1;
    if (!colon) return undefined;
    this.prefix ??= id.slice(0, colon);
    if (!id.startsWith(this.prefix)) return undefined;
    const own = id.slice(colon);
    if (numbered.test(own)) return 2 ** 47 + Number(own);
    const m = acledShaped.exec(own);
    if (!m) return undefined;
    const letters = (m[1]!.charCodeAt(0) - 65) * 676 + (m[2]!.charCodeAt(0) - 65) * 26 + (m[3]!.charCodeAt(0) - 65);
    return letters * 1e9 + Number(m[4]);
  }
}
