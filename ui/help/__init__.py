"""Help: the built-in guide and the training vault."""
