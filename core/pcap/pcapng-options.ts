/** Reading the option list that ends most pcapng blocks. */

export interface PcapngOption {
  code: number;
  value: Uint8Array;
}

/** @see draft-ietf-opsawg-pcapng §3.5 (Options) */
export function readPcapngOptions(
  block: Uint8Array,
  start: number,
  end: number,
  le: boolean,
): PcapngOption[] {
  const view = new DataView(block.buffer, block.byteOffset, block.length);
  const options: PcapngOption[] = [];
  let at = start;
  // Each step moves at least 4 bytes forward, so the loop ends; a cut-short option is ignored, as Wireshark does.
  while (at + 4 <= end) {
    const code = view.getUint16(at, le);
    const length = view.getUint16(at + 2, le);
    if (code === 0 || at + 4 + length > end) break;
    options.push({ code, value: block.subarray(at + 4, at + 4 + length) });
    at += 4 + ((length + 3) & ~3);
  }
  return options;
}

const utf8 = new TextDecoder('utf-8');

/** Text of an option (opt_comment, shb_userappl…), without the trailing NULs some writers add. */
export function optionText(options: PcapngOption[], code: number): string | undefined {
  const option = options.find((o) => o.code === code);
  return option ? utf8.decode(option.value).replace(/\0+$/, '') : undefined;
}

/** Option codes used here. */
export const OPT_COMMENT = 1;
export const SHB_USERAPPL = 4;
export const IF_TSRESOL = 9;
export const IF_TSOFFSET = 14;
export const ISB_IFDROP = 5;
