import * as assert from 'node:assert/strict';
import {
  clusterContextValue,
  clusterIcon,
  instanceContextValue,
  instanceDescription,
  instanceIcon,
  nodeId,
} from '../../../src/explorer/nodes/nodePresentation';
import { escapeMarkdown } from '../../../src/ui/markdownText';

/** The `viewItem` regexes of package.json's view/item/context menus, copied so a drift in either fails here. */
const MENU_WHEN = {
  create: /^scpCloudMl\.cluster\.running\.empty$/,
  updateOrDelete: /^scpCloudMl\.instance\.(healthy|failed|unknown)\./,
  anyInstance: /^scpCloudMl\.instance\./,
  anyCluster: /^scpCloudMl\.cluster\./,
};

describe('explorer node presentation', () => {
  describe('contextValue', () => {
    it('a cluster carries its status (lower-case) and what is known about its Cloud ML', () => {
      assert.equal(clusterContextValue('RUNNING', 'empty'), 'scpCloudMl.cluster.running.empty');
      assert.equal(clusterContextValue('Running', 'withInstance'), 'scpCloudMl.cluster.running.withInstance');
      assert.equal(clusterContextValue('ERROR', 'unknown'), 'scpCloudMl.cluster.error.unknown');
      assert.equal(clusterContextValue(undefined, 'unknown'), 'scpCloudMl.cluster.unknown.unknown');
    });

    it('an odd status cannot break the dotted scheme', () => {
      assert.equal(clusterContextValue('WEIRD.STATE X', 'empty'), 'scpCloudMl.cluster.weird_state_x.empty');
    });

    it('"Create" is offered only on a running cluster known to be empty', () => {
      assert.match(clusterContextValue('RUNNING', 'empty'), MENU_WHEN.create);
      assert.doesNotMatch(clusterContextValue('RUNNING', 'withInstance'), MENU_WHEN.create);
      assert.doesNotMatch(clusterContextValue('RUNNING', 'unknown'), MENU_WHEN.create);
      assert.doesNotMatch(clusterContextValue('CREATING', 'empty'), MENU_WHEN.create);
      assert.match(clusterContextValue('CREATING', 'empty'), MENU_WHEN.anyCluster);
    });

    it('an instance carries its state class and state; no update/delete while transitional', () => {
      assert.equal(instanceContextValue('DEPLOYED'), 'scpCloudMl.instance.healthy.deployed');
      assert.equal(instanceContextValue('CREATING'), 'scpCloudMl.instance.transitional.creating');
      assert.equal(instanceContextValue('ERROR'), 'scpCloudMl.instance.failed.error');
      assert.equal(instanceContextValue('INSTALL_FAILED'), 'scpCloudMl.instance.failed.install_failed');
      assert.equal(instanceContextValue('PAUSED'), 'scpCloudMl.instance.unknown.paused');
      for (const state of ['CREATING', 'DEPLOYING', 'UPDATING', 'DELETING']) {
        assert.doesNotMatch(instanceContextValue(state), MENU_WHEN.updateOrDelete, state);
        assert.match(instanceContextValue(state), MENU_WHEN.anyInstance, state);
      }
      for (const state of ['DEPLOYED', 'RUNNING', 'ERROR', 'PAUSED', undefined]) {
        assert.match(instanceContextValue(state), MENU_WHEN.updateOrDelete, String(state));
      }
    });
  });

  describe('icons', () => {
    it('an instance spins while transitional and shows pass / error / question otherwise, each with a colour', () => {
      assert.deepEqual(instanceIcon('DELETING'), { id: 'sync~spin', color: 'charts.yellow' });
      assert.deepEqual(instanceIcon('DEPLOYED'), { id: 'pass', color: 'testing.iconPassed' });
      assert.deepEqual(instanceIcon('ERROR'), { id: 'error', color: 'testing.iconFailed' });
      assert.deepEqual(instanceIcon('PAUSED'), { id: 'question', color: 'disabledForeground' });
    });

    it('clusters get a different icon per state class', () => {
      const ids = new Set(['RUNNING', 'CREATING', 'ERROR', 'ODD'].map((s) => clusterIcon(s).id));
      assert.equal(ids.size, 4);
      assert.equal(clusterIcon('CREATING').id, 'sync~spin');
    });
  });

  it('instance description: state, then image and version when known', () => {
    assert.equal(instanceDescription('DEPLOYED', 'Cloud ML', '1.5.0'), 'DEPLOYED · Cloud ML 1.5.0');
    assert.equal(instanceDescription('CREATING', undefined, undefined), 'CREATING');
    assert.equal(instanceDescription(undefined, 'Cloud ML', undefined), 'Cloud ML');
  });

  it('ids include the profile id and cannot collide through separators in ids', () => {
    assert.equal(nodeId('p1', 'cluster', 'abc'), 'p1/cluster/abc');
    assert.notEqual(nodeId('p1', 'cluster', 'abc'), nodeId('p2', 'cluster', 'abc'));
    assert.notEqual(nodeId('a/b', 'c'), nodeId('a', 'b/c'));
  });

  it('escapeMarkdown neutralises links, HTML, emphasis and line breaks from API text', () => {
    const hostile = '[click](command:scpCloudMl.delete) <img src=x> **bold** _x_ `code`\nsecond';
    const escaped = escapeMarkdown(hostile);
    assert.doesNotMatch(escaped, /(?<!\\)\[/);
    assert.doesNotMatch(escaped, /(?<!\\)</);
    assert.doesNotMatch(escaped, /(?<!\\)\*/);
    assert.doesNotMatch(escaped, /(?<!\\)`/);
    assert.doesNotMatch(escaped, /(?<!\\)\(/);
    assert.doesNotMatch(escaped, /\n/);
    assert.equal(escapeMarkdown('ml-prod'), 'ml\\-prod');
    assert.equal(escapeMarkdown('plain words'), 'plain words');
  });
});
