import { Module } from '@nestjs/common';
import { EgressPolicy } from '../egress/index.js';
import { ConnectionsModule } from '../connections/index.js';
import { GovernanceGatewayModule } from '../governance/index.js';
import { GOOGLE_TOKEN_URL, jwtBearerAccessTokenSource } from '../verification/index.js';
import { ConnectionStoreFactory } from './connection-store.factory.js';
import { FilesController } from './files.controller.js';
import { FilesService } from './files.service.js';
import { FilesRepository } from './persistence/files.repository.js';
import { GoogleAccessTokens } from './google-access-tokens.js';
import { ObjectStoreResolver } from './object-store.resolver.js';
import { StorageController } from './storage.controller.js';
import { StorageHttpSetup } from './storage-http.setup.js';
import { StorageJanitor } from './storage.janitor.js';
import { GOOGLE_TOKEN_ENDPOINT } from './storage.tokens.js';
import { UploadHeartbeat } from './upload-heartbeat.js';
import { UploadSlots } from './upload-slots.js';

/**
 * Shared storage: object routes and file records over the default store or a registered storage
 * connection. STORAGE_CONFIG and DEFAULT_OBJECT_STORE come from the infrastructure module.
 */
@Module({
  imports: [ConnectionsModule, GovernanceGatewayModule],
  controllers: [StorageController, FilesController],
  providers: [
    ObjectStoreResolver,
    ConnectionStoreFactory,
    FilesService,
    FilesRepository,
    StorageHttpSetup,
    StorageJanitor,
    UploadHeartbeat,
    UploadSlots,
    // Google's OAuth token endpoint, for GCS connections; tests point it at a fake.
    { provide: GOOGLE_TOKEN_ENDPOINT, useValue: GOOGLE_TOKEN_URL },
    {
      // Adapts the token exchange and the egress policy to GoogleAccessTokens' two functions.
      provide: GoogleAccessTokens,
      useFactory: (tokenUrl: string, egress: EgressPolicy) =>
        new GoogleAccessTokens(jwtBearerAccessTokenSource(tokenUrl), (host, port) =>
          egress.resolve(host, port),
        ),
      inject: [GOOGLE_TOKEN_ENDPOINT, EgressPolicy],
    },
  ],
})
export class StorageModule {}
