import { useQuery } from '@urql/preact';
import { EntityNameQuery } from '../queries/names.ts';

/**
 * The name of the entity a URL names by slug: undefined while it loads, the slug itself only when
 * the graph has no such entity (so a reader sees what the address says).
 */
export function useEntityName(slug: string | undefined): string | undefined {
  const [result] = useQuery({
    query: EntityNameQuery,
    variables: { id: slug ?? '' },
    pause: !slug,
  });
  // urql keeps the last answer while a new one loads: only an answer for this slug counts.
  if (result.operation?.variables.id !== slug) return undefined;
  if (result.data?.entity) return result.data.entity.name;
  return result.error ? slug : undefined;
}

/** An entity's name for a slug, "…" while it loads. */
export function EntityName({ slug }: { slug: string }) {
  return <>{useEntityName(slug) ?? '…'}</>;
}
