import { useSession } from '../session.ts';
import { updateQuery, useLocation } from '../router.ts';
import { useLoad } from '../useLoad.ts';

/** The project every page acts in (`?project=`); none acts at organization level. */
export function ProjectSwitcher() {
  const { governance, org } = useSession();
  const { query } = useLocation();
  const projects = useLoad(
    async () => (await governance.GET('/governance/projects', { params: { query: { limit: 100 } } })).data,
    org,
  );
  const list = (projects.data as { data?: { id: string; name: string }[] } | undefined)?.data ?? [];
  return (
    <div className="switcher">
      <label htmlFor="project">Project</label>
      <select
        id="project"
        value={query.get('project') ?? ''}
        onChange={(e) => updateQuery({ project: e.target.value, page: null }, false)}
        aria-busy={projects.loading}
      >
        <option value="">Organization ({org})</option>
        {list.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.id})
          </option>
        ))}
      </select>
      {projects.error ? <span className="field-error">projects unavailable</span> : null}
    </div>
  );
}
