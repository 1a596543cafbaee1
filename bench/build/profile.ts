/**
 * Reads the V8 CPU profiles a build wrote (`node --cpu-prof`) and says where the time went:
 * self time by package (or project folder) and by function, the largest first. A cost that
 * grows with the page count shows up here as a package or function whose share grows when the
 * same build runs at a larger size.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/astro/…` is "astro"; a project file is its folder (`src/lib/site`); Node's own is "node:". */
function ownerOf(url: string, projectDir: string): string {
  if (url === '') return '(native or idle)';
  if (url.startsWith('node:')) return 'node: (runtime)';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = path.slice(modules + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const inProject = path.startsWith(projectDir) ? path.slice(projectDir.length + 1) : path;
  return inProject.split('/').slice(0, -1).join('/') || inProject;
}

/** A table of the top self-time owners and functions over every profile in `dir`. */
export function summarizeProfile(dir: string, projectDir: string, top = 20): string {
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const node = nodes.get(id)!;
      const micros = profile.timeDeltas[index] ?? 0;
      total += micros;
      const { functionName, url, lineNumber } = node.callFrame;
      const owner = ownerOf(url, projectDir);
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros);
      const name = `${functionName || '(anonymous)'} ${owner}:${lineNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    });
  }
  const table = (title: string, rows: Map<string, number>) =>
    [
      `| ${title} | self time | share |`,
      '| --- | --- | --- |',
      ...[...rows]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(
          ([name, micros]) =>
            `| ${name} | ${(micros / 1e6).toFixed(2)} s | ${((micros / total) * 100).toFixed(1)}% |`,
        ),
    ].join('\n');
  return `${table('package or folder', byOwner)}\n\n${table('function', byFunction)}\n`;
}
