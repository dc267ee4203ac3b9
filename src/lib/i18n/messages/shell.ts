import { defineMessages } from '../define';

/** The page frame: navigation, loading, the side panel and its drawer, the footer. */
export const shellMessages = defineMessages({
  'shell.panelFailed': {
    en: 'This part of the page could not be loaded ({reason}). Reload the page to try again.',
    zh: '页面的这一部分无法加载（{reason}）。请重新加载页面再试。',
  },
  'shell.skipToContent': { en: 'Skip to the explainer', zh: '跳到解释器' },
  'shell.skipToArticle': { en: 'Skip to the article', zh: '跳到文章' },
  'shell.nav': { en: 'Page sections', zh: '页面板块' },
  'shell.explore': { en: 'Explore', zh: '探索' },
  'shell.learn': { en: 'Learn', zh: '学习' },
  'shell.tour': { en: 'Tour', zh: '导览' },
  'shell.tourHelp': { en: 'Take the guided tour again', zh: '重新开始导览' },
  'shell.loadingTitle': { en: 'Preparing the network', zh: '正在准备网络' },
  'shell.loadingProgress': { en: 'Loading progress', zh: '加载进度' },
  'shell.stage.weights': { en: 'Download the trained weights', zh: '下载训练好的权重' },
  'shell.stage.model': { en: 'Build the model', zh: '构建模型' },
  'shell.stageDone': { en: 'done', zh: '已完成' },
  'shell.stageActive': { en: 'in progress', zh: '进行中' },
  'shell.stagePending': { en: 'waiting', zh: '等待中' },
  'shell.bytes': { en: '{loaded} of {total}', zh: '{loaded} / {total}', same: true },
  'shell.retry': { en: 'Try again', zh: '重试' },
  'shell.retrying': { en: 'Trying again…', zh: '正在重试…' },
  'shell.side': { en: 'Side panel', zh: '侧边面板' },
  'shell.sideName': { en: 'side panel', zh: '侧边面板' },
  'shell.sideOpen': { en: 'Open the {panel}', zh: '打开{panel}' },
  'shell.sideClose': { en: 'Close the {panel}', zh: '关闭{panel}' },
  'shell.sideResize': { en: 'Resize the {panel}', zh: '调整{panel}宽度' },
  'shell.footer': {
    en: 'Everything runs in your browser: your images never leave this computer.',
    zh: '一切都在你的浏览器中运行：你的图像不会离开这台电脑。',
  },
  'shell.credits': {
    en: 'Inspired by CNN Explainer, TensorFlow Playground and Fabrik.',
    zh: '灵感来自 CNN Explainer、TensorFlow Playground 和 Fabrik。',
  },
});
