// Assets' own tables arrive with data connections; the list is the migration history.
export const ASSETS_ENTITIES: never[] = [];
export const ASSETS_MIGRATIONS: never[] = [];
