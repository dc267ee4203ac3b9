/**
 * The guided first visit: offered once, never again after it is finished or dismissed
 * (remembered in localStorage); the header's button restarts it any time.
 */
const STORAGE_KEY = 'cnn-studio.tour';

function readSeen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== null;
  } catch {
    // Storage blocked: behave as a first visit; dismissing still hides it for this page.
    return false;
  }
}

export class TourState {
  open = $state(false);
  step = $state(0);

  /** Starts the tour unless this browser has already finished or dismissed it. */
  offerOnFirstVisit(): void {
    if (!readSeen()) this.start();
  }

  start(): void {
    this.step = 0;
    this.open = true;
  }

  /** Closes the tour for good, whether finished or skipped. */
  dismiss(): void {
    this.open = false;
    try {
      localStorage.setItem(STORAGE_KEY, 'done');
    } catch {
      // Not fatal: the tour will be offered again next time.
    }
  }
}
