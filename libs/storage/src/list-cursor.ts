import { AppException } from '@app/core';

/** Keys compare as UTF-8 bytes, the order S3, GCS and Azure list in. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const VERSION = 'k1:';

/** Opaque to clients: the last key of the page, versioned and base64url-encoded. */
export function encodeListCursor(lastKey: string): string {
  return Buffer.from(VERSION + lastKey, 'utf8').toString('base64url');
}

/** A cursor is only valid for the prefix it was issued under. */
export function decodeListCursor(cursor: string, prefix: string): string {
  const decoded = /^[A-Za-z0-9_-]{1,2048}$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8')
    : '';
  if (!decoded.startsWith(VERSION) || !decoded.slice(VERSION.length).startsWith(prefix)) {
    throw AppException.invalidRequest('Invalid cursor', {
      fields: [{ field: 'cursor', message: 'is not a cursor issued for this listing' }],
    });
  }
  return decoded.slice(VERSION.length);
}
