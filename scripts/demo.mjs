// `npm start`: Courier's main job with its embedded defaults — a local workspace of plain files (Postman's v3
// YAML layout) and local state in SQLite — made from the sample GoTo-style collection and environment the first
// time, then shown. Everything stays in ./demo-workspace (git-ignored).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const courier = fileURLToPath(new URL('../packages/cli/bin/courier.js', import.meta.url))
const workspace = 'demo-workspace'

function run(...args) {
  const result = spawnSync(process.execPath, [courier, ...args], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

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
run('ls', '--workspace', workspace)
run('ls', 'GoToMeeting (sample)', '--workspace', workspace)
process.stdout.write(`
Next, in ${workspace}/ (plain YAML files: review them, commit them; .courier/ holds local state and is git-ignored):
  npx courier env set "GoTo (sample)" clientId <your client id> -w ${workspace}
  npx courier env set "GoTo (sample)" clientSecret <your secret> --secret -w ${workspace}
  npx goto-sandbox            # a GoTo emulator on 127.0.0.1 to try the OAuth flow offline
  npx courier docs "GoToMeeting (sample)/Organizers/Get Organizer" -w ${workspace}
`)
