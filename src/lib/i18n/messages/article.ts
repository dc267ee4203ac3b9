import { defineMessages } from '../define';

/** The article's frame (its content lives in src/lib/article, in both languages). */
export const articleMessages = defineMessages({
  'article.title': { en: 'How a convolutional network works', zh: '卷积网络是怎样工作的' },
  'article.lede': {
    en: 'A short course in {count} parts, linked to the views above: read an idea, then see it happen.',
    zh: '一门分为 {count} 个部分的简短课程，与上方的视图相互链接：读懂一个概念，再看它如何发生。',
  },
  'article.contents': { en: 'Contents', zh: '目录' },
  'article.showLayer': { en: 'Show me {layer} in the network', zh: '在网络中查看 {layer}' },
  'article.showView': { en: 'Open {view}', zh: '打开{view}' },
  'article.back': { en: 'Back to “{section}”', zh: '返回“{section}”' },
  'article.backRegion': { en: 'Return to the article', zh: '返回文章' },
  'article.backDismiss': { en: 'Stay here', zh: '留在这里' },
  'article.formula': { en: 'Formula', zh: '公式' },
  'article.plotLabel': { en: 'Graph of {name}', zh: '{name} 的函数图像' },
});
