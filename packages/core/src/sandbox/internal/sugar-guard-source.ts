// Evaluated in every fresh context right after SugarJS (generated/sugar-bundle.ts), before the pm layer's baseline
// (docs/adr/0016-sugarjs.md). Plain JavaScript kept as a string (no backticks or `${` inside).
// Sugar keeps a record of each method it added, per class (`Array.SugarMethods.first = { method, existed, original,
// instance }`), and its sugarRestore()/sugarRevert() read them: a record a script replaced or changed would reach
// the next script's sugarRestore() (issue #6). The records are frozen (Sugar only ever replaces them) and each
// class's SugarMethods object is guarded like the built-ins, so a record a script adds or replaces is undone.

/** The source that freezes SugarJS's records of its methods and hands their holders to the pm layer's guard. */
export const sugarGuardSource: string = String.raw`
(function (g) {
  'use strict'
  var classes = [Object, Array, String, Number, Boolean, Date, RegExp, Function]
  var records = classes.map(function (c) {
    var m = c.SugarMethods
    if (m === null || typeof m !== 'object') throw new Error('SugarJS did not set up ' + c.name)
    Object.keys(m).forEach(function (name) { Object.freeze(m[name]) })
    return m
  })
  g.__courier.guard.apply(undefined, records)
})(globalThis)
`
