/** The drag-and-drop payload of a palette entry: the layer type, under its own MIME type. */
export const LAYER_MIME = 'application/x-cnn-studio-layer';
