/**
 * The facts that matter most in the high availability guide are present in the built pages,
 * on the page where a reader looks for them, so that a later edit cannot drop or change them
 * silently. Reads the built HTML (`dist/`, or `DIST_DIR`): what readers get, after every
 * component and transform.
 *
 * Run after a build: npm run build && npx node --test 'tests/content/*.test.ts'
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { projectRoot } from './support/guide-sources.ts';
import { CLUSTER_SETTINGS, OTHER_SETTINGS, SYSCTL_SETTINGS } from './support/ha-facts.ts';

const distDir = resolve(projectRoot, process.env.DIST_DIR ?? 'dist');
const SECTION = '/administration-guide/scale/high-availability/';

/** The article element of a built page (what the reader reads: no sidebar, no header). */
function article(sitePath: string): Element {
  const file = join(distDir, sitePath, 'index.html');
  assert.ok(existsSync(file), `${file} is missing: run \`npm run build\` first (or point DIST_DIR at a built site)`);
  const document = parseDocument(readFileSync(file, 'utf8'));
  const found = DomUtils.findOne((element) => element.name === 'article', document.children, true) ?? DomUtils.findOne((element) => element.attribs.id === 'content', document.children, true);
  assert.ok(found, `${file}: no <article> or #content element`);
  // Self-links next to headings are not part of the text a reader reads.
  for (const anchor of DomUtils.findAll((element) => element.attribs.class?.split(' ').includes('heading-anchor') ?? false, [found])) DomUtils.removeElement(anchor);
  return found;
}

/** The visible text of a built page's article, whitespace collapsed. */
function pageText(sitePath: string): string {
  return DomUtils.textContent(article(sitePath)).replace(/\s+/g, ' ');
}

/** The sentences of a text that match a pattern (a sentence ends at ". " before a capital). */
function sentencesWith(text: string, pattern: RegExp): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((sentence) => pattern.test(sentence));
}

/** Asserts that each phrase appears on the page, naming the page and the phrase. */
function assertPhrases(page: string, phrases: readonly string[]): void {
  const text = pageText(SECTION + page);
  const missing = phrases.filter((phrase) => !text.includes(phrase));
  assert.deepEqual(missing, [], `${SECTION}${page} lost facts it must state`);
}

test('the built site is there', () => {
  assert.ok(existsSync(join(distDir, SECTION, 'index.html')), `no built guide in ${distDir}: run \`npm run build\` first (or set DIST_DIR)`);
});

test('overview: licensing, the datacenter rule, sizing for failure and the downtime to expect', () => {
  assertPhrases('', [
    'Enterprise and Enterprise Advanced plans',
    'Install the license key on the first node before you enable clustering',
    'All nodes of one cluster must be in one datacenter',
    'Clusters that span datacenters or regions are not supported',
    'the survivors must carry 100% of the load',
    'about 5 seconds',
    'up to about 30 seconds for a schema update',
    'replicas:',
  ]);
});

test('prerequisites: ports, time, limits, kernel settings, the connection formula, storage', () => {
  const sysctlLines = [...SYSCTL_SETTINGS].map(([key, value]) => `${key} = ${value}`);
  assertPhrases('prerequisites/', [
    '8065', '8074', 'TCP and UDP', '8067', '5432',
    'Port 8075 (ClusterSettings.StreamingPort) has not been used since Mattermost Server v6.0',
    'systemd-timesyncd', 'System clock synchronized: yes', 'chronyc sources',
    'LimitNOFILE=65536', 'LimitNPROC=8192',
    '/etc/sysctl.d/mattermost.conf', 'sudo sysctl --system',
    ...sysctlLines,
    'MaxOpenConns × app nodes × data sources on that server, plus headroom',
    '100 × 3 × 1 = 300',
    '100 × 3 × 3 = 900',
    'This requirement is about the local driver only; it does not apply to S3',
    'GET http://NODE:8065/api/v4/system/ping',
  ]);
});

test('deployment: database, storage, cluster settings, the NGINX essentials, verification', () => {
  assertPhrases('deployment/', [
    'wal_level', 'max_wal_senders = 10', 'scram-sha-256', '-R -X stream', 'SELECT * FROM pg_stat_replication;',
    'hot_standby_feedback = on', 'max_connections = 1024', 'shared_buffers = 21GB',
    'the cluster writer endpoint', 'not the shared reader endpoint',
    'sslmode=require&connect_timeout=10',
    'mmctl config set ClusterSettings.Enable true',
    'mmctl config set ClusterSettings.ClusterName production',
    'mmctl config set ClusterSettings.UseIPAddress true',
    'mmctl config set ClusterSettings.GossipPort 8074',
    'ClusterSettings.ClusterName has no default',
    'System Console > Environment > High Availability',
    'proxy_set_header Upgrade $http_upgrade;', 'proxy_set_header Connection "upgrade";',
    'keys_zone=mattermost_cache:10m', 'client_max_body_size 100M;', 'proxy_read_timeout 600s;',
    'rw,hard', 'SELECT * FROM ClusterDiscovery;',
  ]);
});

test('upgrade: both config procedures, rolling updates, version skew, downtime figures', () => {
  assertPhrases('upgrade/', [
    'about 5 seconds on each node',
    'Reload Configuration from Disk',
    'v11.4.1 with v11.4.2, or v11.3.2 with v11.4.2',
    'v11.1.3 with v11.4.0',
    'about 5 seconds of downtime for each restart, and up to about 30 seconds for a schema update',
    'The first node to start runs the database schema migration',
    'comment out every other server line',
  ]);
});

test('operations: discovery, leader election, jobs, plugins, CLI, failover', () => {
  assertPhrases('operations/', [
    'SELECT * FROM ClusterDiscovery;',
    'the live node with the lowest node ID wins',
    'there is nothing to configure',
    'JobSettings.RunScheduler must stay true on every node',
    'pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()',
    'Recycle Database Connections',
    'GRANT pg_monitor',
    'mattermost_db_replica_lag_abs',
  ]);
});

test('troubleshooting: retry timings, the FAQ answers the datacenter question the same way', () => {
  assertPhrases('troubleshooting/', [
    'retries it after 15 seconds',
    'every 15 seconds',
    'every 3 seconds',
    'From v10.4',
    'No. All nodes of one cluster must be in one datacenter',
    '2.5 million posts',
    '100,000 users',
  ]);
});

/** Every setting block of a page's article: its key (the heading) and its fields by label. */
function settingBlocks(sitePath: string): Array<{ key: string; anchor: string; fields: Map<string, string> }> {
  const text = (element: Element) => DomUtils.textContent(element).replace(/\s+/g, ' ').trim();
  return DomUtils.findAll((element) => element.attribs.class?.split(' ').includes('setting') ?? false, [article(sitePath)]).map((block) => {
    const heading = DomUtils.findOne((element) => element.name === 'h3', [block], true);
    assert.ok(heading, `${sitePath}: a setting block without its key heading`);
    const fields = new Map<string, string>();
    for (const term of DomUtils.findAll((element) => element.name === 'dt', [block])) {
      const value = DomUtils.nextElementSibling(term);
      if (value?.name === 'dd') fields.set(text(term), text(value));
    }
    return { key: text(heading), anchor: heading.attribs.id ?? '', fields };
  });
}

test('configuration reference: every cluster key with its default and environment variable', () => {
  const blocks = settingBlocks(`${SECTION}configuration-reference/`);
  for (const fact of [...CLUSTER_SETTINGS, ...OTHER_SETTINGS]) {
    const block = blocks.find((candidate) => candidate.key === fact.key);
    assert.ok(block, `configuration reference: no setting block for ${fact.key}`);
    const defaultValue = block.fields.get('Default') ?? '';
    assert.ok(defaultValue.startsWith(fact.defaultStartsWith), `configuration reference: ${fact.key} default is "${defaultValue}", expected it to start with "${fact.defaultStartsWith}"`);
    assert.equal(block.fields.get('Environment variable'), fact.env, `configuration reference: ${fact.key} environment variable`);
    assert.equal(block.anchor, fact.key.toLowerCase().replace('.', '-'), `configuration reference: ${fact.key} has its own anchor`);
  }
  const clusterKeys = blocks.map((block) => block.key).filter((key) => key.startsWith('ClusterSettings.'));
  assert.deepEqual(clusterKeys.sort(), CLUSTER_SETTINGS.map((fact) => fact.key).sort(), 'the cluster settings section lists exactly the current ClusterSettings keys');
});

test('configuration reference: per-node settings go in that node’s environment file, never through mmctl; max_connections per server (issue 25)', () => {
  const blocks = settingBlocks(`${SECTION}configuration-reference/`);
  const perNode = blocks.filter((block) => block.fields.has('Set on')).map((block) => block.key);
  assert.deepEqual(perNode.sort(), ['ClusterSettings.AdvertiseAddress', 'ClusterSettings.BindAddress', 'ClusterSettings.NetworkInterface', 'ClusterSettings.OverrideHostname', 'JobSettings.RunJobs']);
  assertPhrases('configuration-reference/', [
    'mmctl config set gives every node the same value',
    'MM_CLUSTERSETTINGS_OVERRIDEHOSTNAME=10.10.10.3',
    'MM_JOBSETTINGS_RUNJOBS=false',
    'restart that node',
    'MaxOpenConns × app nodes × the data sources on that server',
    'plus headroom',
  ]);
});

test('no page of the guide repeats a known mistake', () => {
  const pages = ['', 'prerequisites/', 'deployment/', 'upgrade/', 'operations/', 'troubleshooting/', 'configuration-reference/'];
  for (const page of pages) {
    const text = pageText(SECTION + page);
    const at = `${SECTION}${page}`;
    assert.doesNotMatch(text, /mysql/i, `${at}: the guide is PostgreSQL only`);
    assert.doesNotMatch(text, /\bTODO\b|\bTBD\b|NEED .{0,40}DETAILS/i, `${at}: placeholder text`);
    assert.doesNotMatch(text, /:(?:ref|doc|term|config:setting):`/, `${at}: markup from the old format left unrendered`);
    assert.doesNotMatch(text, /multi-region[^.]*should work/i, `${at}: contradicts the one-datacenter rule`);
    assert.doesNotMatch(text, /configure (?:the )?leader election/i, `${at}: leader election is not configurable`);
    for (const sentence of sentencesWith(text, /\b8075\b/)) {
      assert.match(sentence, /\bnot\b|\bunused\b/, `${at}: port 8075 is only ever mentioned as unused: "${sentence}"`);
    }
    for (const sentence of sentencesWith(text, /UseIpAddress/)) {
      assert.match(sentence, /[Oo]lder guides/, `${at}: the key is spelled UseIPAddress: "${sentence}"`);
    }
  }
});
