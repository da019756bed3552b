// require() in the sandbox (docs/adr/0009-sandbox-libraries.md): the libraries Postman's sandbox ships, each
// compiled inside QuickJS on a script's first require of it, then cached for the rest of the warm context. Two
// halves, both plain JavaScript kept as strings (no backticks or `${` inside):
// - `moduleHostSource`, part of the worker's program (worker-source.ts): `installModuleHost` gives the context a
//   `load(name)` that compiles one bundle from `generated/library-bundles.ts`, and `randomHex(n)` for
//   crypto.getRandomValues. Only names and strings cross; the compiled code lives in QuickJS like the script.
// - `moduleLoaderSource`, evaluated once per context after chai and before the pm layer (whose snapshot then
//   covers the globals defined here): `require`, the lazy globals (`_`, `CryptoJS`, `cheerio`, `tv4`, `Buffer`),
//   `xml2Json`, `atob` and `btoa`.

/**
 * The worker's half: `installModuleHost(context, bundles, whileLoading)` puts `__courierModuleHost` on the context's
 * global object, which `moduleLoaderSource` takes and deletes. `whileLoading(fn)` runs a compilation (the worker
 * keeps it out of the script's time limit).
 */
export const moduleHostSource: string = String.raw`
function installModuleHost(context, bundles, whileLoading) {
  const { randomBytes } = require('node:crypto')
  const host = context.newObject()
  context.newFunction('load', (nameHandle) => {
    const name = context.typeof(nameHandle) === 'string' ? context.getString(nameHandle) : ''
    if (!Object.prototype.hasOwnProperty.call(bundles, name)) {
      return { error: context.newError("Cannot find module '" + name + "'") }
    }
    return whileLoading(() => context.evalCode(bundles[name], name + '.js'))
  }).consume((fn) => context.setProp(host, 'load', fn))
  // Web Crypto caps getRandomValues at 65536 bytes a call; so does this.
  context.newFunction('randomHex', (sizeHandle) => {
    const size = Math.min(65536, Math.max(0, Math.floor(context.getNumber(sizeHandle)) || 0))
    return context.newString(randomBytes(size).toString('hex'))
  }).consume((fn) => context.setProp(host, 'randomHex', fn))
  context.setProp(context.global, '__courierModuleHost', host)
  host.dispose()
}
`

/** The sandbox's half: `require()` and the library globals, evaluated inside QuickJS. */
export const moduleLoaderSource: string = String.raw`
(function (g) {
  'use strict'
  var host = g.__courierModuleHost
  delete g.__courierModuleHost
  var compile = host.load, randomHex = host.randomHex
  var chai = g.__courierChai
  var hasOwn = Object.prototype.hasOwnProperty, defineProperty = Object.defineProperty
  var slice = Array.prototype.slice

  function notFound(name) {
    var e = new Error("Cannot find module '" + name + "'")
    e.code = 'MODULE_NOT_FOUND'
    return e
  }

  // What the bundles expect of a browser (scripts never see these): crypto.getRandomValues from the host's
  // CSPRNG (uuid, crypto-js's WordArray.random), a process without an environment, timers that defer to the
  // sandbox's own when it has them.
  var cryptoStandIn = {
    getRandomValues: function (array) {
      if (!ArrayBuffer.isView(array) || array instanceof Float32Array || array instanceof Float64Array) {
        throw new TypeError('getRandomValues: the argument must be an integer typed array')
      }
      if (array.byteLength > 65536) throw new RangeError('getRandomValues: at most 65536 bytes at a time')
      var hex = randomHex(array.byteLength), bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
      for (var i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16)
      return array
    },
  }
  function later(fn, args) { Promise.resolve().then(function () { fn.apply(undefined, args) }) }
  var processStandIn = {
    env: {}, argv: [], browser: true, version: '', versions: {}, platform: 'browser', title: 'browser',
    cwd: function () { return '/' },
    nextTick: function (fn) { later(fn, slice.call(arguments, 1)) },
  }
  function timer(name) {
    return function (fn) {
      if (typeof g[name] === 'function') return g[name].apply(g, arguments)
      if (name === 'setImmediate') return later(fn, slice.call(arguments, 1))
      throw new Error(name + ' is not available in the sandbox')
    }
  }
  var timersStandIn = {}
  ;['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate'].forEach(function (n) {
    timersStandIn[n] = timer(n)
  })

  var bundles = Object.create(null), loading = Object.create(null)
  function bundle(name) {
    if (name in bundles) return bundles[name]
    // A cycle (lodash reads the global _ while it loads): the exports so far, as Node's require gives.
    if (name in loading) return loading[name].exports
    var factory = compile(name)
    var module = { exports: {} }
    loading[name] = module
    try {
      factory.call(module.exports, module, module.exports, bundleRequire, processStandIn, cryptoStandIn)
    } finally {
      delete loading[name]
    }
    bundles[name] = module.exports
    return module.exports
  }

  // The buffer module, loaded when a bundle first touches one of its exports (every bundle imports it).
  var bufferFacade = {}
  ;['Buffer', 'SlowBuffer', 'INSPECT_MAX_BYTES', 'kMaxLength'].forEach(function (k) {
    defineProperty(bufferFacade, k, { enumerable: true, get: function () { return bundle('buffer')[k] } })
  })

  // What a bundle's own require('…') of a Node built-in gets: the sandbox's module or a stand-in, as in a browser.
  var shared = { events: true, util: true, url: true, querystring: true }
  function bundleRequire(name) {
    var n = String(name).replace(/^node:/, '')
    if (n === 'buffer') return bufferFacade
    if (n === 'crypto') return cryptoStandIn
    if (n === 'timers') return timersStandIn
    if (shared[n] === true) return bundle(n)
    throw notFound(name)
  }

  // csv-parse 1.x (what Postman ships as csv-parse/lib/sync) named some options differently.
  var legacyCsvOptions = { auto_parse: 'cast', autoParse: 'cast', auto_parse_date: 'cast_date', autoParseDate: 'cast_date',
    rowDelimiter: 'record_delimiter', row_delimiter: 'record_delimiter',
    skip_lines_with_empty_values: 'skip_records_with_empty_values', skipLinesWithEmptyValues: 'skip_records_with_empty_values',
    skip_lines_with_error: 'skip_records_with_error', skipLinesWithError: 'skip_records_with_error' }
  function legacyCsvParse(input, options) {
    var o = {}
    if (options !== null && typeof options === 'object') {
      Object.keys(options).forEach(function (k) {
        o[hasOwn.call(legacyCsvOptions, k) ? legacyCsvOptions[k] : k] = options[k]
      })
    }
    return bundle('csv-parse-sync').parse(input, o)
  }

  // xml2Json(text): Postman's legacy helper, xml2js with its options, synchronous.
  var xml2JsonOptions = { explicitArray: false, async: false, trim: true, mergeAttrs: false }
  function xml2Json(text) {
    var result = {}
    bundle('xml2js').parseString(text, xml2JsonOptions, function (error, parsed) { if (!error) result = parsed })
    return result
  }

  // atob/btoa as the WHATWG defines them (Latin-1 strings; an error outside of it), as Node and Postman have.
  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  function btoa(s) {
    s = String(s)
    var out = ''
    for (var i = 0; i < s.length; i += 3) {
      var a = s.charCodeAt(i), b = s.charCodeAt(i + 1), c = s.charCodeAt(i + 2)
      if (a > 255 || b > 255 || c > 255) throw new Error('btoa: the string contains characters outside of Latin1')
      var n = (a << 16) | ((b || 0) << 8) | (c || 0)
      out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < s.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < s.length ? B64[n & 63] : '=')
    }
    return out
  }
  function atob(s) {
    s = String(s).replace(/[\s=]+/g, '')
    var out = '', bits = 0, n = 0
    for (var i = 0; i < s.length; i++) {
      var v = B64.indexOf(s[i])
      if (v < 0) throw new Error('atob: the string is not correctly encoded')
      n = (n << 6) | v
      bits += 6
      if (bits >= 8) { bits -= 8; out += String.fromCharCode((n >> bits) & 255) }
    }
    return out
  }

  // Dynamic variables for replaceIn in the pm layer, which takes this function off the global object. The common ones
  // are made here; the faker-made ones ($randomFirstName…) come from the runner's own generators (src/variables),
  // bundled with faker and loaded on first use, seeded from the host's CSPRNG (a run's seed does not reach them).
  var dynamicProvider = null
  function uuidV4() {
    var b = cryptoStandIn.getRandomValues(new Uint8Array(16)), hex = ''
    b[6] = (b[6] & 15) | 64
    b[8] = (b[8] & 63) | 128
    for (var i = 0; i < 16; i++) hex += (b[i] < 16 ? '0' : '') + b[i].toString(16) + (i === 3 || i === 5 || i === 7 || i === 9 ? '-' : '')
    return hex
  }
  function dynamicVariable(name) {
    if (name === '$guid' || name === '$randomUUID') return uuidV4()
    if (name === '$timestamp') return String(Math.round(Date.now() / 1000))
    if (name === '$isoTimestamp') return new Date().toISOString()
    if (name === '$randomInt') return String(Math.floor(Math.random() * 1001))
    if (dynamicProvider === null) {
      var seed = cryptoStandIn.getRandomValues(new Uint32Array(1))[0]
      dynamicProvider = bundle('dynamic-variables').createDynamicVariables({ seed: seed })
    }
    return dynamicProvider.resolve(name)
  }
  defineProperty(g, '__courierDynamicVariable', { value: dynamicVariable, configurable: true })

  // The names a script may require, as Postman's sandbox has them.
  var requirable = {
    lodash: function () { return bundle('lodash') },
    'crypto-js': function () { return bundle('crypto-js') },
    uuid: function () { return bundle('uuid') },
    moment: function () { return bundle('moment') },
    cheerio: function () { return bundle('cheerio') },
    ajv: function () { return bundle('ajv') },
    tv4: function () { return bundle('tv4') },
    xml2js: function () { return bundle('xml2js') },
    'csv-parse/lib/sync': function () { return legacyCsvParse },
    'csv-parse/sync': function () { return bundle('csv-parse-sync') },
    buffer: function () { return bundle('buffer') },
    url: function () { return bundle('url') },
    util: function () { return bundle('util') },
    querystring: function () { return bundle('querystring') },
    events: function () { return bundle('events') },
    atob: function () { return atob },
    btoa: function () { return btoa },
    chai: function () { return chai },
  }
  // Postman's message for anything else (fs, child_process, a path): no file, no Node built-in is reachable.
  g.require = function require(name) {
    if (typeof name !== 'string' || !hasOwn.call(requirable, name)) throw notFound(String(name))
    return requirable[name]()
  }

  // The globals Postman's sandbox has, loaded on first read. A script may assign them; the pm layer's snapshot
  // puts the getter back after it.
  function lazyGlobal(name, get) {
    defineProperty(g, name, {
      configurable: true,
      enumerable: false,
      get: get,
      set: function (value) { defineProperty(g, name, { value: value, writable: true, configurable: true, enumerable: true }) },
    })
  }
  lazyGlobal('_', requirable.lodash)
  lazyGlobal('CryptoJS', requirable['crypto-js'])
  lazyGlobal('cheerio', requirable.cheerio)
  lazyGlobal('tv4', requirable.tv4)
  lazyGlobal('Buffer', function () { return bundle('buffer').Buffer })
  g.xml2Json = xml2Json
  g.atob = atob
  g.btoa = btoa
})(globalThis)
`
