/**
 * Internal reason a token was refused. Only for debug logs: clients always get the
 * generic AppException.invalidToken(), and the token itself is never logged.
 */
export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';

  constructor(readonly reason: string) {
    super(`Token rejected: ${reason}`);
  }
}
