/** English wording of the explanations ({name} slots are filled from the parameters). */
export const explanationsEn: Record<string, string> = {
  'explain.step.listen':
    'listen(): the server socket now waits for connections on port {port}; the kernel will answer SYNs by itself.',
  'explain.step.bind': 'bind(): the UDP socket now receives datagrams sent to port {port}.',
  'explain.step.connect':
    'connect() returned: the kernel finished the three-way handshake for the client in {ms} ms.',
  'explain.step.accept':
    'accept() handed the server a new socket for a connection the kernel had already established.',
  'explain.step.write':
    'write() handed {bytes} bytes to the kernel’s send buffer; the kernel decides when and in how many segments they leave.',
  'explain.step.read': 'read() returned {bytes} bytes that had arrived in the receive buffer.',
  'explain.step.peer-end':
    'read() returned 0: the peer’s FIN arrived, so it will send nothing more (this side may still send).',
  'explain.step.end':
    'shutdown(SHUT_WR): this side will send nothing more; the kernel sends a FIN after any queued data.',
  'explain.step.close': 'close(): the socket is released and the application can no longer use it.',
  'explain.step.reset':
    'The socket was aborted: the kernel sends RST instead of FIN and throws away unsent data.',
  'explain.step.idle-close':
    'The server closes this connection: nothing came or went for {s} s (its idle timeout). A FIN follows; the client’s read() returns 0.',
  'explain.step.over-limit':
    'The server refused this connection at once with RST: it holds as many connections as it allows, in all or from this address.',
  'explain.step.error': 'The call failed with {code}.',
  'explain.step.error.ECONNREFUSED':
    'ECONNREFUSED: nothing listens on that port, so the other host answered with RST (TCP) or ICMP port unreachable (UDP).',
  'explain.step.error.ECONNRESET':
    'ECONNRESET: the peer aborted the connection with RST; any data still in flight is lost.',
  'explain.step.error.ETIMEDOUT': 'ETIMEDOUT: no answer came back in time, so the kernel gave up.',
  'explain.step.error.EPIPE': 'EPIPE: writing to a connection the peer has already closed.',
  'explain.step.udp-send':
    'sendto(): one datagram of {bytes} bytes leaves at once; UDP sets up nothing and confirms nothing.',
  'explain.step.udp-recv':
    'recvfrom(): one whole datagram of {bytes} bytes was received, with the sender’s address.',
  'explain.tcp.syn':
    'The {from} asks to open a connection: SYN carries its initial sequence number (shown as 0) and its options, e.g. MSS {mss}.',
  'explain.tcp.synack':
    'The {from} agrees: its own SYN, plus Ack {ack}, which acknowledges the {to}’s SYN (a SYN takes up one sequence number).',
  'explain.tcp.handshake-ack':
    'The {from} acknowledges the SYN,ACK (Ack {ack}): the three-way handshake is complete.',
  'explain.tcp.data.psh':
    'The {from} sends {len} bytes (Seq {seq} to {last}); PSH marks the end of what it had to send for now, so the receiver should hand the data to the application without waiting for more.',
  'explain.tcp.data': 'The {from} sends {len} bytes of data (Seq {seq} to {last}).',
  'explain.tcp.ack':
    'The {from} acknowledges every byte up to {acked}: Ack {ack} is the next byte it expects. Window {win} bytes.',
  'explain.tcp.ack.no-data':
    'The {from} sends an ACK without data: Ack {ack} is the next byte it expects from the {to}, and no data from the {to} has arrived yet. Window {win} bytes.',
  'explain.tcp.fin':
    'The {from} has nothing more to send and closes its direction with FIN (a FIN takes up one sequence number: Seq {seq}).',
  'explain.tcp.fin.data': 'The {from} sends its last {len} bytes and FIN in the same segment.',
  'explain.tcp.fin-ack':
    'The {from} acknowledges the {to}’s FIN (Ack {ack}): both directions are closed. The side whose FIN went first waits in TIME_WAIT for 2×MSL (60 s on Linux), so it can send this last ACK again if it is lost and old segments of the connection die out before the same ports are used again.',
  'explain.tcp.fin-ack.half':
    'The {from} acknowledges the FIN (Ack {ack}); the connection is half-closed: the other direction can still carry data.',
  'explain.tcp.rst':
    'The {from} aborts the connection with RST: no goodbye, unsent and unread data is thrown away, both sides go to CLOSED.',
  'explain.tcp.refused':
    'Nothing listens on the port: the {from}’s kernel answers the SYN with RST,ACK, and connect() fails with ECONNREFUSED.',
  'explain.states': 'After it: client {clientState}, server {serverState}.',
  'explain.states.corrected':
    'After it: client {clientState}, server {serverState} (corrected: a later packet showed what really happened).',
  'explain.udp':
    'The {from} sends a UDP datagram of {len} bytes: no connection, no acknowledgement; it arrives once or not at all.',
  'explain.icmp.port-unreachable':
    'No socket is bound to UDP port {dport}: the host answers with ICMP port unreachable, which a connected UDP socket reports as ECONNREFUSED.',
  'explain.icmp.error':
    'An ICMP error about the packet quoted inside it: the network or the host could not deliver it.',
  'explain.icmp.other': 'An ICMP message.',
  'explain.other': 'A packet outside the TCP and UDP conversations.',
  'explain.flag.retransmission':
    'It is a retransmission: these bytes were sent before and not acknowledged in time.',
  'explain.flag.fast_retransmission':
    'It is a fast retransmission: duplicate ACKs told the sender a segment was lost, so it sent it again without waiting for its timer.',
  'explain.flag.spurious_retransmission':
    'It is a spurious retransmission: the receiver had already acknowledged these bytes.',
  'explain.retransmits.timeout':
    'It repeats packet {original}, sent {sinceMs} ms earlier (try {attempt}): no ACK came back before the retransmission timer (RTO) ran out, {waitMs} ms after the last try.',
  'explain.retransmits.syn':
    'It repeats the SYN of packet {original} (try {attempt}): no SYN/ACK came back within the timeout, {waitMs} ms — Linux waits 1 s for the first answer to a SYN.',
  'explain.retransmits.fin':
    'It repeats the FIN of packet {original} (try {attempt}): nobody acknowledged it within the retransmission timeout ({waitMs} ms), so the FIN was probably lost.',
  'explain.retransmits.duplicate_acks':
    'It repeats packet {original}, sent {sinceMs} ms earlier, without waiting for the timer: {dupAcks} duplicate ACKs told the sender the receiver was still missing these bytes.',
  'explain.retransmits.spurious':
    'The receiver already had these bytes: its ACK of them was lost on the way back, so the sender could not know and sent them again.',
  'explain.retransmits.backoff':
    'Each new try waits about twice as long as the one before (exponential backoff), until the ACK comes or the sender gives up with ETIMEDOUT.',
  'explain.flag.out_of_order':
    'It arrived out of order: segments with higher sequence numbers were seen before it.',
  'explain.flag.lost_segment':
    'A segment before this one was not captured (lost, or missed by the capture).',
  'explain.flag.ack_lost_segment': 'It acknowledges bytes the capture never saw.',
  'explain.flag.duplicate_ack':
    'Duplicate ACK #{dupAck}: the receiver still expects the same byte and the window did not change, often a sign that a segment went missing or arrived out of order.',
  'explain.flag.zero_window':
    'Zero window: the receiver’s buffer is full; the sender may send no new data (only probes) until the window opens.',
  'explain.flag.zero_window_probe':
    'Zero-window probe: the sender sends the next byte to check whether the receiver’s window has opened (RFC 9293 §3.8.6.1).',
  'explain.flag.zero_window_probe_ack':
    'The answer to a zero-window probe: the window is still closed.',
  'explain.flag.window_full':
    'Window full: this segment fills the receiver’s advertised window; the sender must now wait.',
  'explain.flag.window_update':
    'Window update: nothing new is acknowledged, only the window changed; usually the application read data and the receiver tells the sender how much room it has now.',
  'explain.flag.keep_alive':
    'Keep-alive probe: after a quiet period the sender checks that the peer is still there (RFC 1122 §4.2.3.6).',
  'explain.flag.keep_alive_ack': 'The answer to a keep-alive probe: the peer is still there.',
  'explain.truncated': 'The capture kept only the first bytes of this packet (snap length).',
  'explain.malformed': 'It could not be fully decoded: {why}.',
};
