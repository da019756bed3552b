import { describe, expectTypeOf, it } from 'vitest'

import { createUndiciTransport } from '../../src/index.js'
import type { ClientCertificate, ProxyOption, Transport, UndiciTransportOptions } from '../../src/index.js'

describe('the transport public API', () => {
  it('creates a Transport from optional options', () => {
    expectTypeOf(createUndiciTransport).toEqualTypeOf<(options?: UndiciTransportOptions) => Transport>()
    expectTypeOf<UndiciTransportOptions['proxy']>().toEqualTypeOf<ProxyOption | undefined>()
    expectTypeOf<ProxyOption>().toEqualTypeOf<{ url: string; noProxy?: string[] } | 'env' | 'none'>()
    expectTypeOf<ClientCertificate['matches']>().toEqualTypeOf<string[]>()
  })
})
