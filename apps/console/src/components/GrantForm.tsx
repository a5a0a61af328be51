import { useState } from 'react';
import type { governance } from '@sdk';
import { useSession } from '../session.ts';
import { fieldErrorsOf, fieldMessage, messageOf, statusOf } from '../errors.ts';
import { TextField } from './TextField.tsx';

type Role = governance.components['schemas']['GrantDto']['relation'];

/** The subject form of a user id: `user:<sub>`, whether or not the prefix was typed. */
export const subjectOf = (user: string) => (user.startsWith('user:') ? user : `user:${user}`);

/** Grants one role on `object`; the envelope's field errors go under the field they name. */
export function GrantForm(props: {
  object: string;
  roles: readonly Role[];
  onGranted: (grant: { user: string; relation: string }) => void;
}) {
  const { governance } = useSession();
  const [user, setUser] = useState('');
  const [relation, setRelation] = useState<Role>(props.roles[props.roles.length - 1]!);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = fieldErrorsOf(error);
  const userError = fieldMessage(fields, 'user');
  const relationError = fieldMessage(fields, 'relation');

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = { user: subjectOf(user.trim()), relation, object: props.object };
      await governance.POST('/governance/grants', { body });
      setUser('');
      props.onGranted(body);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const status = statusOf(error);
  const refusal =
    status === 403 || status === 404
      ? relation === 'owner'
        ? 'Only owners can grant the owner role.'
        : 'You may not grant roles here: it takes an owner or admin.'
      : null;
  return (
    <form
      className="card grant-form"
      aria-labelledby="grant-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="grant-title">Grant a role</h2>
      <div className="grant-fields">
        <TextField
          id="grant-user"
          label="User id"
          value={user}
          onChange={setUser}
          required
          hint="The user's subject (the sub of their token), e.g. bob"
          error={userError}
        />
        <div className="field">
          <label htmlFor="grant-role">Role</label>
          <select
            id="grant-role"
            value={relation}
            aria-invalid={relationError ? true : undefined}
            aria-describedby={relationError ? 'grant-role-error' : undefined}
            onChange={(e) => setRelation(e.target.value as Role)}
          >
            {props.roles.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
          {relationError && (
            <p id="grant-role-error" className="field-error">
              {relationError}
            </p>
          )}
        </div>
        <div className="field grant-submit">
          <button type="submit" disabled={busy || !user.trim()}>
            {busy ? 'Granting…' : 'Grant'}
          </button>
        </div>
      </div>
      {error !== null && fields.length === 0 && (
        <p className="notice error" role="alert">
          {refusal ?? messageOf(error)}
        </p>
      )}
      {fields.length > 0 && (
        <p className="field-error" role="alert">
          Please correct the fields marked above.
        </p>
      )}
    </form>
  );
}
