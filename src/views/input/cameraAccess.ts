/** Opens the camera and turns every way it can fail into a message key the visitor can act on. */
import type { Notice } from '../../app/browser/notice';
import { cameraProblem, NO_CAMERA_API } from '../../lib/live/cameraProblem';

export type CameraResult = { stream: MediaStream } | { problem: Notice };

export async function openCamera(): Promise<CameraResult> {
  if (!window.isSecureContext) return { problem: { key: 'input.camera.insecure' } };
  if (!navigator.mediaDevices?.getUserMedia) return { problem: NO_CAMERA_API };
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 640 }, height: { ideal: 480 } },
      audio: false,
    });
    return { stream };
  } catch (e) {
    return { problem: cameraProblem(e) };
  }
}

export function stopCamera(stream: MediaStream | null): void {
  stream?.getTracks().forEach((t) => t.stop());
}
