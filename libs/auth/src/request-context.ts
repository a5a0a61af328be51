import type { Principal } from '@app/core';

// What the guards attach to the Fastify request (see JwtAuthGuard and ProjectContextGuard).
declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    projectId?: string | null;
  }
}

export {};
