/**
 * What to tell the visitor when the camera will not start: the browser's error names
 * (DOMException and OverconstrainedError) mapped to messages in the page's language. Only an
 * error this does not know keeps the browser's own text, as a detail in brackets.
 */
import type { MessageKey } from '../i18n';

export interface CameraProblem {
  key: MessageKey;
  vars?: { reason: string };
}

const BY_NAME: Record<string, MessageKey> = {
  NotAllowedError: 'input.camera.denied',
  PermissionDeniedError: 'input.camera.denied',
  SecurityError: 'input.camera.denied',
  NotFoundError: 'input.camera.notFound',
  DevicesNotFoundError: 'input.camera.notFound',
  NotReadableError: 'input.camera.busy',
  TrackStartError: 'input.camera.busy',
  OverconstrainedError: 'input.camera.unsuitable',
  ConstraintNotSatisfiedError: 'input.camera.unsuitable',
  AbortError: 'input.camera.aborted',
};

/** The message for an error thrown by getUserMedia. */
export function cameraProblem(error: unknown): CameraProblem {
  const name =
    typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
      ? error.name
      : '';
  const key = BY_NAME[name];
  if (key) return { key };
  const message =
    typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  return { key: 'input.camera.unavailable', vars: { reason: name ? `${name}: ${message}` : message } };
}

/** The message when the browser has no camera API at all. */
export const NO_CAMERA_API: CameraProblem = { key: 'input.camera.noApi' };
