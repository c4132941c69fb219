/** The share's part of the socket.io contract: how far the server got with a file a page sends. */

/** Sent to the sharing page only, a few times a second while its file arrives and is read. */
export interface ShareProgress {
  /** The file's name as the server will show it. */
  name: string;
  /** Bytes received so far, and in all (0 when the page did not say). */
  bytes: number;
  total: number;
  /** Packets read so far. */
  packets: number;
}

export interface ShareServerEvents {
  shareProgress: (p: ShareProgress) => void;
}

/** What a share answers beside the new session's info: the shared files removed to make room. */
export interface ShareResult {
  /** Titles of shared files nobody was showing, removed to keep under --max-files. */
  evicted: string[];
}
