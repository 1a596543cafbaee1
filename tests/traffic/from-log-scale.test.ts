/**
 * `moves --from-log` against the scale site (the real Mattermost page list and its real
 * 2,166-key Sphinx-era map, tests/scale/): a deterministic sample of the map's page moves is
 * taken out of the map, readers' 404s for their old addresses are written as access logs
 * (nginx combined, and the same requests as S3 and CloudFront logs, gzipped) among probes,
 * assets, bots and ordinary traffic, and the proposals are measured against where the real map
 * sends each address. Works from the sources, as `moves` does; nothing is built.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeScaleProject, lastingLinks } from '../scale/scale-project.ts';
import { scalePagePath } from '../scale/generate-pages.ts';
import { parseRedirectMap } from '../../packages/lasting-links/src/lib/redirects/redirect-map.ts';
import {
  displayLocation,
  displayTarget,
} from '../../packages/lasting-links/src/lib/redirects/locations.ts';
import { readSphinxKey } from '../../packages/lasting-links/src/lib/redirects/sphinx-addresses.ts';
import { editMapFile } from '../../packages/lasting-links/src/lib/moves/edit-map-file.ts';
import { CONFIDENT } from '../../packages/lasting-links/src/lib/traffic/propose.ts';
import { linkSettings } from '../../src/config.ts';
import {
  ASSETS,
  BOTS,
  BROWSERS,
  CLOUDFRONT_HEADER,
  PROBES,
  cloudFrontLine,
  nginxLine,
  s3Line,
  type LoggedRequest,
} from './support/log-lines.ts';

const root = join(import.meta.dirname, '../..');
const fixtures = join(root, 'tests/fixtures/mattermost');
const work = join(root, '.build', 'traffic-scale');
const project = join(work, 'project');
const mapFile = join(project, linkSettings.redirects);

interface Finding {
  from: string;
  hits: number;
  status: string;
  to: string | null;
  confidence: number | null;
  candidates: Array<{ to: string; confidence: number }>;
}
const readJsonLines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Finding & { unused?: string });

test(
  'moves --from-log on the scale site: proposals against the real map, probes and assets never proposed, nothing uncertain written',
  { timeout: 300_000 },
  () => {
    rmSync(work, { recursive: true, force: true });
    try {
      writeScaleProject(project, fixtures, join(work, 'dist'));
      const livePages = new Set(
        readFileSync(join(fixtures, 'mattermost-pages-2026.txt'), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map(scalePagePath),
      );

      // The sample: page moves of the map (an old .html page now elsewhere, not merely its
      // Sphinx-era spelling), every fourth in the map's order, taken out of the map.
      const mapText = readFileSync(mapFile, 'utf8');
      const map = parseRedirectMap(mapText, linkSettings.redirects, linkSettings.redirectHosts);
      const moves = map.entries.filter((entry) => {
        if (
          entry.from.fragment !== null ||
          entry.to.kind !== 'site' ||
          !entry.from.path.endsWith('.html')
        )
          return false;
        const read = readSphinxKey(entry.from.path);
        return read.ok && read.value.page !== entry.to.path && !livePages.has(read.value.page);
      });
      const sample = moves.filter((_, index) => index % 4 === 0);
      assert.ok(sample.length >= 100, `a sample of ${sample.length}`);
      const expected = new Map(
        sample.map((entry) => [entry.from.path as string, displayTarget(entry.to)]),
      );
      writeFileSync(
        mapFile,
        editMapFile(
          mapText,
          sample.map((entry) => ({ kind: 'remove', entry, why: 'sample' })),
        ),
      );
      const kept = map.entries.filter((entry) => !sample.includes(entry));

      // The traffic of two weeks: readers' 404s for the sample, bots on the same paths and on
      // paths readers never asked for, scanners' probes, missing assets, pages and used redirects.
      const start = Date.UTC(2026, 10, 1);
      const requests: LoggedRequest[] = [];
      const at = (n: number) => start + ((n * 7919) % (14 * 86_400)) * 1000;
      let n = 0;
      const add = (path: string, status: number, userAgent: string) =>
        requests.push({ path, status, time: at((n += 1)), userAgent });
      sample.forEach((entry, index) => {
        for (let hit = 0; hit <= index % 4; hit += 1)
          add(entry.from.path, 404, BROWSERS[(index + hit) % BROWSERS.length]!);
        add(entry.from.path, 404, BOTS[index % BOTS.length]!);
      });
      for (const bot of BOTS) add(`/only-bots-ask-for-this-${BOTS.indexOf(bot)}.html`, 404, bot);
      for (const probe of PROBES) for (const agent of BROWSERS) add(probe, 404, agent);
      for (const asset of ASSETS) add(asset, 404, BROWSERS[0]!);
      const usedEntries = kept.filter((entry) => entry.from.fragment === null).slice(0, 40);
      for (const entry of usedEntries) add(entry.from.path, 301, BROWSERS[1]!);
      for (const page of [...livePages].slice(0, 200)) add(page, 200, BROWSERS[2]!);
      add('/no/such/words-anywhere-xyzzy.html', 404, BROWSERS[3]!);

      const logs = join(work, 'logs');
      mkdirSync(logs, { recursive: true });
      writeFileSync(join(logs, 'access.log'), `${requests.map(nginxLine).join('\n')}\n`);
      writeFileSync(join(logs, 's3-access'), gzipSync(`${requests.map(s3Line).join('\n')}\n`));
      writeFileSync(
        join(logs, 'E2EXAMPLE.2026-11-01-00.a1b2c3d4.gz'),
        gzipSync(`${CLOUDFRONT_HEADER}${requests.map(cloudFrontLine).join('\n')}\n`),
      );

      const report = lastingLinks(project, [
        'moves',
        '--from-log',
        join(logs, 'access.log'),
        '--format',
        'json',
      ]);
      assert.equal(report.status, 1, report.output.slice(-2000));
      const lines = readJsonLines(
        report.output
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .join('\n'),
      );
      const findings = lines.filter((line) => line.unused === undefined);
      // The same requests logged by S3 and by CloudFront give the same findings (each format
      // named with --log-format is proven on the small site, from-log-cli.test.ts).
      for (const file of ['s3-access', 'E2EXAMPLE.2026-11-01-00.a1b2c3d4.gz']) {
        const other = lastingLinks(project, [
          'moves',
          '--from-log',
          join(logs, file),
          '--format',
          'json',
        ]);
        assert.deepEqual(
          readJsonLines(
            other.output
              .split('\n')
              .filter((line) => line.startsWith('{'))
              .join('\n'),
          ),
          lines,
          file,
        );
      }

      // Probes, assets and paths only bots asked for are never listed, let alone proposed.
      const listed = new Set(findings.map((finding) => finding.from));
      for (const path of [...PROBES, ...ASSETS]) assert.ok(!listed.has(path), `${path} is listed`);
      assert.ok(
        ![...listed].some((path) => path.includes('only-bots')),
        'a path only bots asked for is listed',
      );
      // Hits count readers only.
      const first = sample[0]!.from.path;
      assert.equal(findings.find((finding) => finding.from === first)?.hits, 1);

      let top = 0;
      let inThree = 0;
      let proposed = 0;
      let proposedRight = 0;
      const misses: string[] = [];
      for (const [from, to] of expected) {
        const finding = findings.find((item) => item.from === from);
        assert.ok(finding !== undefined, `${from} is not listed`);
        const best =
          finding.status === 'proposed' ? finding.to : (finding.candidates[0]?.to ?? null);
        if (best === to) top += 1;
        if (finding.candidates.slice(0, 3).some((candidate) => candidate.to === to)) inThree += 1;
        else
          misses.push(
            `${from} → ${to}; candidates ${finding.candidates.map((candidate) => `${candidate.to} ${candidate.confidence}`).join(', ')}`,
          );
        if (finding.status === 'proposed') {
          proposed += 1;
          if (finding.to === to) proposedRight += 1;
        }
      }
      const share = (count: number) => `${((count / expected.size) * 100).toFixed(1)}%`;
      console.log(
        `moves --from-log on the scale site: ${expected.size} old addresses taken out of the map; ` +
          `best candidate right ${top} (${share(top)}), right among three ${inThree} (${share(inThree)}); ` +
          `${proposed} confident proposals (${share(proposed)}), ${proposedRight} of them right; ${expected.size - proposed} questions`,
      );
      assert.ok(top / expected.size >= 0.6, `best candidate right for ${share(top)}`);
      assert.ok(
        inThree / expected.size >= 0.75,
        `right among three for ${share(inThree)}; missed:\n${misses.join('\n')}`,
      );

      // Map entries nobody used: never one that was used, never one with a fragment.
      const unused = new Set(
        lines.flatMap((line) => (line.unused === undefined ? [] : [line.unused])),
      );
      for (const entry of usedEntries)
        assert.ok(
          !unused.has(displayLocation(entry.from)),
          `${displayLocation(entry.from)} was used`,
        );
      assert.ok(unused.size > 0 && ![...unused].some((from) => from.includes('#')));

      // Without a terminal, --write writes the confident proposals only and names the questions.
      const written = lastingLinks(project, [
        'moves',
        '--from-log',
        join(logs, 'access.log'),
        '--write',
      ]);
      assert.equal(written.status, 1, written.output.slice(-2000));
      assert.match(written.output, /questions? unanswered[\s\S]*--choose /);
      const after = parseRedirectMap(
        readFileSync(mapFile, 'utf8'),
        linkSettings.redirects,
        linkSettings.redirectHosts,
      );
      assert.deepEqual(after.problems, []);
      const added = after.entries
        .slice(kept.length)
        .map((entry) => `${displayLocation(entry.from)} ${displayTarget(entry.to)}`);
      const confident = findings.filter((finding) => finding.status === 'proposed');
      assert.deepEqual(
        added.sort(),
        confident.map((finding) => `${finding.from} ${finding.to}`).sort(),
      );
      for (const finding of confident) assert.ok(finding.confidence! >= CONFIDENT);

      // An answer writes its question. (What was just written is a former name now, and may
      // make another path confident: the run writes that too.)
      const question = findings.find(
        (finding) => finding.status === 'question' && expected.has(finding.from),
      )!;
      const answer = `${question.from}=${expected.get(question.from)}`;
      const chosen = lastingLinks(project, [
        'moves',
        '--from-log',
        join(logs, 'access.log'),
        '--write',
        '--choose',
        answer,
      ]);
      assert.match(chosen.output, /Answered \(written\):\n {2}\S+ {2}\(\d+ hits?/);
      const final = parseRedirectMap(
        readFileSync(mapFile, 'utf8'),
        linkSettings.redirects,
        linkSettings.redirectHosts,
      );
      assert.ok(
        final.entries.some(
          (entry) => `${displayLocation(entry.from)}=${displayTarget(entry.to)}` === answer,
        ),
        `${answer} is not in the map`,
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
);
