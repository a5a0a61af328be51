import type { assets } from '@sdk';
import { useSession } from '../session.ts';
import { updateQuery } from '../router.ts';
import { useLoad } from '../useLoad.ts';
import { Select } from './Select.tsx';

type Page = assets.components['schemas']['ConnectionPageDto'];
const STORAGE_TYPES = ['s3', 'gcs', 'minio', 'azure_blob'] as const;

/** The store to browse: the platform's default one, or a storage connection of the project. */
export function StorageConnectionSelect({ project, value }: { project: string | null; value: string }) {
  const { assets: api } = useSession();
  const connections = useLoad(async () => {
    const pages = await Promise.all(
      STORAGE_TYPES.map(
        async (connection_type) =>
          (
            await api
              .withProject(project)
              .GET('/assets/data', { params: { query: { connection_type, limit: 100, sort: 'name:asc' } } })
          ).data as Page,
      ),
    );
    return pages.flatMap((page) => page.data).map((c): [string, string] => [c.resource_uri, c.name]);
  }, String(project));
  return (
    <Select
      id="s-connection"
      label="Store"
      any="Platform default store"
      value={value}
      options={connections.data ?? []}
      onChange={(connection) => updateQuery({ connection, cursor: null }, false)}
    />
  );
}
