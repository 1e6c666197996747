import type { SessionEstimates } from '../capacity/sessionEstimates';
import type { ConnectionManager } from '../connection/connectionManager';
import type { ClusterCatalog } from '../explorer/clusterCatalog';
import type { ExtensionLog } from '../ui/extensionLog';

/** What the chat tools read through: the active profile's session, its cached catalog and estimates, the log. */
export interface ChatToolServices {
  connection: ConnectionManager;
  catalog: ClusterCatalog;
  estimates: SessionEstimates;
  log: ExtensionLog;
}
