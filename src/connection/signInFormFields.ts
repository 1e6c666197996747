import type { ScpEnvironment } from '../scp/endpoints';

/** What the sign-in form collects. Filled in place, so a second run (after a refused key) shows every answer. */
export interface SignInForm {
  name?: string;
  environment?: ScpEnvironment;
  region?: string;
  endpointOverride?: string;
  accessKey?: string;
  secretKey?: string;
  /** Why SCP refused the last keys; shown on the key steps when the form comes back to them. */
  keyProblem?: string;
}

/** A form whose every required answer is there. */
export type CompleteSignInForm = SignInForm & Required<Pick<SignInForm, 'name' | 'environment' | 'region' | 'accessKey' | 'secretKey'>>;
