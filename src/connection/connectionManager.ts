import * as vscode from 'vscode';
import { isScpError, ScpError } from '../scp/scpError';
import type { RequestLogger } from '../scp/scpHttpClient';
import type { ExtensionLog } from '../ui/extensionLog';
import { apiLanguage, readSettings } from '../ui/settings';
import type { BuiltInEmulator } from './builtInEmulator';
import type { ClientTiming } from './clientTiming';
import { loadScpRuntime } from './loadScpRuntime';
import { EMULATOR_PROFILE_ID, type Profile, type ProfileCredentials } from './profile';
import type { ProfileStore } from './profileStore';
import { ScpSession } from './scpSession';

/**
 * Owns the active profile and its ScpSession. Creating a session makes no network call; it is built on first
 * use, so activation stays free of I/O. Switching profile disposes the old session (aborting its calls) and
 * fires onDidChangeProfile, on which every cache and the tree are cleared.
 */
export class ConnectionManager implements vscode.Disposable {
  private readonly profileChanged = new vscode.EventEmitter<Profile | undefined>();
  private readonly authChanged = new vscode.EventEmitter<boolean>();
  private readonly requestDone = new vscode.EventEmitter<void>();
  /** Fired after the active profile changed (or was removed). */
  readonly onDidChangeProfile = this.profileChanged.event;
  /** Fired when the last call's auth outcome flips (true = SCP rejected the credentials). */
  readonly onDidChangeAuthState = this.authChanged.event;
  /** Fired after every HTTP request (for the account status item's tooltip). */
  readonly onDidRequest = this.requestDone.event;

  private current: Promise<ScpSession> | undefined;
  private currentProfileId: string | undefined;
  private authFailedFlag = false;
  private requests = 0;
  private lastErrorText: string | undefined;
  private lastErrorTime: Date | undefined;
  private timingForTests: ClientTiming | undefined;

  constructor(
    private readonly store: ProfileStore,
    private readonly log: ExtensionLog,
    private readonly emulator: BuiltInEmulator,
  ) {}

  profiles(): Profile[] {
    return this.store.list();
  }

  activeProfile(): Profile | undefined {
    const id = this.store.activeId();
    return id ? this.store.get(id) : undefined;
  }

  get authFailed(): boolean {
    return this.authFailedFlag;
  }

  /** The last failure's sentence (redacted), for the status item's tooltip. */
  get lastError(): string | undefined {
    return this.lastErrorText;
  }

  /** When the last failure happened (it stays in the tooltip after later successes, so it needs a time). */
  get lastErrorAt(): Date | undefined {
    return this.lastErrorTime;
  }

  /** HTTP requests made through every session so far (tests check activation makes none). */
  get requestCount(): number {
    return this.requests;
  }

  /** The session of the active profile; throws a clear ScpError when there is none. */
  session(): Promise<ScpSession> {
    const profile = this.activeProfile();
    if (!profile) {
      return Promise.reject(
        new ScpError({ kind: 'badInput', message: vscode.l10n.t('No SCP profile is active. Sign in, import a profile or try the built-in emulator.') }),
      );
    }
    if (!this.current || this.currentProfileId !== profile.id) {
      this.disposeSession();
      this.currentProfileId = profile.id;
      this.current = this.createSession(profile);
      this.current.catch(() => {
        if (this.currentProfileId === profile.id) this.current = undefined;
      });
    }
    return this.current;
  }

  /**
   * The session of the active profile, refused with `otherProfileSentence` when that is no longer `profileId`:
   * cluster and instance ids of one profile mean nothing in another. Commands and panels ask for it on every
   * call, so a sign-in in between gives a fresh session while a switch of profile stops them.
   */
  async sessionFor(
    profileId: string,
    otherProfileSentence = vscode.l10n.t('The active SCP profile changed while this was open. Run the command again.'),
  ): Promise<ScpSession> {
    const session = await this.session();
    if (session.profile.id !== profileId) throw new ScpError({ kind: 'badInput', message: otherProfileSentence });
    return session;
  }

  /**
   * Test mode only (reached through the test API): sessions built from now on use this timing instead of the
   * setting's timeout and the client's default retries. The current session ends so the next call picks it up.
   */
  overrideClientTimingForTests(timing: ClientTiming | undefined): void {
    this.timingForTests = timing;
    this.disposeSession();
    this.current = undefined;
  }

  /** Saves a profile (credentials into SecretStorage) and optionally makes it active. */
  async saveProfile(profile: Profile, credentials: ProfileCredentials | undefined, activate: boolean): Promise<void> {
    if (credentials) {
      this.log.addSecret(credentials.secretKey);
      this.log.addSecret(credentials.accessKey);
    }
    await this.store.save(profile, credentials);
    if (activate) await this.activate(profile.id);
    else if (profile.id === this.currentProfileId) this.resetSession(profile);
  }

  async credentials(profileId: string): Promise<ProfileCredentials | undefined> {
    const creds = await this.store.credentials(profileId);
    if (creds) this.log.addSecret(creds.secretKey);
    return creds;
  }

  async activate(profileId: string | undefined): Promise<void> {
    await this.store.setActive(profileId);
    this.resetSession(profileId ? this.store.get(profileId) : undefined);
  }

  /** Removes a profile's secrets (and the profile itself when `forget`), deactivating it when active. */
  async remove(profileId: string, forget: boolean): Promise<void> {
    const wasActive = this.store.activeId() === profileId;
    if (forget) await this.store.remove(profileId);
    else await this.store.deleteCredentials(profileId);
    if (wasActive) await this.activate(undefined);
  }

  /** Starts the built-in emulator (lazily loaded) and makes the "Emulator" profile active. */
  async useEmulator(): Promise<Profile> {
    const running = await this.emulator.start();
    const profile: Profile = {
      id: EMULATOR_PROFILE_ID,
      name: vscode.l10n.t('Emulator'),
      environment: 'e',
      region: 'kr-west1',
      endpointOverride: running.url,
      source: 'emulator',
    };
    await this.saveProfile(profile, { accessKey: running.accessKey, secretKey: running.secretKey }, true);
    return profile;
  }

  /** Records a call's outcome; the account status item turns red after an auth failure until the next success. */
  noteOutcome(error: unknown): void {
    const failedOnAuth = isScpError(error) && error.kind === 'auth';
    if (error !== undefined) this.noteFailure(error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error');
    if (failedOnAuth !== this.authFailedFlag) {
      this.authFailedFlag = failedOnAuth;
      this.authChanged.fire(failedOnAuth);
    }
  }

  private noteFailure(sentence: string): void {
    this.lastErrorText = sentence;
    this.lastErrorTime = new Date();
  }

  dispose(): void {
    this.disposeSession();
    this.profileChanged.dispose();
    this.authChanged.dispose();
    this.requestDone.dispose();
  }

  private resetSession(profile: Profile | undefined): void {
    this.disposeSession();
    this.current = undefined;
    this.currentProfileId = undefined;
    if (this.authFailedFlag) {
      this.authFailedFlag = false;
      this.authChanged.fire(false);
    }
    this.lastErrorText = undefined;
    this.lastErrorTime = undefined;
    this.profileChanged.fire(profile);
  }

  private disposeSession(): void {
    const old = this.current;
    if (old) old.then((s) => s.dispose(), () => undefined);
  }

  private async createSession(profile: Profile): Promise<ScpSession> {
    let effective = profile;
    if (profile.source === 'emulator') {
      // The emulator's port and keys change on every start: re-point the profile at the running instance.
      const running = await this.emulator.start();
      if (profile.endpointOverride !== running.url) {
        effective = { ...profile, endpointOverride: running.url };
        await this.store.save(effective, { accessKey: running.accessKey, secretKey: running.secretKey });
      }
      this.log.addSecret(running.secretKey);
    }
    const settings = readSettings();
    const runtime = await loadScpRuntime();
    return new ScpSession({
      runtime,
      profile: effective,
      credentials: async () => {
        const creds = await this.credentials(effective.id);
        if (!creds) {
          throw new ScpError({ kind: 'auth', message: vscode.l10n.t('No credentials are stored for profile "{0}". Sign in again.', effective.name) });
        }
        return creds;
      },
      timeoutMs: settings.requestTimeoutSeconds * 1000,
      ...(this.timingForTests ? { timing: this.timingForTests } : {}),
      language: () => apiLanguage(),
      maxConcurrent: settings.maxConcurrentRequests,
      logger: this.requestLogger(),
    });
  }

  /** Writes every request as `METHOD url -> status (ms) request_id` and tracks the auth state. */
  private requestLogger(): RequestLogger {
    return {
      request: (e) => {
        this.requests++;
        const outcome = e.status !== undefined ? String(e.status) : (e.error ?? 'failed');
        this.log.info(`${e.method} ${e.url} -> ${outcome} (${Math.round(e.durationMs)} ms)${e.requestId ? ' ' + e.requestId : ''}`);
        if (e.status === 401) this.noteOutcome(new ScpError({ kind: 'auth', message: e.error ?? 'HTTP 401' }));
        else if (e.status !== undefined && e.status < 300) this.noteOutcome(undefined);
        // Any other failed attempt (already redacted by the client) becomes the tooltip's "last error".
        else if (e.error !== undefined) this.noteFailure(e.error);
        this.requestDone.fire();
      },
      retry: (e) => {
        this.log.warn(`retry ${e.method} ${e.url} attempt ${e.attempt} in ${Math.round(e.delayMs)} ms: ${e.reason}`);
      },
      skipped: (e) => {
        this.log.warn(`${e.method} ${e.url}: skipped ${e.where}, which this client cannot read (${e.problem})`);
      },
    };
  }
}
