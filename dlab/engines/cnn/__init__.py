"""Topic 6: convolutional networks on handwritten digits."""
