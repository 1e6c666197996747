import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { repoRoot } from './l10nCatalog';

/**
 * Loads the Korean bundle the way VS Code does for an extension (@vscode/l10n, the runtime behind vscode.l10n)
 * and renders real strings of the code with their arguments. Each English key is first found, literally, in the
 * source file that uses it, so the test follows the code rather than a copy of it.
 */
describe('Korean bundle rendering', () => {
  const root = repoRoot();

  function usedIn(file: string, message: string): string {
    const source = readFileSync(join(root, 'src', file), 'utf8');
    assert.ok(source.includes(`vscode.l10n.t('${message}'`), `${file} no longer calls vscode.l10n.t('${message}', …)`);
    return message;
  }

  before(() => {
    l10n.config({ contents: readFileSync(join(root, 'l10n', 'bundle.l10n.ko.json'), 'utf8') });
  });

  after(() => {
    // @vscode/l10n is one process-wide bundle: back to English for whatever runs next.
    l10n.config({ contents: {} });
  });

  it('renders the update form title with the instance name', () => {
    const title = usedIn('commands/updateCommand.ts', 'Update Cloud ML {0}');
    assert.equal(l10n.t(title, 'ml-prod'), 'Cloud ML ml-prod 수정');
  });

  it('renders the delete confirmation title and prompt, the arguments in Korean word order', () => {
    assert.equal(l10n.t(usedIn('commands/deleteConfirmation.ts', 'Delete Cloud ML {0}'), 'ml-prod'), 'Cloud ML ml-prod 삭제');
    assert.equal(
      l10n.t(usedIn('commands/deleteConfirmation.ts', 'Type {0} to delete it from cluster {1}. This cannot be undone.'), 'ml-prod', 'ml-prod-cluster'),
      '클러스터 ml-prod-cluster에서 삭제하려면 ml-prod을(를) 입력하세요. 되돌릴 수 없습니다.',
    );
  });

  it('renders an error sentence with its argument', () => {
    const message = usedIn('ui/errorPresenter.ts', 'SCP had an internal error (HTTP {0}). Retry in a moment.');
    assert.equal(l10n.t(message, '503'), 'SCP에서 내부 오류가 발생했습니다(HTTP 503). 잠시 후 다시 시도하세요.');
  });

  it('renders what to check when SCP refused the connection, naming the host', () => {
    const message = usedIn('ui/errorPresenter.ts', '{0} refused the connection. Check that the endpoint is running and the port is right, then retry.');
    assert.equal(l10n.t(message, '127.0.0.1:1'), '127.0.0.1:1이(가) 연결을 거부했습니다. 엔드포인트가 실행 중이고 포트가 맞는지 확인한 후 다시 시도하세요.');
  });

  it('renders a sentence that uses one argument twice', () => {
    const message = usedIn('commands/create/createResourceSteps.ts', 'This cluster can give at most {0} (its resource estimate). Enter {0} or less.');
    assert.equal(l10n.t(message, 16), '이 클러스터는 최대 16까지 제공할 수 있습니다(예상 리소스). 16 이하로 입력하세요.');
  });

  it('keeps codicons in rendered labels', () => {
    assert.equal(l10n.t(usedIn('commands/create/createCloudMlWizard.ts', '$(check) Create')), '$(check) 생성');
  });

  it('falls back to the English text for a string the bundle does not have', () => {
    assert.equal(l10n.t('Not a string of this extension {0}', 'x'), 'Not a string of this extension x');
  });
});
