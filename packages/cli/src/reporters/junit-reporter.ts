import type { RunEvent } from '@courier/core'
import type { ReportCollectionInfo, Reporter } from './reporter.js'

/**
 * JUnit XML as CI servers read it: one `<testsuite>` per request and iteration, one `<testcase>` per assertion
 * (a request that failed at the network level is one `<testcase>` with an `<error>`), all text escaped.
 * @example const reporter = createJunitReporter({ collection: { name: 'API' } })
 */
export function createJunitReporter(options: { collection: ReportCollectionInfo }): Reporter {
  const suites: string[] = []
  let tests = 0
  let failures = 0
  let errors = 0
  let timeMs = 0
  let timestamp = ''
  let done = false
  const name = options.collection.name
  const onEvent = (event: RunEvent): void => {
    if (event.type === 'run:started') timestamp = event.startedAt
    if (event.type === 'run:finished') {
      timeMs = event.stats.durationMs
      done = true
    }
    if (event.type !== 'request:finished') return
    const seconds = seconds3((event.response?.responseTime ?? 0) / event.assertions.length || 0)
    const classname = `${name}.${event.item.path.replaceAll('/', '.')}`
    const cases = event.assertions.map((test) => {
      const open = `    <testcase name="${escape(test.name)}" classname="${escape(classname)}" time="${seconds}"`
      if (test.skipped) return `${open}>\n      <skipped/>\n    </testcase>`
      if (test.passed) return `${open}/>`
      const message = test.error?.message ?? 'failed'
      return `${open}>\n      <failure type="${escape(test.error?.name ?? 'AssertionFailure')}" message="${escape(message)}">${escape(message)}</failure>\n    </testcase>`
    })
    let suiteErrors = 0
    if (event.error !== undefined) {
      suiteErrors = 1
      const { code, message } = event.error
      cases.push(
        `    <testcase name="${escape(`${event.request.method} ${event.request.url}`)}" classname="${escape(classname)}" time="0">\n      <error type="${escape(code)}" message="${escape(message)}">${escape(message)}</error>\n    </testcase>`,
      )
    }
    const suiteFailures = event.assertions.filter((test) => !test.passed && !test.skipped).length
    tests += cases.length
    failures += suiteFailures
    errors += suiteErrors
    const time = seconds3(event.response?.responseTime ?? 0)
    suites.push(
      `  <testsuite name="${escape(event.item.path)}" id="${escape(event.item.id)}" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}" time="${time}" iteration="${event.iteration + 1}">\n${cases.join('\n')}${cases.length > 0 ? '\n' : ''}  </testsuite>`,
    )
  }
  const finish = () => {
    if (!done) return []
    const text = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${escape(name)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${seconds3(timeMs)}" timestamp="${escape(timestamp)}">\n${suites.map((suite) => `${suite}\n`).join('')}</testsuites>\n`
    return [{ reporter: 'junit', defaultPath: 'courier-run-report.xml', text }]
  }
  return { onEvent, finish }
}

function seconds3(ms: number): string {
  return (ms / 1000).toFixed(3)
}

/** Escapes text for XML attributes and content; drops characters XML 1.0 cannot hold. */
function escape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
}
