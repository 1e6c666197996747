import type * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { Profile, ProfileCredentials } from './profile';

const PROFILES_KEY = 'scpCloudMl.profiles';
const ACTIVE_KEY = 'scpCloudMl.activeProfileId';

const profileSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  environment: z.enum(['e', 's', 'g']),
  region: z.string().check(z.minLength(1)),
  endpointOverride: z.optional(z.string()),
  source: z.enum(['manual', 'imported', 'emulator']),
});
const credentialsSchema = z.object({ accessKey: z.string().check(z.minLength(1)), secretKey: z.string().check(z.minLength(1)) });

function secretKeyFor(profileId: string): string {
  return `scpCloudMl.profile.${profileId}.credentials`;
}

/**
 * Profiles: metadata in globalState, the access key and secret key in SecretStorage, namespaced by profile id.
 * The store keeps its own copy of the list and the active id, read once and written through: globalState can be
 * rewritten under us (the web workbench echoes an older snapshot of an extension's state back after a burst of
 * updates), which once made a just-saved, just-activated profile vanish between two calls.
 */
export class ProfileStore {
  private profiles: Profile[];
  private active: string | undefined;
  /**
   * Credentials read so far, per profile id, in memory only. Every request signs with them, and a SecretStorage
   * read is a round trip to the workbench (a WebSocket hop in the browser): one per request cost more than the
   * rest of the client. Kept in step with this store's own writes and with SecretStorage's change event (another
   * window signing in), so a changed key still applies to the next request.
   */
  private readonly credentialReads = new Map<string, Promise<ProfileCredentials | undefined>>();

  constructor(
    private readonly state: Pick<vscode.Memento, 'get' | 'update'>,
    private readonly secrets: Pick<vscode.SecretStorage, 'get' | 'store' | 'delete'> & Partial<Pick<vscode.SecretStorage, 'onDidChange'>>,
  ) {
    const parsed = z.array(profileSchema).safeParse(state.get(PROFILES_KEY, []));
    this.profiles = parsed.success ? parsed.data : [];
    const id = state.get<unknown>(ACTIVE_KEY);
    this.active = typeof id === 'string' ? id : undefined;
    secrets.onDidChange?.(() => this.credentialReads.clear());
  }

  list(): Profile[] {
    return this.profiles.map((p) => ({ ...p }));
  }

  get(id: string): Profile | undefined {
    const found = this.profiles.find((p) => p.id === id);
    return found ? { ...found } : undefined;
  }

  activeId(): string | undefined {
    return this.active !== undefined && this.get(this.active) ? this.active : undefined;
  }

  async setActive(id: string | undefined): Promise<void> {
    this.active = id;
    await this.state.update(ACTIVE_KEY, id);
  }

  async save(profile: Profile, credentials?: ProfileCredentials): Promise<void> {
    const clean = profileSchema.parse(profile);
    if (credentials) {
      this.credentialReads.delete(profile.id);
      await this.secrets.store(secretKeyFor(profile.id), JSON.stringify(credentialsSchema.parse(credentials)));
      this.credentialReads.delete(profile.id);
    }
    this.profiles = [...this.profiles.filter((p) => p.id !== profile.id), clean];
    await this.state.update(PROFILES_KEY, this.list());
  }

  credentials(id: string): Promise<ProfileCredentials | undefined> {
    let read = this.credentialReads.get(id);
    if (read === undefined) {
      read = this.readCredentials(id);
      this.credentialReads.set(id, read);
      // A failed or empty read is not kept: the next call asks SecretStorage again.
      const forget = (): void => {
        if (this.credentialReads.get(id) === read) this.credentialReads.delete(id);
      };
      read.then((found) => (found === undefined ? forget() : undefined), forget);
    }
    return read;
  }

  private async readCredentials(id: string): Promise<ProfileCredentials | undefined> {
    const raw = await this.secrets.get(secretKeyFor(id));
    if (!raw) return undefined;
    try {
      const parsed = credentialsSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async deleteCredentials(id: string): Promise<void> {
    this.credentialReads.delete(id);
    await this.secrets.delete(secretKeyFor(id));
    this.credentialReads.delete(id);
  }

  async remove(id: string): Promise<void> {
    await this.deleteCredentials(id);
    this.profiles = this.profiles.filter((p) => p.id !== id);
    await this.state.update(PROFILES_KEY, this.list());
    if (this.active === id) await this.setActive(undefined);
  }
}
