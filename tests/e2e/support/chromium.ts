/**
 * The Chromium the browser tests run: `CHROMIUM_PATH`; else Debian's headless shell (the same
 * build of Chromium without the desktop browser around it: what Playwright itself runs for
 * headless tests); else Debian's full `/usr/bin/chromium`; else undefined, for Playwright's own
 * browser (`npx playwright install chromium` where downloads are possible).
 */
import { existsSync } from 'node:fs';

export function chromiumPath(): string | undefined {
  return (
    process.env['CHROMIUM_PATH'] ??
    ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path))
  );
}
