export interface LinkLike {
  type: string;
  direction: string;
}

export interface LinkGroup<T extends LinkLike> {
  key: string;
  type: string;
  direction: string;
  label: string;
  links: T[];
}

/** "PARTY_TO" → "party to". */
export function humanize(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

/**
 * Groups an entity's links by type and direction, largest group first (then by label): "→ party
 * to" holds what this entity is party to, "← party to" those party to it.
 */
export function groupLinks<T extends LinkLike>(links: readonly T[]): LinkGroup<T>[] {
  const groups = new Map<string, LinkGroup<T>>();
  for (const link of links) {
    const key = `${link.type}:${link.direction}`;
    let group = groups.get(key);
    if (!group) {
      const arrow = link.direction === 'INCOMING' ? '←' : link.direction === 'BOTH' ? '↔' : '→';
      group = {
        key,
        type: link.type,
        direction: link.direction,
        label: `${arrow} ${humanize(link.type)}`,
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
