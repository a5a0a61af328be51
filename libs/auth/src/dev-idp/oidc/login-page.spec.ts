import { pageCspFor } from './login-page.js';

describe(pageCspFor.name, () => {
  it("lets the login form's redirect reach the console's origins, and nothing else", () => {
    const csp = pageCspFor(['http://localhost:8002', 'http://127.0.0.1:8002']);
    expect(csp).toContain("form-action 'self' http://localhost:8002 http://127.0.0.1:8002;");
    expect(csp).toContain("default-src 'none'");
    expect(pageCspFor([])).toContain("form-action 'self';");
  });
});
