/** The dev IdP's pages: small, self-contained HTML (no external assets, inline style only). */

/**
 * The login form posts here and is answered with a redirect to the console: browsers apply
 * form-action to that redirect too, so the console's origins are allowed as well.
 */
export function pageCspFor(redirectOrigins: readonly string[]): string {
  const formAction = ["'self'", ...redirectOrigins].join(' ');
  return `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`;
}

const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:2rem;color:#1a1a1a;background:#f6f6f6}
main{max-width:24rem;margin:auto;background:#fff;padding:1.5rem;border-radius:8px;border:1px solid #ccc}
.note{background:#fff4ce;border:1px solid #8a6d00;padding:.5rem .75rem;border-radius:4px}
label{display:block;font-weight:600;margin-top:1rem}
input{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;margin-top:.25rem;border:1px solid #555;border-radius:4px}
button{font:inherit;margin-top:1rem;padding:.5rem 1rem;border:0;border-radius:4px;background:#0b5cad;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
.error{color:#a00000;font-weight:600}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
<p class="note" role="note">Development identity provider: anyone can sign in as any user. Never use it in production.</p>
${body}
</main></body>
</html>`;
}

export interface LoginFormView {
  org: string;
  /** Echoed as hidden fields, with the CSRF token. */
  hidden: Record<string, string>;
  username?: string;
  error?: string;
}

export function loginFormPage({ org, hidden, username = '', error }: LoginFormView): string {
  const fields = Object.entries(hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const invalid = error
    ? ' aria-invalid="true" aria-describedby="username-hint username-error"'
    : ' aria-describedby="username-hint"';
  return page(
    `Sign in to ${org}`,
    `<h1>Sign in to ${escapeHtml(org)}</h1>
<form method="post" action="auth">
${fields}
<label for="username">User name</label>
<input id="username" name="username" value="${escapeHtml(username)}" autocomplete="username" required autofocus${invalid}>
<p id="username-hint">Lowercase letters, digits and dashes, for example <code>alice</code>.</p>
${error ? `<p id="username-error" class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<button type="submit">Sign in</button>
</form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}
