import { useState } from 'react';
import type { governance } from '@sdk';
import { useSession } from '../session.ts';
import { useLocation } from '../router.ts';
import { useLoad } from '../useLoad.ts';
import { messageOf, statusOf } from '../errors.ts';
import { Badge } from '../components/Badge.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { GrantForm } from '../components/GrantForm.tsx';
import { Pager } from '../components/Pager.tsx';

type Grant = governance.components['schemas']['GrantDto'];
type GrantPage = governance.components['schemas']['GrantPageDto'];

// The roles the grant API takes on each kind of object (openapi/governance.json, GrantDto.relation).
const PROJECT_ROLES = ['owner', 'admin', 'developer', 'operator', 'viewer'] as const;
const ORG_ROLES = ['owner', 'admin', 'member'] as const;

const userOf = (grant: Grant) => grant.user.replace(/^user:/, '');
const keyOf = (grant: Grant) => `${grant.relation} ${grant.user}`;

/** The direct grants on the selected project, or on the organization when none is selected. */
export default function MembersPage() {
  const { governance: api, org } = useSession();
  const { query } = useLocation();
  const project = query.get('project');
  const object = project ? `project:${project}` : `organization:${org}`;
  const where = project ? `project ${project}` : `organization ${org}`;
  const pageNumber = Number(query.get('page')) || 1;
  const [version, setVersion] = useState(0);
  // What the last grant or revoke did, shown only on the object it was done on.
  const [done, setDone] = useState<{ object: string; message: string } | null>(null);
  const grants = useLoad(
    async () =>
      (
        await api.GET('/governance/grants', {
          params: { query: { object, page: pageNumber, limit: 20 } },
        })
      ).data as GrantPage,
    `${object}:${pageNumber}:${version}`,
  );
  const changed = (message: string) => {
    setDone({ object, message });
    setVersion((v) => v + 1);
  };
  const status = statusOf(grants.error);
  const refused = status === 403 || status === 404;
  const list = grants.data?.data ?? [];

  return (
    <section aria-labelledby="members-title">
      <h1 id="members-title">Members</h1>
      <p className="muted">
        Direct role grants on the {where}
        {project ? '' : ' (pick a project in the header to see its members)'}. Roles inherited from the
        organization are not listed here.
      </p>
      {refused ? (
        <p className="notice error" role="alert">
          {status === 403
            ? `Only owners and admins of the ${where} can see and change its members.`
            : `The ${where} does not exist, or you may not see it.`}
        </p>
      ) : (
        <>
          <ErrorNotice error={grants.error} retry={grants.reload} />
          {done?.object === object && (
            <p className="notice ok" role="status">
              {done.message}
            </p>
          )}
          {/* Only once the list came back: someone who may not manage members never sees the form. */}
          {grants.data && (
            <GrantForm
              key={object}
              object={object}
              roles={project ? PROJECT_ROLES : ORG_ROLES}
              onGranted={(g) => changed(`Granted ${g.relation} to ${g.user.replace(/^user:/, '')}.`)}
            />
          )}
          <h2 id="grants-title">Current grants</h2>
          <p className="status-line" aria-live="polite">
            {grants.loading
              ? 'Loading…'
              : grants.data
                ? `${grants.data.pagination.total_items} grant(s)`
                : ''}
          </p>
          {grants.data && list.length === 0 && !grants.loading && (
            <div className="empty">
              <p>No one holds a role directly on the {where} yet.</p>
            </div>
          )}
          {list.length > 0 && (
            <GrantTable
              grants={list}
              onRevoked={(g) => changed(`Revoked ${g.relation} from ${userOf(g)}.`)}
            />
          )}
          {grants.data && <Pager pagination={grants.data.pagination} label="Grant pages" />}
        </>
      )}
    </section>
  );
}

function GrantTable({ grants, onRevoked }: { grants: Grant[]; onRevoked: (grant: Grant) => void }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  // A cancelled confirmation gives the focus back to its Revoke button.
  const [cancelled, setCancelled] = useState<string | null>(null);
  return (
    <div className="table-wrap">
      <table className="grants">
        <caption className="visually-hidden">Current grants</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {grants.map((grant) => (
            <tr key={keyOf(grant)}>
              <td>
                <code>{userOf(grant)}</code>
              </td>
              <td>
                <Badge value={grant.relation} />
              </td>
              <td>
                {confirming === keyOf(grant) ? (
                  <RevokeConfirm
                    grant={grant}
                    onCancel={() => {
                      setConfirming(null);
                      setCancelled(keyOf(grant));
                    }}
                    onRevoked={() => {
                      setConfirming(null);
                      onRevoked(grant);
                    }}
                  />
                ) : (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Revoke ${grant.relation} from ${userOf(grant)}`}
                    autoFocus={cancelled === keyOf(grant)}
                    onClick={() => setConfirming(keyOf(grant))}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RevokeConfirm(props: { grant: Grant; onCancel: () => void; onRevoked: () => void }) {
  const { governance: api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const revoke = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.DELETE('/governance/grants', { body: props.grant });
      props.onRevoked();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  const status = statusOf(error);
  return (
    <div
      role="group"
      aria-label="Confirm revoke"
      className="confirm"
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <p>
        Revoke {props.grant.relation} from {userOf(props.grant)}?
      </p>
      <button type="button" className="danger" autoFocus disabled={busy} onClick={() => void revoke()}>
        {busy ? 'Revoking…' : 'Yes, revoke'}
      </button>
      <button type="button" className="secondary" onClick={props.onCancel}>
        Cancel
      </button>
      {error !== null && (
        <p className="field-error" role="alert">
          {status === 403
            ? props.grant.relation === 'owner'
              ? 'Only owners can revoke the owner role.'
              : 'You may not revoke roles here.'
            : messageOf(error)}
        </p>
      )}
    </div>
  );
}
