import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { AppError, type FileSource, type UndiciTransportOptions } from '@courier/core'

/** TLS and proxy flags shared by `send` and, later, `run` (Newman's names). */
export interface TransportFlags {
  proxy?: string
  noProxy?: boolean
  sslExtraCaCerts?: string
  sslClientCert?: string
  sslClientKey?: string
  sslClientPassphrase?: string
  sslClientCertList?: string
}

interface ClientCertEntry {
  name?: string
  matches?: string[]
  key?: { src?: string }
  cert?: { src?: string }
  pfx?: { src?: string }
  passphrase?: string
}

/**
 * Turns the TLS and proxy flags into transport options, reading the files they name: `--ssl-extra-ca-certs`,
 * `--ssl-client-cert`/`--ssl-client-key`/`--ssl-client-passphrase` (every host) and Newman's
 * `--ssl-client-cert-list` JSON (`[{ matches, key: {src}, cert: {src}, passphrase }]`, paths relative to it).
 * @example createUndiciTransport(await transportOptions(flags, files))
 */
export async function transportOptions(
  flags: TransportFlags,
  files: FileSource,
): Promise<UndiciTransportOptions> {
  const options: UndiciTransportOptions = {}
  if (flags.noProxy === true) options.proxy = 'none'
  else if (flags.proxy !== undefined) options.proxy = { url: flags.proxy }
  if (flags.sslExtraCaCerts !== undefined)
    options.extraCaCertificates = [await files.read(flags.sslExtraCaCerts)]
  const certificates: NonNullable<UndiciTransportOptions['clientCertificates']> = []
  if (flags.sslClientCert !== undefined || flags.sslClientKey !== undefined) {
    if (flags.sslClientCert === undefined || flags.sslClientKey === undefined) {
      throw new AppError('USAGE_INVALID', '--ssl-client-cert and --ssl-client-key go together', {
        message: 'client certificate without key',
      })
    }
    certificates.push({
      matches: ['*'],
      cert: await files.read(flags.sslClientCert),
      key: await files.read(flags.sslClientKey),
      ...(flags.sslClientPassphrase === undefined ? {} : { passphrase: flags.sslClientPassphrase }),
    })
  }
  if (flags.sslClientCertList !== undefined)
    certificates.push(...(await readCertList(flags.sslClientCertList)))
  if (certificates.length > 0) options.clientCertificates = certificates
  return options
}

async function readCertList(
  path: string,
): Promise<NonNullable<UndiciTransportOptions['clientCertificates']>> {
  let entries: ClientCertEntry[]
  try {
    entries = JSON.parse(await readFile(path, 'utf8')) as ClientCertEntry[]
  } catch (error) {
    throw new AppError('FILE_UNREADABLE', `${path}: not a readable JSON client certificate list`, {
      source: path,
      reason: (error as Error).message,
    })
  }
  if (!Array.isArray(entries)) {
    throw new AppError('FILE_UNREADABLE', `${path}: expected an array of client certificates`, {
      source: path,
      reason: 'not an array',
    })
  }
  const base = dirname(resolve(path))
  const read = (src: string | undefined) => (src === undefined ? undefined : readFile(resolve(base, src)))
  const certificates = []
  for (const entry of entries) {
    const [cert, key, pfx] = await Promise.all([
      read(entry.cert?.src),
      read(entry.key?.src),
      read(entry.pfx?.src),
    ])
    certificates.push({
      matches: entry.matches ?? [],
      ...(cert === undefined ? {} : { cert }),
      ...(key === undefined ? {} : { key }),
      ...(pfx === undefined ? {} : { pfx }),
      ...(entry.passphrase === undefined ? {} : { passphrase: entry.passphrase }),
    })
  }
  return certificates
}
