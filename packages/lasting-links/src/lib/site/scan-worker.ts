/**
 * Worker thread body for `readBuiltSite`: scans its share of the pages and posts the results
 * back. Parsing is the main cost of reading a large site, so large sites use every core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanShare, type ReadSiteOptions } from './read-site.ts';

const { dir, files, options } = workerData as {
  dir: string;
  files: string[];
  options: ReadSiteOptions;
};
const packed = scanShare(dir, files, options);
parentPort!.postMessage(packed, [
  packed.ids.buffer as ArrayBuffer,
  packed.links.buffer as ArrayBuffer,
]);
