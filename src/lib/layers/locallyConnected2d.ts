/** LocallyConnected2D: a 2-D valid convolution whose kernel differs at every position. */
import { locallyConnected } from './shared/locallyConnected';

export const locallyConnected2d = locallyConnected('LocallyConnected2D', 2, {
  en: 'Works like a convolution, but every output position has its own kernel instead of all positions sharing one. Face recognisers such as DeepFace used it on aligned faces, where an eye is always in the same place; it needs about as many weights as positions times a convolution.',
  zh: '与卷积相似，但每个输出位置都有自己的卷积核，而不是所有位置共用一个。DeepFace 等人脸识别网络把它用在已对齐的人脸上，因为眼睛总在同一位置；它的权重数约为卷积的 位置数 倍。',
});
