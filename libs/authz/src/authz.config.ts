import { IsOptional, IsString, Matches } from 'class-validator';
import { Secret } from '@app/config';

/** `OPENFGA_*`: unset OPENFGA_API_URL selects the embedded engine (Governance) or Governance's embedded endpoint (Assets). */
export class AuthzConfig {
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'OPENFGA_API_URL must be an http(s) URL' })
  OPENFGA_API_URL?: string;
  @IsOptional()
  @Matches(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/, { message: 'OPENFGA_STORE_ID must be a ULID' })
  OPENFGA_STORE_ID?: string;
  @IsString() OPENFGA_STORE_NAME = 'assets-platform';
  @IsOptional()
  @Matches(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/, { message: 'OPENFGA_AUTHORIZATION_MODEL_ID must be a ULID' })
  OPENFGA_AUTHORIZATION_MODEL_ID?: string;
  @IsOptional() @IsString() @Secret() OPENFGA_API_TOKEN?: string;
}
