/** The drawn example scenes, one per CIFAR-10 class, by class name. */
import type { Raster } from '../raster';
import { drawAirplane } from './airplane';
import { drawAutomobile } from './automobile';
import { drawBird } from './bird';
import { drawCat } from './cat';
import { drawDeer } from './deer';
import { drawDog } from './dog';
import { drawFrog } from './frog';
import { drawHorse } from './horse';
import { drawShip } from './ship';
import { drawTruck } from './truck';

export type Scene = (r: Raster, seed: number) => void;

export const SCENES: Readonly<Record<string, Scene>> = {
  airplane: drawAirplane,
  automobile: drawAutomobile,
  bird: drawBird,
  cat: drawCat,
  deer: drawDeer,
  dog: drawDog,
  frog: drawFrog,
  horse: drawHorse,
  ship: drawShip,
  truck: drawTruck,
};
