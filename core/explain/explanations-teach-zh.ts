/** 报文段在上下文中所教内容的简体中文说明（键为 explain.teach.<TeachLabel>）。 */
export const teachZh: Record<string, string> = {
  'explain.teach.keep_alive':
    '保活探测：连接空闲了一段时间，{from}发送一个不带数据、Seq {seq}（比它下一个要发送的字节小 1）的报文段；{to}必须回一个 ACK，由此表明它还在（RFC 1122 §4.2.3.6）。',
  'explain.teach.keep_alive_ack':
    '{from}用 ACK 回应保活探测，确认它期待的下一个字节（Ack {ack}）：它还在，也没有收到新数据。',
  'explain.teach.zero_window_probe':
    '零窗口探测：{to}通告的窗口为 0，{from}不能发送数据；它发送一个不带数据、Seq {seq}（比下一个字节小 1）的报文段，迫使{to}回应当前的窗口（RFC 9293 §3.8.6.1）。tshark 把这种形状的报文段称为“Keep-Alive”。',
  'explain.teach.zero_window_probe_ack':
    '{from}用当前的窗口回应零窗口探测：Ack {ack}，窗口 {win} 字节；只有窗口大于 0 时，{to}才能发送新数据。',
  'explain.teach.syn_window_unscaled':
    'tshark 把它标为“Window Update”，只是因为它的窗口字段与{from}的 SYN 中的不同，而 SYN 中的窗口从不缩放（RFC 7323 §2.2）：这里并没有读走数据，两个字段不能直接比较。',
  'explain.teach.fin_acks_fin':
    '它的 Ack {ack} 同时确认了{to}的 FIN：这一个报文段承担了“四次挥手”中 ACK 和 FIN 两个分组的工作，所以关闭只用了三个分组；{to}经过 FIN_WAIT_2（自己的 FIN 被确认）直接进入 TIME_WAIT（收到这个 FIN），中间没有单独的分组。',
};
