import { describe, expect, it } from 'vitest';
import { LiveLoop, type LiveLoopDeps } from '../../src/lib/live/liveLoop';

/** A camera whose frames arrive when the test says, and a clock the test moves. */
function fakeCamera(update: () => boolean = () => true) {
  let pending: (() => void) | null = null;
  let cancelled = 0;
  let t = 0;
  const deps: LiveLoopDeps = {
    nextFrame(cb) {
      if (pending) throw new Error('two frame callbacks at once: the loop queued frames');
      pending = cb;
      return () => {
        cancelled++;
        pending = null;
      };
    },
    update: () => update(),
    now: () => t,
  };
  return {
    deps,
    /** Delivers one frame `dt` ms after the last; false when nobody waited for it. */
    frame(dt = 33): boolean {
      t += dt;
      const cb = pending;
      pending = null;
      cb?.();
      return cb !== null;
    },
    waiting: () => pending !== null,
    cancelled: () => cancelled,
  };
}

describe('LiveLoop', () => {
  it('explains each new frame once, asking for the next frame only after the update', () => {
    let calls = 0;
    const cam = fakeCamera(() => {
      calls++;
      // While the frame is explained nobody waits for another one: no queue builds up.
      expect(cam.waiting()).toBe(false);
      return true;
    });
    const loop = new LiveLoop(cam.deps);
    loop.start();
    for (let i = 0; i < 5; i++) expect(cam.frame()).toBe(true);
    expect(calls).toBe(5);
    expect(loop.updates).toBe(5);
    expect(loop.state).toBe('running');
  });

  it('counts the updates of the last second as its rate', () => {
    const cam = fakeCamera();
    const loop = new LiveLoop(cam.deps);
    loop.start();
    for (let i = 0; i < 40; i++) cam.frame(25);
    // 40 frames at t = 25, 50, … 1000 ms: all within the last second.
    expect(loop.rate()).toBe(40);
    cam.frame(600);
    // At t = 1600 only frames after t = 600 count: 625 … 1000 (16) and this one.
    expect(loop.rate()).toBe(17);
  });

  it('does not count a frame the camera had not delivered yet', () => {
    let ready = false;
    const cam = fakeCamera(() => ready);
    const loop = new LiveLoop(cam.deps);
    loop.start();
    cam.frame();
    cam.frame();
    expect(loop.updates).toBe(0);
    ready = true;
    cam.frame();
    expect(loop.updates).toBe(1);
    expect(cam.waiting()).toBe(true);
  });

  it('pauses and resumes: no update while paused, and the pending frame is cancelled', () => {
    const cam = fakeCamera();
    const changes: string[] = [];
    const loop = new LiveLoop(cam.deps, () => changes.push(loop.state));
    loop.start();
    cam.frame();
    loop.pause();
    expect(cam.cancelled()).toBe(1);
    expect(cam.frame()).toBe(false);
    expect(loop.updates).toBe(1);
    loop.resume();
    cam.frame();
    expect(loop.updates).toBe(2);
    expect(changes).toEqual(['running', 'running', 'paused', 'running', 'running']);
    // Resume does nothing unless paused; pause does nothing unless running.
    loop.stop();
    loop.resume();
    loop.pause();
    expect(loop.state).toBe('stopped');
    expect(cam.waiting()).toBe(false);
  });

  it('stops with the failure when explaining a frame throws, and asks for no more frames', () => {
    const boom = new Error('no runner');
    let n = 0;
    const cam = fakeCamera(() => {
      if (++n === 3) throw boom;
      return true;
    });
    const loop = new LiveLoop(cam.deps);
    loop.start();
    cam.frame();
    cam.frame();
    cam.frame();
    expect(loop.state).toBe('stopped');
    expect(loop.failure).toBe(boom);
    expect(loop.updates).toBe(2);
    expect(cam.waiting()).toBe(false);
    // A new start clears the failure and the count.
    loop.start();
    expect(loop.failure).toBeNull();
    expect(loop.updates).toBe(0);
  });

  it('lets the update pause the loop (another image was chosen) without asking for another frame', () => {
    const cam = fakeCamera(() => {
      loop.pause();
      return false;
    });
    const loop = new LiveLoop(cam.deps);
    loop.start();
    cam.frame();
    expect(loop.state).toBe('paused');
    expect(cam.waiting()).toBe(false);
  });
});
