/**
 * Browser side of a preview page's changes in place, loaded only when a reviewer asks (the
 * banner's control, the `d` key, `?changes=1`): fetches the changes the build found against the
 * pull request's base (`<meta name="preview-changes">`), marks them in the page (change-marks.ts),
 * and moves from change to change. Hiding them puts the page back as it was.
 */
import { CHANGES_META_NAME, CHANGES_UI_ATTRIBUTE, type PageChanges } from 'lasting-links/theme';
import styles from '../styles/page-changes.css?inline';
import { CHANGE, HUNK, contentRoot, markChanges } from './change-marks.ts';

/** What the page shows now, to put back. */
interface Shown {
  hunks: Element[][];
  current: number;
  toolbar: HTMLElement;
  status: HTMLElement;
  onKey: (event: KeyboardEvent) => void;
}

let shown: Shown | undefined;
let busy: Promise<void> | undefined;

/** Shows a hunk: opens what hides it (a tab, a closed `<details>`), scrolls to it, focuses it. */
function go(to: number): void {
  if (shown === undefined || shown.hunks.length === 0) return;
  const count = shown.hunks.length;
  shown.current = ((to % count) + count) % count;
  for (const element of document.querySelectorAll('[data-preview-current]'))
    element.removeAttribute('data-preview-current');
  const elements = shown.hunks[shown.current]!;
  for (const element of elements) element.setAttribute('data-preview-current', '');
  const first = elements[0]!;
  const panel = first.closest<HTMLElement>('[role="tabpanel"][hidden]');
  if (panel !== null)
    document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(panel.id)}"]`)?.click();
  for (
    let details = first.closest('details');
    details !== null;
    details = details.parentElement?.closest('details') ?? null
  )
    details.open = true;
  if (!first.hasAttribute('tabindex')) first.setAttribute('tabindex', '-1');
  first.scrollIntoView({ block: 'center' });
  (first as HTMLElement).focus({ preventScroll: true });
  shown.status.textContent = `Change ${shown.current + 1} of ${count}`;
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}

function link(label: string, href: string): HTMLAnchorElement {
  const element = document.createElement('a');
  element.href = href;
  element.textContent = label;
  return element;
}

/** The bar at the bottom of the window: what is compared, the count, previous and next, hide. */
function toolbar(
  changes: PageChanges | undefined,
  hunks: number,
): { bar: HTMLElement; status: HTMLElement } {
  const bar = document.createElement('section');
  bar.className = 'preview-changes-bar';
  bar.setAttribute(CHANGES_UI_ATTRIBUTE, '');
  bar.setAttribute('aria-label', 'Changes on this page');
  const summary = document.createElement('p');
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  if (changes === undefined) summary.append('This page did not change in this pull request.');
  else {
    summary.append(
      hunks === 0
        ? 'No text changed on this page'
        : `${hunks} ${hunks === 1 ? 'change' : 'changes'}`,
      ` against ${changes.base}`,
    );
    if (changes.movedFrom !== null) summary.append(`; the page moved from ${changes.movedFrom}`);
    summary.append('. ', status);
  }
  const actions = document.createElement('p');
  actions.className = 'preview-changes-actions';
  if (hunks > 0) {
    actions.append(
      button('Previous change', () => go((shown?.current ?? 0) - 1)),
      button('Next change', () => go((shown?.current ?? -1) + 1)),
    );
  }
  if (changes !== undefined) {
    actions.append(link('All changes', changes.report));
    if (changes.published !== null) actions.append(link('Published page', changes.published));
  }
  actions.append(button('Hide changes', () => void toggleChanges(false)));
  bar.append(summary, actions);
  return { bar, status };
}

/** The page's address with its changes shown or not, and the banner's link to the other state. */
function setUrl(on: boolean): void {
  const url = new URL(location.href);
  const other = new URL(location.href);
  url.searchParams.delete('changes');
  other.searchParams.delete('changes');
  (on ? url : other).searchParams.set('changes', '1');
  history.replaceState(history.state, '', url);
  for (const control of document.querySelectorAll<HTMLAnchorElement>(
    '.preview-changes-control a',
  )) {
    control.href = other.href;
    control.textContent = on ? 'Hide changes' : 'Show changes';
  }
}

async function show(): Promise<void> {
  const url = document.querySelector<HTMLMetaElement>(`meta[name="${CHANGES_META_NAME}"]`)?.content;
  let changes: PageChanges | undefined;
  if (url !== undefined) {
    const response = await fetch(url);
    if (!response.ok)
      throw new Error(`the changes of this page (${url}) did not load: ${response.status}`);
    changes = (await response.json()) as PageChanges;
  }
  if (document.querySelector('style[data-preview-changes-style]') === null) {
    const style = document.createElement('style');
    style.setAttribute('data-preview-changes-style', '');
    style.textContent = styles;
    document.head.append(style);
  }
  const hunks = changes === undefined ? [] : markChanges(changes, contentRoot());
  const { bar, status } = toolbar(changes, hunks.length);
  document.body.append(bar);
  document.documentElement.setAttribute('data-preview-changes-shown', '');
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (
      event.target instanceof Element &&
      event.target.closest('input, textarea, select, [contenteditable]')
    )
      return;
    if (event.key === 'n') go((shown?.current ?? -1) + 1);
    else if (event.key === 'p') go((shown?.current ?? 0) - 1);
  };
  document.addEventListener('keydown', onKey);
  shown = { hunks, current: -1, toolbar: bar, status, onKey };
  setUrl(true);
}

function hide(): void {
  if (shown === undefined) return;
  const root = contentRoot();
  for (const element of root.querySelectorAll(`[${CHANGES_UI_ATTRIBUTE}]`)) element.remove();
  for (const ins of root.querySelectorAll('ins.preview-change-ins'))
    ins.replaceWith(...ins.childNodes);
  for (const element of root.querySelectorAll(`[${CHANGE}], [${HUNK}], [data-preview-current]`)) {
    element.removeAttribute(CHANGE);
    element.removeAttribute(HUNK);
    element.removeAttribute('data-preview-current');
  }
  root.normalize();
  shown.toolbar.remove();
  document.removeEventListener('keydown', shown.onKey);
  document.documentElement.removeAttribute('data-preview-changes-shown');
  shown = undefined;
  setUrl(false);
}

/** Shows the page's changes, or hides them; `on` forces one or the other. */
function toggleChanges(on?: boolean): Promise<void> {
  busy = (busy ?? Promise.resolve()).then(async () => {
    const want = on ?? shown === undefined;
    if (want && shown === undefined) await show();
    else if (!want && shown !== undefined) hide();
  });
  return busy;
}

// The banner's loader adds this script when asked, and calls this when it has run.
(window as unknown as { previewChanges: typeof toggleChanges }).previewChanges = toggleChanges;
