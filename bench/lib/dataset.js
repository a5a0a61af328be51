// The list benchmark's data set: generated inside PostgreSQL with generate_series, so 1M rows load
// in seconds. Names and descriptions are built from word lists; config and pool are copied from an
// existing row (created through the API), so every row is one the API can render.

/**
 * 1M active rows: PROJECT_ROWS in acme/analytics-prod, 200k more in other acme projects (1% of
 * them org-level), the rest spread over 49 other orgs. Secondary indexes are dropped for the load
 * and recreated from their own definitions, then ANALYZE.
 */
export async function bulkLoad(pool, { rows: ROWS, projectRows: PROJECT_ROWS, org: ORG, project: PROJECT }) {
  const client = await pool.connect();
  try {
    await client.query(`SET maintenance_work_mem = '256MB'`);
    const { rows: indexes } = await client.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'data_connections' AND indexname <> 'data_connections_pkey'`,
    );
    const started = performance.now();
    for (const { indexname } of indexes)
      await client.query(`DROP INDEX ${client.escapeIdentifier(indexname)}`);
    const words = (list) => `ARRAY[${list.map((w) => `'${w}'`).join(',')}]`;
    const adjectives = words([
      'Customer',
      'Global',
      'Legacy',
      'Primary',
      'Secondary',
      'Nightly',
      'Realtime',
      'Archived',
      'Regional',
      'Central',
      'Shared',
      'Internal',
      'External',
      'Partner',
      'Marketing',
      'Finance',
      'Sales',
      'Support',
      'Product',
      'Risk',
      'Growth',
      'Core',
      'Edge',
      'Mobile',
      'Web',
      'Ledger',
      'Audit',
      'Compliance',
      'Research',
      'Clinical',
      'Retail',
      'Wholesale',
      'Inventory',
      'Logistics',
      'Payroll',
      'People',
      'Security',
      'Platform',
      'Ops',
      'Data',
    ]);
    const nouns = words([
      'Orders',
      'Customers',
      'Events',
      'Clicks',
      'Sessions',
      'Invoices',
      'Payments',
      'Refunds',
      'Shipments',
      'Products',
      'Reviews',
      'Tickets',
      'Leads',
      'Accounts',
      'Contracts',
      'Claims',
      'Policies',
      'Trades',
      'Positions',
      'Quotes',
      'Metrics',
      'Logs',
      'Traces',
      'Alerts',
      'Devices',
      'Sensors',
      'Readings',
      'Campaigns',
      'Emails',
      'Messages',
      'Users',
      'Profiles',
      'Segments',
      'Cohorts',
      'Experiments',
      'Features',
      'Models',
      'Forecasts',
      'Budgets',
      'Expenses',
      'Vendors',
      'Suppliers',
      'Stores',
      'Regions',
      'Warehouses',
      'Routes',
      'Fleets',
      'Drivers',
      'Patients',
      'Visits',
      'Lab Results',
      'Prescriptions',
      'Students',
      'Courses',
      'Grades',
      'Assets',
      'Licenses',
      'Billing',
      'Subscriptions',
      'Entitlements',
    ]);
    const envs = words(['Prod', 'Staging', 'Dev', 'Test', 'DR', 'Sandbox']);
    const systems = words([
      'warehouse',
      'lakehouse',
      'replica',
      'primary',
      'cache',
      'archive',
      'stream',
      'export',
    ]);
    const teams = words([
      'analytics',
      'finance',
      'fraud',
      'growth',
      'marketing',
      'platform',
      'data science',
      'support',
      'operations',
      'security',
      'risk',
      'sales',
      'product',
      'research',
      'compliance',
      'billing',
      'logistics',
      'hr',
      'legal',
      'engineering',
      'mobile',
      'web',
      'partnerships',
      'procurement',
      'inventory',
      'pricing',
      'search',
      'ads',
      'payments',
      'identity',
      'ml',
      'bi',
      'reporting',
    ]);
    // Deterministic spread over the vocabularies; a few names get the rare word.
    await client.query(`
      INSERT INTO data_connections (id, org_id, project_id, resource_uri, name, connection_type, auth_type, description,
        status, tags, config, selected_tables, pool, created_by, created_at, updated_at, lifecycle, credentials_version)
      SELECT gen_random_uuid(), g.org_id, g.project_id,
             'data:' || g.org_id || ':' || coalesce(g.project_id, '') || ':' || trim(both '-' from regexp_replace(lower(g.name), '[^a-z0-9]+', '-', 'g')),
             g.name, t.connection_type, t.auth_type, g.description, 'ACTIVE', ARRAY[(${envs})[1 + (g.i % 6)::int]], t.config, t.selected_tables, t.pool,
             CASE WHEN g.i % 3 = 0 THEN 'alice' ELSE 'user' || (g.i % 97) END,
             now() - make_interval(secs => g.i), now() - make_interval(secs => g.i), 'active', 1
      FROM (
        SELECT i,
          CASE WHEN i <= ${PROJECT_ROWS + 200_000} THEN '${ORG}' ELSE 'org-' || (i % 49) END AS org_id,
          CASE WHEN i <= ${PROJECT_ROWS} THEN '${PROJECT}'
               WHEN i <= ${PROJECT_ROWS + 200_000} THEN CASE WHEN i % 100 = 0 THEN NULL ELSE 'proj-' || (i % 20) END
               ELSE 'proj-' || (i % 7) END AS project_id,
          (${adjectives})[1 + ((i * 7919) % 40)::int] || ' '
            || CASE WHEN i % 10007 = 0 THEN 'Zephyrine' ELSE (${nouns})[1 + ((i * 104729) % 60)::int] END || ' '
            || (${envs})[1 + (i % 6)::int] || ' ' || i AS name,
          CASE WHEN i % 2 = 0 THEN 'Read ' || (${systems})[1 + ((i / 2) % 8)::int] ELSE (${systems})[1 + ((i * 31) % 8)::int] END
            || ' for the ' || (${teams})[1 + ((i * 15485863) % 33)::int] || ' team, ' || (${nouns})[1 + ((i * 1299709) % 60)::int]
            || ' in ' || (${envs})[1 + ((i / 7) % 6)::int] AS description
        FROM generate_series(1::bigint, ${ROWS}::bigint) AS i
      ) g
      CROSS JOIN (SELECT connection_type, auth_type, config, selected_tables, pool FROM data_connections LIMIT 1) t`);
    const inserted = performance.now();
    for (const { indexdef } of indexes) await client.query(indexdef);
    const indexed = performance.now();
    await client.query('ANALYZE data_connections');
    const {
      rows: [sizes],
    } = await client.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE org_id = $1 AND project_id = $2)::int AS in_project,
              pg_size_pretty(pg_total_relation_size('data_connections')) AS size FROM data_connections`,
      [ORG, PROJECT],
    );
    return {
      ...sizes,
      insertSeconds: (inserted - started) / 1000,
      indexSeconds: (indexed - inserted) / 1000,
      totalSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    client.release();
  }
}
