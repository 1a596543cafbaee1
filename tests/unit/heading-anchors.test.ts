import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownToHtml } from 'satteri';
import { headingPlugins } from '../../src/integration/heading-anchors.ts';

const render = async (markdown: string) => {
  const result = await markdownToHtml(markdown, {
    hastPlugins: headingPlugins,
    features: { headingAttributes: true },
  });
  return typeof result === 'string' ? result : result.html;
};

test('every h2–h6 is wrapped with its self-link; the heading keeps its words and id', async () => {
  assert.equal(
    await render('# T\n\n## Hello *world*\n\n### 🎉\n\n## Again {#own}\n'),
    [
      '<h1 id="t">T</h1>',
      '<div class="heading-wrapper level-h2"><h2 id="hello-world">Hello <em>world</em></h2><a class="heading-anchor" href="#hello-world" data-pagefind-ignore><span aria-hidden="true">#</span><span class="sr-only">Link to this section: Hello world</span></a></div>',
      '<div class="heading-wrapper level-h3"><h3 id="section-1f389">🎉</h3><a class="heading-anchor" href="#section-1f389" data-pagefind-ignore><span aria-hidden="true">#</span><span class="sr-only">Link to this section: 🎉</span></a></div>',
      '<div class="heading-wrapper level-h2"><h2 id="own">Again</h2><a class="heading-anchor" href="#own" data-pagefind-ignore><span aria-hidden="true">#</span><span class="sr-only">Link to this section: Again</span></a></div>',
      '',
    ].join('\n'),
  );
});

test('a page of many headings compiles in time linear in their number', async () => {
  const page = (sections: number) =>
    Array.from(
      { length: sections },
      (_, n) => `## Section ${n}\n\nStep ${n} of the procedure, with [a link](#section-${n}).\n\n`,
    ).join('');
  const seconds = async (sections: number) => {
    const text = page(sections);
    const started = performance.now();
    const html = await render(text);
    assert.equal(html.split('class="heading-anchor"').length - 1, sections);
    return (performance.now() - started) / 1000;
  };
  await seconds(500); // warm up
  // The best of a few runs: one slow run (a collection, a busy machine) is not a trend.
  const best = async (sections: number, runs: number) => {
    let fastest = Infinity;
    for (let run = 0; run < runs; run += 1) fastest = Math.min(fastest, await seconds(sections));
    return fastest;
  };
  const small = await best(1000, 3);
  const large = await best(8000, 2);
  // Eight times the headings: about eight times the time; a square law would be sixty-four.
  assert.ok(
    large / Math.max(small, 0.01) < 24 && large < 10,
    `1,000 headings in ${small.toFixed(2)} s, 8,000 in ${large.toFixed(2)} s`,
  );
});
