/**
 * Content-Security-Policy text as directives. The pages carry Astro's policy in a `<meta>`; the
 * `_headers` file sends the same policy as a header, plus what only a header can carry. Both
 * apply at once, so the header must allow exactly what the meta allows, no more.
 */
export type Policy = Map<string, string[]>;

/** Directives a `<meta>` policy cannot carry (CSP3 §3.3): they only work as a header. */
export const HEADER_ONLY: ReadonlyArray<[string, string[]]> = [['frame-ancestors', ["'none'"]]];

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

export function serializePolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** Every source any of the pages' policies allows, per directive, in first-seen order. */
export function unionPolicies(policies: Policy[]): Policy {
  const union: Policy = new Map();
  for (const policy of policies) {
    for (const [name, sources] of policy) {
      const seen = union.get(name) ?? [];
      union.set(name, [...seen, ...sources.filter((s) => !seen.includes(s))]);
    }
  }
  return union;
}

/** The header policy for a site whose pages carry `metaPolicies`. */
export function headerPolicy(metaPolicies: Policy[]): Policy {
  if (metaPolicies.length === 0) throw new Error('no page carries a Content-Security-Policy <meta>: is `security.csp` on in astro.config.ts?');
  const union = unionPolicies(metaPolicies);
  for (const [name, sources] of HEADER_ONLY) union.set(name, sources);
  return union;
}

/** The policy of a page's `<meta http-equiv="content-security-policy">`, if it has one. */
export function metaPolicyOf(html: string): Policy | null {
  const match = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
  return match ? parsePolicy(match[1]!.replaceAll('&#39;', "'").replaceAll('&quot;', '"')) : null;
}

/** Placeholder in `public/_headers` that the build replaces with the header policy. */
export const CSP_PLACEHOLDER = 'Content-Security-Policy: (written by the build from the pages’ CSP meta)';

export function fillHeadersFile(text: string, policy: Policy): string {
  if (!text.includes(CSP_PLACEHOLDER)) {
    throw new Error(`public/_headers: the line "${CSP_PLACEHOLDER}" is missing under "/*"; put it back so the build can write the policy there.`);
  }
  return text.replace(CSP_PLACEHOLDER, `Content-Security-Policy: ${serializePolicy(policy)}`);
}
