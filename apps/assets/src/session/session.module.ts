import { Module } from '@nestjs/common';
import { SessionController } from './session.controller.js';

/** `GET /assets/me`: who the service thinks the caller is. */
@Module({ controllers: [SessionController] })
export class SessionModule {}
