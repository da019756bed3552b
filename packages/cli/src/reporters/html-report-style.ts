/** The html report's stylesheet, inlined in the page: light and dark, readable when printed. */
export const htmlReportStyle = `
:root { color-scheme: light dark; --fg: #1d1f23; --muted: #6a6f78; --bg: #fff; --panel: #f5f6f8; --line: #d9dce1;
  --pass: #1a7f37; --fail: #c62828; --warn: #a15c00; --bar: #3b6fd8; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e8eb; --muted: #9aa0a9; --bg: #16181c; --panel: #1f2228;
  --line: #343841; --pass: #4cc06b; --fail: #ff6b6b; --warn: #f0a640; --bar: #6d9bff; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 15px/1.45 system-ui, sans-serif; color: var(--fg);
  background: var(--bg); }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; overflow-wrap: anywhere; }
h2 { margin: 2rem 0 .75rem; font-size: 1.15rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
pre { margin: .25rem 0; white-space: pre-wrap; overflow-wrap: anywhere; font: 13px/1.4 ui-monospace, monospace; }
.muted { color: var(--muted); }
.verdict { display: inline-block; margin: .25rem 0; padding: .1rem .6rem; border-radius: 1rem; font-weight: 600; }
.verdict.pass { color: var(--pass); border: 1px solid var(--pass); }
.verdict.fail { color: var(--fail); border: 1px solid var(--fail); }
table.summary { border-collapse: collapse; min-width: 24rem; }
table.summary th, table.summary td { padding: .3rem .8rem; border-bottom: 1px solid var(--line); text-align: right; }
table.summary tbody th { font-weight: 500; }
tr.fail td, tr.fail th { color: var(--fail); }
dl.timings { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
dl.timings dt { color: var(--muted); } dl.timings dd { margin: 0; }
svg.chart { width: 100%; height: auto; background: var(--panel); border-radius: .4rem; }
svg.chart text { font: 11px system-ui, sans-serif; fill: var(--muted); }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .bar { fill: var(--bar); } svg.chart .bar.fail { fill: var(--fail); }
ol.failures li { margin-bottom: .75rem; }
.tag { display: inline-block; padding: 0 .4rem; border-radius: .3rem; background: var(--panel);
  font: 12px ui-monospace, monospace; }
details.request { border: 1px solid var(--line); border-radius: .4rem; margin: .4rem 0; padding: .35rem .7rem; }
details.request.fail { border-color: var(--fail); }
details.request summary { cursor: pointer; overflow-wrap: anywhere; }
.method { font: 600 13px ui-monospace, monospace; }
.status { font-weight: 600; color: var(--pass); } .status.warn { color: var(--warn); } .status.fail { color: var(--fail); }
.url { font: 13px ui-monospace, monospace; overflow-wrap: anywhere; margin: .4rem 0; }
ul.assertions { list-style: none; padding-left: .5rem; margin: .25rem 0; }
li.pass { color: var(--pass); } li.fail { color: var(--fail); } li.skip { color: var(--muted); }
@media print { details.request { break-inside: avoid; } }
`
