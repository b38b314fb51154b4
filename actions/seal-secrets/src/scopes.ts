/** The sealing scopes, in a module of their own: input validation needs them without node:crypto. */
export const SCOPES = ['strict', 'namespace-wide', 'cluster-wide'] as const;
export type Scope = (typeof SCOPES)[number];
