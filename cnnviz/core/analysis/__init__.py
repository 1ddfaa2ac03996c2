"""Analysis of a trained model: inspection, explanations, evaluation, prediction, drawing."""
