import type { CollectionOutline, EnvironmentOutline, ItemOutline, ScriptCounts } from '@courier/core'
import type { Colors } from '../terminal.js'

const methodColors: Record<string, keyof Colors> = {
  GET: 'green',
  POST: 'yellow',
  PUT: 'blue',
  PATCH: 'magenta',
  DELETE: 'red',
}

/**
 * The text form of `courier inspect` for a collection: a header with counts, auth, variables and scripts, then
 * the tree of folders and requests with method, URL, auth, scripts and saved examples.
 * @example terminal.out(renderCollectionOutline(outline, { format: 'v2.1.0', colors }))
 */
export function renderCollectionOutline(
  outline: CollectionOutline,
  options: { format: string; colors: Colors },
): string {
  const { colors } = options
  const { counts } = outline
  const lines = [
    `${colors.bold(outline.name || '(unnamed collection)')}  ${colors.dim(
      `Postman ${options.format} · ${plural(counts.requests, 'request')} · ${plural(counts.folders, 'folder')} · ${plural(counts.examples, 'example')}`,
    )}`,
  ]
  const description = outline.description?.split('\n').find((line) => line.trim() !== '')
  if (description !== undefined) lines.push(colors.dim(description.trim()))
  lines.push(`auth: ${outline.auth?.type ?? 'none'}`)
  const scripts = describeScripts(outline.scripts)
  if (scripts !== '') lines.push(`scripts: ${scripts}`)
  if (outline.variables.length > 0) {
    lines.push(`variables (${outline.variables.length}):`)
    for (const variable of outline.variables) {
      const off = variable.disabled ? colors.dim(' (disabled)') : ''
      lines.push(`  ${colors.cyan(variable.key)} = ${variable.value}${off}`)
    }
  }
  lines.push('')
  renderItems(outline.items, '', lines, colors)
  return `${lines.join('\n')}\n`
}

function renderItems(items: readonly ItemOutline[], indent: string, lines: string[], colors: Colors): void {
  items.forEach((item, index) => {
    const last = index === items.length - 1
    const branch = `${indent}${last ? '└─ ' : '├─ '}`
    const childIndent = `${indent}${last ? '   ' : '│  '}`
    if (item.type === 'folder') {
      const notes = [item.auth === undefined ? '' : `auth: ${item.auth}`, describeScripts(item.scripts)]
      lines.push(`${branch}${colors.bold(`${item.name}/`)}${details(notes, colors)}`)
      renderItems(item.items, childIndent, lines, colors)
      return
    }
    const color = colors[methodColors[item.method] ?? 'cyan']
    const notes = [
      item.auth === 'inherit' ? '' : `auth: ${item.auth}`,
      item.bodyMode === undefined ? '' : `body: ${item.bodyMode}`,
      describeScripts(item.scripts),
      item.examples === 0 ? '' : plural(item.examples, 'example'),
    ]
    lines.push(
      `${branch}${color(item.method.padEnd(6))} ${item.name}  ${colors.dim(item.url)}${details(notes, colors)}`,
    )
  })
}

/**
 * The text form of `courier inspect` for an environment or globals file: its name and values.
 * @example terminal.out(renderEnvironmentOutline(outline, colors))
 */
export function renderEnvironmentOutline(outline: EnvironmentOutline, colors: Colors): string {
  const lines = [
    `${colors.bold(outline.name || `(unnamed ${outline.scope})`)}  ${colors.dim(`${outline.scope} · ${plural(outline.values.length, 'value')}`)}`,
  ]
  for (const value of outline.values) {
    const notes = [value.type === undefined ? '' : value.type, value.disabled ? 'disabled' : '']
    lines.push(`  ${colors.cyan(value.key)} = ${value.value}${details(notes, colors)}`)
  }
  return `${lines.join('\n')}\n`
}

function describeScripts(scripts: ScriptCounts): string {
  const parts = [
    scripts.prerequest === 0 ? '' : `pre-request ${plural(scripts.prerequest, 'line')}`,
    scripts.test === 0 ? '' : `test ${plural(scripts.test, 'line')}`,
  ]
  return parts.filter((part) => part !== '').join(', ')
}

function details(notes: readonly string[], colors: Colors): string {
  const shown = notes.filter((note) => note !== '')
  return shown.length === 0 ? '' : colors.dim(`  [${shown.join(' · ')}]`)
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
