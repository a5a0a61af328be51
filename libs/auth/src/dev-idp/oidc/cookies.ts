/** The few cookie operations the dev IdP needs (no cookie plugin in the apps). */

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export interface CookieScope {
  path: string;
  secure: boolean;
}

export function setCookie(
  name: string,
  value: string,
  scope: CookieScope,
  sameSite: 'Lax' | 'Strict',
): string {
  return `${name}=${value}; Path=${scope.path}; HttpOnly; SameSite=${sameSite}${scope.secure ? '; Secure' : ''}`;
}

export function clearCookie(name: string, scope: CookieScope): string {
  return `${name}=; Path=${scope.path}; Max-Age=0; HttpOnly; SameSite=Lax${scope.secure ? '; Secure' : ''}`;
}
