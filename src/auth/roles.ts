/** Who may do what: each role may do what the roles before it may. */
export const ROLES = ['curator', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The author of a write: an API key (its id and name), or the import. */
export interface Principal {
  id: string;
  name: string;
  role: Role;
}

/** Whether `role` may do what `needed` may. */
export function allows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
