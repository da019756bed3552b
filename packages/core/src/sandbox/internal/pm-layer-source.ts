// The `pm` layer, evaluated once per QuickJS context after chai (DESIGN.md "Script sandbox"). Plain JavaScript run
// inside the sandbox, kept as a string: it must not be transformed by our toolchain. No backticks or `${` inside.
// Protocol with the worker: `__courier.guard(…)` from an extension for objects of its own, `__courier.baseline()`
// once, when the context is ready (after the extensions); then per script `__courier.begin(json)`,
// `__courier.compiled = function (...) {…}` holding the user's script, `__courier.invoke()`, the worker's loop (the
// job queue, `__courier.poll()` for timers and host calls, `__courier.deliver()` for host answers),
// `__courier.output()` returning the output as JSON, and `__courier.reset()` putting pm, postman and console back;
// `__courier.resetRun()` puts the globals and built-ins back to the baseline when a run ends (ADR 0008).

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
  function isRequest(o) { return o !== null && typeof o === 'object' && o.__courierRequest === true }
  // Taken before any script can replace require(): jsonSchema validates with the bundled ajv.
  var requireModule = g.require

  // A schema's errors in the words of the ajv Postman's sandbox validates with (data.alpha should be boolean),
  // from ajv 8's (data/alpha must be boolean).
  function schemaErrorsText(errors) {
    return (errors || []).map(function (e) {
      var path = String(e.instancePath || '').split('/').slice(1).map(function (part) {
        part = part.replace(/~1/g, '/').replace(/~0/g, '~')
        if (/^[0-9]+$/.test(part)) return '[' + part + ']'
        return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part) ? '.' + part : "['" + part.replace(/'/g, "\\'") + "']"
      }).join('')
      return 'data' + path + ' ' + String(e.message).replace(/^must\b/, 'should')
    }).join(', ')
  }

  // Postman's request and response assertions (postman-collection's chai-postman plugin).
  chai.use(function (c) {
    var A = c.Assertion
    function kind(name, test, what) {
      A.addProperty(name, function () {
        this.assert(test(this._obj), 'expecting a postman ' + what + ' object but got #{this}',
          'not expecting a postman ' + what + ' object')
      })
    }
    kind('postmanRequest', isRequest, 'request')
    kind('postmanResponse', isResponse, 'response')
    kind('postmanRequestOrResponse', function (o) { return isRequest(o) || isResponse(o) }, 'request or response')
    A.addMethod('statusCode', function (code) {
      new A(this._obj).to.be.postmanResponse
      var r = this._obj
      this.assert(r.code === Number(code), 'expected response to have status code #{exp} but got #{act}',
        'expected response to not have status code #{act}', Number(code), r.code)
    })
    A.addMethod('statusCodeClass', function (cls) {
      new A(this._obj).to.be.postmanResponse
      var r = this._obj
      this.assert(Math.floor(r.code / 100) === cls, 'expected response code to be #{exp}XX but found #{act}',
        'expected response code to not be #{exp}XX', cls, r.code)
    })
    A.addMethod('statusReason', function (reason) {
      new A(this._obj).to.be.postmanResponse
      var r = this._obj
      this.assert(r.status === String(reason), 'expected response to have status reason #{exp} but got #{act}',
        'expected response to not have status reason #{act}', String(reason), r.status)
    })
    // JSON Schema validation with the bundled ajv; a response is validated by its JSON body.
    A.addMethod('jsonSchema', function (schema, options) {
      new A(schema).to.be.an('object')
      var Ajv = requireModule('ajv')
      var ajv = new Ajv(Object.assign({ allErrors: true, logger: false, strict: false }, options))
      var data = isResponse(this._obj) ? this._obj.json() : this._obj
      var valid = ajv.validate(schema, data)
      this.assert(valid && !ajv.errors,
        'expected data to satisfy schema but found following errors: \n' + schemaErrorsText(ajv.errors),
        'expected data to not satisfy schema', true, valid)
    })
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
    // On pm.response and pm.request (pm.request.to.have.header('Authorization')).
    A.addMethod('header', function (name, value) {
      var r = this._obj, actual = r.headers.get(name), what = isResponse(r) ? 'response' : 'request'
      this.assert(actual !== undefined, 'expected ' + what + ' to have header ' + name, 'expected ' + what + ' to not have header ' + name)
      if (arguments.length > 1) {
        this.assert(actual === value, 'expected ' + what + ' header ' + name + ' to be ' + value + ' but got ' + actual,
          'expected ' + what + ' header ' + name + ' to not be ' + value)
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

  // The running script's state; outside a script (between two, or a stashed callback run later) there is none.
  function current() {
    if (state === null) throw new Error('the script has ended')
    return state
  }

  // A variable scope over the running script's list of that name (state.scopes[name]), looked up at each call: the
  // object is made once per context and serves every script (issue #6).
  function scope(name, options) {
    function list() { return current().scopes[name] }
    var s = {
      get: function (key) { var v = find(list(), key); return v === undefined ? undefined : v.value },
      has: function (key) { return find(list(), key) !== undefined },
      toObject: function () {
        var o = {}
        list().forEach(function (v) { if (enabled(v)) o[v.key] = v.value })
        return o
      },
      replaceIn: function (t) { return replaceIn(t, s.get) },
    }
    if (options.writable) {
      // As postman-collection's VariableScope: the variable get() reads is updated; a disabled one stays as it is.
      s.set = function (key, value) {
        var l = list(), v = find(l, key)
        if (v !== undefined) v.value = value
        else l.push({ key: String(key), value: value })
      }
      s.clear = function () { list().length = 0 }
    }
    s.unset = function (key) {
      var l = list()
      for (var i = l.length - 1; i >= 0; i--) if (l[i].key === key && enabled(l[i])) l.splice(i, 1)
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
      // Postman's HeaderList gives the last of same-name headers (and toObject all of them, as an array).
      get: function (name) {
        var n = String(name).toLowerCase()
        for (var i = list.length - 1; i >= 0; i--) if (list[i].key.toLowerCase() === n) return list[i].value
        return undefined
      },
      has: function (name) { return index(name) >= 0 },
      all: function () { return list.map(function (x) { return { key: x.key, value: x.value } }) },
      toObject: function () { return headersObject(list) },
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
    Object.defineProperty(req, '__courierRequest', { value: true })
    Object.defineProperty(req, 'to', { get: function () { return expect(req).to } })
    Object.defineProperty(req, 'not', { get: function () { return expect(req).not } })
    return req
  }

  function makeResponse(r, cookies) {
    var res = {
      __courierResponse: true,
      code: r.code,
      status: r.status,
      headers: headerList(r.headers, { writable: false }),
      cookies: cookieList(cookies),
      responseTime: r.responseTime,
      responseSize: r.responseSize,
      // Postman's stream is a Buffer; scripts read it as text.
      stream: { toString: function () { return r.body }, length: r.responseSize },
      text: function () { return r.body },
      json: function () { return JSON.parse(r.body) },
      reason: function () { return r.status },
    }
    Object.defineProperty(res, '__courierResponse', { enumerable: false })
    Object.defineProperty(res, 'to', { get: function () { return expect(res).to } })
    Object.defineProperty(res, 'not', { get: function () { return expect(res).not } })
    return res
  }

  // Host calls (pm.sendRequest, the cookie jar) and timers wait in the script's state; the worker's loop
  // (worker-source.ts) takes the calls with __courier.poll(), which also fires due timers, and hands the answers
  // back with __courier.deliver(). Only JSON crosses, so no object of the host is ever reachable from a script.
  function hostCall(op, payload, done) {
    if (state === null) throw new Error('the script has ended')
    var id = state.nextCall++
    state.outbox.push({ callId: id, op: op, payload: payload })
    state.waiting.set(id, done)
  }

  // A throw in a callback the loop runs (a timer, a sendRequest callback) fails the script as a synchronous one would.
  function runCallback(fn, self, args) {
    try { fn.apply(self, args) } catch (e) {
      if (state !== null && state.asyncError === undefined) state.asyncError = e
    }
  }

  function addTimer(fn, delay, args, repeat) {
    if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function')
    if (state === null) return 0
    var ms = Number(delay)
    // As Node does: below 1 ms, NaN or past 2^31-1, the delay is 1 ms.
    if (!(ms >= 1 && ms <= 2147483647)) ms = 1
    var id = state.nextTimer++
    state.timers.set(id, { id: id, at: Date.now() + ms, fn: fn, args: args, every: repeat ? ms : 0 })
    return id
  }
  function clearTimer(id) { if (state !== null) state.timers.delete(Number(id)) }
  g.setTimeout = function (fn, delay) { return addTimer(fn, delay, Array.prototype.slice.call(arguments, 2), false) }
  g.setInterval = function (fn, delay) { return addTimer(fn, delay, Array.prototype.slice.call(arguments, 2), true) }
  g.setImmediate = function (fn) {
    var id = addTimer(fn, 1, Array.prototype.slice.call(arguments, 1), false)
    if (state !== null && state.timers.has(id)) state.timers.get(id).at = 0
    return id
  }
  g.clearTimeout = clearTimer
  g.clearInterval = clearTimer
  g.clearImmediate = clearTimer

  function cookieOf(r) {
    var c = { name: r.name, value: r.value, domain: r.domain, path: r.path, secure: r.secure === true,
      httpOnly: r.httpOnly === true, hostOnly: r.hostOnly === true, session: typeof r.expires !== 'string' }
    if (typeof r.expires === 'string') c.expires = r.expires
    Object.defineProperty(c, 'valueOf', { value: function () { return c.value } })
    Object.defineProperty(c, 'toString', { value: function () { return c.name + '=' + c.value } })
    return c
  }

  // postman-collection's CookieList: get() answers the value, one() the cookie.
  function cookieList(records) {
    var list = Array.isArray(records) ? records.map(cookieOf) : []
    function one(name) {
      for (var i = list.length - 1; i >= 0; i--) if (list[i].name === name) return list[i]
      return undefined
    }
    return {
      get: function (name) { var c = one(name); return c === undefined ? undefined : c.value },
      one: one,
      has: function (name, value) { var c = one(name); return c !== undefined && (arguments.length < 2 || c.value === value) },
      toObject: function () { var o = {}; list.forEach(function (c) { o[c.name] = c.value }); return o },
      all: function () { return list.slice() },
      count: function () { return list.length },
      idx: function (i) { return list[i] },
      indexOf: function (c) { return list.indexOf(c) },
      each: function (fn, self) { list.forEach(fn, self) },
      filter: function (fn, self) { return list.filter(fn, self) },
      find: function (fn, self) { return list.find(fn, self) },
      map: function (fn, self) { return list.map(fn, self) },
      reduce: function (fn, acc) { return list.reduce(fn, acc) },
      toJSON: function () { return list.map(function (c) { return parse(stringify(c)) }) },
      toString: function () { return list.map(String).join('; ') },
    }
  }

  function withScheme(url) { return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : 'http://' + url }

  function urlText(u) {
    if (typeof u === 'string') return u
    if (u === null || typeof u !== 'object') return ''
    if (typeof u.raw === 'string') return u.raw
    if (u.host !== undefined) {
      var host = Array.isArray(u.host) ? u.host.join('.') : String(u.host)
      var path = Array.isArray(u.path) ? u.path.join('/') : u.path === undefined ? '' : String(u.path).replace(/^\//, '')
      var query = Array.isArray(u.query) ? u.query.filter(function (q) { return q && !q.disabled })
        .map(function (q) { return q.value == null ? q.key : q.key + '=' + q.value }).join('&') : ''
      return (u.protocol ? String(u.protocol).replace(/:(\/\/)?$/, '') + '://' : '') + host +
        (u.port ? ':' + u.port : '') + (path === '' ? '' : '/' + path) + (query === '' ? '' : '?' + query)
    }
    if (typeof u.toString === 'function' && u.toString !== Object.prototype.toString) return String(u.toString())
    return ''
  }

  function entry(key, value) { return { key: String(key), value: value == null ? '' : typeof value === 'string' ? value : text(value) } }

  // Postman's forms of a key/value list: an array of { key, value, disabled } or "Key: value" strings, a
  // HeaderList, a plain object, or (headers) a "Key: value" per line string.
  function entries(list, options) {
    var out = []
    if (list == null) return out
    if (typeof list === 'string') list = options.lines ? list.split(/\r?\n/) : []
    else if (!Array.isArray(list) && typeof list.all === 'function') list = list.all()
    if (Array.isArray(list)) {
      list.forEach(function (x) {
        if (typeof x === 'string') {
          var i = x.indexOf(':')
          if (i > 0) out.push(entry(x.slice(0, i).trim(), x.slice(i + 1).trim()))
        } else if (x !== null && typeof x === 'object' && x.disabled !== true && x.enabled !== false && x.key != null) {
          if (options.files && x.type === 'file') options.files.push(String(x.key))
          else out.push(entry(x.key, x.value))
        }
      })
    } else if (typeof list === 'object') {
      Object.keys(list).forEach(function (k) { out.push(entry(k, list[k])) })
    }
    return out
  }

  function bodyOf(b, files) {
    if (b == null) return undefined
    if (typeof b === 'string') return { mode: 'raw', raw: b }
    if (typeof b !== 'object' || b.disabled === true) return undefined
    var mode = b.mode === undefined && b.raw !== undefined ? 'raw' : b.mode
    if (mode === 'raw') {
      var raw = { mode: 'raw', raw: b.raw == null ? '' : typeof b.raw === 'string' ? b.raw : text(b.raw) }
      var language = b.options && b.options.raw && b.options.raw.language
      if (typeof language === 'string') raw.options = { raw: { language: language } }
      return raw
    }
    if (mode === 'urlencoded') return { mode: 'urlencoded', urlencoded: entries(b.urlencoded, {}) }
    if (mode === 'formdata') return { mode: 'formdata', formdata: entries(b.formdata, { files: files }) }
    if (mode === 'graphql') {
      var q = b.graphql || {}
      return { mode: 'graphql', graphql: { query: q.query == null ? '' : String(q.query),
        variables: typeof q.variables === 'string' ? q.variables : stringify(q.variables || {}) } }
    }
    if (mode === 'file') files.push('body')
    return undefined
  }

  // A request as pm.sendRequest takes it, made plain data: what the host sends, nothing else.
  function toSendRequest(req) {
    if (typeof req === 'string') req = { url: req }
    if (req === null || typeof req !== 'object') throw new TypeError('pm.sendRequest: the request must be a URL or a request object')
    var url = urlText(req.url).trim()
    if (url === '') throw new TypeError('pm.sendRequest: the request has no URL')
    var files = []
    var out = {
      url: url,
      method: req.method == null || req.method === '' ? 'GET' : String(req.method).toUpperCase(),
      header: entries(req.header !== undefined ? req.header : req.headers, { lines: true }),
    }
    var body = bodyOf(req.body, files)
    if (body !== undefined) out.body = body
    if (req.auth !== null && typeof req.auth === 'object') {
      var auth = parse(stringify(req.auth))
      if (auth !== null && typeof auth === 'object' && typeof auth.type === 'string') out.auth = auth
    }
    // Scripts written by strangers must not upload the user's files.
    if (files.length > 0) {
      state.console.push({ level: 'warn', text: 'pm.sendRequest: file uploads are not sent from scripts (' + files.join(', ') + ')' })
    }
    return out
  }

  function hostError(e) {
    var err = new Error(String(e && e.message))
    if (e && typeof e.code === 'string') err.code = e.code
    return err
  }

  function makeSendRequest(self) {
    return function sendRequest(req, callback) {
      var promise = new Promise(function (resolve, reject) {
        hostCall('sendRequest', toSendRequest(req), function (err, value) {
          if (err) reject(err)
          else resolve(value)
        })
      })
      if (typeof callback === 'function') {
        promise.then(function (value) {
          runCallback(callback, self, [null, makeResponse(value.response, value.cookies), { cookies: cookieList(value.cookies) }])
        }, function (err) { runCallback(callback, self, [err]) })
        return self
      }
      return promise.then(function (value) { return makeResponse(value.response, value.cookies) })
    }
  }

  // pm.cookies.jar(): the run's cookie jar, callback style as in Postman (Newman lets it reach every domain).
  function makeJar() {
    function checked(url, method) {
      var u = typeof url === 'string' ? url : urlText(url)
      if (u.trim() === '') throw new TypeError('CookieJar.' + method + '() requires a valid url')
      return withScheme(u.trim())
    }
    function call(op, payload, callback, map) {
      hostCall(op, payload, function (err, value) {
        if (typeof callback !== 'function') return
        var mapped
        if (!err) { try { mapped = map(value) } catch (e) { err = e } }
        runCallback(callback, undefined, err ? [err] : [null, mapped])
      })
    }
    function cookieInit(o) {
      var c = { name: String(o.name != null ? o.name : o.key), value: o.value == null ? '' : String(o.value) }
      if (typeof o.domain === 'string') c.domain = o.domain
      if (typeof o.path === 'string') c.path = o.path
      if (o.expires instanceof Date) c.expires = o.expires.toISOString()
      else if (typeof o.expires === 'string' || typeof o.expires === 'number') c.expires = new Date(o.expires).toISOString()
      if (typeof o.maxAge === 'number') c.maxAge = o.maxAge
      if (o.secure === true) c.secure = true
      if (o.httpOnly === true) c.httpOnly = true
      return c
    }
    return {
      get: function (url, name, callback) {
        url = checked(url, 'get')
        if (typeof callback !== 'function') throw new TypeError('CookieJar.get() requires a callback function')
        if (typeof name !== 'string') throw new TypeError('CookieJar.get() requires cookie name to be a string')
        call('cookies.list', { url: url }, callback, function (records) {
          for (var i = 0; i < records.length; i++) if (records[i].name === name) return records[i].value
          return null
        })
      },
      getAll: function (url, options, callback) {
        url = checked(url, 'getAll')
        if (typeof options === 'function' && callback === undefined) callback = options
        if (typeof callback !== 'function') throw new TypeError('CookieJar.getAll() requires a callback function')
        call('cookies.list', { url: url }, callback, cookieList)
      },
      set: function (url, name, value, callback) {
        url = checked(url, 'set')
        if (typeof value === 'function' && callback === undefined) { callback = value; value = null }
        var cookie
        if (name && value) cookie = { name: String(name), value: String(value) }
        else if (name !== null && typeof name === 'object') cookie = cookieInit(name)
        else if (typeof name === 'string') cookie = name
        else throw new TypeError('CookieJar.set() requires a valid set cookie arguments')
        call('cookies.set', { url: url, cookie: cookie }, callback, function (record) {
          if (record == null) throw new Error('CookieJar.set(): the cookie was not stored for ' + url)
          return cookieOf(record)
        })
      },
      unset: function (url, name, callback) {
        url = checked(url, 'unset')
        if (typeof name !== 'string') throw new TypeError('CookieJar.unset() requires cookie name to be a string')
        call('cookies.unset', { url: url, name: name }, callback, function () { return undefined })
      },
      clear: function (url, callback) {
        url = checked(url, 'clear')
        call('cookies.clear', { url: url }, callback, function () { return undefined })
      },
    }
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

  // The pm object and the legacy postman object are made once per context (issue #6): their methods read the running
  // script's state. What is the script's own (pm.request, pm.response, pm.cookies, pm.info) is made on first use
  // and kept in state.own. Both objects are guarded like the built-ins: what a script adds to or replaces on them
  // is undone before the next script (restore()).
  function ownProperty(o, name, make) {
    Object.defineProperty(o, name, {
      enumerable: true,
      configurable: true,
      get: function () { var own = current().own; return name in own ? own[name] : (own[name] = make(state)) },
      set: function (value) { current().own[name] = value },
    })
  }

  var precedence = ['local', 'iterationData', 'environment', 'collection', 'globals']
  function lookup(key) {
    var sc = current().scopes
    for (var i = 0; i < precedence.length; i++) {
      var v = find(sc[precedence[i]], key)
      if (v !== undefined) return v.value
    }
    return undefined
  }
  var variables = scope('local', { writable: true })
  variables.get = lookup
  variables.has = function (key) { return lookup(key) !== undefined }
  variables.toObject = function () {
    var sc = current().scopes, o = {}
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
    globals: scope('globals', { writable: true }),
    collectionVariables: scope('collection', { writable: true }),
    environment: scope('environment', { writable: true }),
    iterationData: scope('iterationData', { writable: false }),
    variables: variables,
    execution: {
      setNextRequest: function (n) { current().nextRequest = n === null ? null : String(n) },
      skipRequest: function () { current().skipRequest = true },
    },
  }
  ownProperty(pm, 'info', function (st) { return st.input.info })
  ownProperty(pm, 'request', function (st) { return makeRequest(st.request) })
  // A test script after a network error still has a pm.response, empty (postman-sandbox makes one of nothing).
  ownProperty(pm, 'response', function (st) {
    var input = st.input
    return input.response ? makeResponse(input.response, input.cookies)
      : input.event === 'test' ? makeResponse({ headers: [] }, input.cookies) : undefined
  })
  ownProperty(pm, 'cookies', function (st) {
    var cookies = cookieList(st.input.cookies)
    cookies.jar = makeJar
    return cookies
  })
  pm.sendRequest = makeSendRequest(pm)

  // The legacy setters store text, as postman-sandbox's legacy interface does: a truthy value goes through its
  // toString() (5 → '5', { a: 1 } → '[object Object]'); false, 0, '', null, undefined and NaN stay as they are.
  function legacyValue(value) {
    return (value === false || value) && typeof (value && value.toString) === 'function' ? value.toString() : value
  }

  // The legacy environment and globals objects start as copies of their scopes (the script's environment and
  // globals parameters); as in postman-sandbox, the legacy setters and clearers keep them up to date
  // (pm.environment.set does not).
  function legacyScope(scope, name) {
    return {
      get: scope.get,
      // No copies when the script cannot see them (begin()).
      set: function (key, value) {
        value = legacyValue(value)
        var copies = current().copies
        if (copies !== null) copies[name][key] = value
        scope.set(key, value)
      },
      unset: function (key) {
        var copies = current().copies
        if (key && copies !== null) delete copies[name][key]
        scope.unset(key)
      },
      clear: function () {
        var copies = current().copies
        if (copies !== null) Object.keys(copies[name]).forEach(function (k) { delete copies[name][k] })
        scope.clear()
      },
    }
  }

  function headersObject(list) {
    var o = {}
    list.forEach(function (x) {
      var k = x.key.toLowerCase(), v = o[k]
      o[k] = v === undefined ? x.value : Array.isArray(v) ? v.concat([x.value]) : [v, x.value]
    })
    return o
  }

  // The legacy request global: a form body's fields as an object (a repeated key gathers its values in an
  // array), a raw body as its text, otherwise {}.
  function legacyRequest(input) {
    var r = input.request, data = {}
    if (r.form !== undefined) {
      r.form.forEach(function (f) {
        var had = data[f.key]
        if (had) { if (Array.isArray(had)) had.push(f.value); else data[f.key] = [had, f.value] }
        else data[f.key] = f.value
      })
    } else if (r.body) {
      data = r.body
    }
    return { id: input.info.requestId, name: input.info.requestName, description: r.description,
      headers: headersObject(r.headers), method: r.method, url: r.url, data: data }
  }

  // The legacy parameters that copy the scopes and the request, for a script that can reach them (begin()); the
  // environment and globals copies are kept in step by the postman.* setters (legacyScope()). noResponse: begin()'s
  // placeholders for a script without a response.
  function legacyParameters(input, noResponse) {
    var headers = noResponse.headers
    if (input.response) {
      headers = {}
      input.response.headers.forEach(function (x) { headers[x.key] = x.value })
    }
    state.copies = { environment: pm.environment.toObject(), globals: pm.globals.toObject() }
    return { request: legacyRequest(input), environment: state.copies.environment, globals: state.copies.globals,
      data: pm.iterationData.toObject(), headers: headers }
  }

  var legacyEnvironment = legacyScope(pm.environment, 'environment')
  var legacyGlobals = legacyScope(pm.globals, 'globals')
  var postman = {
    setNextRequest: pm.execution.setNextRequest,
    getEnvironmentVariable: legacyEnvironment.get,
    setEnvironmentVariable: legacyEnvironment.set,
    clearEnvironmentVariable: legacyEnvironment.unset,
    clearEnvironmentVariables: legacyEnvironment.clear,
    getGlobalVariable: legacyGlobals.get,
    setGlobalVariable: legacyGlobals.set,
    clearGlobalVariable: legacyGlobals.unset,
    clearGlobalVariables: legacyGlobals.clear,
    getResponseHeader: function (name) { return pm.response ? pm.response.headers.get(name) : undefined },
    getResponseCookie: function (name) { return pm.cookies.one(name) },
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
  // Legacy global: the response's cookies, as pm.cookies.all() gives them.
  ownProperty(g, 'responseCookies', function () { return pm.cookies.all() })

  // What a script may change for later ones. As in Newman, where one run shares one context: the globals and the
  // built-ins' own properties (\`helpers = {…}\` or \`Object.prototype.check = …\` in a collection script, for the
  // requests after it) are kept for the rest of the run and put back before a script of another run; the objects of
  // this layer that live as long as the context (pm, postman, console) are put back after each script, as Postman
  // gives each script a fresh pm. A snapshot of each object's descriptors, taken once (baseline()), is what is put
  // back (prototype tricks, JSON = …, Array.prototype.x = …, pm.test = …).
  var ownKeys = Reflect.ownKeys, getDescriptor = Reflect.getOwnPropertyDescriptor
  var defineProperty = Reflect.defineProperty, deleteProperty = Reflect.deleteProperty
  var stringify = JSON.stringify, parse = JSON.parse
  var makeFunction = Function
  var runGuarded = [g, Object, Object.prototype, Array, Array.prototype, String, String.prototype, Number,
    Number.prototype, Boolean, Boolean.prototype, Function, Function.prototype, Promise, Promise.prototype, JSON, Math, Date,
    Date.prototype, RegExp, RegExp.prototype, Error, Error.prototype, Symbol, Symbol.prototype, Map.prototype,
    Set.prototype, Reflect]
  // The binary built-ins too: Buffer (module-loader-source.ts) hands scripts a way up to them.
  var TypedArray = Object.getPrototypeOf(Uint8Array)
  runGuarded.push(TypedArray, TypedArray.prototype, Uint8Array.prototype, ArrayBuffer, ArrayBuffer.prototype,
    DataView.prototype, WeakMap.prototype, WeakSet.prototype)
  var scriptGuarded = [pm, pm.test, pm.globals, pm.collectionVariables, pm.environment, pm.iterationData, pm.variables,
    pm.execution, postman, g.console]
  var getPrototypeOf = Reflect.getPrototypeOf, setPrototypeOf = Reflect.setPrototypeOf
  var isExtensible = Reflect.isExtensible
  // Per guarded object: its prototype, whether it is extensible, its keys in ownKeys order, their descriptors, and
  // the values of its data properties by index (the common case compares arrays, no Map lookup or descriptor).
  function snapshot(guarded) {
    return guarded.map(function (o) {
      var keys = ownKeys(o), descriptors = new Map(), values = []
      keys.forEach(function (k) {
        var d = getDescriptor(o, k)
        descriptors.set(k, d)
        values.push('value' in d ? d.value : d)
      })
      return { proto: getPrototypeOf(o), extensible: isExtensible(o), keys: keys, descriptors: descriptors, values: values }
    })
  }
  // Data properties are compared by value (no descriptor allocated: most of the per-script cost), accessors by
  // descriptor.
  function changed(o, k, was) {
    if ('value' in was) return o[k] !== was.value
    var now = getDescriptor(o, k)
    return now.get !== was.get || now.set !== was.set
  }
  // What cannot be put back (a non-configurable redefinition, a frozen or non-extensible built-in, a prototype that
  // will not change back) makes the context unusable: the worker drops it and the next script gets a fresh one.
  function unrestorable(what) { throw new Error('the sandbox could not undo a change to ' + what) }
  function put(o, k, d) { if (!defineProperty(o, k, d)) unrestorable(String(k)) }
  function restoreSlowly(o, s, keys) {
    var m = s.descriptors, known = 0
    for (var j = 0; j < keys.length; j++) {
      var k = keys[j], was = m.get(k)
      if (was !== undefined) known++
      if (was === undefined) {
        // A top-level var of an injected script is not configurable: neutralise it instead.
        if (!deleteProperty(o, k)) { try { o[k] = undefined } catch (e) { /* read-only */ } }
      } else if (changed(o, k, was)) {
        put(o, k, was)
      }
    }
    // A key of the snapshot is missing (deleted by the script) when fewer than all of them were seen.
    if (known !== m.size) {
      m.forEach(function (d, k) { if (getDescriptor(o, k) === undefined) put(o, k, d) })
    }
  }
  function restore(guarded, snapshots) {
    for (var i = 0; i < guarded.length; i++) {
      var o = guarded[i], s = snapshots[i]
      if (getPrototypeOf(o) !== s.proto && !setPrototypeOf(o, s.proto)) unrestorable('a prototype')
      if (isExtensible(o) !== s.extensible) unrestorable('an object\'s extensibility')
      var keys = ownKeys(o), same = keys.length === s.keys.length
      // Unchanged keys in the same order (almost always): compare by index, the values of data properties by value.
      for (var j = 0; same && j < keys.length; j++) {
        var k = keys[j], was = s.values[j]
        if (k !== s.keys[j]) same = false
        else if (was !== null && typeof was === 'object' && s.descriptors.get(k) === was) {
          if (changed(o, k, was)) put(o, k, was)
        } else if (o[k] !== was) {
          put(o, k, s.descriptors.get(k))
        }
      }
      if (!same) restoreSlowly(o, s, keys)
    }
  }

  // The common case, nothing changed, told without walking every key (issue #6): one function, generated at
  // baseline() from the snapshot, that reads each guarded data property that can change by name and compares it with
  // the snapshot's value, each accessor's getter and setter, and each object's prototype, extensibility and key count.
  // A deleted key shows as a changed value, or as a missing own property where the prototype chain holds the same
  // value. It calls only functions taken before any script ran. When it says "changed", restore() walks everything.
  function sameAccessor(o, k, was) {
    var now = getDescriptor(o, k)
    return now !== undefined && !('value' in now) && now.get === was.get && now.set === was.set
  }
  function inherited(o, k) {
    for (var p = getPrototypeOf(o); p !== null; p = getPrototypeOf(p)) {
      var d = getDescriptor(p, k)
      if (d !== undefined) return d
    }
    return undefined
  }
  function compileUnchanged(guarded, snapshots) {
    var keys = [], values = [], lines = ['var x']
    guarded.forEach(function (o, i) {
      var s = snapshots[i], tests = []
      lines.push('x = o[' + i + ']',
        'if (getPrototypeOf(x) !== p[' + i + '] || isExtensible(x) !== e[' + i + '] || ownKeys(x).length !== n[' + i + ']) return false')
      s.keys.forEach(function (k, j) {
        var d = s.descriptors.get(k), at = keys.length
        // A data property neither writable nor configurable can never change nor go (Math.PI, a constructor's
        // prototype, Symbol.iterator): nothing to read.
        if (d.writable === false && d.configurable === false) return
        keys.push(k)
        values.push(s.values[j])
        if (!('value' in d)) {
          tests.push('!sameAccessor(x, k[' + at + '], v[' + at + '])')
          return
        }
        var read = typeof k === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? 'x.' + k : 'x[k[' + at + ']]'
        tests.push(d.value !== d.value ? read + ' === ' + read : read + ' !== v[' + at + ']')
        var up = inherited(o, k)
        if (up !== undefined && 'value' in up && (up.value === d.value || (up.value !== up.value && d.value !== d.value))) {
          tests.push('getDescriptor(x, k[' + at + ']) === undefined')
        }
      })
      if (tests.length > 0) lines.push('if (' + tests.join(' || ') + ') return false')
    })
    lines.push('return true')
    var check = makeFunction('o', 'p', 'e', 'n', 'k', 'v', 'getPrototypeOf', 'isExtensible', 'ownKeys', 'getDescriptor',
      'sameAccessor', lines.join('\n'))
    var protos = snapshots.map(function (s) { return s.proto })
    var extensible = snapshots.map(function (s) { return s.extensible })
    var counts = snapshots.map(function (s) { return s.keys.length })
    return function () {
      return check(guarded, protos, extensible, counts, keys, values, getPrototypeOf, isExtensible, ownKeys, getDescriptor,
        sameAccessor)
    }
  }
  // A list of guarded objects and its snapshot, once nothing more is guarded: put() brings back what changed. After
  // every script (pm, postman, console) the generated check comes first; the built-ins are put back only when a run
  // ends, where walking them (~1 ms) costs less than compiling their check (~15 ms for each new context, on the first
  // script's path).
  function guard(guarded, afterEveryScript) {
    var snapshots = snapshot(guarded)
    if (!afterEveryScript) return function () { restore(guarded, snapshots) }
    var unchanged = compileUnchanged(guarded, snapshots)
    return function () { if (!unchanged()) restore(guarded, snapshots) }
  }
  var resetRun = null, resetScript = null

  var compiled = null
  var courier = {
    set compiled(fn) { compiled = fn },
    // Once, after this layer and whatever the worker evaluates next at context creation (the extensions, e.g.
    // Postman's legacy prototype extensions), before any script: the state that restore() brings back.
    // Before the baseline, for an extension: objects of its own that live as long as the context (SugarJS's records
    // of its methods, which its sugarRestore() reads), put back when a run ends, like the built-ins.
    guard: function () {
      if (resetRun !== null) throw new Error('the baseline is taken')
      for (var i = 0; i < arguments.length; i++) runGuarded.push(arguments[i])
    },
    baseline: function () {
      if (resetRun !== null) throw new Error('the baseline is taken once')
      resetRun = guard(runGuarded, false)
      resetScript = guard(scriptGuarded, true)
    },
    // legacy: whether the script can see the legacy parameters made from the scopes and the request (request,
    // environment, globals, data, responseHeaders): the worker tells from its source. When it cannot, they stay
    // undefined and cost nothing (issue #6: a copy of every scope for every script).
    begin: function (json, legacy) {
      var input = parse(json), scopes = input.scopes
      state = { input: input, own: Object.create(null), tests: [], legacy: {}, console: [], scopes: scopes,
        request: input.request, skipRequest: false, outbox: [], waiting: new Map(), nextCall: 1, timers: new Map(),
        nextTimer: 1, asyncError: undefined, copies: null }
      var res = input.response
      // A test script without a response (a network error) gets postman-sandbox's placeholders (its key is details).
      var noResponse = input.event === 'test' ? { code: { code: NaN, name: '', details: '' }, headers: {}, time: NaN } : {}
      var l = legacy === 0 ? {} : legacyParameters(input, noResponse)
      // In the order of the script function's parameters (worker-source.ts).
      state.args = [pm, postman, state.legacy, l.request, l.environment, l.globals, l.data, input.info.iteration,
        res ? res.body : undefined, res ? { code: res.code, name: res.status, detail: res.status } : noResponse.code,
        l.headers, res ? res.responseTime : noResponse.time]
    },
    invoke: function () {
      var fn = compiled
      compiled = null
      fn.apply(undefined, state.args)
    },
    // One turn of the worker's loop: fires at most one due timer (the worker drains the promise jobs it queued
    // before the next, as Node does), hands over up to limit host calls, and tells what is still awaited.
    poll: function (limit) {
      // Nothing awaited (most scripts): an empty answer, the worker is done.
      if (state.timers.size === 0 && state.outbox.length === 0 && state.waiting.size === 0) return ''
      var now = Date.now(), due = null, next = -1
      state.timers.forEach(function (t) {
        if (t.at <= now && (due === null || t.at < due.at || (t.at === due.at && t.id < due.id))) due = t
      })
      if (due !== null) {
        if (due.every > 0) due.at = now + due.every
        else state.timers.delete(due.id)
        runCallback(due.fn, undefined, due.args)
      }
      now = Date.now()
      state.timers.forEach(function (t) { var wait = Math.max(0, t.at - now); if (next < 0 || wait < next) next = wait })
      return stringify({ fired: due !== null, calls: state.outbox.splice(0, limit), waiting: state.waiting.size, nextTimerMs: next })
    },
    // A host answer: { callId, value } or { callId, error: { message, code? } }.
    deliver: function (json) {
      var reply = parse(json), done = state.waiting.get(reply.callId)
      if (done === undefined) return
      state.waiting.delete(reply.callId)
      if (reply.error !== undefined) done(hostError(reply.error))
      else done(null, reply.value)
    },
    output: function () {
      var out = { tests: [], scopes: state.scopes, request: state.request, skipRequest: state.skipRequest, console: state.console }
      if ('nextRequest' in state) out.nextRequest = state.nextRequest
      if (state.asyncError !== undefined) {
        var e = state.asyncError
        out.error = e instanceof Error ? { kind: 'exception', name: e.name, message: e.message } : { kind: 'exception', name: 'Error', message: text(e) }
      }
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
    // After each script: pm, postman and console as they were.
    reset: function () {
      state = null
      compiled = null
      if (resetScript === null) throw new Error('no baseline')
      resetScript()
    },
    // Before the first script of another run: the globals (a sloppy-mode x = 1) and the built-ins as they were.
    resetRun: function () {
      if (resetRun === null) throw new Error('no baseline')
      resetRun()
    },
  }
  Object.freeze(courier)
  Object.defineProperty(g, '__courier', { value: courier, enumerable: false, writable: false, configurable: false })
})(globalThis)
`
