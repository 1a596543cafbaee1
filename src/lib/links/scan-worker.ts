/**
 * Worker thread body for `scanOutputPages`: scans its share of the output files and posts the
 * results back. Parsing is the checker's main cost, so large sites use every core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packScan, scanFiles } from './read-site.ts';

const { distDir, files } = workerData as { distDir: string; files: string[] };
const packed = packScan(scanFiles(distDir, files));
parentPort!.postMessage(packed, [packed.pages.buffer as ArrayBuffer, packed.ids.buffer as ArrayBuffer, packed.links.buffer as ArrayBuffer]);
