import { QueryFailedError } from 'typeorm';
import { isDataError, isUniqueViolation } from './postgres-errors.js';

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

describe(isDataError.name, () => {
  it('should recognise refusals of the values (classes 22 and 23), not failures of the database', () => {
    expect(isDataError(failure({ code: '22021' }))).toBe(true);
    expect(isDataError(failure({ code: '23505' }))).toBe(true);
    expect(isDataError(failure({ code: '08006' }))).toBe(false);
    expect(isDataError(failure({ code: '57014' }))).toBe(false);
    expect(isDataError(failure({}))).toBe(false);
    expect(isDataError(Object.assign(new Error('x'), { code: '22021' }))).toBe(false);
  });
});
