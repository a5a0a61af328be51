import type { assets } from '@sdk';
import { useSession } from './session.ts';
import { useLoad, type Loaded } from './useLoad.ts';

export type ConnectionType = assets.components['schemas']['ConnectionTypeDto'];

// The registry is fixed for a deployment: fetched once per page load, again only after a failure.
let registry: Promise<ConnectionType[]> | null = null;

/** The connection types with their JSON Schemas (`GET /assets/data/types`), shared by every page. */
export function useConnectionTypes(): Loaded<ConnectionType[]> {
  const { assets: api } = useSession();
  return useLoad(
    () =>
      (registry ??= api.GET('/assets/data/types').then(
        ({ data }) => data.data,
        (error: unknown) => {
          registry = null;
          throw error;
        },
      )),
    'types',
  );
}
