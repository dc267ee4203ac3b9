import { defineMessages } from '../define';

/** Class labels: the fallback names, the labels editor, and labels that come with model files. */
export const labelsMessages = defineMessages({
  'labels.fallback': { en: 'class {n}', zh: '类别 {n}' },
  'labels.none': {
    en: 'This model has no class names, so its outputs are numbered.',
    zh: '该模型没有类别名称，因此它的输出以编号表示。',
  },
  'labels.add': { en: 'Name the classes', zh: '为类别命名' },
  'labels.edit': { en: 'Class names', zh: '类别名称' },
  'labels.editHint': {
    en: 'Type, paste or load the names of the model’s {count} outputs',
    zh: '输入、粘贴或载入模型 {count} 个输出的名称',
  },
  'labels.title': { en: 'Class names', zh: '类别名称' },
  'labels.help': {
    en: 'One name per line, in the order of the model’s outputs. You can also load labels.txt, classes.txt, synset_words.txt or a Teachable Machine metadata.json.',
    zh: '每行一个名称，按模型输出的顺序排列。也可以载入 labels.txt、classes.txt、synset_words.txt 或 Teachable Machine 的 metadata.json。',
  },
  'labels.field': { en: 'Class names, one per line', zh: '类别名称，每行一个' },
  'labels.load': { en: 'Load a file…', zh: '载入文件…' },
  'labels.countOk': {
    en: '{names} names for {outputs} outputs.',
    zh: '{names} 个名称，对应 {outputs} 个输出。',
  },
  'labels.countOff': {
    en: '{names} names, but the model has {outputs} outputs: give one name per output.',
    zh: '有 {names} 个名称，但模型有 {outputs} 个输出：请为每个输出给出一个名称。',
  },
  'labels.noOutputs': {
    en: 'The model’s last layer is not a list of classes, so it cannot be given class names.',
    zh: '模型的最后一层不是类别列表，因此无法为其命名类别。',
  },
  'labels.apply': { en: 'Use these names', zh: '使用这些名称' },
  'labels.clear': { en: 'Remove the names', zh: '移除名称' },
  'labels.cancel': { en: 'Cancel', zh: '取消' },
  'labels.fromFile': { en: 'Class names from {file}: {count}.', zh: '类别名称来自 {file}：{count} 个。' },
  'labels.fromModel': {
    en: 'Class names from the model’s own metadata: {count}.',
    zh: '类别名称来自模型自带的元数据：{count} 个。',
  },
  'labels.unused': { en: 'Class names not used: {reason}', zh: '未使用类别名称：{reason}' },
});
