/**
 * Malformed HTTP requests a curious or hostile client may send: bad escapes, odd targets and
 * methods, broken request lines and headers. Each entry is the raw bytes of one request.
 */

const ESCAPES = [
  '%',
  '%%',
  '%2',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%FF%FE',
  '%00',
  '%u0041',
  '%25%',
  '%C3%28',
  '%F0%90%28%BC',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%5c..%5cwindows',
  '%0d%0aSet-Cookie:%20x=1',
];

const TARGETS = [
  '/',
  '//[/x',
  '//',
  '///',
  '//example.org/x',
  '/[',
  '/]',
  '/[::1]',
  '/api/',
  '/api',
  '/api//',
  '/api/sessions/',
  '/api/sessions//capture.pcapng',
  '/api/sessions/live/capture.pcapng/extra',
  '/api/sessions/../../etc/passwd',
  '/../../../../etc/passwd',
  '/./././',
  '/assets/',
  '/assets/../../package.json',
  '/index.html?%',
  '/?a=%&b=%zz',
  '/api/sessions?name=%',
  '/api/sessions?name=%E0%A4%A&x',
  '/socket.io/?EIO=%',
  '/socket.io/?EIO=4&transport=polling&sid=%',
  '/socket.io/?EIO=4&transport=%zz',
  '/socket.io/?EIO=99&transport=websocket',
  '/socket.io/%',
  '*',
  'http://[/x',
  'http://127.0.0.1/',
  'x',
  '/' + 'a'.repeat(9000),
  '/api/sessions/' + '%'.repeat(500) + '/capture.pcapng',
  '/?' + 'a=%&'.repeat(500),
];

const METHODS = ['GET', 'POST', 'DELETE', 'PUT', 'HEAD', 'OPTIONS', 'PATCH', 'BREW'];

function request(method: string, target: string, headers: string[] = []): string {
  return [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...headers]
    .join('\r\n')
    .concat('\r\n\r\n');
}

export function malformedRequests(): string[] {
  const out: string[] = [];
  for (const e of ESCAPES) {
    for (const m of ['GET', 'POST', 'DELETE']) {
      out.push(request(m, `/api/sessions/${e}/capture.pcapng`));
      out.push(request(m, `/api/sessions?name=${e}`, ['Content-Length: 0']));
      out.push(request(m, `/${e}`));
    }
    out.push(request('GET', `/assets/${e}.js`));
    out.push(request('GET', `/api/${e}`));
  }
  for (const t of TARGETS) for (const m of METHODS) out.push(request(m, t));
  // Broken request lines and headers: Node's parser answers most with 400 itself.
  out.push(
    'GET\r\n\r\n',
    'GET /\r\n\r\n',
    'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
    'GET / HTTP/1.1 extra\r\n\r\n',
    ' / HTTP/1.1\r\n\r\n',
    'GET /\0 HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET /\x7f HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n',
    'POST /api/sessions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
    'POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\nX: ' + 'y'.repeat(20_000) + '\r\n\r\n',
    '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03' + '\0'.repeat(40),
    'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
  );
  for (const range of ['bytes=9-2', 'bytes=-', 'bytes=abc', 'bytes=0-0,5-1', 'bytes=99999999-']) {
    out.push(request('GET', '/', [`Range: ${range}`]));
    out.push(request('GET', '/index.html', [`Range: ${range}`]));
  }
  for (const cookie of ['pl_token=%', 'pl_token=', '=; ;;=', 'a'.repeat(4000)]) {
    out.push(request('GET', '/', [`Cookie: ${cookie}`]));
    out.push(request('GET', '/?token=%zz', [`Cookie: ${cookie}`]));
  }
  return out;
}
