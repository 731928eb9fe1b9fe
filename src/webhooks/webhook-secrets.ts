import { Inject, Injectable } from '@nestjs/common';
import { generateOpaqueToken } from '../auth/secrets';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { decryptSecret, encryptSecret } from './secret-box';

/** `whsec_` + 256 random bits (base64url): recognisable to people and secret scanners. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** How much of a secret lists show: the type prefix and 4 random characters (24 of 256 bits). */
const VISIBLE_PREFIX_LENGTH = WEBHOOK_SECRET_PREFIX.length + 4;

export interface SealedSecret {
  /** Shown once, to the caller who created or rotated it. */
  secret: string;
  secretEncrypted: string;
  secretPrefix: string;
}

/**
 * Signing secrets at rest: encrypted with SECRETS_ENCRYPTION_KEY (AES-256-GCM),
 * bound to their endpoint's id. They cannot be hashed like API keys because
 * signing a delivery needs the secret itself.
 */
@Injectable()
export class WebhookSecrets {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  generate(endpointId: string): SealedSecret {
    const secret = generateOpaqueToken(WEBHOOK_SECRET_PREFIX);
    return { secret, secretEncrypted: encryptSecret(this.config.secretsKey, secret, context(endpointId)), secretPrefix: secret.slice(0, VISIBLE_PREFIX_LENGTH) };
  }

  /** Throws SecretBoxError when the key changed or the value was altered. */
  reveal(endpoint: { id: string; secretEncrypted: string }): string {
    return decryptSecret(this.config.secretsKey, endpoint.secretEncrypted, context(endpoint.id));
  }
}

function context(endpointId: string): string {
  return `assay:webhook-endpoint:${endpointId}`;
}
