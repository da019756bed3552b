/** HTML elements that never have a closing tag. */
const voidElements = new Set([
  'meta',
  'link',
  'br',
  'hr',
  'img',
  'input',
  'col',
  'area',
  'base',
  'wbr',
  'source',
])

/** What {@link checkHtml} found: problems (empty when the page passes) and the text of every element by tag. */
export interface HtmlCheck {
  problems: string[]
  /** The text content (entities decoded) of each element, by tag name, in document order. */
  text: (tag: string) => string[]
}

/**
 * A strict structural check of a generated page, standing in for a parser (none is a dependency the CLI tests
 * may import): a doctype, tags that nest and close in order, quoted attributes, no raw `<` or bare `&` in text,
 * no script, event handler, `src`/`href`, or stylesheet `url()`/`@import`.
 */
export function checkHtml(html: string): HtmlCheck {
  const problems: string[] = []
  if (!html.startsWith('<!doctype html>')) problems.push('no doctype')
  const stack: { tag: string; text: string }[] = []
  const texts: { tag: string; text: string }[] = []
  const tagPattern = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[a-zA-Z][\w:-]*(?:="[^"<>]*")?)*)\s*(\/?)>/y
  let index = html.indexOf('>') + 1
  const addText = (chunk: string) => {
    if (chunk.includes('>')) problems.push(`raw > in text: ${chunk.slice(0, 40)}`)
    if (/&(?!(?:amp|lt|gt|quot|#39);)/.test(chunk)) problems.push(`bare & in text: ${chunk.slice(0, 40)}`)
    const decoded = decode(chunk)
    for (const open of stack) open.text += decoded
  }
  while (index < html.length) {
    const next = html.indexOf('<', index)
    if (next === -1) {
      addText(html.slice(index))
      break
    }
    addText(html.slice(index, next))
    tagPattern.lastIndex = next
    const match = tagPattern.exec(html)
    if (match === null) {
      problems.push(`not a tag at ${next}: ${html.slice(next, next + 40)}`)
      index = next + 1
      continue
    }
    const [whole, closing, rawTag = '', attributes = '', selfClosing] = match
    const tag = rawTag.toLowerCase()
    if (tag === 'script') problems.push('a script element')
    if (/\son\w+=/i.test(attributes)) problems.push(`an event handler: ${whole}`)
    if (/\s(?:src|href|xlink:href|action|formaction)=/i.test(attributes)) problems.push(`a link: ${whole}`)
    if (closing === '/') {
      const open = stack.pop()
      if (open?.tag !== tag) problems.push(`</${tag}> closes <${open?.tag ?? 'nothing'}>`)
      else texts.push(open)
    } else if (selfClosing !== '/' && !voidElements.has(tag)) stack.push({ tag, text: '' })
    index = next + whole.length
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.map((open) => open.tag).join(', ')}`)
  // Text may quote URLs (the requests'); what must not exist is anything the browser would load.
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? ''
  if (/url\(|@import/i.test(style)) problems.push('the stylesheet loads something')
  return {
    problems,
    text: (tag) => texts.filter((entry) => entry.tag === tag).map((entry) => entry.text),
  }
}

function decode(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')
}
