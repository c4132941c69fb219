/** 说明文字的简体中文版本（{name} 由参数填入）。 */
export const explanationsZh: Record<string, string> = {
  'explain.step.listen':
    'listen()：服务器套接字开始在端口 {port} 上等待连接；收到 SYN 时由内核自行应答。',
  'explain.step.bind': 'bind()：UDP 套接字开始接收发往端口 {port} 的数据报。',
  'explain.step.connect': 'connect() 返回：内核已为客户端完成三次握手，用时 {ms} ms。',
  'explain.step.accept': 'accept() 为服务器交出一个新套接字，对应内核已经建立好的连接。',
  'explain.step.write':
    'write() 把 {bytes} 字节交给内核的发送缓冲区；何时发送、分成几个报文段由内核决定。',
  'explain.step.read': 'read() 从接收缓冲区取出了已到达的 {bytes} 字节。',
  'explain.step.peer-end': 'read() 返回 0：对方的 FIN 已到达，对方不会再发送数据（本方仍可发送）。',
  'explain.step.end': 'shutdown(SHUT_WR)：本方不再发送数据；内核在已排队的数据之后发出 FIN。',
  'explain.step.close': 'close()：套接字被释放，应用程序不能再使用它。',
  'explain.step.reset': '套接字被中止：内核发送 RST 而不是 FIN，并丢弃尚未发送的数据。',
  'explain.step.idle-close':
    '服务器关闭这个连接：已经 {s} 秒没有任何收发（空闲超时）。随后发出 FIN，客户端的 read() 返回 0。',
  'explain.step.over-limit':
    '服务器立即用 RST 拒绝了这个连接：它持有的连接数（总数或来自这个地址的数目）已达上限。',
  'explain.step.error': '调用失败：{code}。',
  'explain.step.error.ECONNREFUSED':
    'ECONNREFUSED：该端口上没有程序在监听，对方主机以 RST（TCP）或 ICMP 端口不可达（UDP）回应。',
  'explain.step.error.ECONNRESET': 'ECONNRESET：对方用 RST 中止了连接，仍在途中的数据全部丢失。',
  'explain.step.error.ETIMEDOUT': 'ETIMEDOUT：迟迟没有应答，内核放弃了。',
  'explain.step.error.EPIPE': 'EPIPE：向对方已经关闭的连接写数据。',
  'explain.step.udp-send':
    'sendto()：一个 {bytes} 字节的数据报立即发出；UDP 不建立连接，也不确认。',
  'explain.step.udp-recv': 'recvfrom()：收到一个完整的 {bytes} 字节数据报，以及发送方的地址。',
  'explain.tcp.syn': '{from}请求建立连接：SYN 携带它的初始序号（显示为 0）和选项，例如 MSS {mss}。',
  'explain.tcp.synack':
    '{from}同意连接：发送自己的 SYN，并以 Ack {ack} 确认{to}的 SYN（SYN 占用一个序号）。',
  'explain.tcp.handshake-ack': '{from}确认 SYN,ACK（Ack {ack}）：三次握手完成。',
  'explain.tcp.data.psh':
    '{from}发送 {len} 字节（Seq {seq} 到 {last}）；PSH 表示它眼下要发的数据到此为止，接收方应立即把数据交给应用程序，不必再等。',
  'explain.tcp.data': '{from}发送 {len} 字节数据（Seq {seq} 到 {last}）。',
  'explain.tcp.ack':
    '{from}确认收到第 {acked} 字节及之前的全部数据：Ack {ack} 是它期待的下一个字节。窗口 {win} 字节。',
  'explain.tcp.ack.no-data':
    '{from}发送一个不带数据的 ACK：Ack {ack} 是它期待{to}发来的下一个字节，{to}的数据还没有到达。窗口 {win} 字节。',
  'explain.tcp.fin':
    '{from}没有数据要发送了，用 FIN 关闭自己这个方向（FIN 占用一个序号：Seq {seq}）。',
  'explain.tcp.fin.data': '{from}在同一个报文段中发送最后 {len} 字节和 FIN。',
  'explain.tcp.fin-ack':
    '{from}确认{to}的 FIN（Ack {ack}）：两个方向都已关闭。先发出 FIN 的一方在 TIME_WAIT 中等待 2×MSL（Linux 上为 60 秒），以便最后这个 ACK 丢失时能重发，并让这条连接的旧报文段在同一对端口再次使用前消失。',
  'explain.tcp.fin-ack.half':
    '{from}确认 FIN（Ack {ack}）；连接处于半关闭状态：另一个方向仍可传送数据。',
  'explain.tcp.rst':
    '{from}用 RST 中止连接：不做告别，未发送和未读取的数据都被丢弃，双方进入 CLOSED。',
  'explain.tcp.refused':
    '该端口上没有程序在监听：{from}的内核以 RST,ACK 回应 SYN，connect() 因 ECONNREFUSED 失败。',
  'explain.states': '之后：客户端 {clientState}，服务器 {serverState}。',
  'explain.states.corrected':
    '之后：客户端 {clientState}，服务器 {serverState}（已更正：后来的分组表明了实际情况）。',
  'explain.udp':
    '{from}发送一个 {len} 字节的 UDP 数据报：无连接、无确认；它要么到达一次，要么丢失。',
  'explain.icmp.port-unreachable':
    'UDP 端口 {dport} 上没有绑定套接字：主机回应 ICMP 端口不可达，已 connect 的 UDP 套接字会报告 ECONNREFUSED。',
  'explain.icmp.error': '一条 ICMP 差错报文，针对其中引用的那个分组：网络或主机无法投递它。',
  'explain.icmp.other': '一条 ICMP 报文。',
  'explain.other': '不属于 TCP 或 UDP 会话的分组。',
  'explain.flag.retransmission': '这是一次重传：这些字节之前已发送过，但没有及时得到确认。',
  'explain.flag.fast_retransmission':
    '这是一次快速重传：重复 ACK 告诉发送方有报文段丢失，它不等重传计时器到期就重发了。',
  'explain.flag.spurious_retransmission': '这是一次多余的重传：接收方早已确认过这些字节。',
  'explain.retransmits.timeout':
    '它重发的是 {original} 号包（{sinceMs} 毫秒前发出，第 {attempt} 次重试）：重传计时器（RTO）到期仍没有收到 ACK，距上一次发送 {waitMs} 毫秒。',
  'explain.retransmits.syn':
    '它重发 {original} 号包的 SYN（第 {attempt} 次重试）：在超时时间内（{waitMs} 毫秒）没有收到 SYN/ACK——Linux 对 SYN 的第一次等待为 1 秒。',
  'explain.retransmits.fin':
    '它重发 {original} 号包的 FIN（第 {attempt} 次重试）：在重传超时（{waitMs} 毫秒）内没有人确认它，FIN 很可能丢失了。',
  'explain.retransmits.duplicate_acks':
    '它重发 {original} 号包（{sinceMs} 毫秒前发出），不等计时器到期：{dupAcks} 个重复 ACK 告诉发送方，接收方仍缺这些字节。',
  'explain.retransmits.spurious':
    '接收方其实已经收到这些字节：它的 ACK 在返回途中丢失，发送方无从得知，于是再发了一次。',
  'explain.retransmits.backoff':
    '每次重试的等待时间约为上一次的两倍（指数退避），直到收到 ACK，或发送方以 ETIMEDOUT 放弃。',
  'explain.flag.out_of_order': '乱序到达：序号更大的报文段比它先出现。',
  'explain.flag.lost_segment': '此前有一个报文段没有被捕获（丢失，或抓包时漏掉）。',
  'explain.flag.ack_lost_segment': '它确认了抓包中从未出现过的字节。',
  'explain.flag.duplicate_ack':
    '第 {dupAck} 个重复 ACK：接收方仍在等待同一个字节，窗口也没有变，这常常说明有报文段丢失或乱序。',
  'explain.flag.zero_window':
    '零窗口：接收方缓冲区已满；在窗口重新打开之前，发送方不能发送新数据（只能发探测）。',
  'explain.flag.zero_window_probe':
    '零窗口探测：发送方发出下一个字节，检查接收方的窗口是否已经打开（RFC 9293 §3.8.6.1）。',
  'explain.flag.zero_window_probe_ack': '对零窗口探测的应答：窗口仍然关闭。',
  'explain.flag.window_full': '窗口已满：这个报文段填满了接收方通告的窗口，发送方现在必须等待。',
  'explain.flag.window_update':
    '窗口更新：没有确认新数据，只是窗口变了；通常是应用程序读走了数据，接收方告诉发送方现在有多少空间。',
  'explain.flag.keep_alive':
    '保活探测：空闲一段时间后，发送方检查对方是否还在（RFC 1122 §4.2.3.6）。',
  'explain.flag.keep_alive_ack': '对保活探测的应答：对方还在。',
  'explain.truncated': '抓包只保留了这个分组的前面部分（快照长度）。',
  'explain.malformed': '无法完整解码：{why}。',
};
