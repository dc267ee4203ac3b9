/** Opens the camera and turns every way it can fail into a message key the visitor can act on. */
import type { Notice } from '../../app/browser/notice';

export type CameraResult = { stream: MediaStream } | { problem: Notice };

export async function openCamera(): Promise<CameraResult> {
  if (!window.isSecureContext) return { problem: { key: 'input.camera.insecure' } };
  if (!navigator.mediaDevices?.getUserMedia)
    return {
      problem: { key: 'input.camera.unavailable', vars: { reason: 'no camera API in this browser' } },
    };
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 640 }, height: { ideal: 480 } },
      audio: false,
    });
    return { stream };
  } catch (e) {
    const name = e instanceof DOMException ? e.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError')
      return { problem: { key: 'input.camera.denied' } };
    const reason = e instanceof Error ? `${name || 'Error'}: ${e.message}` : String(e);
    return { problem: { key: 'input.camera.unavailable', vars: { reason } } };
  }
}

export function stopCamera(stream: MediaStream | null): void {
  stream?.getTracks().forEach((t) => t.stop());
}
