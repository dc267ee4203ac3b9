/**
 * A Player (src/lib/anim) as reactive state for a component, driven by animation frames
 * while it plays. Create it in a component's script and call `destroy()` on teardown.
 */
import { Player, type PlayerOptions } from '../../../lib/anim/player';
import { prefersReducedMotion, runFrames } from './frames';

export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;

export class PlayerHandle {
  index = $state(0);
  count = $state(0);
  playing = $state(false);
  speed = $state(4);
  private readonly player: Player;
  private stopFrames: (() => void) | null = null;

  constructor(count: number, options: PlayerOptions & { autoplay?: boolean } = {}) {
    this.player = new Player(count, { stepsPerSecond: this.speed, ...options });
    this.player.subscribe((s) => {
      this.index = s.index;
      this.count = s.count;
      this.playing = s.playing;
      this.speed = s.stepsPerSecond;
      if (s.playing && !this.stopFrames) this.stopFrames = runFrames((ms) => this.onFrame(ms));
    });
    if (options.autoplay && !this.reducedMotion) this.player.play();
  }

  /** Asked each time: the user can change the setting while the page is open. */
  get reducedMotion(): boolean {
    return prefersReducedMotion();
  }

  play = (): void => this.player.play();
  pause = (): void => this.player.pause();
  toggle = (): void => this.player.toggle();
  step = (delta: number): void => this.player.step(delta);
  seek = (index: number, pause = false): void => this.player.seek(index, pause);
  setSpeed = (stepsPerSecond: number): void => this.player.setSpeed(stepsPerSecond);
  setCount = (count: number): void => this.player.setCount(count);

  destroy(): void {
    this.player.dispose();
    this.stopFrames?.();
    this.stopFrames = null;
  }

  private onFrame(ms: number): boolean {
    this.player.tick(ms);
    if (this.player.state.playing) return true;
    this.stopFrames = null;
    return false;
  }
}
