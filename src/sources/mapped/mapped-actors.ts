/**
 * The `actor-list` parser of `design/source-formats.md` §5: a perpetrator cell of a hand-made list → actors with
 * their attribution. The whole string is always tried first, because names such as `Islamic State of Iraq and
 * the Levant` contain the very words that separate two groups elsewhere (`ELN and FARC`); a split is made only
 * where the whole does not resolve, and pieces that resolve only together are joined again.
 */
import { iso3FromCountryName } from '../../core/countries.ts';
import type { Attribution } from '../../core/record.ts';

export interface ParsedActor {
  /** As written, without markup and attribution qualifiers. */
  name: string;
  actorId: string | null;
  attribution: Attribution;
}

/** Resolves one name in the row's context (dataset, country, date) to an actor id. */
export type NameResolver = (name: string) => string | undefined;

const noActor = /^(?:unknown|unidentified|unknown perpetrators?|none|n\/?a|\?+|-+)$/i;
// Trailing "(suspected)", " suspected", or glued to the name ("Islamic Statesuspected", "Boko HaramSuspected"), also
// as a clause ("… and Taliban are suspected").
const trailingQualifier = /(?:\s+(?:is|are|was|were)\b)?\s*\(?\s*(suspected|claimed)\s*\)?\s*$/i;
const orSplit = /\s+(?:and\/or|or)\s+/i;
const andSeparators = /(\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*\/\s*)/i;

/** Markup of scraped wiki text: links `[[target|label]]`, citation markers `[12]`, `[citation needed]`, stray `|`. */
export function cleanName(raw: string): string {
  return raw
    .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]?/g, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\|/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Parses a cell. `fallback` is the attribution of a single unqualified name (the mapping's). Parts of an ` or `
 * list are `suspected`; parts of an ` and ` / `&` / `,` / `/` list are `attributed`; a part's own `(claimed)`
 * or `(suspected)` wins, then a qualifier written after the whole list.
 */
export function parseActorList(raw: string, resolve: NameResolver, fallback: Attribution): { actors: ParsedActor[]; tags: string[] } {
  let text = cleanName(raw);
  const tags: string[] = [];
  let whole: Attribution | undefined;
  if (/claimed but challenged/i.test(text)) {
    text = text.replace(/\s*claimed but challenged\s*/i, ' ').trim();
    whole = 'claimed';
    tags.push('disputed');
  }
  const q = qualifier(text);
  text = q.name;
  whole ??= q.attribution;
  if (!text || noActor.test(text)) return { actors: [], tags };

  const id = resolve(text);
  if (id) return { actors: [{ name: text, actorId: id, attribution: whole ?? fallback }], tags };
  const alternatives = text.split(orSplit);
  const actors =
    alternatives.length > 1
      ? alternatives.flatMap((alt) => splitAnd(alt, resolve, 'suspected', undefined))
      : splitAnd(text, resolve, whole ? whole : 'attributed', whole ? undefined : fallback);
  const seen = new Set<string>();
  return { actors: actors.filter((a) => !noActor.test(a.name) && !seen.has(a.name) && seen.add(a.name)), tags };
}

/** The attribution a trailing qualifier gives, and the name without it. */
function qualifier(text: string): { name: string; attribution: Attribution | undefined } {
  const m = trailingQualifier.exec(text);
  // A name that is only the word ("Suspected") is not a qualifier of anything.
  if (!m || m.index === 0) return { name: text, attribution: undefined };
  return { name: text.slice(0, m.index).trim(), attribution: m[1]!.toLowerCase() as Attribution };
}

/**
 * Splits on ` and `, `&`, `, ` and `/`, joining back adjacent pieces that resolve only together, a piece of one
 * letter (`DHKP/C`) and a country after a comma (`People's Liberation Army, Nepal`). `single` is the attribution
 * when no split happens (the mapping's fallback) — a lone name is not "attributed" just for being in a list.
 */
function splitAnd(text: string, resolve: NameResolver, listAttribution: Attribution, single: Attribution | undefined): ParsedActor[] {
  const own = qualifier(text);
  const id = resolve(own.name);
  if (id || !andSeparators.test(own.name)) {
    return own.name ? [{ name: own.name, actorId: id ?? null, attribution: own.attribution ?? single ?? listAttribution }] : [];
  }
  const bits = own.name.split(andSeparators);
  // bits alternate piece, separator, piece…; each piece keeps its span so that a run can be cut out verbatim.
  const pieces: { start: number; end: number }[] = [];
  let offset = 0;
  for (let i = 0; i < bits.length; i++) {
    const bit = bits[i]!;
    if (i % 2 === 0) {
      const sep = bits[i - 1] ?? '';
      const last = pieces.at(-1);
      const glue = last && (bit.replace(/[^\p{L}]/gu, '').length < 2 || countryAfter(own.name.slice(last.start, last.end), sep, bit));
      if (last && glue) last.end = offset + bit.length;
      else pieces.push({ start: offset, end: offset + bit.length });
    }
    offset += bit.length;
  }
  const parts = joinResolvable(own.name, pieces, resolve);
  if (parts.length === 1) return [{ name: parts[0]!, actorId: resolve(parts[0]!) ?? null, attribution: own.attribution ?? single ?? listAttribution }];
  return parts.map((p) => {
    const q = qualifier(p);
    return { name: q.name, actorId: resolve(q.name) ?? null, attribution: q.attribution ?? own.attribution ?? listAttribution };
  });
}

/**
 * Whether `piece` continues a country name rather than naming another group: `People's Liberation Army, Nepal`
 * (a country after a comma) or `Al-Qaeda in Bosnia and Herzegovina` (a country that itself contains "and").
 */
function countryAfter(previous: string, sep: string, piece: string): boolean {
  const p = piece.trim();
  if (p.length <= 3) return false;
  if (sep.includes(',') && iso3FromCountryName(p)) return true;
  const words = previous.trim().split(/\s+/);
  return [1, 2].some((n) => words.length >= n && !!iso3FromCountryName(`${words.slice(-n).join(' ')}${sep}${p}`));
}

/** Greedy from the left: the longest run of adjacent pieces that resolves as one name is kept as one. */
function joinResolvable(text: string, pieces: { start: number; end: number }[], resolve: NameResolver): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    let j = pieces.length;
    for (; j > i + 1; j--) if (resolve(qualifier(text.slice(pieces[i]!.start, pieces[j - 1]!.end)).name)) break;
    out.push(text.slice(pieces[i]!.start, pieces[j - 1]!.end));
    i = j;
  }
  return out.map((p) => p.trim()).filter(Boolean);
}
