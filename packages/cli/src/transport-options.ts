import type { Command } from 'commander'
import type { TransportFlags } from './commands/transport-flags.js'

/** The TLS and proxy flags as commander parses them (`--no-proxy` makes `proxy` false). */
export interface RawTransportFlags {
  proxy?: string | false
  sslExtraCaCerts?: string
  sslClientCert?: string
  sslClientKey?: string
  sslClientPassphrase?: string
  sslClientCertList?: string
}

/**
 * Declares Newman's TLS and proxy flags on a command (`send` and `run` share them).
 * @example addTransportOptions(program.command('send'))
 */
export function addTransportOptions(command: Command): Command {
  return command
    .option('--proxy <url>', 'send through this proxy (default: HTTP_PROXY/HTTPS_PROXY/NO_PROXY)')
    .option('--no-proxy', 'ignore proxy settings of the environment')
    .option('--ssl-extra-ca-certs <file>', 'also trust the CA certificates in this PEM file')
    .option('--ssl-client-cert <file>', 'a client certificate (PEM) for every host')
    .option('--ssl-client-key <file>', 'the key of --ssl-client-cert (PEM)')
    .option('--ssl-client-passphrase <passphrase>', 'the passphrase of --ssl-client-key')
    .option('--ssl-client-cert-list <file>', "Newman's JSON list of client certificates per host")
}

/**
 * The parsed TLS and proxy flags as the commands take them, without undefined entries.
 * @example const transport = transportFlagsOf(flags)
 */
export function transportFlagsOf(flags: RawTransportFlags): TransportFlags {
  const values: Record<string, string | boolean | undefined> = {
    proxy: typeof flags.proxy === 'string' ? flags.proxy : undefined,
    noProxy: flags.proxy === false ? true : undefined,
    sslExtraCaCerts: flags.sslExtraCaCerts,
    sslClientCert: flags.sslClientCert,
    sslClientKey: flags.sslClientKey,
    sslClientPassphrase: flags.sslClientPassphrase,
    sslClientCertList: flags.sslClientCertList,
  }
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined))
}
