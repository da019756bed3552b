// The raw HTTP floor of bench/run: a node process sending the same N sequential GETs with undici over one keep-alive
// connection and reading each JSON body, nothing else. Usage: node bench/run/floor.mjs <url-prefix> <count>
import { setFlagsFromString } from 'node:v8'
import { Agent, request } from 'undici'

// WebAssembly (undici's parser) built by V8's baseline compiler only, as Courier's one-shot commands do
// (docs/adr/0017-wasm-baseline-compiler.md): the floor must not pay a cost Courier no longer pays. It compiles on the
// first request, after this line.
setFlagsFromString('--liftoff-only')

const [prefix, count] = process.argv.slice(2)
const dispatcher = new Agent({ keepAliveTimeout: 10_000 })
for (let i = 0; i < Number(count); i++) {
  const response = await request(`${prefix}${i}`, { dispatcher })
  if (response.statusCode !== 200) throw new Error(`GET ${prefix}${i}: ${response.statusCode}`)
  await response.body.json()
}
await dispatcher.close()
