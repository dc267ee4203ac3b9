/**
 * The engine's `Attributor`: saliency, Grad-CAM, occlusion and adversarial examples for one
 * tfjs model, which it reads live (new weights from training or a reset are used at once).
 */
import type { tf } from '../tf';
import type {
  Attributor,
  RunHooks,
  FgsmOptions,
  FgsmResult,
  GradCamOptions,
  GradCamResult,
  OcclusionOptions,
  OcclusionResult,
  SaliencyOptions,
  SaliencyResult,
  ScoreKind,
  VisualiseOptions,
  VisualiseResult,
} from '../../attribution/types';
import type { Explanation } from '../../tensor/types';
import { activationChange } from '../../attribution/activationChange';
import { AttributionError, LayerGraph } from './layerGraph';
import { saliency } from './saliency';
import { gradCam } from './gradCam';
import { occlusion } from './occlusion';
import { fgsm, type FgsmTensors } from './fgsm';
import { fgsmInSteps, saliencyInSteps } from './stepped';
import { visualise } from './visualise';

export class EngineAttributor implements Attributor {
  private readonly graph: LayerGraph;
  private readonly shape: [number, number, number];
  private readonly classes: number;

  constructor(
    private readonly model: tf.LayersModel,
    private readonly explain: (image: Float32Array) => Explanation,
  ) {
    this.graph = new LayerGraph(model);
    const dims = (model.inputs[0]?.shape ?? []).slice(1);
    if (dims.length !== 3 || dims.some((d) => !d))
      throw new AttributionError(`attribution needs an image input [H, W, C], not [${dims.join(', ')}]`);
    this.shape = dims as [number, number, number];
    this.classes = model.outputs[0]?.shape[1] ?? 0;
  }

  get scoreKind(): ScoreKind {
    return this.graph.scoreKind;
  }

  private check(image: Float32Array): void {
    const size = this.shape[0] * this.shape[1] * this.shape[2];
    if (image.length !== size)
      throw new AttributionError(
        `the image has ${image.length} values; the net takes ${size} (${this.shape.join('×')})`,
      );
  }

  saliency(image: Float32Array, options: SaliencyOptions): SaliencyResult {
    this.check(image);
    return saliency(this.graph, this.classes, image, this.shape, options);
  }

  /** `saliency` with SmoothGrad a sample at a time, for the net worker. */
  saliencyInSteps(image: Float32Array, options: SaliencyOptions & RunHooks): Promise<SaliencyResult> {
    this.check(image);
    return saliencyInSteps(this.graph, this.classes, image, this.shape, options);
  }

  /** FGSM's numbers a step at a time, for the net worker (which explains the result itself). */
  fgsmInSteps(image: Float32Array, options: FgsmOptions & RunHooks): Promise<FgsmTensors> {
    this.check(image);
    return fgsmInSteps(this.graph, this.classes, image, this.shape, options);
  }

  gradCam(image: Float32Array, options: GradCamOptions): GradCamResult {
    this.check(image);
    return gradCam(this.graph, this.classes, image, this.shape, options);
  }

  occlusion(image: Float32Array, options: OcclusionOptions): Promise<OcclusionResult> {
    this.check(image);
    return occlusion(this.model, this.graph, this.classes, image, this.shape, options);
  }

  fgsm(image: Float32Array, options: FgsmOptions, known?: Explanation): FgsmResult {
    this.check(image);
    const run = fgsm(this.graph, this.classes, image, this.shape, options);
    const before = known ?? this.explain(image);
    const explanation = this.explain(run.image);
    return {
      classIndex: options.classIndex,
      epsilon: options.epsilon,
      steps: run.steps,
      direction: options.direction ?? 'away',
      perturbation: run.perturbation,
      image: run.image,
      shape: this.shape,
      before: before.probabilities,
      after: explanation.probabilities,
      losses: run.losses,
      loss: run.loss,
      change: activationChange(before, explanation),
      explanation,
    };
  }

  visualise(options: VisualiseOptions): Promise<VisualiseResult> {
    return visualise(this.model, this.graph, this.classes, this.shape, options);
  }
}
