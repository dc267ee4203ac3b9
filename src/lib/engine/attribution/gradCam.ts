/**
 * Grad-CAM (Selvaraju et al. 2017) at any layer with spatial maps: the weight αₖ of map k is
 * the gradient of the class score with respect to that map, averaged over its positions, and
 * the class activation map is ReLU(Σₖ αₖ Aᵏ). NHWC; every tensor made here is freed.
 */
import { tf } from '../tf';
import type { GradCamOptions, GradCamResult } from '../../attribution/types';
import { AttributionError, type LayerGraph } from './layerGraph';
import { checkClass } from './saliency';

export function gradCam(
  graph: LayerGraph,
  classes: number,
  image: Float32Array,
  inputShape: [number, number, number],
  options: GradCamOptions,
): GradCamResult {
  const { classIndex: c, layerId } = options;
  checkClass(c, classes);
  const id = graph.outputIdOf(layerId);
  const out = tf.tidy(() => {
    const x = tf.tensor4d(image, [1, ...inputShape]);
    const { values } = graph.forward(x);
    const maps = values.get(id);
    if (!maps || maps.rank !== 4)
      throw new AttributionError(
        `Grad-CAM needs a layer with spatial maps; ${layerId} gives shape [${maps?.shape.slice(1).join(', ') ?? '?'}]`,
      );
    const head = (a: tf.Tensor): tf.Scalar => tf.sum(graph.scoresWith(values, id, a).slice([0, c], [1, 1]));
    const { value, grad } = tf.valueAndGrad(head)(maps);
    const weights = tf.mean(grad, [0, 1, 2]);
    const cam = tf.relu(tf.sum(tf.mul(maps, weights), 3));
    return {
      shape: maps.shape.slice(1) as [number, number, number],
      weights: (weights.dataSync() as Float32Array).slice(),
      cam: (cam.dataSync() as Float32Array).slice(),
      score: value.dataSync()[0] ?? 0,
    };
  });
  return { classIndex: c, layerId, scoreKind: graph.scoreKind, ...out };
}
