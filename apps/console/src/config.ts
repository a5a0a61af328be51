/** What Assets tells the console at GET /console/config.json. */
export interface ConsoleConfig {
  /** Realms live under it: `<oidc_base>/realms/<org>` (Keycloak, or the dev identity provider). */
  oidc_base: string;
  client_id: string;
  governance_url: string;
  /** Where Assets answers (the page's origin unless set). */
  assets_url: string;
}

export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  const config = (await response.json()) as ConsoleConfig;
  return { ...config, assets_url: config.assets_url || window.location.origin };
}
