/** What the model zoo says about each network besides its architecture. */
import type { Localized, NetworkSpec } from '../spec/types';

export interface ZooCard {
  /** Stable key, e.g. `vgg16`. */
  id: string;
  /** The network's own name, as its paper or library writes it. */
  name: string;
  /** A descriptive name to show instead, in the reader's language (for nets with no proper name). */
  title?: Localized;
  year: number;
  paper: { title: string; authors: string };
  /** The idea the network introduced, in two sentences. */
  idea: Localized;
  /** Whether the app always ships trained weights for it (the model the page opens with). */
  pretrained: boolean;
  /**
   * The folder under models/ where `npm run train -- --model <id>` writes its trained weights
   * (model.json, weights.bin, meta.json). The app offers them once they are there, and marks the
   * network as untrained while they are not.
   */
  weights?: string;
  /**
   * The parameter count a reference implementation publishes, when there is one, and
   * whether it counts all weights (Keras) or only trainable ones (PyTorch leaves batch-norm
   * running statistics out). The zoo's own counts always come from shape inference.
   */
  published?: { params: number; counts: 'all' | 'trainable'; source: string };
}

export interface ZooEntry {
  card: ZooCard;
  spec: () => NetworkSpec;
}
