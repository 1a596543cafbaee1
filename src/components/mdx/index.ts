import Aside from './Aside.astro';
import Badge from './Badge.astro';
import Card from './Card.astro';
import CardGrid from './CardGrid.astro';
import FileTree from './FileTree.astro';
import Image from './Image.astro';
import Link from './Link.astro';
import LinkCard from './LinkCard.astro';
import Setting from './Setting.astro';
import Steps from './Steps.astro';
import TabItem from './TabItem.astro';
import Table from './Table.astro';
import Tabs from './Tabs.astro';
import type { MDX_COMPONENT_NAMES } from './names.ts';

/** Components every MDX page can use without importing them, and the Markdown element overrides. */
export const mdxComponents = {
  a: Link,
  img: Image,
  table: Table,
  Aside,
  Badge,
  Card,
  CardGrid,
  FileTree,
  LinkCard,
  Setting,
  Steps,
  Tabs,
  TabItem,
};

type ListedNames = (typeof MDX_COMPONENT_NAMES)[number];
type DefinedNames = Exclude<keyof typeof mdxComponents, 'a' | 'img' | 'table'>;
/** `astro check` fails when a component is added here and not to `names.ts`, or the other way. */
const namesMatch: [ListedNames] extends [DefinedNames]
  ? [DefinedNames] extends [ListedNames]
    ? true
    : never
  : never = true;
void namesMatch;
