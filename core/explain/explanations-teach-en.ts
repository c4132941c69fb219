/** English wording of the lessons a segment teaches in context (keys explain.teach.<TeachLabel>). */
export const teachEn: Record<string, string> = {
  'explain.teach.keep_alive':
    'Keep-alive probe: the connection has been idle, so the {from} sends a segment without data and with Seq {seq}, one below the next byte it would send; the {to} must answer with an ACK, which shows it is still there (RFC 1122 §4.2.3.6).',
  'explain.teach.keep_alive_ack':
    'The {from} answers the keep-alive probe with an ACK of the next byte it expects (Ack {ack}): it is still there, and nothing new has arrived.',
  'explain.teach.zero_window_probe':
    'Zero-window probe: the {to} advertises a zero window, so the {from} may not send data; it sends a segment without data and with Seq {seq}, one below the next byte, which makes the {to} answer with its current window (RFC 9293 §3.8.6.1). tshark names this shape “Keep-Alive”.',
  'explain.teach.zero_window_probe_ack':
    'The {from} answers the zero-window probe with its current window: Ack {ack}, window {win} bytes; the {to} may send new data only while the window is above zero.',
  'explain.teach.syn_window_unscaled':
    'tshark marks it “Window Update” only because its window field differs from the one in the {from}’s SYN, which is never scaled (RFC 7323 §2.2): nothing was read here, the two fields are not comparable.',
  'explain.teach.fin_acks_fin':
    'Its Ack {ack} also acknowledges the {to}’s FIN: this one segment does the work of the ACK and the FIN of a four-way close, so the close takes three packets, and the {to} passes through FIN_WAIT_2 (its FIN acknowledged) straight to TIME_WAIT (this FIN received) without a packet in between.',
};
