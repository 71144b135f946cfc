/** Edit distance counting a swap of two neighbouring letters as one edit (`titel` → `title`), with an early exit once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (before[j - 2] ?? 0) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The candidate closest to `word`, if it is close enough to be a plausible typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best !== undefined || lower.length < 3) return best;
  // A shortened or extended id (`design` for `design-doc`) is a likely slip too.
  let bestGap = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    if (c.startsWith(lower) || lower.startsWith(c)) {
      const gap = Math.abs(c.length - lower.length);
      if (gap < bestGap) [best, bestGap] = [candidate, gap];
    }
  }
  return best;
}

/**
 * Whether `key` is a slip of the hand for `known`, safe to rename without asking: letters only
 * (no word added, `next-next`, `my-status`, no digit or symbol, `attendees2`, `🎉atendees`, which
 * may be a key of the writer's own), and a letter or two away (a third of its length at most:
 * `atendees`, `mentie`, `Date`). `nearest` suggests more than this (`design` for `design-doc`).
 */
export function isSlip(key: string, known: string): boolean {
  if (!/^\p{L}+$/u.test(key)) return false;
  return editDistance(key.toLowerCase(), known.toLowerCase()) <= Math.min(2, Math.max(1, Math.floor(key.length / 3)));
}
