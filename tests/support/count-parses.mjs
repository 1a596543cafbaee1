// Preloaded with `--import` into every thread of a build (NODE_OPTIONS), for the parse-count test
// (tests/build/one-pass.test.ts): Sätteri is loaded through a wrapper that logs each call of a
// function that parses a whole page, with the name and a digest of the text, to PARSE_LOG.
import { register } from 'node:module';

register('./count-parses-hooks.mjs', import.meta.url);
