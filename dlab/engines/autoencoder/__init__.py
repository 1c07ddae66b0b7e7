"""Topic 4: autoencoders on handwritten digits."""
