import type { ConnectionType } from '../connection-types/index.js';
import type { ConnectorDriver } from './connector-driver.js';
import { AzureBlobDriver } from './drivers/azure-blob/azure-blob.driver.js';
import { CouchbaseDriver } from './drivers/couchbase/couchbase.driver.js';
import { BigqueryDriver } from './drivers/bigquery/bigquery.driver.js';
import { DatabricksDriver } from './drivers/databricks/databricks.driver.js';
import { GcsDriver } from './drivers/gcs/gcs.driver.js';
import { HiveDriver } from './drivers/hive/hive.driver.js';
import { MinioDriver } from './drivers/minio/minio.driver.js';
import { MongodbDriver } from './drivers/mongodb/mongodb.driver.js';
import { MysqlDriver } from './drivers/mysql/mysql.driver.js';
import { OracleDriver } from './drivers/oracle/oracle.driver.js';
import { PostgresDriver } from './drivers/postgres/postgres.driver.js';
import { RedshiftDriver } from './drivers/redshift/redshift.driver.js';
import { S3Driver } from './drivers/s3/s3-compatible.driver.js';
import { SnowflakeDriver } from './drivers/snowflake/snowflake.driver.js';

/** One stateless driver per type; a type missing here fails to compile. */
export const DRIVERS: Readonly<Record<ConnectionType, ConnectorDriver>> = Object.freeze({
  postgres: new PostgresDriver(),
  redshift: new RedshiftDriver(),
  mysql: new MysqlDriver(),
  s3: new S3Driver(),
  minio: new MinioDriver(),
  snowflake: new SnowflakeDriver(),
  mongodb: new MongodbDriver(),
  bigquery: new BigqueryDriver(),
  databricks: new DatabricksDriver(),
  oracle: new OracleDriver(),
  gcs: new GcsDriver(),
  azure_blob: new AzureBlobDriver(),
  couchbase: new CouchbaseDriver(),
  hive: new HiveDriver(),
});
