/**
 * The facts of the high availability guide that must never drift: checked values (the guide's
 * reference notes, 2026) that both the code-block tests and the built-page tests compare
 * against. Changing a value here is a deliberate, reviewed change of the guide's facts.
 */

/** Kernel settings for every node and the proxy host, as written in `/etc/sysctl.d/mattermost.conf`. */
export const SYSCTL_SETTINGS: ReadonlyMap<string, string> = new Map([
  ['net.ipv4.ip_local_port_range', '1025 65000'],
  ['net.ipv4.tcp_fin_timeout', '30'],
  ['net.ipv4.tcp_tw_reuse', '1'],
  ['net.core.somaxconn', '4096'],
  ['net.ipv4.tcp_max_syn_backlog', '8192'],
  ['vm.min_free_kbytes', '167772'],
  ['net.ipv4.tcp_slow_start_after_idle', '0'],
  ['net.ipv4.tcp_congestion_control', 'bbr'],
  ['net.core.default_qdisc', 'fq'],
  ['net.ipv4.tcp_notsent_lowat', '16384'],
  ['net.ipv4.tcp_rmem', '4096 156250 2500000'],
  ['net.ipv4.tcp_wmem', '4096 156250 2500000'],
  ['net.core.rmem_max', '16777216'],
  ['net.core.wmem_max', '16777216'],
]);

/** One row of the cluster settings table: key, default as shown, environment variable. */
export interface SettingFact {
  key: string;
  /** The default cell starts with this text. */
  defaultStartsWith: string;
  env: string;
}

/** Every `ClusterSettings` key a current server has. */
export const CLUSTER_SETTINGS: readonly SettingFact[] = [
  { key: 'ClusterSettings.Enable', defaultStartsWith: 'false', env: 'MM_CLUSTERSETTINGS_ENABLE' },
  // Empty: "production" is only ever an example value.
  { key: 'ClusterSettings.ClusterName', defaultStartsWith: '""', env: 'MM_CLUSTERSETTINGS_CLUSTERNAME' },
  { key: 'ClusterSettings.OverrideHostname', defaultStartsWith: '""', env: 'MM_CLUSTERSETTINGS_OVERRIDEHOSTNAME' },
  { key: 'ClusterSettings.UseIPAddress', defaultStartsWith: 'true', env: 'MM_CLUSTERSETTINGS_USEIPADDRESS' },
  { key: 'ClusterSettings.GossipPort', defaultStartsWith: '8074', env: 'MM_CLUSTERSETTINGS_GOSSIPPORT' },
  { key: 'ClusterSettings.ReadOnlyConfig', defaultStartsWith: 'true', env: 'MM_CLUSTERSETTINGS_READONLYCONFIG' },
  { key: 'ClusterSettings.EnableGossipEncryption', defaultStartsWith: 'true for new deployments from v10.11', env: 'MM_CLUSTERSETTINGS_ENABLEGOSSIPENCRYPTION' },
  { key: 'ClusterSettings.EnableGossipCompression', defaultStartsWith: 'true', env: 'MM_CLUSTERSETTINGS_ENABLEGOSSIPCOMPRESSION' },
  { key: 'ClusterSettings.NetworkInterface', defaultStartsWith: '""', env: 'MM_CLUSTERSETTINGS_NETWORKINTERFACE' },
  { key: 'ClusterSettings.BindAddress', defaultStartsWith: '""', env: 'MM_CLUSTERSETTINGS_BINDADDRESS' },
  { key: 'ClusterSettings.AdvertiseAddress', defaultStartsWith: '""', env: 'MM_CLUSTERSETTINGS_ADVERTISEADDRESS' },
];

/** Other settings whose defaults the guide states. */
export const OTHER_SETTINGS: readonly SettingFact[] = [
  { key: 'SqlSettings.MaxOpenConns', defaultStartsWith: '100', env: 'MM_SQLSETTINGS_MAXOPENCONNS' },
  { key: 'SqlSettings.MaxIdleConns', defaultStartsWith: '50', env: 'MM_SQLSETTINGS_MAXIDLECONNS' },
  { key: 'SqlSettings.QueryTimeout', defaultStartsWith: '30', env: 'MM_SQLSETTINGS_QUERYTIMEOUT' },
  { key: 'SqlSettings.ReplicaMonitorIntervalSeconds', defaultStartsWith: '5', env: 'MM_SQLSETTINGS_REPLICAMONITORINTERVALSECONDS' },
  { key: 'FileSettings.DriverName', defaultStartsWith: 'local', env: 'MM_FILESETTINGS_DRIVERNAME' },
  { key: 'FileSettings.Directory', defaultStartsWith: './data/', env: 'MM_FILESETTINGS_DIRECTORY' },
  { key: 'ComplianceSettings.Directory', defaultStartsWith: './data/', env: 'MM_COMPLIANCESETTINGS_DIRECTORY' },
  { key: 'JobSettings.RunJobs', defaultStartsWith: 'true', env: 'MM_JOBSETTINGS_RUNJOBS' },
  { key: 'JobSettings.RunScheduler', defaultStartsWith: 'true', env: 'MM_JOBSETTINGS_RUNSCHEDULER' },
  // Checked against server/public/model/config.go (SetDefaults) in mattermost/mattermost.
  { key: 'ServiceSettings.SiteURL', defaultStartsWith: '""', env: 'MM_SERVICESETTINGS_SITEURL' },
  { key: 'ServiceSettings.EnableLocalMode', defaultStartsWith: 'false', env: 'MM_SERVICESETTINGS_ENABLELOCALMODE' },
  { key: 'FileSettings.MaxFileSize', defaultStartsWith: '104857600', env: 'MM_FILESETTINGS_MAXFILESIZE' },
  { key: 'FileSettings.AmazonS3SSL', defaultStartsWith: 'true', env: 'MM_FILESETTINGS_AMAZONS3SSL' },
];

