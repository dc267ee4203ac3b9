/**
 * What the caption of a drawn example says of the network's answer (ExampleAbout.svelte):
 * nothing when it is right; 'wrong' only when a trained net could have been right. Named
 * classes without the drawing's make it impossible to be right ('notAClass', whatever the
 * weights); a net with random weights answers at random, right or not ('random'); a net whose
 * classes have no names may call the airplane "class 0" rightly or not ('unnamed').
 */
export type ExampleVerdict = 'random' | 'unnamed' | 'notAClass' | 'wrong' | null;

export function exampleVerdict(o: {
  randomWeights: boolean;
  classes: readonly string[];
  exampleClass: string;
  top: number;
}): ExampleVerdict {
  if (o.classes.length > 0 && !o.classes.includes(o.exampleClass)) return 'notAClass';
  if (o.randomWeights) return 'random';
  if (o.classes.length === 0) return 'unnamed';
  return o.classes[o.top] === o.exampleClass ? null : 'wrong';
}
