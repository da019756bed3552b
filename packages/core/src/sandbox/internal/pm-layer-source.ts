// The `pm` layer, evaluated once per QuickJS context after chai (DESIGN.md "Script sandbox"). Plain JavaScript run
// inside the sandbox, kept as a string: it must not be transformed by our toolchain. No backticks or `${` inside.
// Protocol with the worker: `__courier.begin(json)`, then `__courier.compiled = function (...) {…}` holding the
// user's script, `__courier.invoke()`, the job queue, and `__courier.finish()` returning the output as JSON.

/** The `pm` API's JavaScript source, evaluated inside the sandbox. */
export const pmLayerSource: string = String.raw`
(function (g) {
  'use strict'
  var chai = g.__courierChai
  delete g.__courierChai
  // {{$guid}}, {{$randomInt}}… for replaceIn (module-loader-source.ts): a value, or undefined for other names.
  var dynamicVariable = g.__courierDynamicVariable
  delete g.__courierDynamicVariable
  var expect = chai.expect
  var state = null

  function isResponse(o) { return o !== null && typeof o === 'object' && o.__courierResponse === true }

  // Postman's response assertions (postman-collection's chai-postman plugin), on pm.response only.
  chai.use(function (c) {
    var A = c.Assertion
    function range(name, low, high) {
      A.addProperty(name, function () {
        var r = this._obj
        var cls = String(low).charAt(0) + 'XX'
        this.assert(r.code >= low && r.code <= high,
          'expected response code to be ' + cls + ' but found ' + r.code,
          'expected response code to not be ' + cls + ' but found ' + r.code)
      })
    }
    A.overwriteProperty('ok', function (base) {
      return function () {
        if (!isResponse(this._obj)) return base.call(this)
        var r = this._obj
        this.assert(r.code === 200, 'expected response to have status code 200 but got ' + r.code,
          'expected response to not have status code 200')
      }
    })
    range('success', 200, 299)
    range('clientError', 400, 499)
    range('serverError', 500, 599)
    range('info', 100, 199)
    range('redirection', 300, 399)
    range('error', 400, 599)
    var reasons = { accepted: 202, withoutContent: 204, badRequest: 400, unauthorized: 401, forbidden: 403,
      notFound: 404, notAcceptable: 406, rateLimited: 429 }
    Object.keys(reasons).forEach(function (name) {
      var code = reasons[name]
      A.addProperty(name, function () {
        var r = this._obj
        this.assert(r.code === code, 'expected response to have status code ' + code + ' but got ' + r.code,
          'expected response to not have status code ' + code)
      })
    })
    A.addProperty('json', function () {
      var r = this._obj, ok = true
      try { JSON.parse(r.text()) } catch (e) { ok = false }
      this.assert(ok, 'expected response body to be a valid json', 'expected response body to not be a valid json')
    })
    A.addMethod('status', function (code) {
      var r = this._obj
      if (typeof code === 'number') {
        this.assert(r.code === code, 'expected response to have status code ' + code + ' but got ' + r.code,
          'expected response to not have status code ' + code)
      } else {
        this.assert(r.status === code, 'expected response to have status reason ' + code + ' but got ' + r.status,
          'expected response to not have status reason ' + code)
      }
    })
    A.addMethod('header', function (name, value) {
      var r = this._obj, actual = r.headers.get(name)
      this.assert(actual !== undefined, 'expected response to have header ' + name, 'expected response to not have header ' + name)
      if (arguments.length > 1) {
        this.assert(actual === value, 'expected response header ' + name + ' to be ' + value + ' but got ' + actual,
          'expected response header ' + name + ' to not be ' + value)
      }
    })
    A.addMethod('body', function (text) {
      var r = this._obj, body = r.text()
      if (arguments.length === 0) {
        this.assert(body.length > 0, 'expected response to have content in body', 'expected response to not have content in body')
      } else if (typeof text === 'string') {
        this.assert(body === text, 'expected response body to equal ' + text + ' but got ' + body, 'expected response body to not equal ' + text)
      } else {
        var json
        try { json = JSON.parse(body) } catch (e) { json = undefined }
        new A(json, 'response body').to.deep.equal(text)
      }
    })
    A.addMethod('jsonBody', function (path, value) {
      var r = this._obj, json
      try { json = JSON.parse(r.text()) } catch (e) {
        this.assert(false, 'expected response body to be a valid json', '')
      }
      if (arguments.length === 0) return
      if (typeof path !== 'string') { new A(json, 'response body').to.deep.equal(path); return }
      var parts = path.split('.'), cur = json, found = true
      for (var i = 0; i < parts.length; i++) {
        if (cur !== null && typeof cur === 'object' && Object.prototype.hasOwnProperty.call(cur, parts[i])) cur = cur[parts[i]]
        else { found = false; break }
      }
      this.assert(found, 'expected response body json to have path ' + path, 'expected response body json to not have path ' + path)
      if (arguments.length > 1) new A(cur, 'response body ' + path).to.deep.equal(value)
    })
  })

  function text(v) {
    if (typeof v === 'string') return v
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return String(v)
    if (v instanceof Error) return v.name + ': ' + v.message
    try { return JSON.stringify(v) } catch (e) { return String(v) }
  }

  function enabled(v) { return v.enabled !== false && v.disabled !== true }

  // postman-collection's VariableList: of duplicate keys, the last enabled one counts (get, has, set, toObject).
  function find(list, key) {
    for (var i = list.length - 1; i >= 0; i--) if (list[i].key === key && enabled(list[i])) return list[i]
    return undefined
  }

  // Postman's {{name}} substitution, with nested references; a dynamic variable ($guid…) when no variable of
  // that name exists, and unknown names stay as written.
  function replaceIn(template, lookup) {
    if (typeof template !== 'string') return template
    var out = template
    for (var depth = 0; depth < 19; depth++) {
      var next = out.replace(/\{\{([^{}]+)\}\}/g, function (m, name) {
        var v = lookup(name)
        if (v === undefined && name.charAt(0) === '$') v = dynamicVariable(name)
        return v === undefined ? m : text(v)
      })
      if (next === out) break
      out = next
    }
    return out
  }

  function scope(list, options) {
    var s = {
      get: function (key) { var v = find(list, key); return v === undefined ? undefined : v.value },
      has: function (key) { return find(list, key) !== undefined },
      toObject: function () {
        var o = {}
        list.forEach(function (v) { if (enabled(v)) o[v.key] = v.value })
        return o
      },
      replaceIn: function (t) { return replaceIn(t, s.get) },
    }
    if (options.writable) {
      // As postman-collection's VariableScope: the variable get() reads is updated; a disabled one stays as it is.
      s.set = function (key, value) {
        var v = find(list, key)
        if (v !== undefined) v.value = value
        else list.push({ key: String(key), value: value })
      }
      s.clear = function () { list.length = 0 }
    }
    s.unset = function (key) {
      for (var i = list.length - 1; i >= 0; i--) if (list[i].key === key && enabled(list[i])) list.splice(i, 1)
    }
    s.toJSON = s.toObject
    return s
  }

  function headerList(list, options) {
    function index(name) {
      var n = String(name).toLowerCase()
      for (var i = 0; i < list.length; i++) if (list[i].key.toLowerCase() === n) return i
      return -1
    }
    var h = {
      get: function (name) { var i = index(name); return i < 0 ? undefined : list[i].value },
      has: function (name) { return index(name) >= 0 },
      all: function () { return list.map(function (x) { return { key: x.key, value: x.value } }) },
      toObject: function () { var o = {}; list.forEach(function (x) { o[x.key.toLowerCase()] = x.value }); return o },
      each: function (fn) { list.forEach(function (x) { fn({ key: x.key, value: x.value }) }) },
      count: function () { return list.length },
      toJSON: function () { return h.all() },
    }
    if (options.writable) {
      h.add = function (header) { list.push({ key: String(header.key), value: String(header.value) }) }
      h.upsert = function (header) {
        var i = index(header.key)
        if (i < 0) h.add(header)
        else list[i].value = String(header.value)
      }
      h.remove = function (name) {
        var n = String(typeof name === 'object' ? name.key : name).toLowerCase()
        for (var i = list.length - 1; i >= 0; i--) if (list[i].key.toLowerCase() === n) list.splice(i, 1)
      }
    }
    return h
  }

  function makeRequest(r) {
    var req = { headers: headerList(r.headers, { writable: true }) }
    Object.defineProperty(req, 'url', {
      enumerable: true,
      get: function () {
        return { toString: function () { return r.url }, update: function (u) { r.url = String(u) }, toJSON: function () { return r.url } }
      },
      set: function (u) { r.url = String(u) },
    })
    Object.defineProperty(req, 'method', {
      enumerable: true,
      get: function () { return r.method },
      set: function (m) { r.method = String(m).toUpperCase() },
    })
    Object.defineProperty(req, 'body', {
      enumerable: true,
      get: function () {
        if (r.body === undefined) return undefined
        return { mode: 'raw', raw: r.body, toString: function () { return r.body }, update: function (b) { r.body = String(b) } }
      },
      set: function (b) { r.body = typeof b === 'string' ? b : b && typeof b.raw === 'string' ? b.raw : text(b) },
    })
    return req
  }

  function makeResponse(r) {
    var res = {
      __courierResponse: true,
      code: r.code,
      status: r.status,
      headers: headerList(r.headers, { writable: false }),
      responseTime: r.responseTime,
      responseSize: r.responseSize,
      text: function () { return r.body },
      json: function () { return JSON.parse(r.body) },
      reason: function () { return r.status },
    }
    Object.defineProperty(res, '__courierResponse', { enumerable: false })
    Object.defineProperty(res, 'to', { get: function () { return expect(res).to } })
    Object.defineProperty(res, 'not', { get: function () { return expect(res).not } })
    return res
  }

  function addTest(name, fn, skipped) {
    var result = { name: String(name), passed: false, skipped: skipped }
    state.tests.push(result)
    if (skipped) return
    function fail(e) {
      result.passed = false
      result.error = e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: text(e) }
    }
    try {
      var r = typeof fn === 'function' ? fn() : undefined
      if (r !== null && typeof r === 'object' && typeof r.then === 'function') {
        result.pending = true
        r.then(function () { result.pending = false; result.passed = true }, function (e) { result.pending = false; fail(e) })
      } else {
        result.passed = true
      }
    } catch (e) { fail(e) }
  }

  function makePm(input) {
    var sc = state.scopes
    var precedence = ['local', 'iterationData', 'environment', 'collection', 'globals']
    function lookup(key) {
      for (var i = 0; i < precedence.length; i++) {
        var v = find(sc[precedence[i]], key)
        if (v !== undefined) return v.value
      }
      return undefined
    }
    var variables = scope(sc.local, { writable: true })
    variables.get = lookup
    variables.has = function (key) { return lookup(key) !== undefined }
    variables.toObject = function () {
      var o = {}
      for (var i = precedence.length - 1; i >= 0; i--) {
        sc[precedence[i]].forEach(function (v) { if (enabled(v)) o[v.key] = v.value })
      }
      return o
    }
    variables.replaceIn = function (t) { return replaceIn(t, lookup) }
    var test = function (name, fn) { addTest(name, fn, false); return pm }
    test.skip = function (name, fn) { addTest(name, fn, true); return pm }
    var pm = {
      test: test,
      expect: expect,
      info: input.info,
      globals: scope(sc.globals, { writable: true }),
      collectionVariables: scope(sc.collection, { writable: true }),
      environment: scope(sc.environment, { writable: true }),
      iterationData: scope(sc.iterationData, { writable: false }),
      variables: variables,
      request: makeRequest(state.request),
      response: input.response ? makeResponse(input.response) : undefined,
      execution: {
        setNextRequest: function (n) { state.nextRequest = n === null ? null : String(n) },
        skipRequest: function () { state.skipRequest = true },
      },
      sendRequest: function () { throw new Error('pm.sendRequest is not available in Courier\'s sandbox yet') },
    }
    return pm
  }

  // The legacy setters store text, as postman-sandbox's legacy interface does: any value but null, undefined, 0,
  // '' and NaN goes through its toString() (5 → '5', false → 'false', { a: 1 } → '[object Object]').
  function legacyValue(value) {
    return (value === false || value) && typeof (value && value.toString) === 'function' ? value.toString() : value
  }

  function makePostman(pm) {
    return {
      setNextRequest: pm.execution.setNextRequest,
      getEnvironmentVariable: pm.environment.get,
      setEnvironmentVariable: function (key, value) { pm.environment.set(key, legacyValue(value)) },
      clearEnvironmentVariable: pm.environment.unset,
      clearEnvironmentVariables: pm.environment.clear,
      getGlobalVariable: pm.globals.get,
      setGlobalVariable: function (key, value) { pm.globals.set(key, legacyValue(value)) },
      clearGlobalVariable: pm.globals.unset,
      clearGlobalVariables: pm.globals.clear,
      getResponseHeader: function (name) { return pm.response ? pm.response.headers.get(name) : undefined },
    }
  }

  // require(), the library globals, atob and btoa: module-loader-source.ts, evaluated before this layer.

  var levels = ['log', 'info', 'warn', 'error', 'debug']
  g.console = {}
  levels.forEach(function (level) {
    g.console[level] = function () {
      if (state === null) return
      state.console.push({ level: level, text: Array.prototype.map.call(arguments, text).join(' ') })
    }
  })

  // What a script may change for the next one: globals and the built-ins' own properties. A snapshot of their
  // descriptors, taken once, is restored after each script (prototype tricks, JSON = …, Array.prototype.x = …).
  var ownKeys = Reflect.ownKeys, getDescriptor = Reflect.getOwnPropertyDescriptor
  var defineProperty = Reflect.defineProperty, deleteProperty = Reflect.deleteProperty
  var stringify = JSON.stringify, parse = JSON.parse
  var guarded = [g, Object, Object.prototype, Array, Array.prototype, String, String.prototype, Number,
    Number.prototype, Boolean, Boolean.prototype, Function.prototype, Promise, Promise.prototype, JSON, Math, Date,
    Date.prototype, RegExp, RegExp.prototype, Error, Error.prototype, Symbol, Symbol.prototype, Map.prototype,
    Set.prototype, Reflect]
  // The binary built-ins too: Buffer (module-loader-source.ts) hands scripts a way up to them.
  var TypedArray = Object.getPrototypeOf(Uint8Array)
  guarded.push(TypedArray, TypedArray.prototype, Uint8Array.prototype, ArrayBuffer, ArrayBuffer.prototype,
    DataView.prototype, WeakMap.prototype, WeakSet.prototype)
  var snapshots = null
  function snapshot() {
    snapshots = guarded.map(function (o) {
      var m = new Map()
      ownKeys(o).forEach(function (k) { m.set(k, getDescriptor(o, k)) })
      return m
    })
  }
  // Data properties are compared by value (no descriptor allocated: most of the per-script cost), accessors by
  // descriptor.
  function changed(o, k, was) {
    if ('value' in was) return o[k] !== was.value
    var now = getDescriptor(o, k)
    return now.get !== was.get || now.set !== was.set
  }
  function restore() {
    for (var i = 0; i < guarded.length; i++) {
      var o = guarded[i], m = snapshots[i], keys = ownKeys(o)
      for (var j = 0; j < keys.length; j++) {
        var k = keys[j], was = m.get(k)
        if (was === undefined) {
          // A top-level var of an injected script is not configurable: neutralise it instead.
          if (!deleteProperty(o, k)) { try { o[k] = undefined } catch (e) { /* read-only */ } }
        } else if (changed(o, k, was)) {
          defineProperty(o, k, was)
        }
      }
      if (keys.length !== m.size || j < keys.length) {
        m.forEach(function (d, k) { if (getDescriptor(o, k) === undefined) defineProperty(o, k, d) })
      }
    }
  }

  var compiled = null
  var courier = {
    set compiled(fn) { compiled = fn },
    begin: function (json) {
      var input = parse(json)
      state = { tests: [], legacy: {}, console: [], scopes: input.scopes, request: input.request, skipRequest: false }
      var pm = makePm(input)
      var res = input.response
      var headerObject = {}
      if (res) res.headers.forEach(function (x) { headerObject[x.key] = x.value })
      // In the order of the script function's parameters (worker-source.ts).
      state.args = [pm, makePostman(pm), state.legacy, { url: input.request.url, method: input.request.method,
        headers: pm.request.headers.toObject(), data: input.request.body },
        pm.environment.toObject(), pm.globals.toObject(), pm.iterationData.toObject(), input.info.iteration,
        res ? res.body : undefined, res ? { code: res.code, name: res.status, detail: res.status } : undefined,
        res ? headerObject : undefined, res ? res.responseTime : undefined]
    },
    invoke: function () {
      var fn = compiled
      compiled = null
      fn.apply(undefined, state.args)
    },
    finish: function () {
      try { return courier.output() } finally { courier.reset() }
    },
    output: function () {
      var out = { tests: [], scopes: state.scopes, request: state.request, skipRequest: state.skipRequest, console: state.console }
      if ('nextRequest' in state) out.nextRequest = state.nextRequest
      state.tests.forEach(function (t) {
        if (t.pending) t.error = { name: 'Error', message: 'the test\'s promise never settled' }
        var r = { name: t.name, passed: t.passed, skipped: t.skipped }
        if (t.error) r.error = t.error
        out.tests.push(r)
      })
      Object.keys(state.legacy).forEach(function (name) {
        var ok = Boolean(state.legacy[name])
        var r = { name: name, passed: ok, skipped: false }
        if (!ok) r.error = { name: 'AssertionError', message: 'expected ' + text(state.legacy[name]) + ' to be truthy' }
        out.tests.push(r)
      })
      return stringify(out)
    },
    // A script's sloppy-mode globals (x = 1 without a declaration) must not reach the next script.
    reset: function () {
      state = null
      compiled = null
      restore()
    },
  }
  Object.freeze(courier)
  Object.defineProperty(g, '__courier', { value: courier, enumerable: false, writable: false, configurable: false })
  snapshot()
})(globalThis)
`
