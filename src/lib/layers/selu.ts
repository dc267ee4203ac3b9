/** SELU: a scaled ELU whose constants keep activations at mean 0 and variance 1. */
import { fixedActivation } from './shared/fixedActivation';

export const selu = fixedActivation('SELU', 'selu', {
  en: 'The scaled exponential linear unit: λ·x for positive values and λ·α·(e^x − 1) for negative ones, with λ ≈ 1.0507 and α ≈ 1.6733. These constants are chosen so that, with LeCun-normal weights, activations drift back to mean 0 and variance 1 by themselves, letting deep dense nets train without batch normalisation.',
  zh: '缩放指数线性单元：正值为 λ·x，负值为 λ·α·(e^x − 1)，其中 λ ≈ 1.0507，α ≈ 1.6733。选择这些常数是为了在使用 LeCun 正态初始化时，激活值会自动回到均值 0、方差 1，使深层全连接网络无需批归一化也能训练。',
});
