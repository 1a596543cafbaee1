import Aside from './Aside.astro';
import Image from './Image.astro';
import Link from './Link.astro';
import Steps from './Steps.astro';
import TabItem from './TabItem.astro';
import Tabs from './Tabs.astro';

/** Components every MDX page can use without importing them, and the Markdown element overrides. */
export const mdxComponents = { a: Link, img: Image, Aside, Steps, Tabs, TabItem };
