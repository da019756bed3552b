// The raw HTTP floor of bench/run: a node process sending the same N sequential GETs with undici over one keep-alive
// connection and reading each JSON body, nothing else. Usage: node bench/run/floor.mjs <url-prefix> <count>
import { Agent, request } from 'undici'

const [prefix, count] = process.argv.slice(2)
const dispatcher = new Agent({ keepAliveTimeout: 10_000 })
for (let i = 0; i < Number(count); i++) {
  const response = await request(`${prefix}${i}`, { dispatcher })
  if (response.statusCode !== 200) throw new Error(`GET ${prefix}${i}: ${response.statusCode}`)
  await response.body.json()
}
await dispatcher.close()
