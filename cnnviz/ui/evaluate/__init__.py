"""The Evaluate tab: test-set accuracy, the confusion matrix and explanations."""
