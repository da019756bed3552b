import type { RunEvent, RunFailure, RunStats, ScriptRequestEvent, TestResult } from '@courier/core'
import { formatBytes } from '../format-bytes.js'
import { escapeHtml as h } from './escape-html.js'
import { formatDuration } from './format-duration.js'
import type { ReportCollectionInfo, Reporter } from './reporter.js'
import { responseTimeChart } from './response-time-chart.js'
import { htmlReportStyle } from './html-report-style.js'

interface Execution {
  iteration: number
  path: string
  method: string
  url: string
  code?: number
  status?: string
  timeMs?: number
  sizeBytes?: number
  error?: string
  skipped: boolean
  assertions: TestResult[]
  /** What the item's scripts sent with `pm.sendRequest`. */
  scriptRequests: ScriptRequestEvent[]
}

/**
 * The `html` reporter: one self-contained page (inline CSS and SVG, no script, no external reference, a
 * Content-Security-Policy that forbids both) with the run summary, a response-time chart, the failures and every
 * request with its assertions. All text from the collection or the server is escaped.
 * @example const reporter = createHtmlReporter({ collection: { name: 'API' } })
 */
export function createHtmlReporter(options: { collection: ReportCollectionInfo }): Reporter {
  const executions: Execution[] = []
  let scriptRequests: Execution['scriptRequests'] = []
  let startedAt = ''
  let page: string | undefined
  const onEvent = (event: RunEvent): void => {
    if (event.type === 'run:started') startedAt = event.startedAt
    if (event.type === 'script:request') scriptRequests.push(event)
    if (event.type === 'request:finished') {
      const { response } = event
      executions.push({
        iteration: event.iteration,
        path: event.item.path,
        method: event.request.method,
        url: event.request.url,
        ...(response === undefined
          ? {}
          : {
              code: response.code,
              status: response.status,
              timeMs: response.responseTime,
              sizeBytes: response.responseSize,
            }),
        ...(event.error === undefined ? {} : { error: event.error.message }),
        skipped: event.skipped,
        assertions: event.assertions,
        scriptRequests,
      })
      scriptRequests = []
    }
    if (event.type === 'run:finished')
      page = renderPage(options.collection, {
        startedAt,
        stats: event.stats,
        failures: event.failures,
        executions,
      })
  }
  return {
    onEvent,
    finish: () =>
      page === undefined ? [] : [{ reporter: 'html', defaultPath: 'courier-run-report.html', text: page }],
  }
}

interface PageData {
  startedAt: string
  stats: RunStats
  failures: readonly RunFailure[]
  executions: readonly Execution[]
}

function renderPage(collection: ReportCollectionInfo, data: PageData): string {
  const { stats, failures, executions } = data
  const passed = failures.length === 0
  const chart = responseTimeChart(
    executions
      .filter((execution) => execution.timeMs !== undefined)
      .map((execution) => ({
        label: `${execution.method} ${execution.path} (iteration ${execution.iteration + 1})`,
        responseTimeMs: execution.timeMs ?? 0,
        failed: execution.error !== undefined || execution.assertions.some(isFailed),
      })),
  )
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(collection.name)} · Courier run report</title>
<style>${htmlReportStyle}</style>
</head>
<body>
<header>
<h1>${h(collection.name)}</h1>
<p class="${passed ? 'verdict pass' : 'verdict fail'}">${passed ? 'Passed' : `${failures.length} ${failures.length === 1 ? 'failure' : 'failures'}`}</p>
<p class="muted">Started ${h(data.startedAt)} · ${h(formatDuration(stats.durationMs))} · ${h(formatBytes(stats.transferredBytes))} received</p>
</header>
<main>
<section id="summary"><h2>Summary</h2>${summary(stats)}</section>
<section id="chart"><h2>Response times</h2>${chart}</section>
<section id="failures"><h2>Failures</h2>${failureList(failures)}</section>
<section id="requests"><h2>Requests</h2>${executions.map(execution).join('\n')}</section>
</main>
<footer class="muted">Courier run report</footer>
</body>
</html>
`
}

function summary(stats: RunStats): string {
  const rows: [string, number, number][] = [
    ['iterations', stats.iterations.total, stats.iterations.failed],
    ['requests', stats.requests.total, stats.requests.failed],
    ['test-scripts', stats.testScripts.total, stats.testScripts.failed],
    ['prerequest-scripts', stats.prerequestScripts.total, stats.prerequestScripts.failed],
    ['assertions', stats.assertions.total, stats.assertions.failed],
  ]
  const { responseTime } = stats
  const body = rows
    .map(
      ([name, total, failed]) =>
        `<tr${failed > 0 ? ' class="fail"' : ''}><th scope="row">${name}</th><td>${total}</td><td>${failed}</td></tr>`,
    )
    .join('')
  return `<table class="summary"><thead><tr><th></th><th>executed</th><th>failed</th></tr></thead><tbody>${body}</tbody></table>
<dl class="timings"><dt>average response time</dt><dd>${h(formatDuration(responseTime.average))}</dd><dt>min</dt><dd>${h(formatDuration(responseTime.min))}</dd><dt>max</dt><dd>${h(formatDuration(responseTime.max))}</dd><dt>skipped assertions</dt><dd>${stats.assertions.skipped}</dd></dl>`
}

function failureList(failures: readonly RunFailure[]): string {
  if (failures.length === 0) return '<p class="muted">None.</p>'
  const items = failures.map((failure) => {
    const where = failure.item === undefined ? '' : ` inside <q>${h(failure.item.path)}</q>`
    return `<li><span class="tag">${h(failure.kind)}</span> <strong>${h(failure.name)}</strong><pre>${h(failure.message)}</pre><span class="muted">iteration ${failure.iteration + 1}${where}</span></li>`
  })
  return `<ol class="failures">${items.join('')}</ol>`
}

function execution(run: Execution): string {
  const failed = run.error !== undefined || run.assertions.some(isFailed)
  const outcome = run.skipped
    ? '<span class="tag">skipped</span>'
    : run.error !== undefined
      ? `<span class="status fail">${h(run.error)}</span>`
      : run.code === undefined
        ? ''
        : `<span class="status${run.code >= 400 ? ' warn' : ''}">${run.code} ${h(run.status ?? '')}</span> <span>${h(formatDuration(run.timeMs ?? 0))}</span> <span>${h(formatBytes(run.sizeBytes ?? 0))}</span>`
  const assertions = run.assertions.map((test) => {
    if (test.skipped) return `<li class="skip">− ${h(test.name)}</li>`
    if (test.passed) return `<li class="pass">✓ ${h(test.name)}</li>`
    return `<li class="fail">✗ ${h(test.name)}<pre>${h(test.error?.message ?? '')}</pre></li>`
  })
  const nested = run.scriptRequests.map((sent) => {
    const answer =
      sent.error !== undefined
        ? `<span class="status fail">${h(sent.error.message)}</span>`
        : sent.response === undefined
          ? ''
          : `<span class="status${sent.response.code >= 400 ? ' warn' : ''}">${sent.response.code} ${h(sent.response.status)}</span> <span>${h(formatDuration(sent.response.responseTime))}</span>`
    return `<li><span class="method">${h(sent.request.method)}</span> ${h(sent.request.url)} ${answer} <span class="muted">pm.sendRequest in ${h(sent.owner)} › ${h(sent.event)}</span></li>`
  })
  const sentByScripts = nested.length === 0 ? '' : `<ul class="script-requests">${nested.join('')}</ul>`
  return `<details class="${failed ? 'request fail' : 'request'}"${failed ? ' open' : ''}><summary><span class="method">${h(run.method)}</span> <span class="path">${h(run.path)}</span> ${outcome} <span class="muted">iteration ${run.iteration + 1}</span></summary><p class="url">${h(run.url)}</p>${sentByScripts}${assertions.length === 0 ? '<p class="muted">No assertions.</p>' : `<ul class="assertions">${assertions.join('')}</ul>`}</details>`
}

function isFailed(test: TestResult): boolean {
  return !test.passed && !test.skipped
}
