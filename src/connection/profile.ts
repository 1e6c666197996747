import type { ScpEnvironment } from '../scp/endpoints';

/** Non-secret profile metadata, kept in globalState. Keys live in SecretStorage only (see profileStore). */
export interface Profile {
  id: string;
  name: string;
  environment: ScpEnvironment;
  region: string;
  /** One base URL for every service (Terraform's endpoint-override); how the emulator is reached. */
  endpointOverride?: string;
  source: 'manual' | 'imported' | 'emulator';
}

export interface ProfileCredentials {
  accessKey: string;
  secretKey: string;
}

export const EMULATOR_PROFILE_ID = 'emulator';
