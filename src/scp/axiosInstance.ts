import axios, { type AxiosInstance } from 'axios';
import type * as http from 'node:http';
import type * as https from 'node:https';

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
