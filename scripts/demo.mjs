// `npm start`: Courier's main job with its embedded defaults — a local workspace of plain files (Postman's v3 YAML
// layout) and local state in SQLite — on a demo made from the sample GoTo-style collection and environment, pointed
// at the GoTo sandbox (a GoTo emulator started here on 127.0.0.1), opened in `courier ui`. A newcomer walks the
// GoTo guide offline: Authorization → Get New Access Token → sign in as ada@example.com / courier → Allow → Send.
// Everything stays in ./demo-workspace (git-ignored). `npm start -- --no-open` only prints the URL.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { demoClient, demoUser, startGotoSandbox } from '../packages/goto-sandbox/dist/index.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const courier = fileURLToPath(new URL('../packages/cli/bin/courier.js', import.meta.url))
const workspace = 'demo-workspace'
const environment = 'GoTo (sample)'

function run(...args) {
  const result = spawnSync(process.execPath, [courier, ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

// The demo client is registered for this callback; the sandbox answers GoTo's login, consent, token and API calls.
const sandbox = await startGotoSandbox({ port: 0 })
if (!existsSync(new URL(`../${workspace}/postman/collections`, import.meta.url))) {
  run('init', workspace)
  run(
    'import',
    'examples/gotomeeting.postman_collection.json',
    'examples/gotomeeting.postman_environment.json',
    '--workspace',
    workspace,
  )
}
// The sandbox's port changes at each start: the environment follows it.
for (const [key, value, ...flags] of [
  ['baseUrl', sandbox.url],
  ['authUrl', sandbox.authorizeUrl],
  ['tokenUrl', sandbox.tokenUrl],
  ['clientId', demoClient.clientId],
  ['clientSecret', demoClient.clientSecret, '--secret'],
]) {
  run('env', 'set', environment, key, value, ...flags, '--workspace', workspace)
}
process.stdout.write(
  `GoTo sandbox on ${sandbox.url} — sign in as ${demoUser.username} / ${demoUser.password}\n` +
    `Workspace: ${workspace}/ (plain YAML files; .courier/ holds local state and is git-ignored)\n`,
)

const ui = spawn(process.execPath, [courier, 'ui', workspace, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
})
const stop = () => ui.kill('SIGTERM')
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
ui.on('exit', async (code) => {
  await sandbox.close()
  process.exit(code ?? 0)
})
