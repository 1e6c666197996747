import './webview.css';
import { estimateHostMessageSchema, type EstimateHostMessage, type EstimateWebviewMessage } from '../../src/webview/webviewMessages';
import { renderEstimate } from './estimateRenderer';
import { runApp } from './hostBridge';

/** The cluster estimate panel (dist/webview/estimateApp.js). */
runApp<EstimateHostMessage, EstimateWebviewMessage>({
  schema: estimateHostMessageSchema,
  render: (doc, root, message, send) => renderEstimate(doc, root, message.view, send),
});
