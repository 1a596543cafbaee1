/**
 * The high availability guide's procedures work when an administrator follows them as written,
 * with the configuration stored in the database: the proxy lets through the uploads Mattermost
 * accepts, PostgreSQL accepts the nodes, NFS is mounted before Mattermost starts, secrets are
 * never left in world-readable places, and every setting and command the guide relies on is
 * documented. Reads the MDX sources only, so it runs without a build.
 *
 * Run: npx node --test 'tests/content/*.test.ts'
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { fencedBlocks, readGuidePages, where, type CodeBlock, type GuidePage } from './support/guide-sources.ts';
import { documentedSettings } from './support/reference-settings.ts';

const pages = new Map(readGuidePages().map((page) => [basename(page.file, '.mdx'), page]));

function page(name: string): GuidePage {
  const found = pages.get(name);
  assert.ok(found, `no ${name}.mdx in the guide`);
  return found;
}

function blocksOf(name: string, ...langs: string[]): CodeBlock[] {
  const blocks = fencedBlocks(page(name));
  return langs.length === 0 ? blocks : blocks.filter((block) => langs.includes(block.lang));
}

function allBlocks(...langs: string[]): CodeBlock[] {
  return [...pages.keys()].flatMap((name) => blocksOf(name, ...langs));
}

/** Every line of the given blocks, with the `file:line` it sits on. */
function codeLines(blocks: CodeBlock[]): Array<{ text: string; at: string }> {
  return blocks.flatMap((block) => block.code.split('\n').map((text, offset) => ({ text, at: `${block.file}:${block.line + 1 + offset}` })));
}

/** 1-based line ranges [first, last] that fenced blocks occupy, fences included. */
function fencedRanges(name: string): Array<[number, number]> {
  return blocksOf(name).map((block) => [block.line, block.line + block.code.split('\n').length + 1]);
}

/** A page's text without its fenced code blocks: what a reader reads as prose. */
function prose(name: string): string {
  const ranges = fencedRanges(name);
  return page(name)
    .text.split('\n')
    .filter((_, index) => !ranges.some(([first, last]) => index + 1 >= first && index + 1 <= last))
    .join('\n');
}

/** The MDX source of one section: from its heading to the next heading of the same or a higher level. */
function section(name: string, heading: string): string {
  const lines = page(name).text.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^#{2,6} ${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`).test(line));
  assert.ok(start >= 0, `${name}.mdx has no heading "${heading}"`);
  const level = /^(#+)/.exec(lines[start]!)![1]!.length;
  const end = lines.findIndex((line, index) => index > start && new RegExp(`^#{1,${level}} `).test(line));
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
}

/** The sentences of a text: paragraphs split at ". " before a capital, a backtick or bold. */
function sentences(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((paragraph) => paragraph.replace(/\s+/g, ' ').split(/(?<=[.!?:])\s+(?=[A-Z`*])/))
    .filter((sentence) => sentence.trim() !== '');
}

/** An NGINX size (`100M`, `512k`, `1g`, `1048576`) in bytes. */
function nginxBytes(size: string): number {
  const match = /^(\d+)([kKmMgG]?)$/.exec(size);
  assert.ok(match, `"${size}" is not an NGINX size`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(match[1]) * unit;
}

/** The default of a key in the configuration reference, as written (backticks removed). */
function referenceDefault(key: string): string | undefined {
  return documentedSettings(page('configuration-reference').text).find((setting) => setting.key === key)?.default;
}

// --- Uploads ------------------------------------------------------------------------------------

test('the proxy lets through exactly the uploads Mattermost accepts: client_max_body_size equals FileSettings.MaxFileSize', () => {
  const documentedDefault = referenceDefault('FileSettings.MaxFileSize');
  assert.ok(documentedDefault, 'configuration-reference.mdx has no <Setting name="FileSettings.MaxFileSize" default="…">');
  const set = codeLines(allBlocks('bash')).flatMap((line) => {
    const match = /\bmmctl config set FileSettings\.MaxFileSize (\d+)/.exec(line.text);
    return match ? [{ bytes: Number(match[1]), at: line.at }] : [];
  });
  const maxFileSize = set[0]?.bytes ?? Number(documentedDefault.split(/\s/)[0]);
  for (const other of set) assert.equal(other.bytes, maxFileSize, `${other.at}: the guide sets FileSettings.MaxFileSize to two different values`);
  const limits = codeLines(allBlocks('nginx')).flatMap((line) => {
    const match = /^\s*client_max_body_size\s+(\S+);/.exec(line.text);
    return match ? [{ size: match[1]!, at: line.at }] : [];
  });
  assert.ok(limits.length >= 1, 'no NGINX sample sets client_max_body_size');
  for (const limit of limits) {
    assert.equal(nginxBytes(limit.size), maxFileSize, `${limit.at}: client_max_body_size ${limit.size} is not FileSettings.MaxFileSize (${maxFileSize} bytes); uploads in between fail with HTTP 413`);
  }
  const saysSo = sentences(prose('deployment')).filter((sentence) => /client_max_body_size/.test(sentence) && /MaxFileSize/.test(sentence) && /\bmatch|\bequal|\bsame\b/.test(sentence));
  assert.ok(saysSo.length >= 1, 'deployment.mdx must say that client_max_body_size and FileSettings.MaxFileSize must match');
  assert.match(section('prerequisites', 'Proxy and load balancer'), /FileSettings\.MaxFileSize/, 'prerequisites.mdx: the upload requirement must name FileSettings.MaxFileSize');
});

// --- PostgreSQL ---------------------------------------------------------------------------------

test('PostgreSQL accepts the application nodes: listen_addresses, and a pg_hba.conf entry for mmuser from the node subnet', () => {
  const replication = section('deployment', 'Set up replication on self-managed PostgreSQL');
  assert.match(replication, /listen_addresses/, 'the self-managed PostgreSQL steps must set listen_addresses');
  const entries = codeLines(blocksOf('deployment', 'text')).flatMap((line) => {
    const match = /^host\s+mattermost\s+mmuser\s+(\S+)\s+scram-sha-256\s*$/.exec(line.text);
    return match ? [{ cidr: match[1]!, at: line.at }] : [];
  });
  assert.ok(entries.length >= 1, 'deployment.mdx needs a pg_hba.conf line "host mattermost mmuser <node subnet> scram-sha-256"');
  const intro = page('deployment').text.split(/^## /m)[0]!;
  for (const entry of entries) assert.ok(intro.includes(entry.cidr), `${entry.at}: the subnet ${entry.cidr} must be introduced with the other example addresses at the top of the page`);
});

test('every example subnet on the deployment page is introduced in prose before a code block uses it', () => {
  const text = page('deployment').text;
  const lines = text.split('\n');
  const ranges = fencedRanges('deployment');
  const inCode = (lineNumber: number): boolean => ranges.some(([first, last]) => lineNumber >= first && lineNumber <= last);
  const cidrs = new Set(blocksOf('deployment').flatMap((block) => block.code.match(/\b\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}\b/g) ?? []));
  assert.ok(cidrs.size >= 2, `expected the node and database subnets in the deployment samples, found ${[...cidrs].join(', ')}`);
  for (const cidr of cidrs) {
    const first = lines.findIndex((line) => line.includes(cidr)) + 1;
    assert.ok(!inCode(first), `deployment.mdx:${first}: ${cidr} is first used in a code block; say what it is in the text before`);
  }
});

test('the PostgreSQL tuning says where the settings go and which need a restart', () => {
  const tuning = section('deployment', 'Tune PostgreSQL');
  for (const needed of ['postgresql.conf', 'ALTER SYSTEM', 'parameter group', 'pending_restart']) {
    assert.ok(tuning.includes(needed), `deployment.mdx, Tune PostgreSQL: must mention ${needed}`);
  }
});

test('the database pages cover WAL archiving, vacuum monitoring and restore tests', () => {
  const deployment = page('deployment').text;
  assert.match(deployment, /archive_mode/, 'deployment.mdx: WAL archiving (archive_mode)');
  assert.match(deployment, /archive_command/, 'deployment.mdx: WAL archiving (archive_command)');
  const operations = page('operations').text;
  assert.match(operations, /pg_stat_user_tables/, 'operations.mdx: a query that shows how well vacuum keeps up');
  assert.match(operations, /n_dead_tup/, 'operations.mdx: dead tuples in the vacuum query');
  assert.ok(codeLines(allBlocks('bash')).some((line) => /\bpg_restore\b/.test(line.text)), 'the guide must practise a restore (pg_restore), not only take backups');
});

// --- Configuration in the database ---------------------------------------------------------------

test('array settings are changed with mmctl config patch, never with a one-value mmctl config set', () => {
  // mmctl config set turns a single value into a string, which an array setting rejects
  // (server/cmd/mmctl/commands/config.go: setConfigValue, setValueWithConversion).
  const arrays = /^(?:SqlSettings\.(?:DataSourceReplicas|DataSourceSearchReplicas|ReplicaLagSettings))$/;
  const oneValue = codeLines(allBlocks('bash', 'shell')).flatMap((line) => {
    const match = /\bmmctl\s+config\s+set\s+(\S+)((?:\s+\S+)*)/.exec(line.text);
    if (!match || !arrays.test(match[1]!)) return [];
    return match[2]!.trim().split(/\s+/).length === 1 ? [`${line.at}: ${line.text.trim()}`] : [];
  });
  assert.deepEqual(oneValue, []);
  const apply = section('deployment', 'Apply new data sources without downtime');
  assert.match(apply, /mmctl config patch/, 'Apply new data sources: the database-configuration path uses mmctl config patch');
  assert.match(apply, /sudo systemctl restart mattermost/, 'Apply new data sources: say how every node, not just one, starts using the new data sources');
});

test('manual failover works when MM_CONFIG names the failed primary', () => {
  const failover = section('operations', 'Manual failover');
  for (const needed of ['MM_CONFIG', 'MM_SQLSETTINGS_DATASOURCE', 'DNS name', 'virtual IP']) {
    assert.ok(failover.includes(needed), `operations.mdx, Manual failover: must cover ${needed}`);
  }
});

test('the environment file that holds the database password is readable by root only', () => {
  const chmod = codeLines(blocksOf('deployment', 'bash')).filter((line) => /\bchmod 600 \/opt\/mattermost\/config\/mattermost\.environment\b/.test(line.text));
  assert.ok(chmod.length >= 1, 'deployment.mdx: chmod 600 /opt/mattermost/config/mattermost.environment');
});

test('the configuration reference documents every setting the guide uses, MM_CONFIG and the RunScheduler check', () => {
  const reference = page('configuration-reference').text;
  const documented = new Set(documentedSettings(reference).map((setting) => setting.key));
  const key = /\b(?:ClusterSettings|SqlSettings|FileSettings|ServiceSettings|JobSettings|LogSettings|ComplianceSettings)\.[A-Z][A-Za-z0-9]+\b/g;
  const missing = new Set<string>();
  for (const [name, guidePage] of pages) {
    if (name === 'configuration-reference') continue;
    for (const used of guidePage.text.match(key) ?? []) if (!documented.has(used) && !reference.includes(`\`${used}\``)) missing.add(`${name}.mdx: ${used}`);
  }
  assert.deepEqual([...missing].sort(), [], 'settings the guide uses but configuration-reference.mdx does not document');
  assert.match(reference, /`MM_CONFIG`/, 'configuration-reference.mdx: MM_CONFIG');
  const check = codeLines(allBlocks('bash')).filter((line) => /\bmmctl config get JobSettings\.RunScheduler\b/.test(line.text));
  assert.ok(check.length >= 1, 'the guide must give the command that checks JobSettings.RunScheduler');
});

// --- Copying config.json ---------------------------------------------------------------------------

test('config.json travels between nodes without a stop in /tmp, and no copy is left behind', () => {
  const lines = codeLines(allBlocks('bash', 'shell'));
  const viaTmp = lines.filter((line) => /\bscp\b.*\/tmp\b/.test(line.text) || /\/tmp\/[\w.-]*config\.json/.test(line.text)).map((line) => `${line.at}: ${line.text.trim()}`);
  assert.deepEqual(viaTmp, [], 'config.json holds secrets: never stage it in /tmp');
  const staged = new Set(lines.flatMap((line) => line.text.match(/~\/[\w.-]*config[\w.-]*\.json/g) ?? []));
  for (const copy of staged) {
    assert.ok(lines.some((line) => new RegExp(`\\b(?:rm|shred -u)\\b.*${copy.replace(/[.~/]/g, '\\$&')}`).test(line.text)), `the copy ${copy} is never removed`);
  }
});

// --- File storage ---------------------------------------------------------------------------------

test('NFS: files move before the mount, the server is prepared and tested, and Mattermost waits for the mount', () => {
  const nfs = `${section('deployment', 'NFS shared storage')}\n${section('deployment', 'Mount the NFS share on each node')}`;
  const fstab = /^\s*\S+:\S+\s+\/opt\/mattermost\/data\s+nfs\s+(\S+)\s+0\s+0$/m.exec(nfs);
  assert.ok(fstab, 'the NFS steps need an /etc/fstab line for /opt/mattermost/data');
  const options = fstab[1]!.split(',');
  for (const option of ['rw', 'hard', '_netdev']) assert.ok(options.includes(option), `the fstab line needs ${option}`);
  assert.ok(!options.includes('soft'), 'the fstab line must not use soft');
  assert.match(nfs, /^\s*RequiresMountsFor=\/opt\/mattermost\/data$/m, 'the NFS steps need RequiresMountsFor=/opt/mattermost/data in the unit');
  const exportLine = /anonuid=(\d+),anongid=(\d+)/.exec(nfs);
  assert.ok(exportLine, 'the export line maps anonymous access to the mattermost UID and GID');
  assert.match(nfs, new RegExp(`chown ${exportLine[1]}:${exportLine[2]} /srv/mattermost-data`), 'the export directory must belong to the mattermost UID and GID');
  assert.match(nfs, /sudo -u mattermost touch \/opt\/mattermost\/data\//, 'the NFS steps need a write test as the mattermost user');
  const text = page('deployment').text;
  const copy = text.search(/\brsync\b/);
  const mount = text.indexOf('sudo mount /opt/mattermost/data');
  assert.ok(copy !== -1, 'deployment.mdx: the existing files must be copied to the share (rsync)');
  assert.ok(mount !== -1 && copy < mount, 'deployment.mdx: copy the existing files to the share before mounting it over /opt/mattermost/data');
});

test('S3-compatible storage on port 9000 turns TLS off for the endpoint, and S3 gets a write test', () => {
  const lines = codeLines(allBlocks('bash'));
  if (lines.some((line) => /FileSettings\.AmazonS3Endpoint \S+:9000\b/.test(line.text))) {
    assert.ok(lines.some((line) => /\bmmctl config set FileSettings\.AmazonS3SSL false\b/.test(line.text)), 'an endpoint on port 9000 (MinIO) usually speaks plain HTTP: set FileSettings.AmazonS3SSL false');
  }
  assert.match(section('deployment', 'Amazon S3 or S3-compatible storage'), /Test Connection/, 'the S3 steps need a connection test');
});

// --- Proxy ----------------------------------------------------------------------------------------

test('NGINX is installed and enabled, gets a certificate for the sample’s paths, loses the default site, and SiteURL matches', () => {
  const proxy = blocksOf('deployment', 'nginx').find((block) => block.code.includes('ssl_certificate'));
  assert.ok(proxy, 'deployment.mdx has no NGINX server block');
  const host = /server_name\s+(\S+);/.exec(proxy.code)![1]!;
  const certificates = [...proxy.code.matchAll(/ssl_certificate(?:_key)?\s+(\S+);/g)].map((match) => match[1]!);
  assert.ok(certificates.length === 2, `${where(proxy)}: expected a certificate and a key`);
  for (const path of certificates) assert.ok(path.startsWith(`/etc/letsencrypt/live/${host}/`), `${where(proxy)}: ${path} is not the certificate of ${host}`);
  const lines = codeLines(blocksOf('deployment', 'bash'));
  const has = (pattern: RegExp): boolean => lines.some((line) => pattern.test(line.text));
  assert.ok(has(/\bapt install nginx\b/), 'deployment.mdx: install NGINX');
  assert.ok(has(/\bsystemctl enable --now nginx\b/), 'deployment.mdx: enable NGINX so that it starts at boot');
  assert.ok(has(new RegExp(`\\bcertbot certonly\\b.*-d ${host.replace(/\./g, '\\.')}\\b`)), `deployment.mdx: a certbot step that obtains the certificate for ${host}`);
  assert.ok(has(/\brm \/etc\/nginx\/sites-enabled\/default\b/), 'deployment.mdx: remove the distribution’s default site');
  assert.ok(has(new RegExp(`\\bmmctl config set ServiceSettings\\.SiteURL https://${host.replace(/\./g, '\\.')}$`)), `deployment.mdx: set ServiceSettings.SiteURL to https://${host}`);
});

test('health checks: active checks are NGINX Plus or a cloud or hardware balancer; open-source NGINX ejects passively', () => {
  for (const name of ['index', 'prerequisites', 'deployment']) {
    const wrong = sentences(prose(name)).filter((sentence) => /NGINX/.test(sentence) && /health/i.test(sentence) && !/NGINX Plus|[Oo]pen-source NGINX|passive|max_fails/.test(sentence));
    assert.deepEqual(wrong, [], `${name}.mdx: a sentence on NGINX health checks must say which NGINX does what`);
  }
  for (const name of ['prerequisites', 'deployment']) {
    assert.match(prose(name), /NGINX Plus/, `${name}.mdx: active health checks need NGINX Plus`);
    assert.match(prose(name), /max_fails/, `${name}.mdx: open-source NGINX ejects nodes passively (max_fails)`);
  }
});

// --- Upgrades and troubleshooting -----------------------------------------------------------------

test('the upgrade page states facts about gossip, places minor upgrades and repeats the database note in the downtime procedure', () => {
  assert.doesNotMatch(page('upgrade').text, /^#+ All nodes must use a single protocol$/m, 'upgrade.mdx: the pre-v5.36 single-protocol note is one sentence under Version skew, not a section');
  const protocol = section('upgrade', 'Version skew');
  assert.doesNotMatch(protocol, /changes how nodes talk/, 'upgrade.mdx: gossip cannot be turned off; no release changes how nodes talk to each other');
  assert.match(protocol, /[Ss]ince Mattermost Server v5\.36, gossip\s+cannot be turned off/, 'upgrade.mdx: say since when gossip cannot be turned off (v5.36, per Mattermost’s docs)');
  assert.match(section('upgrade', 'Roll out a dot release without downtime'), /minor/, 'upgrade.mdx: say whether a minor upgrade may roll');
  assert.match(section('upgrade', 'Upgrades that need downtime'), /configuration is stored in the database/, 'upgrade.mdx: the downtime procedure repeats the database-configuration note');
});

test('troubleshooting starts from the logs, and the High Availability page section speaks of nodes missing or in yellow', () => {
  const status = section('troubleshooting', 'Node missing or shown in yellow');
  assert.match(status, /\/opt\/mattermost\/logs\/mattermost\.log/, 'troubleshooting.mdx: read each node’s log');
  assert.doesNotMatch(page('troubleshooting').text, /^#+ Red (?:server|node) status$/m, 'troubleshooting.mdx: the High Availability page shows no red');
});

test('prerequisites only ask for what exists before Mattermost is installed', () => {
  const limits = section('prerequisites', 'Operating system limits');
  assert.match(limits, /after you install Mattermost/, 'prerequisites.mdx: the unit settings need Mattermost installed; say when to apply them');
});

// --- References -----------------------------------------------------------------------------------

test('the guide links the Mattermost pages it relies on', () => {
  const required: Record<string, string[]> = {
    index: ['/administration-guide/upgrade/upgrade-mattermost-kubernetes-ha.html', '/administration-guide/scale/scaling-for-enterprise.html'],
    deployment: ['/deployment-guide/server/deploy-linux.html'],
    upgrade: ['/administration-guide/upgrade/upgrading-mattermost-server.html', '/administration-guide/upgrade/upgrade-mattermost-kubernetes-ha.html'],
    troubleshooting: [
      '/administration-guide/scale/enterprise-search.html',
      '/administration-guide/scale/redis.html',
      '/administration-guide/configure/calls-deployment-guide.html',
      '/administration-guide/scale/deploy-prometheus-grafana-for-performance-monitoring.html',
    ],
    operations: ['/deployment-guide/backup-disaster-recovery.html'],
  };
  for (const [name, urls] of Object.entries(required)) {
    const links = new Set([...page(name).text.matchAll(/\]\(https:\/\/docs\.mattermost\.com(\/[^)#\s]+)/g)].map((match) => match[1]!));
    const missing = urls.filter((url) => !links.has(url));
    assert.deepEqual(missing, [], `${name}.mdx lacks links to these Mattermost pages`);
  }
});

test('every pg_restore reads a custom-format dump, and the restore test creates the role a dump does not carry', () => {
  const lines = codeLines(allBlocks('bash', 'sh', 'shell'));
  const dumps = lines.filter((line) => /\bpg_dump\b/.test(line.text));
  const restores = lines.filter((line) => /\bpg_restore\b/.test(line.text));
  assert.ok(restores.length > 0, 'the guide restores a backup somewhere');
  for (const dump of dumps) assert.match(dump.text, /-Fc\b/, `${dump.at}: pg_restore reads only archive formats: pg_dump -Fc`);
  const operations = page('operations').text;
  assert.match(operations, /nightly dump in PostgreSQL's custom format \(`pg_dump -Fc`/, 'operations.mdx: the nightly dump must be one pg_restore reads');
  const createRole = operations.indexOf('createuser');
  const createDb = operations.indexOf('createdb -O mmuser');
  assert.ok(createRole >= 0 && createRole < createDb, 'operations.mdx: create the mmuser role before a database it owns');
});
