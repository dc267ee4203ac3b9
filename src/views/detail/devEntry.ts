/** The development entry `?detail=layerId:channel`, which opens a neuron's detail without the overview. */
export function readDetailQuery(search: string): { layerId: string; channel: number } | null {
  const value = new URLSearchParams(search).get('detail');
  if (!value) return null;
  const [layerId = '', channel = '0'] = value.split(':');
  const c = Number(channel);
  return layerId && Number.isInteger(c) && c >= 0 ? { layerId, channel: c } : null;
}
