import { defineMessages } from '../define';

/** The guided first visit. */
export const tourMessages = defineMessages({
  'tour.label': { en: 'Guided tour', zh: '导览' },
  'tour.next': { en: 'Next', zh: '下一步' },
  'tour.back': { en: 'Back', zh: '上一步' },
  'tour.done': { en: 'Start exploring', zh: '开始探索' },
  'tour.skip': { en: 'Skip the tour', zh: '跳过导览' },
  'tour.progress': { en: 'Step {n} of {total}', zh: '第 {n} 步，共 {total} 步' },
  'tour.welcome.title': { en: 'Welcome to CNN Studio', zh: '欢迎来到 CNN Studio' },
  'tour.welcome.body': {
    en: 'A one-minute tour of the page. Use the buttons or the arrow keys; Esc closes it at any time.',
    zh: '用一分钟带你看看这个页面。可以用按钮或方向键翻页，随时按 Esc 关闭。',
  },
  'tour.image.title': { en: 'Start with an image', zh: '从一张图像开始' },
  'tour.image.body': {
    en: 'Choose any picture. The network classifies it right here in your browser, and every view updates.',
    zh: '选择任意一张图片。网络就在你的浏览器里对它分类，所有视图随之更新。',
  },
  'tour.overview.title': { en: 'The network at a glance', zh: '网络一览' },
  'tour.overview.body': {
    en: 'Each layer of the network, with what it outputs for your image: its shape, parameters and activation maps.',
    zh: '网络的每一层，以及它对你的图像输出了什么：形状、参数量和激活图。',
  },
  'tour.neuron.title': { en: 'Click a neuron', zh: '点击一个神经元' },
  'tour.neuron.body': {
    en: 'Every small map is one channel of a layer. Click one to see exactly how its values were computed.',
    zh: '每张小图都是某一层的一个通道。点击它，就能看到其中的值究竟是怎样算出来的。',
  },
  'tour.formula.title': { en: 'The formula behind it', zh: '背后的公式' },
  'tour.formula.body': {
    en: 'This view replays the arithmetic for the neuron you picked: the window, the kernel, the sums and the bias.',
    zh: '这个视图为你选中的神经元重演计算过程：窗口、卷积核、求和与偏置。',
  },
  'tour.editor.title': { en: 'Change the architecture', zh: '修改网络结构' },
  'tour.editor.body': {
    en: 'Add, remove and connect layers. Shapes and parameter counts update as you edit, and problems are named where they occur.',
    zh: '添加、删除和连接层。形状和参数量随编辑即时更新，出现问题时会指明位置。',
  },
  'tour.training.title': { en: 'Train it yourself', zh: '亲手训练' },
  'tour.training.body': {
    en: 'Train the network in your browser and watch the loss fall and the accuracy rise.',
    zh: '在浏览器中训练网络，看着损失下降、准确率上升。',
  },
  'tour.article.title': { en: 'Learn as you go', zh: '边看边学' },
  'tour.article.body': {
    en: 'The article explains each idea in turn. Its “show me” links jump to the view that shows it live.',
    zh: '文章依次讲解每个概念。其中的“查看”链接会跳到实时展示它的视图。',
  },
  'tour.language.title': { en: 'English or Chinese', zh: '中文或英文' },
  'tour.language.body': {
    en: 'Switch the language of the whole page here. Your choice is remembered.',
    zh: '在这里切换整个页面的语言。你的选择会被记住。',
  },
});
