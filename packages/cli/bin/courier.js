#!/usr/bin/env node
// The `courier` executable: everything lives in dist/ (built from src/ by `npm run build`). dist/courier.js is the
// bundled CLI (packages/cli/scripts/bundle-cli.mjs: a few files to load instead of ~700); dist/main.js, the plain
// build, runs when there is no bundle or it is older than the last `tsc -b`. `courier --version` answers
// without loading either (issue #6: start-up time).
import { readFileSync, statSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'

const args = process.argv.slice(2)
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`${manifest.version}\n`)
} else {
  // A command that runs once compiles WebAssembly (undici's HTTP parser, the QuickJS sandbox) with V8's baseline
  // compiler only: optimising it costs ~0.9 s of CPU on background threads during the run, and the process waits for
  // that work at exit (docs/adr/0017-wasm-baseline-compiler.md). The UI's server runs long enough to gain from it;
  // COURIER_WASM_OPTIMIZE=1 keeps V8's default for very long runs.
  if (args[0] !== 'ui' && process.env.COURIER_WASM_OPTIMIZE !== '1') setFlagsFromString('--liftoff-only')
  const modified = (path) =>
    statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1
  // tsc -b rewrites dist/.tsbuildinfo whenever it emits: a bundle older than that misses a change.
  const bundled = modified('../dist/courier.js') >= modified('../dist/.tsbuildinfo')
  // `courier run`: the script sandbox starts loading in its worker thread now, while the CLI loads (issue #6).
  if (args[0] === 'run') {
    const prewarm = await import(bundled ? '../dist/courier-prewarm.js' : '../dist/prewarm-script-engine.js')
    prewarm.prewarmScriptEngine(args[1])
  }
  const { main } = await import(bundled ? '../dist/courier.js' : '../dist/main.js')
  process.exitCode = await main(args)
}
