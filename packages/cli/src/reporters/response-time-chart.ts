import { escapeHtml } from './escape-html.js'

/** One bar of the chart: an execution (or, for long runs, the slowest of a group of them). */
export interface ChartPoint {
  label: string
  responseTimeMs: number
  failed: boolean
}

/** At most this many bars: a long run's executions are grouped, each bar showing its group's slowest. */
const maxBars = 300
const width = 960
const height = 240
const left = 56
const bottom = 24
const top = 12

/**
 * An inline SVG bar chart of response times in run order (red for an execution with a failure), with a y axis in
 * ms and a `<title>` tooltip per bar. No script, no external reference.
 * @example page += responseTimeChart(points)
 */
export function responseTimeChart(points: readonly ChartPoint[]): string {
  if (points.length === 0) return '<p class="muted">No response was received.</p>'
  const bars = group(points)
  const maxMs = Math.max(1, ...bars.map((bar) => bar.responseTimeMs))
  const scale = niceCeiling(maxMs)
  const plotWidth = width - left - 8
  const plotHeight = height - top - bottom
  const step = plotWidth / bars.length
  const barWidth = Math.max(1, step * 0.8)
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((fraction) => {
    const y = top + plotHeight * (1 - fraction)
    const value = Math.round(scale * fraction)
    return `<line x1="${left}" x2="${width - 8}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"/><text x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${value} ms</text>`
  })
  const rects = bars.map((bar, index) => {
    const h = Math.max(1, (bar.responseTimeMs / scale) * plotHeight)
    const x = left + index * step + (step - barWidth) / 2
    const y = top + plotHeight - h
    const title = `${bar.label}: ${Math.round(bar.responseTimeMs)} ms`
    return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" class="${bar.failed ? 'bar fail' : 'bar'}"><title>${escapeHtml(title)}</title></rect>`
  })
  const grouped =
    bars.length < points.length
      ? `<p class="muted">${points.length} executions in ${bars.length} bars: each bar is the slowest of its group.</p>`
      : ''
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="Response time of each request, in run order" class="chart">${ticks.join('')}${rects.join('')}<text x="${left}" y="${height - 6}">first request</text><text x="${width - 8}" y="${height - 6}" text-anchor="end">last request</text></svg>${grouped}`
}

function group(points: readonly ChartPoint[]): ChartPoint[] {
  if (points.length <= maxBars) return [...points]
  const size = Math.ceil(points.length / maxBars)
  const bars: ChartPoint[] = []
  for (let start = 0; start < points.length; start += size) {
    const slice = points.slice(start, start + size)
    const slowest = slice.reduce((a, b) => (b.responseTimeMs > a.responseTimeMs ? b : a))
    bars.push({
      label: `#${start + 1}–${start + slice.length}, slowest ${slowest.label}`,
      responseTimeMs: slowest.responseTimeMs,
      failed: slice.some((point) => point.failed),
    })
  }
  return bars
}

/** The smallest of 1, 2, 5 × 10^k at or above `value`, so axis labels are round. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value))
  return ([1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= value) ?? value) || 1
}
