/**
 * A duration for people, as Newman's summary shows it: `43ms`, `1.2s`, `2m 3.4s`.
 * @example formatDuration(1234) // '1.2s'
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`
  return `${Math.floor(ms / 60_000)}m ${((ms % 60_000) / 1000).toFixed(1)}s`
}
