import { runProcess } from '../../runtime/config.js';
import { edgeHistoryOptionsOf, loadCctvConfig } from './cctv-config.js';
import { neo4jEndpointOf } from '../../stores/neo4j/neo4j-connection.js';
import { brokerAdminEndpoint } from '../../runtime/endpoints/stack-endpoints.js';
import { startCctvSubgraph } from './server.js';

await runProcess(async () => {
  const config = loadCctvConfig();
  const history = await edgeHistoryOptionsOf(config);
  const running = await startCctvSubgraph({
    identitySecret: config.DS_IDENTITY_HEADER_SECRET,
    neo4j: neo4jEndpointOf(config),
    // MQTT_URL with MQTT_ADMIN_USERNAME / MQTT_ADMIN_PASSWORD, or the local broker's admin.
    broker: brokerAdminEndpoint(),
    ...(history ? { history } : {}),
    host: config.DS_CCTV_HOST,
    port: config.DS_CCTV_PORT,
  });
  const edges = history ? history.edges.map((edge) => edge.municipalityId).join(', ') || 'no edge nodes' : 'off';
  console.log(`cctv subgraph serving ${running.url}; history search: ${edges}`);
  const stop = () => void running.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
