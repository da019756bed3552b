// The host side of the bridge (worker-source.ts, create-quickjs-script-engine.ts): a call a script made, checked
// as the untrusted data it is, then handed to the ScriptHost. Only plain data goes back.
import { z } from 'zod'
import type { ScriptCookieInit, ScriptHost, ScriptSendRequest } from '../types.js'

/** A host call as the worker posts it. */
export interface HostCall {
  callId: number
  op: string
  payload: unknown
}

/** What goes back to the worker: a value or an error the script sees as `err`. */
export type HostReply =
  { callId: number; value: unknown } | { callId: number; error: { message: string; code?: string } }

const keyValue = z.strictObject({ key: z.string(), value: z.string() })
const sendRequestSchema = z.strictObject({
  url: z.string().min(1),
  method: z.string().min(1),
  header: z.array(keyValue),
  body: z
    .discriminatedUnion('mode', [
      z.strictObject({
        mode: z.literal('raw'),
        raw: z.string(),
        options: z
          .strictObject({ raw: z.strictObject({ language: z.string().optional() }).optional() })
          .optional(),
      }),
      z.strictObject({ mode: z.literal('urlencoded'), urlencoded: z.array(keyValue) }),
      z.strictObject({ mode: z.literal('formdata'), formdata: z.array(keyValue) }),
      z.strictObject({
        mode: z.literal('graphql'),
        graphql: z.strictObject({ query: z.string(), variables: z.string() }),
      }),
    ])
    .optional(),
  auth: z.looseObject({ type: z.string() }).optional(),
})
const cookieInitSchema = z.strictObject({
  name: z.string(),
  value: z.string(),
  domain: z.string().optional(),
  path: z.string().optional(),
  expires: z.string().optional(),
  maxAge: z.number().optional(),
  secure: z.boolean().optional(),
  httpOnly: z.boolean().optional(),
})
const urlPayload = z.strictObject({ url: z.string().min(1) })
const setPayload = z.strictObject({ url: z.string().min(1), cookie: z.union([z.string(), cookieInitSchema]) })
const unsetPayload = z.strictObject({ url: z.string().min(1), name: z.string() })

function parsed<T>(schema: z.ZodType<T>, payload: unknown, what: string): T {
  const result = schema.safeParse(payload)
  if (!result.success)
    throw new TypeError(`${what}: not a valid request (${result.error.issues[0]?.message ?? ''})`)
  return result.data
}

function jarOf(host: ScriptHost | undefined): NonNullable<ScriptHost['cookies']> {
  if (host?.cookies === undefined) throw new Error('pm.cookies.jar(): this script runs without a cookie jar')
  return host.cookies
}

async function dispatch(host: ScriptHost | undefined, call: HostCall, signal: AbortSignal): Promise<unknown> {
  switch (call.op) {
    case 'sendRequest': {
      // Parsed from JSON: an optional field is absent, never undefined.
      const request = parsed(sendRequestSchema, call.payload, 'pm.sendRequest') as ScriptSendRequest
      if (host === undefined)
        throw new Error('pm.sendRequest: this script runs without a host to send requests')
      return host.sendRequest(request, { signal })
    }
    case 'cookies.list':
      return jarOf(host).list(parsed(urlPayload, call.payload, 'pm.cookies.jar()').url)
    case 'cookies.set': {
      const { url, cookie } = parsed(setPayload, call.payload, 'pm.cookies.jar().set')
      return jarOf(host).set(url, cookie as ScriptCookieInit | string)
    }
    case 'cookies.unset': {
      const { url, name } = parsed(unsetPayload, call.payload, 'pm.cookies.jar().unset')
      return jarOf(host).unset(url, name)
    }
    case 'cookies.clear':
      return jarOf(host).clear(parsed(urlPayload, call.payload, 'pm.cookies.jar().clear').url)
    default:
      throw new TypeError(`unknown host call ${JSON.stringify(call.op)}`)
  }
}

/**
 * Serves one host call of a running script. Never rejects: a failure becomes the error the script's callback
 * receives (its message only; a code when the error has one, such as an AppError's). So does an answer that cannot be
 * posted to the worker (a function, a class instance with private state): only plain data goes back.
 */
export async function callHost(
  host: ScriptHost | undefined,
  call: HostCall,
  signal: AbortSignal,
): Promise<HostReply> {
  try {
    const value = (await dispatch(host, call, signal)) ?? null
    structuredClone(value)
    return { callId: call.callId, value }
  } catch (error) {
    return { callId: call.callId, error: replyError(error) }
  }
}

/** An error as the script sees it. */
export function replyError(error: unknown): { message: string; code?: string } {
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? { message, code } : { message }
}
