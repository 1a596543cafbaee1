/**
 * The names of a configuration setting, as the `<Setting>` component of reference pages, the
 * source reader and the search dialog all spell them. A setting has two names a reader may know
 * it by, its key (`ClusterSettings.Enable`) and its environment variable
 * (`MM_CLUSTERSETTINGS_ENABLE`), and one anchor that both lead to (`clustersettings-enable`).
 * The anchor is made from the key alone, so it stays as long as the key does, whatever the
 * System Console calls the field or the page says about it.
 */

import { escapeHtml } from 'lasting-links/theme';

/** `Section.Key`, letters and digits, one or more levels below the section. */
const SETTING_NAME = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;

/** Why `name` cannot be a setting's key, or `undefined` when it can. */
export function settingNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.trim() === '')
    return 'a setting needs its key: <Setting name="ClusterSettings.Enable">';
  if (!SETTING_NAME.test(name))
    return `"${name}" is not a setting key: write the section and the key joined by a dot, such as ClusterSettings.Enable`;
  return undefined;
}

/** The environment variable Mattermost reads for a key: `MM_`, then the key in capitals, `_` for `.`. */
export function settingEnvironmentVariable(name: string): string {
  return `MM_${name.toUpperCase().replaceAll('.', '_')}`;
}

/** The anchor of a setting's block: its key in lower case, `-` for `.` (`clustersettings-enable`). */
export function settingAnchor(name: string): string {
  return name.toLowerCase().replaceAll('.', '-');
}

/**
 * The anchor a search query names when it is a setting's key or environment variable, in any
 * case (`ClusterSettings.Enable`, `mm_clustersettings_enable`); `undefined` for anything else.
 * A variable maps back to its key's anchor because a key's levels never contain `_`.
 */
export function anchorNamedBy(query: string): string | undefined {
  const written = query.trim();
  if (SETTING_NAME.test(written)) return settingAnchor(written);
  const variable = /^MM_([A-Za-z0-9]+(?:_[A-Za-z0-9]+)+)$/i.exec(written);
  return variable ? variable[1]!.toLowerCase().replaceAll('_', '-') : undefined;
}

/**
 * A setting's name as HTML that a narrow screen may wrap only after a `.` or `_`
 * (`MM_SQLSETTINGS_<wbr>…`), never inside a word; the stylesheet forbids every other break.
 */
export function nameWithBreaks(name: string): string {
  return escapeHtml(name).replace(/([._])(?=.)/g, '$1<wbr>');
}
