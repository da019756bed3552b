// Bundles the libraries of the QuickJS sandbox (DESIGN.md "Script sandbox", docs/adr/0009-sandbox-libraries.md).
// QuickJS has no module loader for npm packages, so each library becomes one script:
// - chai, evaluated once per context as an IIFE that sets `globalThis.__courierChai` (src/sandbox/generated/chai-bundle.ts);
// - the libraries scripts `require()` (lodash, moment, cheerio…), one CommonJS function each, evaluated only on a
//   script's first require of it (src/sandbox/generated/library-bundles.ts).
// The output is committed, so typecheck and tests run from sources without a build; `npm run build` regenerates it,
// and `--check` (a test runs it) fails when the committed files differ from what the installed packages give.
import { build } from 'esbuild'
import { readFile, writeFile } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { bundleSugar } from './bundle-sugar.mjs'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const common = {
  bundle: true,
  write: false,
  target: 'es2022',
  minify: true,
  // The same bytes whatever the working directory: esbuild names modules relative to it.
  absWorkingDir: packageDir,
  logLevel: 'error',
}

// chai's proxy (config.useProxy, on as in Postman's sandbox: `pm.expect(x).to.be.tru` throws "Invalid Chai
// property") runs its get trap for every property read of an assertion, chai's own `__flags` reads included: ~12 a
// `pm.expect(1).to.equal(1)`, most of that assertion's time in QuickJS (issue #6). The same trap, reading the common
// case first: `in` for Reflect.has, `target[key]` for Reflect.get (the target is never a proxy), chai's internal keys
// compared directly instead of through indexOf. Same answers and errors; the build fails if chai's trap changes.
const chaiProxyTrap = {
  from: `    get: /* @__PURE__ */ __name(function proxyGetter(target, property) {
      if (typeof property === "string" && config.proxyExcludedKeys.indexOf(property) === -1 && !Reflect.has(target, property)) {`,
  to: `    get: /* @__PURE__ */ __name(function proxyGetter(target, property) {
      if (property === "__flags" || property === "_obj" || property === "assert" || property === "__methods") {
        if (property in target) return target[property];
      } else if (property in target) {
        const flags = target.__flags || (target.__flags = Object.create(null));
        if (!flags.lockSsfi) flags.ssfi = proxyGetter;
        return target[property];
      }
      if (typeof property === "string" && config.proxyExcludedKeys.indexOf(property) === -1 && !Reflect.has(target, property)) {`,
}
// `.property(name[, value])` builds its messages before asserting, each with chai's inspect() of the name: ~10-20 µs
// in QuickJS for messages only a failure shows. chai takes a function for a message and calls it on failure
// (getMessage, before it fills in #{this}, #{exp} and #{act}), so the messages are made then: the same text.
const chaiPropertyMessages = {
  from: `      "expected #{this} to have " + descriptor + inspect2(name),
      "expected #{this} to not have " + descriptor + inspect2(name)
    );`,
  to: `      () => "expected #{this} to have " + descriptor + inspect2(name),
      () => "expected #{this} to not have " + descriptor + inspect2(name)
    );`,
}
const chaiPropertyValueMessages = {
  from: `      "expected #{this} to have " + descriptor + inspect2(name) + " of #{exp}, but got #{act}",
      "expected #{this} to not have " + descriptor + inspect2(name) + " of #{act}",`,
  to: `      () => "expected #{this} to have " + descriptor + inspect2(name) + " of #{exp}, but got #{act}",
      () => "expected #{this} to not have " + descriptor + inspect2(name) + " of #{act}",`,
}
// `lengthOf(n)` first asserts, with a new assertion, that the value has a length property (chai's hasProperty:
// \`name in Object(obj)\`, for a value that is not null or undefined). When it has one, that assertion can only pass:
// it is skipped; otherwise it runs and fails with chai's own message, as before.
const chaiLengthCheck = {
  from: `    default:
      new Assertion(obj, flagMsg, ssfi, true).to.have.property("length");
      itemsCount = obj.length;`,
  to: `    default:
      if (obj === null || obj === void 0 || !("length" in Object(obj)))
        new Assertion(obj, flagMsg, ssfi, true).to.have.property("length");
      itemsCount = obj.length;`,
}
const chaiPlugin = {
  name: 'courier-chai-patches',
  setup(b) {
    b.onLoad({ filter: /[\\/]chai[\\/]index\.js$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8')
      for (const [name, patch] of [
        ['proxy trap', chaiProxyTrap],
        ['property messages', chaiPropertyMessages],
        ['property value messages', chaiPropertyValueMessages],
        ['length check', chaiLengthCheck],
      ]) {
        if (!source.includes(patch.from)) throw new Error(`chai's ${name} changed: update ${args.path} patch`)
        source = source.replace(patch.from, patch.to)
      }
      return { contents: source, loader: 'js' }
    })
  },
}

async function bundleChai() {
  const result = await build({
    ...common,
    stdin: {
      contents: "export { expect, assert, AssertionError, use, config } from 'chai'",
      resolveDir: import.meta.dirname,
    },
    format: 'iife',
    globalName: '__courierChai',
    plugins: [chaiPlugin],
    platform: 'neutral',
    legalComments: 'inline',
    // chai 6 announces plugins through EventTarget/Event, which QuickJS lacks: a minimal stand-in.
    banner: {
      js:
        'var EventTarget=globalThis.EventTarget||class EventTarget{constructor(){this.l={}}addEventListener(t,f){(this.l[t]=this.l[t]||[]).push(f)}removeEventListener(t,f){this.l[t]=(this.l[t]||[]).filter(g=>g!==f)}dispatchEvent(e){(this.l[e.type]||[]).forEach(f=>f(e));return true}};' +
        'var Event=globalThis.Event||class Event{constructor(t){this.type=t}};',
    },
  })
  // One function scope, so the stand-ins and chai's own names stay out of the sandbox's globals.
  const code = `(function(){${result.outputFiles[0].text};globalThis.__courierChai=__courierChai})();`
  return (
    `// Generated by packages/core/scripts/bundle-sandbox.mjs from chai: do not edit.\n` +
    `/** chai, bundled as one script that sets \`globalThis.__courierChai\` inside the sandbox. */\n` +
    `export const chaiBundle: string = ${JSON.stringify(code)}\n`
  )
}

// The bundle's name (what module-loader-source.ts asks for) → what it exports. Node's built-in names (buffer, url,
// util, events) are imported with a trailing slash: the npm package of that name, not the built-in.
const libraries = {
  lodash: "module.exports = require('lodash')",
  'crypto-js': "module.exports = require('crypto-js')",
  // Postman's require('uuid') is a function making a v4 UUID that also carries uuid's API (uuid.v4, uuid.v1…).
  uuid: "var uuid = require('uuid'); module.exports = Object.assign(function v4() { return uuid.v4.apply(null, arguments) }, uuid)",
  moment: "module.exports = require('moment')",
  // cheerio's browser build: load() without fromURL(), so no undici and no Node streams.
  cheerio: "module.exports = require('cheerio')",
  ajv: "module.exports = require('ajv')",
  tv4: "module.exports = require('tv4')",
  xml2js: "module.exports = require('xml2js')",
  'csv-parse-sync': "module.exports = require('csv-parse/sync')",
  buffer: "module.exports = require('buffer/')",
  url: "module.exports = require('url/')",
  util: "module.exports = require('util/')",
  querystring: "module.exports = require('querystring-es3')",
  events: "module.exports = require('events/')",
  // Postman's dynamic variables for pm.variables.replaceIn: the runner's own generators (src/variables) with faker.
  'dynamic-variables': "module.exports = require('./src/variables/create-dynamic-variables.ts')",
}

// Node's built-ins stay outside each bundle: at run time the bundle's `require` gives the sandbox's own (buffer,
// events…), a stand-in (crypto, timers) or `Cannot find module`, which the libraries expect in a browser.
const builtins = new RegExp(
  `^(node:)?(${builtinModules
    .filter((name) => !name.startsWith('_'))
    .map((name) => name.replace(/\//g, '\\/'))
    .join('|')})$`,
)
const sandboxPlugin = {
  name: 'courier-sandbox',
  setup(b) {
    // Free `Buffer` references (csv-parse) read the sandbox's buffer module, loaded when first touched.
    b.onResolve({ filter: /^courier:buffer$/ }, () => ({ path: 'buffer', namespace: 'courier' }))
    b.onLoad({ filter: /.*/, namespace: 'courier' }, () => ({
      contents: "export { Buffer } from 'buffer'",
      loader: 'js',
      resolveDir: packageDir,
    }))
    b.onResolve({ filter: builtins }, (args) => ({ path: args.path, external: true }))
  },
}

async function bundleLibrary(contents) {
  const result = await build({
    ...common,
    stdin: { contents, resolveDir: packageDir },
    format: 'cjs',
    // The browser builds: no Node streams, sockets or files.
    platform: 'browser',
    legalComments: 'none',
    inject: ['courier:buffer'],
    // uuid's browser build reads a global `crypto`: the loader passes its stand-in under this name instead.
    define: { crypto: '__courierCrypto' },
    plugins: [sandboxPlugin],
  })
  // A function of the CommonJS names, compiled on first require (module-loader-source.ts calls it).
  return `(function (module, exports, require, process, __courierCrypto) {${result.outputFiles[0].text}\n})`
}

async function bundleLibraries() {
  const entries = []
  for (const [name, contents] of Object.entries(libraries)) {
    entries.push(`  ${JSON.stringify(name)}: ${JSON.stringify(await bundleLibrary(contents))},`)
  }
  return (
    `// Generated by packages/core/scripts/bundle-sandbox.mjs from the installed packages: do not edit.\n` +
    `/** The libraries scripts may \`require()\`, each one CommonJS function as source, compiled on first use. */\n` +
    `export const libraryBundles: Readonly<Record<string, string>> = {\n${entries.join('\n')}\n}\n`
  )
}

const outputs = [
  ['src/sandbox/generated/chai-bundle.ts', await bundleChai()],
  ['src/sandbox/generated/library-bundles.ts', await bundleLibraries()],
  // SugarJS's prototype extensions, evaluated in every fresh context (docs/adr/0016-sugarjs.md).
  ['src/sandbox/generated/sugar-bundle.ts', await bundleSugar(packageDir)],
]
for (const [file, text] of outputs) {
  const out = new URL(`../${file}`, import.meta.url)
  if (process.argv.includes('--check')) {
    const committed = await readFile(out, 'utf8').catch(() => '')
    if (committed !== text) {
      process.stderr.write(`${file} is stale: run \`npm run build -w @courier/core\`\n`)
      process.exitCode = 1
    }
  } else {
    await writeFile(out, text)
  }
}
