import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'auth:is-public';

/** Opts a route out of authentication. Only health and docs routes use it. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
