import { describe, expect, test } from '@jest/globals';
import { isTransientKubectlError } from '../../src/lib/kubectl.js';

// stderr as kubectl 1.32 prints it. `set image` has no "Error from server (Reason):"
// prefix: it prints "error: failed to patch image update to pod template: <Status message>".
const setImage = (message: string): string => `error: failed to patch image update to pod template: ${message}\n`;

describe('isTransientKubectlError', () => {
  test.each([
    // 429: the API server's max-in-flight / priority-and-fairness filters, and client-go's generic wording
    setImage('Too many requests, please try again later.'),
    'Error from server (TooManyRequests): Too many requests, please try again later.\n',
    setImage('the server has received too many requests and has asked us to try again later'),
    setImage('etcdserver: too many requests'),
    // 504: the API server's timeout filter and request finisher, and client-go's generic wording
    setImage('Timeout: request did not complete within the allotted timeout'),
    setImage('Timeout: request did not complete within 1m0s'),
    setImage('request did not complete within requested timeout - context deadline exceeded'),
    setImage('the server was unable to return a response in the time allotted, but may still be processing the request'),
    // 500 / 503 / dropped connections
    setImage('etcdserver: leader changed'),
    setImage('Internal error occurred: resource quota evaluation timed out'),
    'Error from server (InternalError): an error on the server ("unknown") has prevented the request from succeeding\n',
    setImage('the server is currently unable to handle the request'),
    'The connection to the server 10.0.0.1:6443 was refused - did you specify the right host or port?\n',
    'Unable to connect to the server: dial tcp 10.0.0.1:6443: connect: connection refused\n',
    'Unable to connect to the server: http2: server sent GOAWAY and closed the connection; LastStreamID=1999, ErrCode=NO_ERROR, debug=""\n',
    'Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)\n',
    // The connection closed before the answer (kubectl 1.32, answer lost after the write landed): Go's bare io.EOF
    setImage('Patch "http://127.0.0.1:45985/apis/apps/v1/namespaces/p/deployments/web?fieldManager=kubectl-set": EOF'),
    'Error from server: Get "https://10.0.0.1:6443/apis/apps/v1/namespaces/shop/deployments/web": EOF\n',
    // --request-timeout, and our own kill of a kubectl that never got an answer
    'Unable to connect to the server: context deadline exceeded\n',
    'kubectl: no answer from the API server within 20s (killed)\n',
  ])('transient: %s', (stderr) => {
    expect(isTransientKubectlError(stderr)).toBe(true);
  });

  test.each([
    setImage('deployments.apps "web" is forbidden: User "ci" cannot patch resource "deployments" in API group "apps" in the namespace "shop"'),
    setImage('Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value'),
    setImage('Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again'),
    'Error from server (NotFound): deployments.apps "web" not found\n',
    'error: unable to find container named "sidecar"\n',
    'error: You must be logged in to the server (Unauthorized)\n',
  ])('permanent: %s', (stderr) => {
    expect(isTransientKubectlError(stderr)).toBe(false);
  });
});
