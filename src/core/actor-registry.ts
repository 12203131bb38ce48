/**
 * The actor registry (`docs/data-model.md`, "Actors and their names"): one canonical actor per group with its
 * aliases, parent and type, plus context rules for names that are ambiguous within one dataset (UCDP codes every
 * Islamic State branch as `IS`). The registry itself is data (`data/actors.json`); this module validates it and
 * answers look-ups. Pure: no I/O, so the browser can use it too.
 */
import { z } from 'zod';
import type { StoreFilter } from './event-store.ts';
import type { EventFilter } from './filter.ts';
import { provinceKey } from './places.ts';
import { isoDate } from './record.ts';

export const actorTypes = ['jihadist_group', 'insurgent_group', 'separatist_group', 'militia', 'state', 'other'] as const;
export type ActorType = (typeof actorTypes)[number];

const actorId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case id of letters, digits and single hyphens');
const iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as AFG');
const label = z.string().trim().min(1);

export const actorSchema = z.strictObject({
  id: actorId,
  name: label,
  type: z.enum(actorTypes),
  /** The group this one is a branch of; searching the parent finds it. */
  parent: actorId.nullable().optional(),
  aliases: z.array(label).default([]),
  /** UCDP side ids (`side_a_new_id`/`side_b_new_id`); UCDP names are resolved on these. */
  ucdpIds: z.array(z.number().int().positive()).optional(),
  note: z.string().optional(),
});

export const actorRuleSchema = z
  .strictObject({
    /** One dataset or several: the rule applies to records of any of them. */
    dataset: z.union([label, z.array(label).min(1)]),
    /** One name or several, each compared as names are (case, accents, transliteration ignored). */
    name: z.union([label, z.array(label).min(1)]),
    countries: z.array(iso3).nullable().optional(),
    /** Inclusive ISO dates. */
    from: isoDate.nullable().optional(),
    until: isoDate.nullable().optional(),
    /** The rule applies only to these dyads (UCDP `dyad_name`), or to any dyad but these. */
    dyads: z.array(label).nullable().optional(),
    /** The rule applies only in these provinces (any spelling `provinceKey` folds alike), e.g. North and South Sinai. */
    admin1s: z.array(label).nullable().optional(),
    excludeDyads: z.array(label).nullable().optional(),
    /** null: the name stays unresolved in this context, for a curator to decide. */
    actor: actorId.nullable(),
    note: z.string().optional(),
  })
  .refine((r) => !r.from || !r.until || r.from <= r.until, { message: 'from is after until', path: ['until'] });

/** The shape of `data/actors.json`. */
export const registryFileSchema = z.strictObject({
  version: z.literal(1),
  /** Free text for the person editing the file. */
  about: z.array(z.string()).optional(),
  actors: z.array(actorSchema),
  rules: z.array(actorRuleSchema).default([]),
});

export type Actor = z.infer<typeof actorSchema>;
export type ActorRule = z.infer<typeof actorRuleSchema>;
export type RegistryFile = z.infer<typeof registryFileSchema>;

/** What an importer knows about the place a name was found in. */
export interface ResolveContext {
  dataset?: string;
  country?: string | null;
  /** The province, as the record names it. */
  admin1?: string | null;
  date?: string | null;
  dyad?: string | null;
  sourceActorId?: string | number | null;
}

export interface SearchHit {
  actor: Actor;
  /** The name or alias that matched, as written in the registry. */
  alias: string;
  /** 1 exact, 0.75 prefix, 0.5 word prefix, 0.25 substring. */
  score: number;
}

export interface ActorRegistry {
  /** In file order. */
  readonly actors: readonly Actor[];
  get(id: string): Actor | undefined;
  /** The actor with this id, else the one this name stands for (`resolve` without a dataset): what a filter means. */
  find(idOrName: string): Actor | undefined;
  /**
   * The actor a name stands for. With a dataset, that dataset's rules come first, then (UCDP) the side id, then
   * the aliases, ids and names. A trailing `(suspected)`-style qualifier or period such as `(2018-2022)` is ignored,
   * and `X (ACRONYM)` / `ACRONYM: X` resolve when their parts agree.
   */
  resolve(name: string, context?: ResolveContext): Actor | undefined;
  /** `resolve` for each name, in order, sharing one context (the sides of one event). */
  resolveList(names: readonly string[], context?: ResolveContext): (Actor | undefined)[];
  /** Type-ahead suggestions, best first, one per actor. */
  search(query: string, limit?: number): SearchHit[];
  /** Actors named anywhere in a free-text label such as "ISKP-linked Central Asian network", in order of mention. */
  findMentions(text: string): Actor[];
  /** The id itself and all its branches, recursively (parents before children); [] for an unknown id. */
  descendants(id: string): string[];
  /** The parent, grandparent… of an id, nearest first, without the id itself. */
  ancestors(id: string): string[];
}

// Transliteration variants, keyed by the token after doubled vowels are collapsed ("tehreek" → "tehrek").
const folds: Record<string, string> = {
  khurasan: 'khorasan', khorason: 'khorasan', khurason: 'khorasan',
  daish: 'daesh', daech: 'daesh',
  taleban: 'taliban',
  qaida: 'qaeda', qaidah: 'qaeda', qaedah: 'qaeda', alqaeda: 'al qaeda', alqaida: 'al qaeda',
  tehrek: 'tehrik', tahrik: 'tehrik', tahrek: 'tehrik',
  jamatul: 'jamat al', shebab: 'shabab', shabbab: 'shabab',
  mohammed: 'muhammad', mohammad: 'muhammad', muhammed: 'muhammad', mohamed: 'muhammad', mohamad: 'muhammad',
  lashkhar: 'lashkar', laskhar: 'lashkar',
  isil: 'isis',
  ul: 'al', hizbul: 'hizb al', hezb: 'hizb',
  wilayah: 'wilayat', wilaya: 'wilayat', vilayat: 'wilayat', velayat: 'wilayat',
  mujahiden: 'mujahidin', mujahedin: 'mujahidin', mujaheden: 'mujahidin',
  tayiba: 'taiba', toiba: 'taiba', taibah: 'taiba',
  jaysh: 'jaish', harakat: 'harkat', baluch: 'baloch', baluchistan: 'balochistan',
};
// Joiners of Persian/Urdu compounds (Tehrik-i-Taliban, Lashkar-e-Taiba) and "the" carry no meaning in a name.
const dropped = new Set(['i', 'e', 'the']);
const letters: Record<string, string> = { ß: 'ss', ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe', ı: 'i' };

/** Lower case, no accents, apostrophes removed (they stand for ayn/hamza inside words), other punctuation as spaces. */
function plainTokens(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßøłđæœı]/g, (c) => letters[c] ?? c)
    .replace(/['’‘`´ʻʼʿʾ]/g, '')
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The key names are compared on: case-, accent- and punctuation-insensitive, with common transliterations folded
 * (Khorasan/Khurasan, Daesh/Daish, Taliban/Taleban, Qaeda/Qaida, Tehrik/Tehreek, -i-/-e-, Shabaab/Shabab,
 * Jamaat/Jama'at, ISIL/ISIS). Distinct groups keep distinct keys.
 */
export function normalizeName(s: string): string {
  const tokens = plainTokens(s).flatMap((t) => {
    const collapsed = t.replace(/([aeiou])\1+/g, '$1');
    return (folds[collapsed] ?? collapsed).split(' ');
  });
  return (tokens.length > 1 ? tokens.filter((t) => !dropped.has(t)) : tokens).join(' ');
}

const qualifier = /\s*\(?\s*(?:suspected|suspects?|claimed|alleged|accused|disputed)\s*\)?\s*$/i;
const period = /\s*\(\s*\d{4}\s*[-–]\s*(?:\d{4})?\s*\)\s*$/;

/** Keys to try for a name: as written, then without a trailing qualifier or period. */
function nameKeys(name: string): string[] {
  const bare = name.replace(qualifier, '').replace(period, '');
  return [...new Set([normalizeName(name), normalizeName(bare)])].filter(Boolean);
}

interface CompiledRule {
  index: number;
  rule: ActorRule;
  datasets: Set<string>;
  countries?: Set<string>;
  admin1s?: Set<string>;
  dyads?: Set<string>;
  exclude?: Set<string>;
  specificity: number;
}

/** A rule's one-or-several value as a list. */
export const listOf = (x: string | string[]): string[] => (Array.isArray(x) ? x : [x]);

function compileRule(rule: ActorRule, index: number): CompiledRule {
  const set = (xs: string[] | null | undefined, f: (x: string) => string) => (xs?.length ? new Set(xs.map(f)) : undefined);
  const c: CompiledRule = {
    index,
    rule,
    datasets: new Set(listOf(rule.dataset).map((d) => d.toLowerCase())),
    countries: set(rule.countries, (x) => x),
    admin1s: set(rule.admin1s, provinceKey),
    dyads: set(rule.dyads, normalizeName),
    exclude: set(rule.excludeDyads, normalizeName),
    specificity: 0,
  };
  c.specificity = [c.countries, c.admin1s, rule.from, rule.until, c.dyads, c.exclude].filter(Boolean).length;
  return c;
}

/** The context as rules compare it: upper-case country, a province's key, the day of a date-time, a normalised dyad. */
interface Facts {
  dataset: string;
  country?: string;
  admin1?: string;
  date?: string;
  dyad?: string;
}

function ruleApplies(r: CompiledRule, f: Facts): boolean {
  if (!r.datasets.has(f.dataset)) return false;
  if (r.countries && !(f.country && r.countries.has(f.country))) return false;
  if (r.admin1s && !(f.admin1 && r.admin1s.has(f.admin1))) return false;
  if (r.rule.from && !(f.date && f.date >= r.rule.from)) return false;
  if (r.rule.until && !(f.date && f.date <= r.rule.until)) return false;
  if (r.dyads && !(f.dyad && r.dyads.has(f.dyad))) return false;
  return !(r.exclude && f.dyad && r.exclude.has(f.dyad));
}

/** Everything wrong with a registry file's cross-references, one line each, naming the actor or rule. */
function registryProblems(file: RegistryFile, owner: Map<string, Actor>): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Actor>();
  for (const a of file.actors) {
    if (byId.has(a.id)) problems.push(`actor "${a.id}": the id is used twice`);
    byId.set(a.id, a);
  }
  const ucdp = new Map<number, string>();
  for (const a of file.actors) {
    if (a.parent && !byId.has(a.parent)) problems.push(`actor "${a.id}": unknown parent "${a.parent}"`);
    for (const n of a.ucdpIds ?? []) {
      const other = ucdp.get(n);
      if (other && other !== a.id) problems.push(`actor "${a.id}": UCDP id ${n} also belongs to actor "${other}"`);
      ucdp.set(n, a.id);
    }
    for (const alias of [a.name, ...a.aliases]) {
      const key = normalizeName(alias);
      const other = owner.get(key);
      if (!key) problems.push(`actor "${a.id}": alias "${alias}" has no letters or digits`);
      else if (other && other.id !== a.id) problems.push(`actor "${a.id}": alias "${alias}" is also a name of actor "${other.id}" (both read as "${key}")`);
      else owner.set(key, a);
    }
    const seen = new Set<string>([a.id]);
    for (let p = a.parent; p && byId.has(p); p = byId.get(p)?.parent) {
      if (seen.has(p)) {
        problems.push(`actor "${a.id}": its parents form a cycle (${[...seen, p].join(' → ')})`);
        break;
      }
      seen.add(p);
    }
  }
  file.rules.forEach((r, i) => {
    if (r.actor && !byId.has(r.actor)) problems.push(`rule ${i} (${listOf(r.dataset).join(', ')} "${listOf(r.name).join('", "')}"): unknown actor "${r.actor}"`);
  });
  return problems;
}

/**
 * Builds the registry from a parsed file (see `registryFileSchema`).
 * @throws Error listing every problem, each naming the actor id or rule index: duplicate ids, unknown parents,
 *   parent cycles, an alias shared by two actors, rules pointing at unknown actors.
 */
export function createActorRegistry(file: RegistryFile): ActorRegistry {
  const byKey = new Map<string, Actor>();
  const problems = registryProblems(file, byKey);
  if (problems.length) throw new Error(`invalid actor registry:\n  ${problems.join('\n  ')}`);

  const actors: readonly Actor[] = file.actors;
  const byId = new Map(actors.map((a) => [a.id, a]));
  const byUcdp = new Map(actors.flatMap((a) => (a.ucdpIds ?? []).map((n) => [n, a] as const)));
  const children = new Map<string, string[]>();
  for (const a of actors) if (a.parent) children.set(a.parent, [...(children.get(a.parent) ?? []), a.id]);
  const rulesByKey = new Map<string, CompiledRule[]>();
  file.rules.forEach((r, i) => {
    const compiled = compileRule(r, i);
    for (const key of new Set(listOf(r.name).map(normalizeName))) rulesByKey.set(key, [...(rulesByKey.get(key) ?? []), compiled]);
  });
  const entries = actors.flatMap((actor) =>
    [...new Set([actor.name, ...actor.aliases])].map((alias) => ({ actor, alias, key: normalizeName(alias), plain: plainTokens(alias).join(' ') })),
  );
  // Short keys ("is", "let") are also ordinary words, so in free text they count only when written as an alias is.
  const shortAliases = new Map<string, string[]>();
  for (const e of entries) if (e.key.length <= 3) shortAliases.set(e.key, [...(shortAliases.get(e.key) ?? []), e.alias]);
  const longestAlias = Math.max(1, ...entries.map((e) => e.key.split(' ').length));

  const lookup = (name: string): Actor | undefined => {
    for (const key of nameKeys(name)) {
      const actor = byKey.get(key);
      if (actor) return actor;
    }
    return undefined;
  };

  const compound = (name: string): Actor | undefined => {
    const paren = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(name);
    if (paren) {
      const outer = lookup(paren[1]!);
      if (outer && outer === lookup(paren[2]!)) return outer;
    }
    const colon = /^([^:]+):\s*(.+)$/.exec(name);
    if (colon) {
      const [a, b] = [lookup(colon[1]!), lookup(colon[2]!)];
      return a && b && a !== b ? undefined : (a ?? b);
    }
    return undefined;
  };

  const resolveAnew = (name: string, keys: string[], dataset: string | undefined, context: ResolveContext): Actor | undefined => {
    if (dataset) {
      const facts: Facts = {
        dataset,
        country: context.country?.toUpperCase(),
        admin1: context.admin1 ? provinceKey(context.admin1) : undefined,
        date: context.date?.slice(0, 10),
        dyad: context.dyad ? normalizeName(context.dyad) : undefined,
      };
      for (const key of keys) {
        const best = (rulesByKey.get(key) ?? [])
          .filter((r) => ruleApplies(r, facts))
          .sort((x, y) => y.specificity - x.specificity || x.index - y.index)[0];
        if (best) return best.rule.actor === null ? undefined : byId.get(best.rule.actor);
      }
      if (dataset === 'ucdp' && context.sourceActorId != null && context.sourceActorId !== '') {
        const actor = byUcdp.get(Number(context.sourceActorId));
        if (actor) return actor;
      }
    }
    return lookup(name) ?? compound(name);
  };

  // An import asks for the same few hundred names millions of times, in contexts that mostly do not matter: answers
  // are kept per name, keyed on only what that name's rules compare (a name without rules answers the same everywhere).
  const known = new Map<string, { keys: string[]; rules: CompiledRule[]; answers: Map<string, Actor | undefined> }>();
  const resolve = (name: string, context: ResolveContext = {}): Actor | undefined => {
    let entry = known.get(name);
    if (!entry) {
      if (known.size >= 20_000) known.clear();
      const keys = nameKeys(name);
      entry = { keys, rules: keys.flatMap((k) => rulesByKey.get(k) ?? []), answers: new Map() };
      known.set(name, entry);
    }
    if (!entry.keys.length) return undefined;
    const dataset = context.dataset?.toLowerCase();
    const date = context.date?.slice(0, 10);
    let situation = dataset ?? '';
    for (const { rule } of dataset ? entry.rules : []) {
      if (rule.countries) situation += `|${context.country?.toUpperCase() ?? ''}`;
      if (rule.admin1s) situation += `|${context.admin1 ?? ''}`;
      if (rule.from) situation += date && date >= rule.from ? '|≥' : '|<';
      if (rule.until) situation += date && date <= rule.until ? '|≤' : '|>';
      if (rule.dyads || rule.excludeDyads) situation += `|${context.dyad ?? ''}`;
    }
    if (dataset === 'ucdp') situation += `|${context.sourceActorId ?? ''}`;
    if (entry.answers.has(situation)) return entry.answers.get(situation);
    if (entry.answers.size >= 1_000) entry.answers.clear();
    const actor = resolveAnew(name, entry.keys, dataset, context);
    entry.answers.set(situation, actor);
    return actor;
  };

  const search = (query: string, limit = 10): SearchHit[] => {
    const q = normalizeName(query);
    const qPlain = plainTokens(query).join(' ');
    const best = new Map<string, SearchHit>();
    for (const e of entries) {
      const score = Math.max(matchScore(e.key, q), matchScore(e.plain, qPlain));
      const prev = best.get(e.actor.id);
      if (score > 0 && (!prev || score > prev.score || (score === prev.score && shownLength(e) < shownLength(prev)))) {
        best.set(e.actor.id, { actor: e.actor, alias: e.alias, score });
      }
    }
    return [...best.values()]
      .sort((x, y) => y.score - x.score || shownLength(x) - shownLength(y) || x.actor.name.localeCompare(y.actor.name))
      .slice(0, Math.max(0, limit));
  };

  const findMentions = (text: string): Actor[] => {
    const tokens = normalizeName(text).split(' ').filter(Boolean);
    const found: Actor[] = [];
    for (let i = 0; i < tokens.length; ) {
      let step = 1;
      for (let len = Math.min(longestAlias, tokens.length - i); len > 0; len--) {
        const key = tokens.slice(i, i + len).join(' ');
        const actor = byKey.get(key);
        if (!actor) continue;
        const short = shortAliases.get(key);
        if (short && !short.some((alias) => containsWord(text, alias))) continue;
        if (!found.includes(actor)) found.push(actor);
        step = len;
        break;
      }
      i += step;
    }
    return found;
  };

  const descendants = (id: string): string[] => (byId.has(id) ? [id, ...(children.get(id) ?? []).flatMap(descendants)] : []);

  const ancestors = (id: string): string[] => {
    const out: string[] = [];
    for (let p = byId.get(id)?.parent; p && !out.includes(p); p = byId.get(p)?.parent) out.push(p);
    return out;
  };

  return {
    actors,
    get: (id) => byId.get(id),
    find: (idOrName) => byId.get(idOrName) ?? resolve(idOrName),
    resolve,
    resolveList: (names, context) => names.map((n) => resolve(n, context)),
    search,
    findMentions,
    descendants,
    ancestors,
  };
}

// On equal scores the shortest alias is shown, but a human-readable one rather than the id.
function shownLength(hit: { actor: Actor; alias: string }): number {
  return hit.alias === hit.actor.id ? Infinity : hit.alias.length;
}

function matchScore(key: string, q: string): number {
  if (!q || !key) return 0;
  if (key === q) return 1;
  if (key.startsWith(q)) return 0.75;
  if (` ${key}`.includes(` ${q}`)) return 0.5;
  return key.includes(q) ? 0.25 : 0;
}

/** True when `word` occurs in `text` exactly as written (case-sensitive), not inside a longer word. */
function containsWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/**
 * Turns the names a user typed in `filter.actor` (and `not_actor`) into what the store matches on: `actorIds` for
 * names the registry knows (with their branches unless `descendants` is false) and `actorNames` (normalised) for the
 * others; `notActorIds` and `notActorNames` likewise.
 */
export function resolveActorFilter(filter: EventFilter, registry: ActorRegistry): StoreFilter {
  const { actor, not_actor: notActor, descendants, ...rest } = filter;
  const out: StoreFilter = rest;
  const resolve = (typed: string[] | undefined, idsKey: 'actorIds' | 'notActorIds', namesKey: 'actorNames' | 'notActorNames') => {
    if (!typed?.length) return;
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const name of typed) {
      const found = registry.find(name);
      if (found) for (const id of descendants === false ? [found.id] : registry.descendants(found.id)) ids.add(id);
      // A name of only punctuation must still filter (and match nothing), not silently widen to every record.
      else names.add(normalizeName(name) || name.trim().toLowerCase());
    }
    if (ids.size) out[idsKey] = [...ids];
    if (names.size) out[namesKey] = [...names];
  };
  resolve(actor, 'actorIds', 'actorNames');
  resolve(notActor, 'notActorIds', 'notActorNames');
  return out;
}
