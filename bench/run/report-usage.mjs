// Preloaded with `node --import` into each measured process: on exit, writes the process's peak resident set size
// (kB) and its CPU time (user + system, ms), worker threads included, to stderr, where bench/run/run.mjs reads them.
import { writeSync } from 'node:fs'

process.on('exit', () => {
  const usage = process.resourceUsage()
  writeSync(
    2,
    `\npeak-rss-kb ${usage.maxRSS} cpu-ms ${((usage.userCPUTime + usage.systemCPUTime) / 1000).toFixed(1)}\n`,
  )
})
