import { Global, Module } from '@nestjs/common';
import { RequestContext } from './request-context.js';

/** Makes RequestContext injectable everywhere; createHttpApp opens one per request. */
@Global()
@Module({ providers: [RequestContext], exports: [RequestContext] })
export class RequestContextModule {}
