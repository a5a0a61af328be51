import { QueryFailedError } from 'typeorm';
import { isUniqueViolation } from './unique-violation.js';

const failure = (driverError: object): QueryFailedError =>
  new QueryFailedError('INSERT', [], driverError as Error);

describe(isUniqueViolation.name, () => {
  it('should recognise a unique violation by its SQLSTATE', () => {
    expect(isUniqueViolation(failure({ code: '23505', constraint: 'data_connections_scope_name' }))).toBe(
      true,
    );
  });

  it('should match the constraint when one is named', () => {
    const error = failure({ code: '23505', constraint: 'data_connections_scope_name' });
    expect(isUniqueViolation(error, 'data_connections_scope_name')).toBe(true);
    expect(isUniqueViolation(error, 'connection_operations_one_pending')).toBe(false);
  });

  it('should reject other SQLSTATEs, a driver error without a code, and other errors', () => {
    expect(isUniqueViolation(failure({ code: '23503' }))).toBe(false);
    expect(isUniqueViolation(failure({ message: 'no code' }))).toBe(false);
    expect(
      isUniqueViolation(Object.assign(new Error('duplicate key'), { driverError: { code: '23505' } })),
    ).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
