import './webview.css';
import { detailsHostMessageSchema, type DetailsHostMessage, type DetailsWebviewMessage } from '../../src/webview/webviewMessages';
import { renderDetails } from './detailsRenderer';
import { runApp } from './hostBridge';

/** The Cloud ML details panel (dist/webview/detailsApp.js). */
runApp<DetailsHostMessage, DetailsWebviewMessage>({
  schema: detailsHostMessageSchema,
  render: (doc, root, message, send) => renderDetails(doc, root, message.view, send),
});
