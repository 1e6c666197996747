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

/** Profiles: metadata in globalState, the access key and secret key in SecretStorage, namespaced by profile id. */
export class ProfileStore {
  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {}

  list(): Profile[] {
    const parsed = z.array(profileSchema).safeParse(this.state.get(PROFILES_KEY, []));
    return parsed.success ? parsed.data : [];
  }

  get(id: string): Profile | undefined {
    return this.list().find((p) => p.id === id);
  }

  activeId(): string | undefined {
    const id = this.state.get<string>(ACTIVE_KEY);
    return id && this.get(id) ? id : undefined;
  }

  async setActive(id: string | undefined): Promise<void> {
    await this.state.update(ACTIVE_KEY, id);
  }

  async save(profile: Profile, credentials?: ProfileCredentials): Promise<void> {
    const clean = profileSchema.parse(profile);
    if (credentials) await this.secrets.store(secretKeyFor(profile.id), JSON.stringify(credentialsSchema.parse(credentials)));
    const others = this.list().filter((p) => p.id !== profile.id);
    await this.state.update(PROFILES_KEY, [...others, clean]);
  }

  async credentials(id: string): Promise<ProfileCredentials | undefined> {
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
    await this.secrets.delete(secretKeyFor(id));
  }

  async remove(id: string): Promise<void> {
    await this.deleteCredentials(id);
    await this.state.update(PROFILES_KEY, this.list().filter((p) => p.id !== id));
    if (this.state.get<string>(ACTIVE_KEY) === id) await this.state.update(ACTIVE_KEY, undefined);
  }
}
