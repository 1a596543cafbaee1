import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  anchorNamedBy,
  nameWithBreaks,
  settingAnchor,
  settingEnvironmentVariable,
  settingNameProblem,
} from '../../src/lib/setting.ts';
import { appliesToText, parsePlans } from '../../src/lib/applies-to.ts';
import { checkSettingUses } from '../../src/lib/setting-check.ts';
import {
  componentProblems,
  componentUsesOf,
} from '../../packages/lasting-links/src/lib/sources/component-uses.ts';
import {
  parsePageSource,
  parseSource,
} from '../../packages/lasting-links/src/lib/sources/page-source.ts';
import { sitePath } from 'lasting-links/theme';
import { siteSyntax } from '../../src/config.ts';

test('a setting’s key gives its anchor and its environment variable', () => {
  assert.equal(settingAnchor('ClusterSettings.Enable'), 'clustersettings-enable');
  assert.equal(settingEnvironmentVariable('ClusterSettings.Enable'), 'MM_CLUSTERSETTINGS_ENABLE');
  assert.equal(
    settingEnvironmentVariable('SqlSettings.ReplicaMonitorIntervalSeconds'),
    'MM_SQLSETTINGS_REPLICAMONITORINTERVALSECONDS',
  );
});

test('a search query that is either name of a setting names its anchor; other words name none', () => {
  for (const query of [
    'ClusterSettings.Enable',
    'clustersettings.enable',
    'MM_CLUSTERSETTINGS_ENABLE',
    ' mm_clustersettings_enable ',
  ])
    assert.equal(anchorNamedBy(query), 'clustersettings-enable', query);
  for (const query of ['cluster', 'replica lag', 'MM_CONFIG_', 'Enable.', 'MM_', 'a.b c'])
    assert.equal(anchorNamedBy(query), undefined, query);
});

test('a key must be a section and a key joined by a dot', () => {
  assert.equal(settingNameProblem('ClusterSettings.Enable'), undefined);
  assert.equal(settingNameProblem('SqlSettings.ReplicaLagSettings'), undefined);
  assert.match(settingNameProblem(undefined)!, /needs its key/);
  assert.match(settingNameProblem('')!, /needs its key/);
  assert.match(settingNameProblem('MM_CLUSTERSETTINGS_ENABLE')!, /is not a setting key/);
  assert.match(settingNameProblem('Cluster Settings.Enable')!, /is not a setting key/);
});

test('long names wrap only after a dot or an underscore, and stay escaped', () => {
  assert.equal(nameWithBreaks('MM_SQL_X'), 'MM_<wbr>SQL_<wbr>X');
  assert.equal(nameWithBreaks('A.B'), 'A.<wbr>B');
  assert.equal(nameWithBreaks('A<b>'), 'A&lt;b&gt;');
});

test('plans are read from ids, and a misspelt one is named with the right spellings', () => {
  assert.deepEqual(parsePlans('professional, Enterprise enterprise-advanced'), {
    plans: ['professional', 'enterprise', 'enterprise-advanced'],
  });
  const wrong = parsePlans('enterprize');
  assert.ok('error' in wrong);
  assert.match(wrong.error, /"enterprize" is not a plan: use free, entry, professional/);
  assert.ok('error' in parsePlans(' , '));
  assert.equal(
    appliesToText({ plans: ['enterprise', 'enterprise-advanced'], deployments: ['self-hosted'] }),
    'Enterprise, Enterprise Advanced · Self-hosted',
  );
  assert.equal(appliesToText({ deployments: ['cloud'] }), 'Cloud');
});

test('bad <Setting> elements are reported at their line, before rendering', () => {
  const page = [
    '---',
    'title: T',
    'description: D',
    '---',
    '',
    '<Setting name="ClusterSettings.Enable">',
    'Text.',
    '</Setting>',
    '',
    '<Setting name="clustersettings.enable">',
    'Again.',
    '</Setting>',
    '',
    '<Setting name="MM_X">',
    'Wrong name.',
    '</Setting>',
    '',
    '<Setting name="A.B" plans="enterprize">',
    'Wrong plan.',
    '</Setting>',
    '',
    'In a line <Setting name="C.D">x</Setting>.',
    '',
  ].join('\n');
  const uses = componentUsesOf(
    parseSource('content/docs/a.mdx', sitePath('/a/'), page, siteSyntax).tree,
  );
  const problems = componentProblems('content/docs/a.mdx', uses, {
    checks: { Setting: checkSettingUses },
  });
  assert.deepEqual(
    problems.map((problem) => `${problem.at?.line}: ${problem.message}`),
    [
      '10: clustersettings.enable is described twice on this page (first at line 6), so its anchor would be taken twice',
      '14: "MM_X" is not a setting key: write the section and the key joined by a dot, such as ClusterSettings.Enable',
      '18: <Setting name="A.B">: "enterprize" is not a plan: use free, entry, professional, enterprise, enterprise-advanced',
      '22: <Setting> is written inside a line of text',
    ],
  );
  assert.ok(problems.every((problem) => problem.fix && problem.at?.file === 'content/docs/a.mdx'));
});

test('the source reader sees a <Setting> as a section with the anchor the built page has', () => {
  const source = parsePageSource(
    'content/docs/a.mdx',
    sitePath('/a/'),
    [
      '---',
      'title: T',
      'description: D',
      '---',
      '',
      '## Cluster settings',
      '',
      'Intro.',
      '',
      '<Setting name="ClusterSettings.GossipPort" default="`8074`">',
      'The port for cluster messages.',
      '</Setting>',
      '',
    ].join('\n'),
    siteSyntax,
  );
  assert.deepEqual(
    source.sections.map((section) => [section.level, section.id, section.heading]),
    [
      [2, 'cluster-settings', 'Cluster settings'],
      [3, 'clustersettings-gossipport', 'ClusterSettings.GossipPort'],
    ],
  );
  // The section holds what the block shows: its default, then its description.
  assert.match(source.sections[1]!.text, /8074.*The port for cluster/);
});
