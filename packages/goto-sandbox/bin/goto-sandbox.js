#!/usr/bin/env node
// Starts the GoTo sandbox on 127.0.0.1 until SIGINT/SIGTERM: `goto-sandbox [--port N]`.
import { demoClient, demoUser, startGotoSandbox } from '../dist/index.js'

function parsePort(args) {
  const index = args.findIndex((a) => a === '--port' || a.startsWith('--port='))
  if (index < 0) return 0
  const text = args[index].startsWith('--port=') ? args[index].slice('--port='.length) : args[index + 1]
  const port = Number(text)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`goto-sandbox: --port needs a number from 0 to 65535, got ${String(text)}`)
    process.exit(2)
  }
  return port
}

const sandbox = await startGotoSandbox({ port: parsePort(process.argv.slice(2)) })
console.log(
  `GoTo sandbox on ${sandbox.url} (client ${demoClient.clientId} / ${demoClient.clientSecret}, user ${demoUser.username} / ${demoUser.password})`,
)
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0))
  })
}
