/**
 * The high availability guide's procedures hold on fresh hosts and through failures: per-node
 * settings stay per node, a failover cannot leave two primaries, new data sources are applied
 * by a restart, the NFS server is installed, opened and shares one UID, RHEL's SELinux and
 * firewalld let traffic through, upgrades leave the share alone and check the upgraded nodes,
 * WAL archiving cannot fill the primary's disk unnoticed, and the High Availability page is
 * read as it really looks (green and yellow only; a node that is down is missing). Reads the
 * MDX sources only, so it runs without a build.
 *
 * Run: npx node --test 'tests/content/*.test.ts'
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { fencedBlocks, readGuidePages, type CodeBlock, type GuidePage } from './support/guide-sources.ts';

const pages = new Map(readGuidePages().map((page) => [basename(page.file, '.mdx'), page]));
/** The pages this test holds to account; the configuration reference is maintained apart. */
const PROSE_PAGES = ['index', 'prerequisites', 'deployment', 'upgrade', 'operations', 'troubleshooting'];

function page(name: string): GuidePage {
  const found = pages.get(name);
  assert.ok(found, `no ${name}.mdx in the guide`);
  return found;
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

/** The fenced blocks of a piece of MDX (a page or a section), optionally of some languages. */
function blocksIn(text: string, ...langs: string[]): CodeBlock[] {
  const blocks = fencedBlocks({ file: 'section.mdx', text });
  return langs.length === 0 ? blocks : blocks.filter((block) => langs.includes(block.lang));
}

/** Every code line of a piece of MDX, in order. */
function codeLinesIn(text: string, ...langs: string[]): string[] {
  return blocksIn(text, ...langs).flatMap((block) => block.code.split('\n'));
}

/** A piece of MDX without its fenced code: what a reader reads as prose. */
function proseOf(text: string): string {
  const lines = text.split('\n');
  let inFence = false;
  return lines
    .filter((line) => {
      if (/^\s*`{3,}/.test(line)) {
        inFence = !inFence;
        return false;
      }
      return !inFence;
    })
    .join('\n');
}

/** The sentences of a text: paragraphs and list items split at ". " before a capital, a backtick or bold. */
function sentences(text: string): string[] {
  return proseOf(text)
    .split(/\n\s*\n|\n\s*(?:[-*]|\d+\.)\s+/)
    .flatMap((paragraph) => paragraph.replace(/\s+/g, ' ').split(/(?<=[.!?:])\s+(?=[A-Z`*])/))
    .filter((sentence) => sentence.trim() !== '');
}

/** The items of a `<Steps>` list in a section, by their number. */
function steps(text: string): Map<number, string> {
  const body = /<Steps>([\s\S]*?)<\/Steps>/.exec(text)?.[1];
  assert.ok(body !== undefined, 'the section has no <Steps> list');
  const items = new Map<number, string>();
  for (const match of body.matchAll(/^(\d+)\. ([\s\S]*?)(?=^\d+\. |(?![\s\S]))/gm)) items.set(Number(match[1]), match[2]!);
  return items;
}

/** The number of the first step whose text matches. */
function stepWith(items: Map<number, string>, pattern: RegExp, what: string): number {
  const found = [...items].find(([, text]) => pattern.test(text));
  assert.ok(found, `no step ${what} (${pattern})`);
  return found[0];
}

const PER_NODE_KEYS = ['ClusterSettings.OverrideHostname', 'ClusterSettings.NetworkInterface', 'ClusterSettings.BindAddress', 'ClusterSettings.AdvertiseAddress', 'JobSettings.RunJobs'];

// --- 1. Per-node settings ------------------------------------------------------------------------

test('per-node settings go in the node’s environment file; mmctl config set is never used for them', () => {
  const perNode = section('deployment', 'Settings that differ between nodes');
  for (const key of PER_NODE_KEYS) assert.ok(perNode.includes(`\`${key}\``), `the per-node section must name ${key}`);
  const env = codeLinesIn(perNode, 'ini');
  assert.ok(env.includes('MM_CLUSTERSETTINGS_OVERRIDEHOSTNAME=10.10.10.3'), 'the per-node section shows the override in the environment file');
  assert.ok(env.includes('MM_JOBSETTINGS_RUNJOBS=false'), 'the per-node section shows RunJobs off in the environment file');
  assert.match(perNode, /mattermost\.environment/, 'the per-node section edits the node’s environment file');
  assert.match(perNode, /sudo systemctl restart mattermost/, 'the per-node section restarts that node');
  assert.match(proseOf(perNode), /`mmctl config set`[^.]*every node/, 'the per-node section warns that mmctl config set applies to every node');
  for (const name of PROSE_PAGES) {
    const set = codeLinesIn(page(name).text, 'bash').filter((line) => PER_NODE_KEYS.some((key) => new RegExp(`mmctl\\s+config\\s+set\\s+${key.replace('.', '\\.')}\\b`).test(line)));
    assert.deepEqual(set, [], `${name}.mdx sets a per-node setting with mmctl config set, which changes every node`);
    for (const sentence of sentences(page(name).text)) {
      if (!PER_NODE_KEYS.some((key) => sentence.includes(key))) continue;
      if (!/\b[Ss]et\b/.test(sentence) || /`JobSettings\.RunJobs`[^.]*\(default `true`\)/.test(sentence)) continue;
      assert.match(sentence, /environment file|`mmctl config set`|differ between nodes|every node/, `${name}.mdx: a sentence that sets a per-node setting must say where (the node’s environment file): "${sentence}"`);
    }
  }
});

// --- 2. Failover ---------------------------------------------------------------------------------

test('a manual failover fences the old primary, picks the most advanced replica and ends with every replica streaming', () => {
  const failover = section('operations', 'Manual failover');
  const items = steps(failover);
  const fence = stepWith(items, /systemctl stop postgresql[\s\S]*systemctl disable postgresql/, 'that stops and disables PostgreSQL on the old primary');
  const choose = stepWith(items, /SELECT pg_last_wal_receive_lsn\(\);/, 'that compares the replicas’ received positions');
  const promote = stepWith(items, /SELECT pg_promote\(\);/, 'that promotes the replica');
  const hba = stepWith(items, /replicator/, 'that checks the promoted server’s replication line');
  const restart = stepWith(items, /every node at once/, 'that restarts every node at once');
  const repoint = stepWith(items, /remaining replicas/, 'that re-points the remaining replicas');
  const check = stepWith(items, /pg_stat_replication/, 'that checks every remaining replica streams');
  const rebuild = stepWith(items, /rebuild the old primary/i, 'that rebuilds the old primary');
  assert.ok(fence < choose && choose < promote, 'fence the old primary first, then choose and promote the most advanced replica');
  assert.ok(promote < hba && hba < restart && restart < repoint && repoint < check && check < rebuild, 'after the promotion: replication line, nodes, replicas, check, rebuild');
  assert.match(failover, /asynchronous/, 'say that replication is asynchronous');
  assert.match(failover, /lost/, 'say what an asynchronous failover loses');
  assert.match(failover, /highest position/, 'promote the replica that received the most');
  assert.match(failover, /ReplicaLagSettings/, 'the failover updates the replica-lag data sources');
  assert.doesNotMatch(failover, /each node in turn|one node at a time, restart/, 'no node can write while the primary is gone: restart all nodes at once, not in turn');
  const rebuildSection = section('operations', 'Rebuild the old primary as a replica');
  assert.match(rebuildSection, /steps 8 to 14/, 'rebuild the old primary with a new base backup (the replica steps)');
  assert.match(rebuildSection, /pg_rewind/, 'name pg_rewind as the faster way');
  assert.match(section('operations', 'Re-point the remaining replicas'), /primary_conninfo/, 'say how a replica is pointed at the promoted server');
});

test('every replica holds the replication line, so that the others can stream from it after a failover', () => {
  const items = steps(section('deployment', 'Set up replication on self-managed PostgreSQL'));
  const hbaStep = stepWith(items, /sudoedit "\$HBA_FILE"/, 'that edits the replica’s client authentication file');
  const text = items.get(hbaStep)!;
  assert.match(text, /`mmuser`/, 'the replica’s file holds the mmuser line');
  assert.match(text, /`replicator`/, 'the replica’s file holds the replication line too');
  assert.match(text, /both/, 'both lines go on every replica');
});

// --- 3. New data sources ------------------------------------------------------------------------------

test('new data sources are applied by restarting the nodes; recycling connections is never offered instead', () => {
  for (const name of PROSE_PAGES) {
    for (const sentence of sentences(page(name).text)) {
      if (!/Recycle Database Connections|connections are recycled/.test(sentence)) continue;
      assert.match(sentence, /\bnot\b|\bonly\b/, `${name}.mdx presents recycling connections as a way to apply new data sources: "${sentence}"`);
    }
  }
  const apply = section('deployment', 'Apply new data sources without downtime');
  assert.doesNotMatch(apply, /Instead of restarting/, 'no alternative to the restart');
  assert.match(proseOf(apply), /opens its connection pools once, when it starts/, 'say why the restart is needed');
  const row = page('index').text.split('\n').find((line) => line.startsWith('| New database data sources |'));
  assert.ok(row, 'index.mdx: the downtime table has a row for new data sources');
  assert.doesNotMatch(row, /recycl/, 'index.mdx: the downtime table must not offer recycling');
});

// --- 4. NFS server and one UID ------------------------------------------------------------------------

test('the NFS server is installed, started, opened in its firewall, and every host shares the mattermost UID', () => {
  const nfs = section('deployment', 'NFS shared storage');
  const code = codeLinesIn(nfs, 'bash');
  const has = (pattern: RegExp, what: string): void => assert.ok(code.some((line) => pattern.test(line)), `NFS shared storage: ${what} (${pattern})`);
  has(/^sudo apt install nfs-kernel-server$/, 'install the NFS server on Debian and Ubuntu');
  has(/^sudo systemctl enable --now nfs-kernel-server$/, 'start and enable the NFS server on Debian and Ubuntu');
  has(/^sudo systemctl enable --now nfs-server$/, 'start and enable the NFS server on RHEL');
  has(/^sudo exportfs -ra$/, 'apply the export');
  has(/^sudo ufw allow from \S+ to any port nfs$/, 'open NFS in ufw');
  has(/firewall-cmd --permanent .*--add-service=nfs\b.*--add-service=mountd\b.*--add-service=rpc-bind\b/, 'open nfs, mountd and rpc-bind in firewalld');
  const uid = /anonuid=(\d+),anongid=(\d+)/.exec(nfs);
  assert.ok(uid, 'the export maps anonymous access to the mattermost UID and GID');
  has(new RegExp(`^sudo useradd --system --user-group --uid ${uid[1]} mattermost$`), `create the account with UID ${uid[1]} on new nodes`);
  has(new RegExp(`^sudo usermod -u ${uid[1]} mattermost$`), 'align the UID of an existing account');
  has(new RegExp(`^sudo groupmod -g ${uid[2]} mattermost$`), 'align the GID of an existing group');
  has(/^sudo find \S+ .*-exec chown -h mattermost:mattermost \{\} \+$/, 'give the files with the old numbers to the account again');
  assert.match(proseOf(nfs), /useradd --system --user-group mattermost/, 'say why: the installation guides create the account with an arbitrary UID');
  assert.ok(code.indexOf('sudo apt install nfs-kernel-server') < code.indexOf('sudo systemctl enable --now nfs-kernel-server'), 'install before starting');
});

// --- 5. The NGINX cache directory -----------------------------------------------------------------------

test('the proxy steps create the cache’s parent directory before nginx -t, as Debian’s packages lack it', () => {
  const balancing = section('deployment', 'Configure load balancing');
  const cachePath = /proxy_cache_path (\S+)/.exec(balancing)?.[1];
  assert.ok(cachePath, 'the proxy sample defines a cache path');
  const parent = cachePath.replace(/\/[^/]+\/?$/, '');
  const mkdir = balancing.indexOf(`sudo mkdir -p ${parent}\n`);
  assert.ok(mkdir !== -1, `create ${parent} (sudo mkdir -p ${parent}): NGINX makes only the last directory of ${cachePath}`);
  assert.ok(mkdir < balancing.indexOf('sudo nginx -t'), 'create the directory before nginx -t');
});

// --- 6. RHEL: SELinux and firewalld, and the ports table ---------------------------------------------------

test('RHEL hosts let the traffic through: SELinux for the proxy, firewalld for the proxy, the databases and NFS', () => {
  const install = section('deployment', 'Install NGINX');
  assert.match(install, /^\s*sudo setsebool -P httpd_can_network_connect 1$/m, 'the proxy needs httpd_can_network_connect, or every request is a 502');
  assert.match(install, /^\s*sudo firewall-cmd --permanent --add-service=http --add-service=https$/m, 'the proxy opens HTTP and HTTPS in firewalld, or certbot fails');
  const ports = section('prerequisites', 'Network and ports');
  const rows = ports.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---')).map((line) => line.split('|').map((cell) => cell.trim()).filter(Boolean));
  const row = (pattern: RegExp, port: RegExp, what: string): void => assert.ok(rows.some((cells) => pattern.test(`${cells[0]} → ${cells[1]}`) && port.test(cells[2] ?? '')), `the ports table needs a row for ${what}`);
  row(/^Users → Load balancer$/, /\b443\b/, 'readers to the proxy on 443');
  row(/^Users → Load balancer$/, /\b80\b/, 'readers to the proxy on 80');
  row(/replicas → Primary/i, /^5432$/, 'replicas to the primary on 5432');
  row(/Mattermost node → NFS server$/, /^2049$/, 'nodes to the NFS server on 2049');
  const code = codeLinesIn(ports, 'bash');
  assert.ok(code.includes('sudo firewall-cmd --permanent --add-port=5432/tcp'), 'the database servers open 5432 in firewalld');
  assert.ok(code.some((line) => /^sudo ufw allow from \S+ to any port 5432 proto tcp$/.test(line)), 'the database servers open 5432 in ufw');
  assert.ok(code.includes('sudo firewall-cmd --permanent --add-service=http --add-service=https'), 'the load balancer opens HTTP and HTTPS');
  assert.match(ports, /\*\*NFS server:\*\*[^\n]*2049/, 'the NFS server’s port has a role of its own');
});

// --- 7. Upgrading nodes that mount the share -----------------------------------------------------------------

test('upgrading NFS nodes leaves the share alone: the backup excludes data/, chown skips it, the share is backed up once', () => {
  const nfs = section('upgrade', 'Nodes that mount NFS storage');
  const code = codeLinesIn(nfs, 'bash');
  assert.ok(code.some((line) => /^sudo rsync -a --exclude=\/data\/ \/opt\/mattermost\/ \/opt\/mattermost-back-.+\/$/.test(line)), 'back up the installation without the mounted share');
  assert.ok(code.some((line) => /^sudo find \/opt\/mattermost -path \/opt\/mattermost\/data -prune -o -exec chown -h mattermost:mattermost \{\} \+$/.test(line)), 'change owners everywhere but the share');
  assert.match(proseOf(nfs), /cp -ra/, 'name the step of the upgrade procedure that would copy the share');
  assert.match(proseOf(nfs), /chown -R/, 'name the step of the upgrade procedure that would walk the share');
  assert.match(proseOf(nfs), /once, on the NFS server/, 'back up the share once, on the NFS server');
  for (const heading of ['Roll out a dot release without downtime', 'Upgrades that need downtime']) {
    assert.match(section('upgrade', heading), /\(#nodes-that-mount-nfs-storage\)/, `${heading}: point NFS nodes at the changed commands`);
  }
});

// --- 8. The rolling update checks the upgraded nodes ------------------------------------------------------------

test('the rolling update checks each upgraded node before it moves the last node out of the proxy', () => {
  const items = steps(section('upgrade', 'Roll out a dot release without downtime'));
  const start = stepWith(items, /Start Mattermost on the upgraded nodes/, 'that starts the upgraded nodes');
  const ping = stepWith(items, /curl http:\/\/[\d.]+:8065\/api\/v4\/system\/ping/, 'that pings an upgraded node at its own address');
  const listed = stepWith(items, /High Availability[\s\S]*listed with the new release in \*\*Version\*\*/, 'that checks the High Availability page lists the upgraded nodes with the new version');
  const switchover = stepWith(items, /take out the node that is still on the old/, 'that sends all traffic to the upgraded nodes');
  assert.ok(start < ping && ping < listed && listed < switchover, `the checks (steps ${ping} and ${listed}) must come after starting the upgraded nodes (step ${start}) and before the switch (step ${switchover})`);
});

// --- 9. WAL archiving ------------------------------------------------------------------------------------------

test('WAL archiving cannot fill the primary’s disk unnoticed', () => {
  const archive = section('deployment', 'Archive the write-ahead log');
  const command = /archive_command = '([^']+)'/.exec(archive)?.[1];
  assert.ok(command, 'the archive section sets archive_command');
  const mount = /^mountpoint -q (\S+) && /.exec(command);
  assert.ok(mount?.[1], `archive_command must first check that the archive is mounted (mountpoint -q DIR &&): ${command}`);
  assert.ok(command.indexOf('mountpoint -q') < command.indexOf('cp '), 'check the mount before copying');
  assert.match(command, /test ! -f \S+\/%f && cp %p \S+\/%f/, 'never overwrite an archived segment');
  assert.match(archive, new RegExp(`chown postgres:postgres ${mount[1].replace(/\//g, '\\/')}\\b`), 'the archive folder belongs to postgres');
  assert.match(archive, /SELECT pg_switch_wal\(\);/, 'verify archiving by switching segments');
  assert.match(archive, /pg_stat_archiver/, 'verify with pg_stat_archiver');
  assert.match(proseOf(archive), /failed_count/, 'alert on failed_count');
  assert.match(archive, /pg_ls_waldir\(\)/, 'alert on the size of pg_wal');
});

// --- 10. The High Availability page as it is ----------------------------------------------------------------------

test('the guide reads the High Availability page as it is: green and yellow only, a node that is down is missing', () => {
  for (const name of PROSE_PAGES) {
    for (const sentence of sentences(page(name).text)) {
      if (!/\b(?:no|never)\b[^.]*\bred\b/i.test(sentence)) assert.doesNotMatch(sentence, /\bred\b[^.]*\bstatus\b|\bstatus\b[^.]*\bred\b/i, `${name}.mdx: the High Availability page never shows red: "${sentence}"`);
      if (/(?<!\/)\bgreen\b/.test(sentence)) assert.match(sentence, /\blisted\b|\bevery row\b|\bgreen or a yellow\b/i, `${name}.mdx: green icons prove nothing about nodes that are missing; say that every node must be listed: "${sentence}"`);
    }
  }
  const troubleshooting = section('troubleshooting', 'Node missing or shown in yellow');
  for (const column of ['Status', 'Version', 'Config File Hash']) assert.match(troubleshooting, new RegExp(`\\*\\*${column}\\*\\*`), `name the ${column} column`);
  assert.match(troubleshooting, /never shows red/, 'say the page has no red');
  assert.match(troubleshooting, /missing from the table/, 'say a node that is down is missing');
  assert.match(troubleshooting, /only one node/, 'say a single listed node shows yellow');
  const verify = section('deployment', 'Verify the cluster');
  assert.match(verify, /Every node is listed/, 'the verification starts with the list of nodes');
  assert.match(verify, /simply missing/, 'the verification says a node that is down is missing');
});
