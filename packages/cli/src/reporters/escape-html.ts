/**
 * Escapes untrusted text (names, URLs, messages, bodies) for HTML and SVG content and quoted attributes, and drops
 * the characters HTML forbids (controls other than tab and newline, lone surrogates, noncharacters).
 * @example `<td>${escapeHtml(name)}</td>`
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{10FFFD}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}
