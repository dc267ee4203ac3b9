/** Files picked or dropped together: a .caffemodel with its deploy prototxt and a labels file. */
import { describe, expect, it } from 'vitest';
import { isDroppedFiles, readDroppedFiles } from '../../../src/views/textview/modelFiles';
import { openModel } from '../../../src/lib/formats/modelRead/importModel';
import { appNet } from './caffeFixtures';

describe('a .caffemodel among dropped files', () => {
  it('takes the prototxt beside it as its layers and the labels file as its class names', async () => {
    const { bytes, prototxt } = appNet();
    const read = await readDroppedFiles([
      new File([prototxt], 'deploy.prototxt'),
      new File([new Uint8Array(bytes)], 'app.caffemodel'),
      new File(['cat\ndog\nbus\n'], 'labels.txt'),
    ]);
    if (!isDroppedFiles(read)) throw new Error(`not read: ${read.key}`);
    expect(read.model?.name).toBe('app.caffemodel');
    expect(read.model?.text).toBe(prototxt);
    expect(read.labels.map((l) => l.name)).toEqual(['labels.txt']);
    const imported = await openModel(read.model ?? { name: '', text: '', shards: new Map() }, () => {});
    expect(imported.layerPos.get('fc')?.line).toBe(8);
    expect(imported.weights?.get('fc/bias')).toEqual(Float32Array.of(0.1, 0, -0.1));
  });

  it('alone, it is read with its own layer definitions', async () => {
    const read = await readDroppedFiles([new File([new Uint8Array(appNet().bytes)], 'app.caffemodel')]);
    if (!isDroppedFiles(read)) throw new Error(`not read: ${read.key}`);
    const imported = await openModel(read.model ?? { name: '', text: '', shards: new Map() }, () => {});
    expect(imported.spec.layers.map((l) => l.id)).toEqual([
      'data',
      'conv1_pad',
      'conv1',
      'bn1',
      'relu1',
      'pool1',
      'fc_flatten',
      'fc',
      'prob',
    ]);
    expect(imported.weights?.size).toBe(2 + 4 + 2);
  });
});
