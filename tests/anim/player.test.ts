/** The step player: time drives the index, manual acts pause, disposal stops everything. */
import { describe, expect, it } from 'vitest';
import { Player, SPEED_LIMITS, type PlayerState } from '../../src/lib/anim/player';

describe('Player', () => {
  it('advances one step per 1/speed seconds and carries the remainder between frames', () => {
    const p = new Player(10, { stepsPerSecond: 4 });
    p.play();
    expect(p.tick(100)).toBe(false); // 0.4 step
    expect(p.state.index).toBe(0);
    expect(p.state.progress).toBeCloseTo(0.4);
    expect(p.tick(200)).toBe(true); // 0.4 + 0.8 = 1.2
    expect(p.state.index).toBe(1);
    expect(p.state.progress).toBeCloseTo(0.2);
  });

  it('does nothing while paused', () => {
    const p = new Player(5);
    expect(p.tick(5000)).toBe(false);
    expect(p.state).toMatchObject({ index: 0, playing: false });
  });

  it('loops back to the first step by default', () => {
    const p = new Player(3, { stepsPerSecond: 10 });
    p.seek(2);
    p.play();
    p.tick(100);
    expect(p.state).toMatchObject({ index: 0, playing: true });
  });

  it('stops on the last step without loop, and play starts over from there', () => {
    const p = new Player(3, { stepsPerSecond: 10, loop: false });
    p.play();
    p.tick(100);
    p.tick(100);
    p.tick(100);
    expect(p.state).toMatchObject({ index: 2, playing: false, progress: 0 });
    p.play();
    expect(p.state).toMatchObject({ index: 0, playing: true });
  });

  it('caps a long frame (background tab) instead of jumping far ahead', () => {
    const p = new Player(100, { stepsPerSecond: 10, maxFrameMs: 250 });
    p.play();
    p.tick(60_000);
    expect(p.state.index).toBe(2);
  });

  it('steps forward and back with wrap-around, pausing playback', () => {
    const p = new Player(4);
    p.play();
    p.step(-1);
    expect(p.state).toMatchObject({ index: 3, playing: false });
    p.step(1);
    expect(p.state.index).toBe(0);
    p.step(6);
    expect(p.state.index).toBe(2);
  });

  it('seeks (clamped) and pauses when asked, as hovering an output cell does', () => {
    const p = new Player(9);
    p.play();
    p.seek(4, true);
    expect(p.state).toMatchObject({ index: 4, playing: false });
    p.play();
    p.seek(99);
    expect(p.state).toMatchObject({ index: 8, playing: true });
    p.seek(-3);
    expect(p.state.index).toBe(0);
  });

  it('clamps the speed to its limits', () => {
    const p = new Player(3, { stepsPerSecond: 1000 });
    expect(p.state.stepsPerSecond).toBe(SPEED_LIMITS.max);
    p.setSpeed(0);
    expect(p.state.stepsPerSecond).toBe(SPEED_LIMITS.min);
    p.setSpeed(Number.NaN);
    expect(p.state.stepsPerSecond).toBe(SPEED_LIMITS.min);
  });

  it('will not play a single step or an empty list', () => {
    const one = new Player(1);
    one.play();
    expect(one.state.playing).toBe(false);
    const none = new Player(0);
    none.step(1);
    none.seek(3);
    expect(none.state.index).toBe(0);
  });

  it('keeps the index when the step list changes if it still exists, else restarts', () => {
    const p = new Player(20);
    p.seek(7);
    p.setCount(10);
    expect(p.state.index).toBe(7);
    p.setCount(5);
    expect(p.state.index).toBe(0);
    p.play();
    p.setCount(1);
    expect(p.state.playing).toBe(false);
  });

  it('notifies subscribers at once and on every change until they unsubscribe', () => {
    const p = new Player(5);
    const seen: PlayerState[] = [];
    const off = p.subscribe((s) => seen.push(s));
    expect(seen).toHaveLength(1);
    p.step(1);
    off();
    p.step(1);
    expect(seen.map((s) => s.index)).toEqual([0, 1]);
  });

  it('is cancelled for good by dispose: no ticks, no notifications, no new subscribers', () => {
    const p = new Player(5, { stepsPerSecond: 10 });
    const seen: number[] = [];
    p.subscribe((s) => seen.push(s.index));
    p.play();
    p.dispose();
    expect(p.isDisposed).toBe(true);
    expect(p.tick(1000)).toBe(false);
    p.step(1);
    p.play();
    expect(p.state).toMatchObject({ index: 0, playing: false });
    let late = 0;
    p.subscribe(() => late++);
    expect(late).toBe(0);
    expect(seen).toEqual([0, 0]);
  });
});
