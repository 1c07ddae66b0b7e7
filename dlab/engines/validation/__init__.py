"""Topic 3: training, validation and test sets; overfitting, early stopping, model choice."""
