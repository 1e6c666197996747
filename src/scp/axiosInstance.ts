import axios, { type AxiosInstance } from 'axios';
import * as http from 'node:http';
import * as https from 'node:https';

/** Idle keep-alive sockets close before a typical server's 5 s keep-alive ends, so a POST never meets a dead socket. */
const FREE_SOCKET_TIMEOUT_MS = 4_000;

/** The keep-alive agents the SCP client sends through (one pair per client; `npm run bench` builds its axios baseline on the same). */
export function createScpAgents(): { httpAgent: http.Agent; httpsAgent: https.Agent } {
  return {
    httpAgent: new http.Agent({ keepAlive: true, timeout: FREE_SOCKET_TIMEOUT_MS }),
    httpsAgent: new https.Agent({ keepAlive: true, timeout: FREE_SOCKET_TIMEOUT_MS }),
  };
}

/**
 * The axios instance under the SCP client: it sends the URL it is given as is (no base URL, no params, no
 * redirects) and hands back every status with the body as text, which the client parses and maps itself.
 */
export function createScpAxios(options: { httpAgent: http.Agent; httpsAgent: https.Agent; maxBodyBytes: number }): AxiosInstance {
  return axios.create({
    proxy: false, // VS Code patches Node's http/https for its own proxy support; axios must not add its own.
    httpAgent: options.httpAgent,
    httpsAgent: options.httpsAgent,
    maxRedirects: 0, // a redirect would carry the signature to a URL it was not made for
    validateStatus: () => true,
    responseType: 'text',
    responseEncoding: 'utf8',
    // No transforms: the body goes out as the JSON text given and comes back as text (each transform costs a header pass).
    transformRequest: [],
    transformResponse: [],
    maxContentLength: options.maxBodyBytes,
  });
}
