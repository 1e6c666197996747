import * as assert from 'node:assert/strict';
import { CLI_ENVIRONMENT_HELP, CLI_USAGE, CliUsageError, parseCliArguments, type CliInvocation } from '../../../src/scp/cliArguments';

/** The smallest complete environment: keys and an endpoint override. */
const ENV = { SCP_ACCESS_KEY: 'AK', SCP_SECRET_KEY: 'SK', SCP_ENDPOINT_OVERRIDE: 'http://127.0.0.1:8787' };

function invocation(argv: string[], env: Record<string, string | undefined> = ENV): CliInvocation {
  const parsed = parseCliArguments(argv, env);
  assert.equal(parsed.help, false);
  if (parsed.help) throw new Error('unreachable');
  return parsed.invocation;
}

/** Asserts a CliUsageError with exactly this message and hint (the usage line unless told). */
function refused(argv: string[], message: string, env: Record<string, string | undefined> = ENV, hint: string = CLI_USAGE): void {
  assert.throws(
    () => parseCliArguments(argv, env),
    (error: unknown) => {
      assert.ok(error instanceof CliUsageError, `not a CliUsageError: ${String(error)}`);
      assert.equal(error.message, message);
      assert.equal(error.hint, hint);
      assert.equal(error.name, 'CliUsageError');
      return true;
    },
  );
}

describe('scp CLI arguments (npm run scp)', () => {
  describe('the command line', () => {
    it('reads METHOD SERVICE PATH with the defaults', () => {
      assert.deepEqual(invocation(['get', 'cloud-ml', '/v1/images']), {
        method: 'GET',
        service: 'cloud-ml',
        path: '/v1/images',
        query: {},
        verbose: false,
        endpoint: { environment: 's', region: '', endpointOverride: 'http://127.0.0.1:8787' },
        credentials: { accessKey: 'AK', secretKey: 'SK' },
        language: 'en-US',
        timeoutMs: 30_000,
      });
    });

    it('accepts every method, in any case', () => {
      for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        assert.equal(invocation([method.toLowerCase(), 'ske', '/v1/x']).method, method);
      }
      refused(['FETCH', 'ske', '/v1/x'], 'Unknown method "FETCH"; use one of GET, HEAD, POST, PUT, PATCH, DELETE.');
    });

    it('keeps repeated --query values in order, with short, long and inline forms; "=" in a value stays', () => {
      const parsed = invocation(['GET', 'ske', '/v1/clusters', '--query', 'status=A', '-q', 'status=B', '--query=size=5', '--query', 'expr=a=b', '-q', 'empty=']);
      assert.deepEqual(parsed.query, { status: ['A', 'B'], size: ['5'], expr: ['a=b'], empty: [''] });
    });

    it('refuses a query without a key or without "="', () => {
      refused(['GET', 'ske', '/v1/x', '--query', 'novalue'], '--query takes key=value, got "novalue".');
      refused(['GET', 'ske', '/v1/x', '--query', '=value'], '--query takes key=value, got "=value".');
    });

    it('reads --data as JSON once, in either form; --verbose and -v switch on the log', () => {
      const long = invocation(['PUT', 'cloud-ml', '/v1/x', '--data', '{"description":"d"}', '--verbose']);
      assert.deepEqual(long.data, { description: 'd' });
      assert.equal(long.verbose, true);
      const short = invocation(['POST', 'cloud-ml', '/v1/x', '-d', '[1,2]', '-v']);
      assert.deepEqual(short.data, [1, 2]);
      assert.equal(short.verbose, true);
      assert.equal(invocation(['POST', 'cloud-ml', '/v1/x', '--data=null']).data, null);
      assert.deepEqual(invocation(['POST', 'cloud-ml', '/v1/x', '--data=0']).data, 0);
      assert.ok(!('data' in invocation(['GET', 'cloud-ml', '/v1/x'])), 'no data key without --data');
      refused(['POST', 'cloud-ml', '/v1/x', '--data', '{}', '-d', '{}'], '--data may be given only once.');
      assert.throws(() => parseCliArguments(['POST', 'cloud-ml', '/v1/x', '--data', '{oops'], ENV), /^CliUsageError: --data is not valid JSON \(.+\)\.$/);
    });

    it('asks for the value a flag needs when the command line ends', () => {
      refused(['GET', 'ske', '/v1/x', '--query'], '--query needs a value.');
      refused(['GET', 'ske', '/v1/x', '-d'], '-d needs a value.');
    });

    it('answers help for -h and --help wherever they are, before checking anything else', () => {
      assert.deepEqual(parseCliArguments(['-h'], {}), { help: true });
      assert.deepEqual(parseCliArguments(['GET', '--help', 'x'], {}), { help: true });
    });

    it('refuses unknown options, but "-" alone is an argument', () => {
      refused(['GET', 'ske', '/v1/x', '--force'], 'Unknown option --force.');
      refused(['GET', 'ske', '/v1/x', '-x'], 'Unknown option -x.');
      refused(['GET', 'ske', '/v1/x', '-q=a=b'], 'Unknown option -q=a=b.', ENV, CLI_USAGE);
      refused(['GET', 'ske', '-'], 'PATH must start with "/", got "-".');
    });

    it('needs exactly three arguments', () => {
      refused([], 'Expected METHOD SERVICE PATH, got 0 argument(s).');
      refused(['GET', 'ske'], 'Expected METHOD SERVICE PATH, got 2 argument(s).');
      refused(['GET', 'ske', '/v1', 'extra'], 'Expected METHOD SERVICE PATH, got 4 argument(s).');
    });

    it('checks the service name and the path', () => {
      refused(['GET', 'Cloud-ML', '/v1/x'], '"Cloud-ML" is not a service name; use e.g. cloud-ml or ske.');
      refused(['GET', '1ske', '/v1/x'], '"1ske" is not a service name; use e.g. cloud-ml or ske.');
      refused(['GET', 'ske', 'v1/x'], 'PATH must start with "/", got "v1/x".');
      refused(['GET', 'ske', '/v1/x?size=1'], 'Put query parameters in --query key=value, not in PATH.');
      assert.equal(invocation(['GET', 'ske-2', '/']).service, 'ske-2');
      refused(['GET', 'ske_x', '/v1/x'], '"ske_x" is not a service name; use e.g. cloud-ml or ske.');
    });
  });

  describe('the environment', () => {
    it('takes the Terraform names when the SCP_ ones are absent or blank, and trims values', () => {
      const parsed = invocation(['GET', 'ske', '/v1/x'], {
        SCP_ACCESS_KEY: '  ',
        SCP_TF_ACCESS_KEY: ' TFAK ',
        SCP_TF_SECRET_KEY: 'TFSK',
        SCP_TF_ENDPOINT_OVERRIDE: 'https://scp.example.com/base',
        SCP_TF_DEFAULT_REGION: 'kr-east1',
        SCP_TF_AUTH_URL: 'https://iam.e.samsungsdscloud.com/v1',
      });
      assert.deepEqual(parsed.credentials, { accessKey: 'TFAK', secretKey: 'TFSK' });
      assert.deepEqual(parsed.endpoint, { environment: 'e', region: 'kr-east1', endpointOverride: 'https://scp.example.com/base' });
    });

    it('prefers the SCP_ names over the Terraform ones', () => {
      const parsed = invocation(['GET', 'ske', '/v1/x'], {
        ...ENV,
        SCP_TF_ACCESS_KEY: 'TFAK',
        SCP_TF_SECRET_KEY: 'TFSK',
        SCP_TF_ENDPOINT_OVERRIDE: 'https://other.example.com',
        SCP_ENVIRONMENT: 'g',
        SCP_TF_AUTH_URL: 'https://iam.e.samsungsdscloud.com',
        SCP_REGION: 'kr-south1',
        SCP_TF_DEFAULT_REGION: 'kr-west1',
      });
      assert.deepEqual(parsed.credentials, { accessKey: 'AK', secretKey: 'SK' });
      assert.deepEqual(parsed.endpoint, { environment: 'g', region: 'kr-south1', endpointOverride: 'http://127.0.0.1:8787' });
    });

    it('builds the endpoint from environment and region without an override', () => {
      const env = { SCP_ACCESS_KEY: 'AK', SCP_SECRET_KEY: 'SK', SCP_ENVIRONMENT: 's', SCP_REGION: 'kr-west1' };
      assert.deepEqual(invocation(['GET', 'ske', '/v1/x'], env).endpoint, { environment: 's', region: 'kr-west1' });
      const viaAuthUrl = { SCP_ACCESS_KEY: 'AK', SCP_SECRET_KEY: 'SK', SCP_TF_AUTH_URL: 'https://iam.g.samsungsdscloud.com', SCP_REGION: 'kr-south2' };
      assert.deepEqual(invocation(['GET', 'ske', '/v1/x'], viaAuthUrl).endpoint, { environment: 'g', region: 'kr-south2' });
    });

    it('an override with an unknown or missing environment is taken as s', () => {
      assert.equal(invocation(['GET', 'ske', '/v1/x'], { ...ENV, SCP_ENVIRONMENT: 'x' }).endpoint.environment, 's');
      assert.equal(invocation(['GET', 'ske', '/v1/x'], { ...ENV, SCP_TF_AUTH_URL: 'https://iam.x.samsungsdscloud.com' }).endpoint.environment, 's');
      assert.equal(invocation(['GET', 'ske', '/v1/x'], { ...ENV, SCP_TF_AUTH_URL: 'https://myiam.e.example' }).endpoint.environment, 's');
    });

    it('refuses a missing or unusable endpoint with the environment help', () => {
      const keys = { SCP_ACCESS_KEY: 'AK', SCP_SECRET_KEY: 'SK' };
      refused(['GET', 'ske', '/v1/x'], 'No SCP endpoint in the environment.', keys, CLI_ENVIRONMENT_HELP);
      refused(['GET', 'ske', '/v1/x'], 'No SCP endpoint in the environment.', { ...keys, SCP_ENVIRONMENT: 's' }, CLI_ENVIRONMENT_HELP);
      refused(['GET', 'ske', '/v1/x'], 'No SCP endpoint in the environment.', { ...keys, SCP_REGION: 'kr-west1' }, CLI_ENVIRONMENT_HELP);
      refused(['GET', 'ske', '/v1/x'], 'SCP_ENVIRONMENT must be s, g or e, got "q".', { ...keys, SCP_ENVIRONMENT: 'q', SCP_REGION: 'kr-west1' }, CLI_ENVIRONMENT_HELP);
      refused(
        ['GET', 'ske', '/v1/x'],
        'Region "kr-south1" does not exist in environment s; choose one of kr-west1, kr-east1.',
        { ...keys, SCP_ENVIRONMENT: 's', SCP_REGION: 'kr-south1' },
        CLI_ENVIRONMENT_HELP,
      );
      assert.throws(
        () => parseCliArguments(['GET', 'ske', '/v1/x'], { ...keys, SCP_ENDPOINT_OVERRIDE: 'http://scp.example.com' }),
        (error: unknown) => error instanceof CliUsageError && error.hint === CLI_ENVIRONMENT_HELP && /^Plain http:\/\/ is refused for scp\.example\.com/.test(error.message),
      );
    });

    it('refuses missing keys with the environment help', () => {
      const endpoint = { SCP_ENDPOINT_OVERRIDE: 'http://127.0.0.1:1' };
      refused(['GET', 'ske', '/v1/x'], 'No SCP credentials in the environment.', endpoint, CLI_ENVIRONMENT_HELP);
      refused(['GET', 'ske', '/v1/x'], 'No SCP credentials in the environment.', { ...endpoint, SCP_ACCESS_KEY: 'AK' }, CLI_ENVIRONMENT_HELP);
      refused(['GET', 'ske', '/v1/x'], 'No SCP credentials in the environment.', { ...endpoint, SCP_SECRET_KEY: 'SK' }, CLI_ENVIRONMENT_HELP);
    });

    it('reads the language and the timeout, refusing what they cannot be', () => {
      assert.equal(invocation(['GET', 'ske', '/v1/x'], { ...ENV, SCP_LANGUAGE: 'ko-KR' }).language, 'ko-KR');
      assert.equal(invocation(['GET', 'ske', '/v1/x'], { ...ENV, SCP_LANGUAGE: 'en-US' }).language, 'en-US');
      refused(['GET', 'ske', '/v1/x'], 'SCP_LANGUAGE must be en-US or ko-KR, got "ko".', { ...ENV, SCP_LANGUAGE: 'ko' }, CLI_ENVIRONMENT_HELP);
      assert.equal(invocation(['GET', 'ske', '/v1/x'], { ...ENV, SCP_TIMEOUT_SECONDS: '2.5' }).timeoutMs, 2500);
      for (const bad of ['0', '-1', 'soon', 'Infinity']) {
        refused(['GET', 'ske', '/v1/x'], `SCP_TIMEOUT_SECONDS must be a positive number, got "${bad}".`, { ...ENV, SCP_TIMEOUT_SECONDS: bad }, CLI_ENVIRONMENT_HELP);
      }
    });
  });
});
