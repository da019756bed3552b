/**
 * Up to three of `paths` closest to `query` by edit distance, comparing with both the whole path and its last
 * name (case-insensitive), nearest first — the suggestions an ITEM_NOT_FOUND error offers.
 */
export function closestPaths(query: string, paths: readonly { path: string; name: string }[]): string[] {
  const wanted = query.toLowerCase()
  const limit = Math.max(2, Math.floor(wanted.length / 4))
  const scored: { path: string; distance: number }[] = []
  for (const entry of paths) {
    const distance = Math.min(
      editDistance(wanted, entry.path.toLowerCase()),
      editDistance(wanted, entry.name.toLowerCase()),
    )
    if (distance <= limit) scored.push({ path: entry.path, distance })
  }
  scored.sort((a, b) => a.distance - b.distance)
  return [...new Set(scored.map((entry) => entry.path))].slice(0, 3)
}

/** Levenshtein distance on one row of memory. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
