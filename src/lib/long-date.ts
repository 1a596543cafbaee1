/**
 * A page's "Last updated" date as readers see it: "March 4, 2026", in UTC so the day does not
 * depend on the machine that built the site. One formatter for the whole build:
 * `toLocaleDateString` with options builds a new one on every call, once per page.
 */
const longDate = new Intl.DateTimeFormat('en', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

export function formatLongDate(date: Date): string {
  return longDate.format(date);
}
