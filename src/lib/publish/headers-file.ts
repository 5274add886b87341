/**
 * The `_headers` file format shared by Netlify and Cloudflare Pages: a path pattern on its own
 * line, then indented `Name: value` lines. Our own server applies it the same way, so what the
 * tests see is what those hosts send.
 */
export interface HeaderRule {
  pattern: string;
  headers: Array<[string, string]>;
  /** `! Name` lines: headers set by earlier matching rules that this rule removes (Cloudflare). */
  removes: string[];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let current: HeaderRule | undefined;
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      current = { pattern: line.trim(), headers: [], removes: [] };
      rules.push(current);
      return;
    }
    const removal = /^\s+!\s*([\w-]+)\s*$/.exec(line);
    if (current && removal) {
      current.removes.push(removal[1]!.toLowerCase());
      return;
    }
    const colon = line.indexOf(':');
    if (!current || colon < 0) {
      throw new Error(`_headers line ${index + 1}: expected "  Name: value" under a path pattern, got "${line.trim()}"`);
    }
    current.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  });
  return rules;
}

/** `*` matches any run of characters (a "splat"), `:name` one path segment. */
export function matchesPattern(pattern: string, pathname: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]\w*/g, '[^/]+'))
    .join('.*');
  return new RegExp(`^${source}$`).test(pathname);
}

/**
 * All headers for a path, as Cloudflare Pages computes them: every matching rule applies, a
 * header set twice is joined with a comma, and `! Name` removes what earlier rules set.
 */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const rule of rules) {
    if (!matchesPattern(rule.pattern, pathname)) continue;
    for (const name of rule.removes) result.delete(name);
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      const previous = result.get(key);
      result.set(key, previous ? `${previous}, ${value}` : value);
    }
  }
  return result;
}
