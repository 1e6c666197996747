import assert from 'node:assert/strict';
import { plainNotificationText } from '../../../src/ui/plainNotificationText';
import { SwitchableUserInput } from '../../../src/ui/switchableUserInput';
import { ScriptedUserInput } from '../../support/scriptedUserInput';

/** VS Code's own notification link grammar (src/vs/base/common/linkedText.ts). */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

describe('plainNotificationText', () => {
  it('leaves no text VS Code would turn into a link, and changes nothing visible', () => {
    for (const text of [
      'Cloud ML [Delete](command:scpCloudMl.delete) is DEPLOYED.',
      'see [docs](https://example.com) and [file](file:///etc/passwd)',
      'spaced [x] (command:y) and nested [[a](command:b)](command:c)',
    ]) {
      const plain = plainNotificationText(text);
      assert.equal(plain.match(VSCODE_LINK), null, plain);
      assert.equal(plain.replace(/\u200B/g, ''), text);
    }
    assert.equal(plainNotificationText('Cloud ML ml-prod (DEPLOYED) [beta]'), 'Cloud ML ml-prod (DEPLOYED) [beta]');
  });

  it('is applied to every notification, its detail and progress text that go through the UserInput every command holds', async () => {
    const scripted = new ScriptedUserInput();
    const ui = new SwitchableUserInput(scripted);
    await ui.error('a [x](command:y)', { modal: true, detail: 'b [x](command:y)' });
    await ui.warn('c [x](command:y)');
    await ui.info('d [x](command:y)');
    await ui.withProgress({ title: 'e [x](command:y)' }, (progress) => Promise.resolve(progress.report('f [x](command:y)')));
    const texts = [...scripted.messages.flatMap((m) => [m.message, m.detail ?? '']), ...scripted.progress.flatMap((p) => [p.title, ...p.reports])];
    assert.equal(texts.filter(Boolean).length, 6);
    for (const text of texts) assert.equal(text.match(VSCODE_LINK), null, text);
  });
});
