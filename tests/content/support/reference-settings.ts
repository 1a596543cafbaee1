/**
 * The settings the configuration reference documents, read from its MDX source: each
 * `<Setting name="…" default="…">` element, as written (so a test can compare a default with the
 * guide's samples without building the site).
 */

/** One documented setting: its key and its default as written, without backticks. */
export interface DocumentedSetting {
  key: string;
  default: string | undefined;
}

/** Every `<Setting>` of an MDX source, in order. */
export function documentedSettings(text: string): DocumentedSetting[] {
  // Attribute values may hold `>` ("Environment > Database"): a tag ends at a `>` outside quotes.
  return [...text.matchAll(/<Setting\b((?:[^>"'{]|"[^"]*"|'[^']*'|\{[^}]*\})*)>/g)].flatMap((match) => {
    const attributes = match[1]!;
    const value = (name: string) => {
      const found = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)')`).exec(attributes);
      return found === null ? undefined : (found[1] ?? found[2]);
    };
    const key = value('name');
    return key === undefined ? [] : [{ key, default: value('default')?.replace(/`/g, '') }];
  });
}
