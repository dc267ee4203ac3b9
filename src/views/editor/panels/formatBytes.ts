/** Bytes in SI units (kB, MB, GB), for activation memory; digits stay ASCII in every language. */
import { format } from 'd3-format';

const si = format('.3~s');

export function formatBytes(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : `${si(bytes)}B`.replace(/([0-9.])([kMGT])B$/, '$1 $2B');
}
