/** The build time a preview's banner shows: now, to the second, in UTC (ISO 8601). */
export function buildTime(now: Date = new Date()): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z');
}
