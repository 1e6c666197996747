import * as assert from 'node:assert/strict';
import { ProfileStore } from '../../../src/connection/profileStore';
import type { Profile } from '../../../src/connection/profile';

/** A key-value store like globalState, whose values the host may rewrite behind the extension's back. */
class EchoingState {
  readonly values = new Map<string, unknown>();
  get<T>(key: string, fallback?: T): T {
    return (this.values.has(key) ? this.values.get(key) : fallback) as T;
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

class MemorySecrets {
  readonly values = new Map<string, string>();
  reads = 0;
  private readonly listeners: ((event: { key: string }) => void)[] = [];
  get(key: string): Promise<string | undefined> {
    this.reads++;
    return Promise.resolve(this.values.get(key));
  }
  onDidChange(listener: (event: { key: string }) => void): { dispose(): void } {
    this.listeners.push(listener);
    return { dispose: () => undefined };
  }
  /** What another window writing the same key looks like: the value changes, then the event fires. */
  changeElsewhere(key: string, value: string): void {
    this.values.set(key, value);
    for (const listener of this.listeners) listener({ key });
  }
  store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
  delete(key: string): Promise<void> {
    this.values.delete(key);
    return Promise.resolve();
  }
}

const profile = (id: string): Profile => ({ id, name: id, environment: 'e', region: 'kr-west1', source: 'manual' });

describe('ProfileStore', () => {
  it('keeps a saved, active profile when globalState is rewritten with an older snapshot', async () => {
    const state = new EchoingState();
    const store = new ProfileStore(state, new MemorySecrets());
    await store.save(profile('old'));
    const olderSnapshot = state.get<unknown>('scpCloudMl.profiles');
    await store.save(profile('new'), { accessKey: 'AK', secretKey: 'SK' });
    await store.setActive('new');
    state.values.set('scpCloudMl.profiles', olderSnapshot); // the host echoes a stale value back

    assert.equal(store.activeId(), 'new');
    assert.deepEqual(store.list().map((p) => p.id), ['old', 'new']);
  });

  it('persists what it keeps: a new store over the same state sees the same profiles and active id', async () => {
    const state = new EchoingState();
    const secrets = new MemorySecrets();
    const store = new ProfileStore(state, secrets);
    await store.save(profile('a'), { accessKey: 'AK-a', secretKey: 'SK-a' });
    await store.save(profile('b'));
    await store.setActive('a');
    await store.remove('b');

    const again = new ProfileStore(state, secrets);
    assert.deepEqual(again.list().map((p) => p.id), ['a']);
    assert.equal(again.activeId(), 'a');
    assert.deepEqual(await again.credentials('a'), { accessKey: 'AK-a', secretKey: 'SK-a' });
  });

  it('removing the active profile leaves none active, and its keys are gone', async () => {
    const secrets = new MemorySecrets();
    const store = new ProfileStore(new EchoingState(), secrets);
    await store.save(profile('a'), { accessKey: 'AK', secretKey: 'SK' });
    await store.setActive('a');
    await store.remove('a');
    assert.equal(store.activeId(), undefined);
    assert.equal(await store.credentials('a'), undefined);
    assert.equal(secrets.values.size, 0);
  });

  it('ignores a corrupt stored list instead of failing', () => {
    const state = new EchoingState();
    state.values.set('scpCloudMl.profiles', [{ id: 1 }]);
    assert.deepEqual(new ProfileStore(state, new MemorySecrets()).list(), []);
  });

  it('reads SecretStorage once per profile, not once per request, and still sees every change', async () => {
    const secrets = new MemorySecrets();
    const store = new ProfileStore(new EchoingState(), secrets);
    await store.save(profile('a'), { accessKey: 'AK1', secretKey: 'SK1' });
    const before = secrets.reads;
    for (let i = 0; i < 5; i++) assert.equal((await store.credentials('a'))?.secretKey, 'SK1');
    assert.equal(secrets.reads - before, 1);

    // This window saves new keys: the next read has them.
    await store.save(profile('a'), { accessKey: 'AK2', secretKey: 'SK2' });
    assert.equal((await store.credentials('a'))?.secretKey, 'SK2');

    // Another window signs in with the same profile id: SecretStorage's change event makes the next call read again.
    secrets.changeElsewhere('scpCloudMl.profile.a.credentials', JSON.stringify({ accessKey: 'AK3', secretKey: 'SK3' }));
    assert.equal((await store.credentials('a'))?.secretKey, 'SK3');

    await store.deleteCredentials('a');
    assert.equal(await store.credentials('a'), undefined);
    // Nothing stored is not remembered: keys stored later are found.
    secrets.values.set('scpCloudMl.profile.a.credentials', JSON.stringify({ accessKey: 'AK4', secretKey: 'SK4' }));
    assert.equal((await store.credentials('a'))?.secretKey, 'SK4');
  });
});
