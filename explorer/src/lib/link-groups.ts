import type { LinkDirection, LinkType } from '../gql/graphql.ts';
import { linkPhrase } from './link-phrases.ts';

export interface LinkLike {
  type: LinkType;
  direction: LinkDirection;
}

export interface LinkGroup<T extends LinkLike> {
  key: string;
  type: LinkType;
  direction: LinkDirection;
  label: string;
  links: T[];
}

/** "PARTY_TO" → "party to". */
export function humanize(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

/**
 * Groups an entity's links by type and direction, largest group first (then by label): "party
 * to" holds what this entity is party to, "parties" those party to it.
 */
export function groupLinks<T extends LinkLike>(links: readonly T[]): LinkGroup<T>[] {
  const groups = new Map<string, LinkGroup<T>>();
  for (const link of links) {
    const key = `${link.type}:${link.direction}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        type: link.type,
        direction: link.direction,
        label: linkPhrase(link.type, link.direction),
        links: [],
      };
      groups.set(key, group);
    }
    group.links.push(link);
  }
  return [...groups.values()].sort(
    (x, y) => y.links.length - x.links.length || x.label.localeCompare(y.label),
  );
}
