import type { IncomingMessage } from 'node:http'

/** Reads a request body to the end (tests send small bodies, so buffering is fine). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
