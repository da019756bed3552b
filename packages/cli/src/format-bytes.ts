/**
 * A byte count for people, in decimal units as browsers' network panels show them: `532 B`, `1.2 kB`, `3.4 MB`.
 * @example formatBytes(1234) // '1.2 kB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}
