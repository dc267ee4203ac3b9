/**
 * Keeping trained networks: save to and load from the browser's storage (spec, weights,
 * class names and training log), download as tfjs `model.json` + `weights.bin`, and open a
 * tfjs Layers model someone uploads. Loading puts the net into the explainer; a failure says
 * which file and why and leaves the current net as it was.
 */
import { inferShapes, totals } from '../../lib/spec/inferShapes';
import { FormatError } from '../../lib/formats/formatError';
import type { Localized } from '../../lib/spec/types';
import { readStudioMetadata, WEIGHTS_FILE } from '../../lib/training/modelFiles';
import { outputUnits } from '../../lib/training/trainable';
import type { ExplainerState } from './explainerState.svelte';
import type { EditorState } from './editorState.svelte';
import type { TrainingState } from './trainingState.svelte';
import { deleteModel, listModels, readModel, saveModel, type ModelSummary } from '../browser/modelStore';
import { isNumbering } from '../../lib/labels/labels';
import { isLabelFileName } from '../../lib/labels/labelFiles';
import { chooseLabels } from '../browser/labelFiles';
import { downloadBlob } from '../browser/download';

export type LibraryMessage = { kind: 'ok' | 'error'; text: Localized };

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class ModelLibrary {
  saved = $state.raw<ModelSummary[]>([]);
  busy = $state(false);
  message = $state.raw<LibraryMessage | null>(null);

  constructor(
    private readonly explainer: ExplainerState,
    private readonly training: TrainingState,
    private readonly editor: EditorState,
  ) {}

  private async run(task: () => Promise<LibraryMessage | null>): Promise<boolean> {
    this.busy = true;
    try {
      const m = await task();
      this.message = m;
      return m?.kind !== 'error';
    } catch (e) {
      const text = e instanceof FormatError ? e.localized() : { en: errorText(e), zh: errorText(e) };
      this.message = { kind: 'error', text };
      return false;
    } finally {
      this.busy = false;
    }
  }

  async refresh(): Promise<void> {
    try {
      this.saved = await listModels();
    } catch (e) {
      this.message = {
        kind: 'error',
        text: {
          en: `The browser's storage cannot be read: ${errorText(e)}`,
          zh: `无法读取浏览器存储：${errorText(e)}`,
        },
      };
    }
  }

  save(name: string): Promise<boolean> {
    return this.run(async () => {
      const spec = this.explainer.spec;
      if (!spec) return null;
      const label = name.trim() || spec.name;
      await saveModel(
        {
          name: label,
          dataset: this.explainer.meta?.dataset ?? '',
          classes: this.explainer.classes,
          accuracy: this.training.evaluation?.accuracy ?? this.training.lastValidation?.accuracy ?? null,
          params: totals(inferShapes(spec)).params,
          steps: this.training.lastStep?.step ?? 0,
        },
        {
          spec,
          weights: this.explainer.getWeights(),
          log: $state.snapshot(this.training.log),
          evaluation: this.training.evaluation,
        },
      );
      await this.refresh();
      return {
        kind: 'ok',
        text: { en: `Saved “${label}” in this browser.`, zh: `已在本浏览器中保存“${label}”。` },
      };
    });
  }

  load(summary: ModelSummary): Promise<boolean> {
    return this.run(async () => {
      const stored = await readModel(summary.id);
      const opened = await this.editor.openNetwork({
        spec: stored.spec,
        weights: stored.weights,
        // Earlier versions stored "#0", "#1", … for a model without names.
        classes: { names: isNumbering(summary.classes) ? [] : summary.classes, dataset: summary.dataset },
      });
      if (!opened.ok)
        return {
          kind: 'error',
          text: {
            en: `“${summary.name}” could not be opened in the explainer.`,
            zh: `无法在解释器中打开“${summary.name}”。`,
          },
        };
      this.training.restoreLog(stored.log, stored.evaluation, summary.classes);
      return { kind: 'ok', text: { en: `Opened “${summary.name}”.`, zh: `已打开“${summary.name}”。` } };
    });
  }

  remove(summary: ModelSummary): Promise<boolean> {
    return this.run(async () => {
      await deleteModel(summary.id);
      await this.refresh();
      return null;
    });
  }

  /**
   * Downloads model.json and weights.bin of the explainer's current network, with its class
   * names, written by our Keras writer without the engine: a browser lets a page start a
   * download only soon after the click, and building the net in tfjs first (seconds while the
   * engine loads) made Chromium drop the files when the page had downloaded before.
   */
  download(): Promise<boolean> {
    return this.run(async () => {
      const spec = this.explainer.spec;
      if (!spec) return null;
      const { serializeKerasJson } = await import('../../lib/formats/keras/kerasJson');
      const out = serializeKerasJson(spec, new Map(this.explainer.getWeights()), {
        weightsFile: WEIGHTS_FILE,
        labels: this.explainer.classes,
        dataset: this.explainer.meta?.dataset ?? '',
      });
      downloadBlob(new Blob([out.json], { type: 'application/json' }), 'model.json');
      for (const shard of out.shards)
        downloadBlob(new Blob([shard.data.slice().buffer], { type: 'application/octet-stream' }), shard.path);
      return null;
    });
  }

  /** A model.json and its weight file(s), picked together (with a labels file, if any). */
  upload(files: readonly File[]): Promise<boolean> {
    return this.run(async () => {
      const json = files.find((f) => f.name.toLowerCase().endsWith('.json') && !isLabelFileName(f.name));
      const labelFiles = files.filter((f) => f !== json && isLabelFileName(f.name));
      const weights = files.filter((f) => f !== json && !labelFiles.includes(f));
      if (!json)
        return {
          kind: 'error',
          text: {
            en: `No model.json among the chosen files (${files.map((f) => f.name).join(', ')}): choose the model.json together with its weights file.`,
            zh: `所选文件（${files.map((f) => f.name).join('、')}）中没有 model.json：请同时选择 model.json 和它的权重文件。`,
          },
        };
      const { loadModelFromFiles, getNamedWeights } = await this.explainer.connectEngine();
      const loaded = await loadModelFromFiles(json, weights);
      const named = getNamedWeights(loaded.model);
      const meta = readStudioMetadata(loaded.model.getUserDefinedMetadata());
      loaded.model.dispose();
      const outputs = outputUnits(loaded.spec, inferShapes(loaded.spec)) ?? 0;
      const found = await chooseLabels(
        labelFiles,
        meta ? { names: meta.classes, source: json.name } : null,
        outputs,
      );
      const classes = found.labels?.names ?? [];
      const opened = await this.editor.openNetwork({
        spec: loaded.spec,
        weights: named,
        classes: { names: classes, dataset: meta?.dataset ?? json.name },
      });
      if (!opened.ok)
        return {
          kind: 'error',
          text: {
            en: `${json.name}: the network could not be run in the explainer.`,
            zh: `${json.name}：无法在解释器中运行该网络。`,
          },
        };
      this.training.restoreLog({ steps: [], validation: [] }, null, classes);
      const note = found.problem ? { en: ` ${found.problem.en}`, zh: found.problem.zh } : { en: '', zh: '' };
      return {
        kind: found.problem ? 'error' : 'ok',
        text: { en: `Opened ${json.name}.${note.en}`, zh: `已打开 ${json.name}。${note.zh}` },
      };
    });
  }
}
