import { beforeAll, describe, expect, it } from 'vitest';
import { cameraProblem, NO_CAMERA_API } from '../../src/lib/live/cameraProblem';
import { loadDeferredMessages, translate } from '../../src/lib/i18n';

beforeAll(async () => {
  await loadDeferredMessages();
});

describe('cameraProblem', () => {
  const known = [
    'NotFoundError',
    'NotAllowedError',
    'NotReadableError',
    'OverconstrainedError',
    'SecurityError',
    'AbortError',
  ];

  it('names each known getUserMedia failure in the page’s language, without the browser’s English', () => {
    for (const name of known) {
      // Chromium throws OverconstrainedError as its own class, not a DOMException: only the name counts.
      const error =
        name === 'OverconstrainedError'
          ? Object.assign(new Error('Requested constraints cannot be met'), { name })
          : new DOMException('Requested device not found', name);
      const problem = cameraProblem(error);
      expect(problem.key, name).not.toBe('input.camera.unavailable');
      expect(problem.vars, name).toBeUndefined();
      const zh = translate('zh-CN', problem.key, problem.vars);
      expect(zh, name).toMatch(/\p{Script=Han}/u);
      expect(zh, name).not.toMatch(/[A-Za-z]{4,}/);
    }
    expect(cameraProblem(new DOMException('x', 'NotFoundError')).key).toBe('input.camera.notFound');
    expect(cameraProblem(new DOMException('x', 'NotAllowedError')).key).toBe('input.camera.denied');
  });

  it('says in the page’s language when the browser has no camera API', () => {
    expect(translate('zh-CN', NO_CAMERA_API.key)).toBe('此浏览器无法使用摄像头。请用其他方式提供图像。');
    expect(translate('en', NO_CAMERA_API.key)).toMatch(/This browser cannot use a camera/);
  });

  it('keeps the browser’s text only as a detail for an error it does not know', () => {
    const problem = cameraProblem(new DOMException('Something odd', 'WeirdError'));
    expect(problem.key).toBe('input.camera.unavailable');
    expect(translate('zh-CN', problem.key, problem.vars)).toBe(
      '这里没有可用的摄像头（WeirdError: Something odd）。',
    );
    expect(cameraProblem('boom').vars).toEqual({ reason: 'boom' });
  });
});
