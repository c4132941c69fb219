/** Four Ethernet frames of a TCP handshake plus one data segment, built field by field. */
function hex(s: string): Uint8Array {
  const clean = s.replace(/#.*$/gm, '').replace(/\s+/g, '');
  return Uint8Array.from(clean.match(/../g)!.map((b) => parseInt(b, 16)));
}

function frame(src: string, dst: string, tcp: string, payload = ''): Uint8Array {
  const tcpBytes = hex(tcp).length;
  const total = 20 + tcpBytes + payload.length / 2;
  return hex(`
    000000000002 000000000001 0800                # Ethernet: dst, src, IPv4
    45 00 ${total.toString(16).padStart(4, '0')}  # IPv4: version/IHL, TOS, total length
    0001 4000 40 06 0000                          # id, DF, TTL 64, TCP, checksum (unchecked)
    ${src} ${dst}                                 # addresses
    ${tcp} ${payload}`);
}

const A = '0a000001'; // 10.0.0.1 (client)
const B = '0a000002'; // 10.0.0.2 (server)

export function handshakeFrames() {
  const base = 1_700_000_000_000_000;
  const datas = [
    // sport 40000, dport 80, seq 1000, ack 0, offset 8 words, SYN, window 64240; MSS 1460, NOP, WS 7, NOP, NOP, NOP
    frame(A, B, '9c40 0050 000003e8 00000000 8002 faf0 0000 0000 020405b4 01030307 01010100'),
    // SYN,ACK: seq 5000, ack 1001, window 65160; MSS 1460, NOP, WS 7, 3 NOPs
    frame(B, A, '0050 9c40 00001388 000003e9 8012 fe88 0000 0000 020405b4 01030307 01010100'),
    // ACK: seq 1001, ack 5001, window 502 (×128)
    frame(A, B, '9c40 0050 000003e9 00001389 5010 01f6 0000 0000'),
    // PSH,ACK with 5 bytes "hello"
    frame(A, B, '9c40 0050 000003e9 00001389 5018 01f6 0000 0000', '68656c6c6f'),
  ];
  return datas.map((data, i) => ({ linkType: 1, time: base + i * 10_000, data, origlen: data.length }));
}

/** A refused connection: the handshake's SYN, then RST,ACK from a port nothing listens on. */
export function refusedFrames() {
  const [syn] = handshakeFrames();
  // RST,ACK: seq 0, ack 1001 (the SYN's sequence number + 1), window 0
  const data = frame(B, A, '0050 9c40 00000000 000003e9 5014 0000 0000 0000');
  return [syn!, { linkType: 1, time: syn!.time + 50, data, origlen: data.length }];
}
