"""Topic 10: CycleGAN, unpaired translation with two GANs in a cycle (params.py needs no torch)."""
