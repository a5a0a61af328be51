import {
  type DynamicModule,
  type FactoryProvider,
  type ModuleMetadata,
  type Provider,
  type Type,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { type AuthConfig, type AuthSettings, resolveAuthSettings } from './auth.config.js';
import { AUTH_SETTINGS, DEV_KEY_PAIR, JWT_STRATEGY } from './auth.tokens.js';
import { DevIdpController } from './dev-idp/dev-idp.controller.js';
import { DevTokenIssuer } from './dev-idp/dev-token.issuer.js';
import { ConsoleClient } from './dev-idp/oidc/console-client.js';
import { DevOidcProvider } from './dev-idp/oidc/dev-oidc.provider.js';
import { systemClock } from './dev-idp/oidc/expiring-store.js';
import { JwtAuthGuard } from './guards/jwt-auth.guard.js';
import { BearerTokenVerifier } from './bearer-token.verifier.js';
import { ProjectContextGuard } from './guards/project-context.guard.js';
import { JwksClientPool, type JwksPoolOptions } from './jwks-client-pool.js';
import { createJwtStrategy } from './jwt.strategy.js';
import { type DevKeyPair, loadOrCreateDevKeyPair } from './keys/dev-key-store.js';
import { ProjectDirectory } from './project-directory.js';
import { SigningKeyResolver } from './signing-key.resolver.js';
import { TrustedIssuers } from './trusted-issuers.js';

export type ProjectDirectoryProvider =
  | Type<ProjectDirectory>
  | { useValue: ProjectDirectory }
  | { useExisting: Type<ProjectDirectory> }
  | { useFactory: FactoryProvider<ProjectDirectory>['useFactory']; inject?: FactoryProvider['inject'] };

export interface AuthModuleOptions {
  /** The app's ProjectDirectory: a class (instantiated in this module), an existing provider of `imports`, a value or a factory. */
  projectDirectory: ProjectDirectoryProvider;
  /** Modules the ProjectDirectory depends on (e.g. the app's persistence or HTTP client module). */
  imports?: ModuleMetadata['imports'];
  /** Serve DevIdpController when dev mode is active. Default true; set false in the app that should not serve it. */
  devIdp?: boolean;
  /** Overrides of the JWKS fetch bounds (tests). */
  jwks?: Partial<JwksPoolOptions>;
}

// Passport's strategy registry is process-wide: one name per module instance.
let instances = 0;

function projectDirectoryProvider(p: ProjectDirectoryProvider): Provider {
  if (typeof p === 'function') return { provide: ProjectDirectory, useClass: p };
  return { provide: ProjectDirectory, ...p } as Provider;
}

/**
 * Authentication for one app: the passport-jwt strategy, the global JwtAuthGuard then
 * ProjectContextGuard, and (dev mode only) the embedded identity provider. Global, so
 * feature modules can inject ProjectDirectory and DevTokenIssuer.
 */
export class AuthModule {
  static forRoot(config: AuthConfig, options: AuthModuleOptions): DynamicModule {
    // Resolved here so that a bad configuration fails at boot, naming the variables.
    const settings = resolveAuthSettings(config);
    const strategyName = `app-jwt-${++instances}`;
    const devProviders: Provider[] = settings.devMode
      ? [
          { provide: DEV_KEY_PAIR, useFactory: () => loadOrCreateDevKeyPair(settings.dataDir) },
          {
            provide: DevTokenIssuer,
            useFactory: (key: DevKeyPair) =>
              new DevTokenIssuer(key, settings.devIssuerBase as string, settings.audience),
            inject: [DEV_KEY_PAIR],
          },
        ]
      : [];
    const servesDevIdp = settings.devMode && options.devIdp !== false;
    // The code flow's state lives only in the app that serves the dev IdP.
    const devIdpProviders: Provider[] = servesDevIdp
      ? [
          { provide: ConsoleClient, useFactory: () => new ConsoleClient(settings.devConsoleClient!) },
          {
            provide: DevOidcProvider,
            useFactory: (client: ConsoleClient, tokens: DevTokenIssuer) =>
              new DevOidcProvider(client, tokens, {
                accessTokenTtlS: settings.devAccessTokenTtlS,
                clock: systemClock,
              }),
            inject: [ConsoleClient, DevTokenIssuer],
          },
        ]
      : [];
    return {
      module: AuthModule,
      global: true,
      imports: [PassportModule, ...(options.imports ?? [])],
      controllers: servesDevIdp ? [DevIdpController] : [],
      providers: [
        { provide: AUTH_SETTINGS, useValue: settings },
        ...devProviders,
        ...devIdpProviders,
        {
          provide: TrustedIssuers,
          useFactory: (key: DevKeyPair | null) => new TrustedIssuers(settings, key),
          inject: [{ token: DEV_KEY_PAIR, optional: true }],
        },
        { provide: JwksClientPool, useFactory: () => new JwksClientPool(options.jwks) },
        {
          provide: SigningKeyResolver,
          useFactory: (issuers: TrustedIssuers, pool: JwksClientPool) =>
            new SigningKeyResolver(issuers, pool),
          inject: [TrustedIssuers, JwksClientPool],
        },
        {
          provide: JWT_STRATEGY,
          useFactory: (issuers: TrustedIssuers, resolver: SigningKeyResolver) =>
            createJwtStrategy(strategyName, settings as AuthSettings, issuers, resolver),
          inject: [TrustedIssuers, SigningKeyResolver],
        },
        BearerTokenVerifier,
        projectDirectoryProvider(options.projectDirectory),
        // Order matters: Nest runs global guards in registration order, and the project
        // guard needs the principal the JWT guard attaches.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: ProjectContextGuard },
      ],
      exports: [
        AUTH_SETTINGS,
        BearerTokenVerifier,
        TrustedIssuers,
        ProjectDirectory,
        ...(settings.devMode ? [DEV_KEY_PAIR, DevTokenIssuer] : []),
      ],
    };
  }
}
