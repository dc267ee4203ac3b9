/**
 * Chinese names for well-known class labels (CIFAR-10's, those of our pretrained model). A
 * model's classes come from its dataset's folder names, so they are data, not messages: only
 * the display is translated, and a name we do not know is shown as it is.
 */
import type { Locale } from './define';

const ZH: Readonly<Record<string, string>> = {
  airplane: '飞机',
  automobile: '汽车',
  bird: '鸟',
  cat: '猫',
  deer: '鹿',
  dog: '狗',
  frog: '青蛙',
  horse: '马',
  ship: '船',
  truck: '卡车',
};

export function localizeClassName(name: string, locale: Locale): string {
  return locale === 'zh-CN' ? (ZH[name.toLowerCase()] ?? name) : name;
}
