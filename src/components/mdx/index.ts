import Aside from './Aside.astro';
import Badge from './Badge.astro';
import Card from './Card.astro';
import CardGrid from './CardGrid.astro';
import FileTree from './FileTree.astro';
import Image from './Image.astro';
import Link from './Link.astro';
import LinkCard from './LinkCard.astro';
import Steps from './Steps.astro';
import TabItem from './TabItem.astro';
import Table from './Table.astro';
import Tabs from './Tabs.astro';

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
  Steps,
  Tabs,
  TabItem,
};
