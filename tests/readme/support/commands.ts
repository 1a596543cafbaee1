/**
 * What the README tells a newcomer to run, read from the README itself: the commands of its
 * "Set up on a fresh machine" section (its `sh` blocks, one command per line, `a && b` as two)
 * and the scripts its "npm scripts" table lists, in the order the README gives them.
 */

/** The text of the `## title` section, up to the next `## ` heading. */
function section(readme: string, title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start === -1) throw new Error(`README.md has no "## ${title}" section`);
  const rest = readme.slice(start + title.length + 5);
  const end = rest.search(/\n## /);
  return end === -1 ? rest : rest.slice(0, end);
}

/** The commands of the set-up section's `sh` blocks, each `a && b` split into its commands. */
export function setUpCommands(readme: string): string[] {
  const text = section(readme, 'Set up on a fresh machine');
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) =>
    block[1]!
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter(Boolean)
      .flatMap((line) => line.split(/\s*&&\s*/)),
  );
}

/**
 * The scripts of the "npm scripts" table, as commands: the code spans of each row's first cell
 * (`npm run format` / `check:format` is two rows in one, the second spelled as its script name).
 */
export function npmScriptCommands(readme: string): string[] {
  const text = section(readme, 'npm scripts');
  const rows = text.split('\n').filter((line) => line.startsWith('| `'));
  return rows.flatMap((row) => {
    const first = row.split(' | ')[0]!;
    return [...first.matchAll(/`([^`]+)`/g)].map((match) => {
      const written = match[1]!;
      return written.startsWith('npm ') ? written : `npm run ${written}`;
    });
  });
}
