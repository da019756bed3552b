// Bundles the built CLI (dist/main.js and what it imports: @courier/core, @courier/storage and the npm packages
// they use) into dist/courier.js with esbuild, plus chunks in dist/chunks/ for the commands loaded on demand. Node then reads and compiles a few files instead of ~700 ESM and CommonJS modules: `courier run`
// starts ~0.4 s of CPU sooner (issue #6). bin/courier.js uses the bundle when it is newer than dist/main.js.
// Run after `tsc -b` (the root `npm run build` does both).
// Left out of the bundle: better-sqlite3 (a native addon) and @courier/web (it finds its built client next to
// itself); both load from node_modules when used.
import { build } from 'esbuild'
import { rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
await rm(`${packageDir}dist/chunks`, { recursive: true, force: true })
await build({
  absWorkingDir: packageDir,
  // courier-prewarm.js: what bin/courier.js loads first for `courier run` (prewarm-script-engine.ts); the chunks it
  // shares with courier.js are loaded once.
  entryPoints: { courier: 'dist/main.js', 'courier-prewarm': 'dist/prewarm-script-engine.js' },
  // dist/courier.js sits where dist/main.js does: main reads ../package.json for the version.
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', '@courier/web'],
  // CommonJS packages inside an ES module bundle call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __courierRequire } from 'node:module'; const require = __courierRequire(import.meta.url);",
  },
  logLevel: 'warning',
  legalComments: 'none',
})
