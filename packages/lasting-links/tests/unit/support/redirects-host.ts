/**
 * A `_redirects` file read the way Cloudflare Pages and Netlify document it, for tests: one
 * rule a line (`from to status`), `#` comments, the first matching rule wins, a trailing `*`
 * matches the rest of the path and `:splat` in the target is what it matched, and a `:name`
 * segment matches one path segment, put into the target where `:name` stands. Counts what the
 * hosts' limits count.
 */
export interface RedirectsFile {
  /** Where a request path is sent, or undefined when no rule matches. */
  answer(path: string): string | undefined;
  staticRules: number;
  dynamicRules: number;
  longestLine: number;
  /** Whether every static rule comes before the first dynamic one. */
  staticFirst: boolean;
}

export function readRedirectsFile(text: string): RedirectsFile {
  const rules = text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [from, to, status] = line.trim().split(/\s+/);
      if (from === undefined || to === undefined || status !== '301')
        throw new Error(`not a 301 rule: ${line}`);
      const pattern = new RegExp(
        `^${decodeURI(from)
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*$/, '(?<splat>.*)')
          .replace(/:([a-z]+)/g, '(?<$1>[^/]+)')}$`,
      );
      return { pattern, to, dynamic: from.includes('*') || from.includes('/:'), line };
    });
  const firstDynamic = rules.findIndex((rule) => rule.dynamic);
  return {
    answer(path) {
      for (const rule of rules) {
        const match = rule.pattern.exec(path);
        if (match !== null)
          return rule.to.replace(/:([a-z]+)/g, (_, name: string) => match.groups?.[name] ?? '');
      }
      return undefined;
    },
    staticRules: rules.filter((rule) => !rule.dynamic).length,
    dynamicRules: rules.filter((rule) => rule.dynamic).length,
    longestLine: Math.max(0, ...rules.map((rule) => rule.line.length)),
    staticFirst: firstDynamic < 0 || rules.slice(firstDynamic).every((rule) => rule.dynamic),
  };
}
