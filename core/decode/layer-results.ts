/** What each layer decoder hands to the next: plain objects that decodePacket merges. */
import type { DecodedPacket } from './decoded-packet.ts';

/** Trouble found in a layer: cut short by the snap length, or structurally wrong. */
export interface LayerStatus {
  truncated?: boolean;
  malformed?: string;
}

/**
 * What follows the link header. 'Ethernet' (on Ethernet links) and 'Unknown' (elsewhere) mean
 * nothing above the link layer can be decoded.
 */
export type NetworkKind = 'IPv4' | 'IPv6' | 'ARP' | 'Ethernet' | 'Unknown';

export interface LinkResult extends LayerStatus {
  network: NetworkKind;
  /** Offset of the network header (or of whatever follows the link header). */
  offset: number;
}

export interface NetworkResult extends LayerStatus {
  proto: 'IPv4' | 'IPv6';
  src?: string;
  dst?: string;
  /** Transport protocol number, set when the transport header should be decoded. */
  protocol?: number;
  /** Offset of the transport header (after any IPv6 extension headers). */
  payloadOffset: number;
  /** Payload length the IP header declares, even if the capture was cut short. */
  payloadLength: number;
  /** End of the captured bytes belonging to this packet (Ethernet padding excluded). */
  end: number;
  fragment?: DecodedPacket['fragment'];
  /** The header declared more bytes than the frame had on the wire: lengths were cut to the
   *  frame and the transport still decoded; the packet is marked malformed with this text. */
  overlong?: string;
}

/** Fields a transport decoder fills; `proto` only once its fixed header was fully captured. */
export type TransportResult = LayerStatus &
  Partial<Pick<DecodedPacket, 'proto' | 'sport' | 'dport' | 'tcp' | 'icmp' | 'payloadHex'>> & {
    len: number;
  };
