/**
 * Measurements the layout specs take inside the page: each returns what is wrong, as readable
 * lines, so that a failure says which page, which element and by how much.
 */
import type { Page } from '@playwright/test';

/** The page is no wider than the window. */
export function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    return root.scrollWidth > root.clientWidth
      ? [`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`]
      : [];
  });
}

/**
 * Every `code` in a table cell, and every setting's key and variable (`<Setting>`), wraps, if at
 * all, only between words: after `.`, `_`, `/`, `-` or a space, and outside a row's first cell
 * (the key) also where a capital starts a new word. Each character's line is read from its own box.
 */
export function codeBrokenInsideWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const code of document.querySelectorAll('td code, code.setting-name')) {
      const key = code.classList.contains('setting-name') || code.closest('td')?.cellIndex === 0;
      let previous: { top: number; char: string } | undefined;
      let seen = '';
      const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i += 1) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = range.getClientRects()[0];
          if (!box) continue;
          const hump = !key && /[a-z\d]/.test(previous?.char ?? '') && /[A-Z]/.test(text[i]!);
          if (previous && box.top > previous.top + 2 && !/[._/\s-]/.test(previous.char) && !hump) {
            problems.push(`"${code.textContent}" breaks inside a word, after "${seen}"`);
          }
          previous = { top: box.top, char: text[i]! };
          seen += text[i];
        }
      }
    }
    return problems;
  });
}

/**
 * No copy button covers any text of its block, with the block scrolled to its start and to its
 * end (where long lines used to run under the button).
 */
export function copyButtonsOverText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const overlap = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (const button of document.querySelectorAll<HTMLElement>('.copy-button')) {
      const frame = button.closest('.code-frame');
      const pre = frame?.querySelector('pre');
      if (!pre) {
        problems.push('a copy button outside a code frame');
        continue;
      }
      for (const scroll of [0, pre.scrollWidth]) {
        pre.scrollLeft = scroll;
        const area = button.getBoundingClientRect();
        if (area.width === 0) continue;
        const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const box of range.getClientRects()) {
            if (overlap(area, box)) {
              problems.push(`the copy button covers "${node.textContent.trim()}"`);
              break;
            }
          }
        }
      }
      pre.scrollLeft = 0;
    }
    return problems;
  });
}

/**
 * Each h2 sits clearly closer to its own text than to the rule above it (half as far again),
 * and each h2 and h3 has at least twice as much space above it as below it.
 */
export function headingRhythm(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const blocks = (
      element: Element | null,
      step: 'previousElementSibling' | 'nextElementSibling',
    ) => {
      let sibling = element?.[step] ?? null;
      while (
        sibling &&
        (sibling.hasAttribute('data-legacy-anchor') ||
          getComputedStyle(sibling).position === 'absolute')
      )
        sibling = sibling[step];
      return sibling;
    };
    for (const heading of document.querySelectorAll<HTMLElement>('.prose :is(h2, h3)')) {
      const wrapper = heading.closest('.heading-wrapper') ?? heading;
      const before = blocks(wrapper, 'previousElementSibling');
      const after = blocks(wrapper, 'nextElementSibling');
      if (!before || !after) continue;
      const box = heading.getBoundingClientRect();
      const below = after.getBoundingClientRect().top - box.bottom;
      const above = box.top - before.getBoundingClientRect().bottom;
      const name = `${heading.tagName.toLowerCase()} "${heading.textContent}"`;
      if (above < 2 * below) problems.push(`${name}: ${above} px above, ${below} px below`);
      if (heading.tagName === 'H2') {
        const rule = wrapper.getBoundingClientRect().top;
        if (box.top - rule < 1.5 * below)
          problems.push(`${name}: ${box.top - rule} px under its rule, ${below} px over its text`);
      }
    }
    return problems;
  });
}
