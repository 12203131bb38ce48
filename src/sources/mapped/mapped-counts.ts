/**
 * The `count` parser of `design/source-formats.md` §5: casualty cells as people write them in hand-made lists
 * (`12`, `5+`, `7 (+2 attackers)`, `14-50`, `Unknown (+3)`, `Several`, `31 Kidnapped`). Unknown stays null,
 * never 0; a vague quantity is null with the raw text kept as a tag; a range keeps its bounds and, as GTD does
 * with conflicting figures, takes the conservative low figure as the best estimate.
 */
import type { Tactic } from '../../core/record.ts';

export interface Count {
  low: number | null;
  best: number | null;
  high: number | null;
}

export type CountResult = { ok: true; value: Count; tags: string[]; tactics: Tactic[] } | { ok: false; reason: string };

const empty = (): Count => ({ low: null, best: null, high: null });
const unknown = /^(?:unknown|unknwon|unlnown|unk|n\/?a|none reported|not known|\?+|-+|—|–)$/i;
// `attacker` alone: the attacker died, but how many attackers a list does not say.
const vague = /^(?:several|dozens|hundreds|thousands|many|some|few|a few|numerous|scores|multiple|unspecified|(?:the |only the )?(?:attackers?|perpetrators?|assailants?|bombers?|gunm[ae]n))$/i;
const kidnapWord = '(?:kidnap\\w*|abduct\\w*|captured|hostages?|taken hostage)';
const otherWord = '(?:arrest\\w*|missing|disappeared)';
// "31 Kidnapped", "+60 Kidnapped", "over 3000 kidnapped", "42+ more kidnapped": people taken, not casualties.
const takenPhrase = (word: string) => new RegExp(`(?:^|[\\s,])[+]?\\s*(?:over |about |around |at least |up to )?\\d*\\s*\\+?\\s*(?:more )?${word}`, 'gi');
const labelOnly = new RegExp(`^(.*?)\\s*\\((${kidnapWord}|${otherWord})\\)\\s*$`, 'i');
const attackerWords = /\s*(?:attackers?|terrorists?|perpetrators?|assailants?|militants?|suspects?|gunmen|bombers?)\b.*$/i;

const lowerPrefix = '(?:at least|over|more than|>|≥|\\+)';
const approxPrefix = '(?:~|≈|c\\.|ca\\.|c|about|around|approx\\.?|approximately|est\\.?|estimated)';
const upperPrefix = '(?:up to|<|≤)';
const bound = `(?:(${lowerPrefix}|${approxPrefix}|${upperPrefix})\\s*)?(\\d+(?:\\.\\d+)?)\\s*(\\+)?\\s*\\??`;
const expression = new RegExp(`^${bound}(?:\\s*(?:-|–|—|~|to|or|/)\\s*${bound})?`, 'i');

/** Parses one cell for the record field `field` (`killed`, `wounded`), which prefixes the tags. */
export function parseCount(raw: string, field: string): CountResult {
  let s = raw
    .replace(/\[[^\]]*\]/g, '')
    .replace(/["“”‘’']/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // Thousands separators ("2,191", "460-3,500"); a comma between other numbers is a list and stays.
  while (/(\d),(\d{3})(?!\d)/.test(s)) s = s.replace(/(\d),(\d{3})(?!\d)/, '$1$2');
  const value = empty();
  if (!s || unknown.test(s)) return { ok: true, value, tags: [], tactics: [] };
  const tags = [`${field}: ${raw.replace(/\s+/g, ' ').trim().slice(0, 200)}`];
  const tactics: Tactic[] = [];
  const plain = /^\d+$/.test(s);

  s = s.replace(/^(unknown|unknwon|unlnown)(?=\S)/i, '$1 ');
  const label = labelOnly.exec(s);
  if (label) {
    // "20–40 (kidnapped)", "3 (arrests)": the whole figure counts people taken or arrested, not casualties.
    if (new RegExp(kidnapWord, 'i').test(label[2]!)) tactics.push('kidnapping');
    return { ok: true, value, tags, tactics };
  }
  for (const [word, tactic] of [[kidnapWord, 'kidnapping'], [otherWord, undefined]] as const) {
    const re = new RegExp(word, 'i');
    if (!re.test(s)) continue;
    if (tactic) tactics.push(tactic);
    s = s.replace(new RegExp(`\\([^)]*${word}[^)]*\\)?`, 'gi'), ' ').replace(takenPhrase(word), ' ');
  }
  const parens = [...s.matchAll(/\(([^)]*)\)?/g)].map((m) => m[1]!.trim()).filter(Boolean);
  let main = s.replace(/\(([^)]*)\)?/g, ' ').replace(/\s+/g, ' ').replace(/^[\s,;]+|[\s,;]+$/g, '').trim();
  main = main.replace(/^(?:unknown|unknwon|unlnown)\b\s*/i, '').replace(/\b(?:injured|wounded|killed|dead|deaths?)\b/gi, '').replace(/^[\s,;]+|[\s,;]+$/g, '').trim();
  // "(1+)": a figure written only in brackets is the figure.
  if (!main && parens.length === 1 && !parens[0]!.startsWith('+') && expression.test(parens[0]!)) main = parens.shift()!;

  if (main && !unknown.test(main) && !vague.test(main)) {
    const parsed = parseExpression(main);
    if (!parsed) return { ok: false, reason: `not a count: expected a number such as 12, 12+, 10-15 or 7 (+2), or Unknown` };
    Object.assign(value, parsed);
  }
  for (const p of parens) {
    if (!p.startsWith('+')) continue; // a note such as "(4 critical)": kept in the tag only
    const attackers = parseExpression(p.slice(1).replace(attackerWords, '').trim());
    if (attackers) addAttackers(value, attackers);
  }
  for (const k of ['low', 'best', 'high'] as const) {
    const n = value[k];
    if (n !== null && n > 10_000_000) return { ok: false, reason: `${n} is not a possible number of people` };
  }
  return { ok: true, value, tags: plain ? [] : tags, tactics };
}

/** A figure or a range at the start of `text`; undefined when `text` does not start with one. */
function parseExpression(text: string): Count | undefined {
  const m = expression.exec(text.trim());
  if (!m) return undefined;
  const [, p1, n1, plus1, p2, n2, plus2] = m;
  const a = Number(n1);
  const aLow = plus1 === '+' || isLower(p1);
  if (n2 === undefined) {
    if (p1 && new RegExp(`^${upperPrefix}$`, 'i').test(p1)) return { low: null, best: null, high: a };
    return { low: aLow ? a : null, best: a, high: null };
  }
  const b = Number(n2);
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  // "10+ to 30+": an open upper end is no upper bound.
  const open = (a <= b ? plus2 === '+' || isLower(p2) : aLow);
  return { low: lo, best: lo, high: open ? null : hi };
}

function isLower(prefix: string | undefined): boolean {
  return !!prefix && new RegExp(`^${lowerPrefix}$`, 'i').test(prefix);
}

/**
 * `N (+M)`: the attackers killed are added, as GTD counts them (`design/source-formats.md` §5). When the victims
 * are unknown, the attackers are still a lower bound of the dead.
 */
function addAttackers(value: Count, attackers: Count): void {
  const n = attackers.best ?? attackers.low;
  if (n === null) return;
  if (value.best === null && value.low === null) {
    value.low = n;
    return;
  }
  if (value.low !== null) value.low += attackers.low ?? n;
  if (value.best !== null) value.best += n;
  if (value.high !== null) value.high += attackers.high ?? n;
}
