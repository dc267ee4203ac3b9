export { SHAPE_CLASSES, type ShapeClass } from './classes';
export { renderShape, imageSeed, DEFAULT_RENDER, type RenderOptions } from './render';
export { generateShapes, shapeImageAt, type ShapesOptions } from './dataset';
export { LazyShapes } from './lazy';
