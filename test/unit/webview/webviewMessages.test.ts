import * as assert from 'node:assert/strict';
import { buildDetailsView } from '../../../src/webview/detailsView';
import { buildEstimateView } from '../../../src/webview/estimateView';
import {
  describeRejection,
  detailsHostMessageSchema,
  detailsPanelStateSchema,
  detailsWebviewMessageSchema,
  estimateHostMessageSchema,
  estimatePanelStateSchema,
  estimateWebviewMessageSchema,
  messageTypeOf,
} from '../../../src/webview/webviewMessages';
import { detail, detailsTexts, estimate, estimateTexts, snapshot } from './webviewFixtures';

describe('webview message schemas', () => {
  describe('webview -> extension (details)', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'refresh' },
      { type: 'updateDescription' },
      { type: 'delete' },
      { type: 'copyEndpoint' },
      { type: 'rendered', revision: 3 },
      { type: 'dropped', reason: 'view.title: invalid_type' },
    ]) {
      it(`accepts ${JSON.stringify(message)}`, () => {
        assert.deepEqual(detailsWebviewMessageSchema.safeParse(message), { success: true, data: message });
      });
    }

    const malformed: [string, unknown][] = [
      ['an unknown type', { type: 'runShell', command: 'rm -rf /' }],
      ['an extra key', { type: 'refresh', cloudMlId: 'someone-else' }],
      ['no type', { action: 'refresh' }],
      ['a non-object', 'refresh'],
      ['null', null],
      ['an array', [{ type: 'refresh' }]],
      ['a fractional revision', { type: 'rendered', revision: 1.5 }],
      ['a negative revision', { type: 'rendered', revision: -1 }],
      ['an overlong reason', { type: 'dropped', reason: 'x'.repeat(501) }],
      ["the estimate panel's toggle", { type: 'setCopilot', useCopilot: true }],
    ];
    for (const [what, raw] of malformed) {
      it(`refuses ${what}`, () => assert.equal(detailsWebviewMessageSchema.safeParse(raw).success, false));
    }
  });

  describe('webview -> extension (estimate)', () => {
    it('accepts the copilot toggle with a boolean only', () => {
      assert.equal(estimateWebviewMessageSchema.safeParse({ type: 'setCopilot', useCopilot: false }).success, true);
      assert.equal(estimateWebviewMessageSchema.safeParse({ type: 'setCopilot', useCopilot: 'true' }).success, false);
      assert.equal(estimateWebviewMessageSchema.safeParse({ type: 'setCopilot' }).success, false);
    });

    it("refuses the details panel's actions", () => {
      for (const type of ['delete', 'updateDescription', 'copyEndpoint']) assert.equal(estimateWebviewMessageSchema.safeParse({ type }).success, false, type);
    });
  });

  describe('extension -> webview', () => {
    it('a built details view passes the schema the app checks', () => {
      const view = buildDetailsView(snapshot({ detail: detail(), estimate: estimate() }), detailsTexts(), 1);
      const parsed = detailsHostMessageSchema.safeParse({ type: 'details', view });
      assert.ok(parsed.success, parsed.success ? '' : describeRejection(parsed.error));
    });

    it('a built estimate view passes the schema the app checks', () => {
      const view = buildEstimateView({ state: { profileId: 'p', clusterId: 'c', useCopilot: true }, clusterName: 'c', estimate: estimate(), busy: false }, estimateTexts(), 1);
      assert.equal(estimateHostMessageSchema.safeParse({ type: 'estimate', view }).success, true);
    });

    it('refuses a view with a missing label, an unknown badge tone or a stray field', () => {
      const view = buildDetailsView(snapshot({ detail: detail() }), detailsTexts(), 1);
      const { refresh: _dropped, ...labels } = view.labels;
      assert.equal(detailsHostMessageSchema.safeParse({ type: 'details', view: { ...view, labels } }).success, false);
      assert.equal(detailsHostMessageSchema.safeParse({ type: 'details', view: { ...view, badge: { text: 'X', tone: 'purple' } } }).success, false);
      assert.equal(detailsHostMessageSchema.safeParse({ type: 'details', view: { ...view, html: '<b>x</b>' } }).success, false);
      assert.equal(detailsHostMessageSchema.safeParse({ type: 'estimate', view }).success, false);
    });
  });

  describe('persisted panel state', () => {
    it('holds ids only: anything else is refused, so a restore cannot show stored data', () => {
      assert.equal(detailsPanelStateSchema.safeParse({ profileId: 'p', cloudMlId: 'm', clusterId: 'c' }).success, true);
      assert.equal(detailsPanelStateSchema.safeParse({ profileId: 'p', cloudMlId: 'm', clusterId: 'c', detail: { cloud_ml_state: 'DEPLOYED' } }).success, false);
      assert.equal(detailsPanelStateSchema.safeParse({ profileId: '', cloudMlId: 'm', clusterId: 'c' }).success, false);
      assert.equal(detailsPanelStateSchema.safeParse(undefined).success, false);
      assert.equal(estimatePanelStateSchema.safeParse({ profileId: 'p', clusterId: 'c', useCopilot: true }).success, true);
      assert.equal(estimatePanelStateSchema.safeParse({ profileId: 'p', clusterId: 'c' }).success, false);
    });
  });

  describe('log texts of refused messages', () => {
    it('name paths and issue codes, never the values', () => {
      const parsed = detailsWebviewMessageSchema.safeParse({ type: 'dropped', reason: 7, secret: 'hunter2-value' });
      assert.equal(parsed.success, false);
      const text = parsed.success ? '' : describeRejection(parsed.error);
      assert.ok(text.length > 0);
      assert.doesNotMatch(text, /hunter2/);
    });

    it('describe the type of a raw message safely', () => {
      assert.equal(messageTypeOf({ type: 'runShell' }), '"runShell"');
      assert.equal(messageTypeOf('x'), 'string');
      assert.equal(messageTypeOf(null), 'null');
      assert.equal(messageTypeOf([1]), 'array');
      assert.equal(messageTypeOf({ type: 'y'.repeat(100) }).length, 42);
    });
  });
});
