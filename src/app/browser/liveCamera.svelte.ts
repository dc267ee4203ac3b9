/**
 * The live camera: the overview and the prediction follow the camera frame by frame until
 * paused or stopped. A thin handle on LiveLoop (src/lib/live/liveLoop.ts): it owns the stream
 * and the video element, reads frames at a small size, and mirrors the loop's state for Svelte.
 */
import { LiveLoop, type LiveLoopState } from '../../lib/live/liveLoop';
import type { ExplainerState } from '../state/explainerState.svelte';
import type { RawImage } from '../../lib/preprocess/preprocess';

type FrameVideo = HTMLVideoElement & {
  requestVideoFrameCallback?(cb: () => void): number;
  cancelVideoFrameCallback?(handle: number): void;
};

/**
 * Frames are read scaled so that their short side is this many times the network's input: the
 * explainer still crops and resizes them as it does every image, but from ~1/20 of the pixels.
 */
const OVERSAMPLE = 2;

export class LiveCamera {
  state = $state<LiveLoopState>('stopped');
  /** Updates per second, refreshed a few times a second. */
  rate = $state(0);
  /** The camera stopped by itself (unplugged, or another app took it). */
  ended = $state(false);
  /** Explaining a frame failed; the loop stopped. */
  failure = $state<string | null>(null);
  stream = $state.raw<MediaStream | null>(null);
  private video: FrameVideo | null = null;
  private canvas: OffscreenCanvas | null = null;
  private lastRaw: RawImage | null = null;
  private lastRateAt = 0;
  private readonly loop: LiveLoop;

  constructor(
    private readonly explainer: ExplainerState,
    private readonly imageName: () => string,
  ) {
    this.loop = new LiveLoop(
      { nextFrame: (cb) => this.nextFrame(cb), update: () => this.update(), now: () => performance.now() },
      () => this.mirror(),
    );
  }

  /** Frames explained since the camera went live (read by the bench through the page). */
  get updates(): number {
    return this.loop.updates;
  }

  /** Takes over a running stream and starts following it once `video` plays it. */
  start(stream: MediaStream, video: HTMLVideoElement): void {
    this.stop();
    this.stream = stream;
    this.video = video;
    this.ended = false;
    this.failure = null;
    for (const track of stream.getVideoTracks())
      track.addEventListener('ended', () => {
        if (this.stream !== stream) return;
        this.ended = true;
        this.stop();
      });
    this.loop.start();
  }

  pause(): void {
    this.loop.pause();
  }

  resume(): void {
    // The learner asks for the camera back, over whatever image was chosen meanwhile.
    this.lastRaw = null;
    this.loop.resume();
  }

  stop(): void {
    this.loop.stop();
    this.release();
  }

  private release(): void {
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = null;
    this.video = null;
    this.lastRaw = null;
  }

  private nextFrame(cb: () => void): () => void {
    const video = this.video;
    if (video?.requestVideoFrameCallback) {
      const handle = video.requestVideoFrameCallback(cb);
      return () => video.cancelVideoFrameCallback?.(handle);
    }
    const handle = requestAnimationFrame(cb);
    return () => cancelAnimationFrame(handle);
  }

  private update(): boolean {
    const video = this.video;
    if (!video || video.videoWidth === 0) return false;
    // Another image was chosen (an example, a file): the camera steps aside until resumed.
    if (this.lastRaw && this.explainer.image?.raw !== this.lastRaw) {
      this.loop.pause();
      return false;
    }
    const raw = this.grab(video);
    this.explainer.setRawImage(raw, this.imageName());
    if (this.explainer.image?.raw !== raw) throw new Error('the network could not explain the frame');
    this.lastRaw = raw;
    return true;
  }

  private grab(video: HTMLVideoElement): RawImage {
    const { videoWidth: w, videoHeight: h } = video;
    const scale = Math.min(1, (OVERSAMPLE * this.explainer.inputSize) / Math.min(w, h));
    const cw = Math.max(1, Math.round(w * scale));
    const ch = Math.max(1, Math.round(h * scale));
    if (!this.canvas || this.canvas.width !== cw || this.canvas.height !== ch)
      this.canvas = new OffscreenCanvas(cw, ch);
    const ctx = this.canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D canvas context');
    ctx.drawImage(video, 0, 0, cw, ch);
    return { width: cw, height: ch, data: ctx.getImageData(0, 0, cw, ch).data, channels: 4 };
  }

  private mirror(): void {
    this.state = this.loop.state;
    const failure = this.loop.failure;
    if (failure && this.stream) {
      this.failure = failure instanceof Error ? failure.message : String(failure);
      this.release();
    }
    const now = performance.now();
    // The rate text changes a few times a second, not at every frame.
    if (this.loop.state !== 'running' || now - this.lastRateAt > 250) {
      this.lastRateAt = now;
      this.rate = this.loop.state === 'running' ? this.loop.rate() : 0;
    }
  }
}
