/** Builds the capture source for this machine: the asked-for tool, or whichever is installed. */
import type { CaptureSource } from './capture-source.ts';
import { createDumpcapSource } from './dumpcap-source.ts';
import { chooseCaptureTool } from './find-capture-tool.ts';
import type { CaptureToolPreference } from './find-capture-tool.ts';
import { createTcpdumpSource } from './tcpdump-source.ts';
import type { ToolSourceOptions } from './tcpdump-source.ts';

export interface CaptureSourceOptions extends ToolSourceOptions {
  tool?: CaptureToolPreference;
}

/**
 * Always returns a source, so callers handle one failure path: when no tool is installed, the
 * source runs the bare name, and start() rejects with the sentence that says what to install.
 */
export function createCaptureSource(opts: CaptureSourceOptions): CaptureSource {
  const { tool = 'auto', ...rest } = opts;
  const choice = chooseCaptureTool(tool);
  const name = choice.tool ?? (tool === 'auto' ? 'tcpdump' : tool);
  const binary = rest.binary ?? (choice.tool !== undefined ? choice.path : name);
  return name === 'dumpcap'
    ? createDumpcapSource({ ...rest, binary })
    : createTcpdumpSource({ ...rest, binary });
}
